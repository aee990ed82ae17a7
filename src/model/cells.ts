// Reading cells of a report by model path, and naming them in Chinese or English (表/行/列) for messages.
import type { Lang, ModelPath } from './diagnostic.ts';
import type { FormatDef, RowDef, TableDef } from './format.ts';
import type { Report, TableValues } from './report.ts';
import type { SourceSpan } from './source.ts';

/** A sum that must hold: Σ lhs = Σ rhs, over cells named by their model paths. */
export interface Equation {
  /** The rule clause, e.g. "T3-1". */
  readonly id: string;
  readonly lhs: readonly ModelPath[];
  readonly rhs: readonly ModelPath[];
}

/** The value at a model path: a figure, null for a blank, undefined where the path is not a cell. */
export function cellAt(report: Report, path: ModelPath): number | null | undefined {
  let node: unknown = report;
  for (const k of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[k];
  }
  return typeof node === 'number' || node === null ? node : undefined;
}

/** The table and row definitions a model path points into. */
export function locate(
  format: FormatDef,
  path: ModelPath,
): { table?: TableDef; row?: RowDef; column?: string } {
  const table = format.tables.find((t) => t.key === path[0]);
  if (!table) return {};
  const row = table.rows.find((r) => r.path.every((k, i) => path[i + 1] === k));
  return {
    table,
    ...(row ? { row } : {}),
    ...(row && path.length > row.path.length + 1 ? { column: path[row.path.length + 1] } : {}),
  };
}

const TABLE_NAMES: Record<string, { zh: string; en: string }> = {
  proactive: { zh: '表二（主动公开）', en: 'table 2 (proactive disclosure)' },
  requests: { zh: '表三（依申请公开）', en: 'table 3 (requests)' },
  reviewLitigation: { zh: '表四（复议诉讼）', en: 'table 4 (review and litigation)' },
};

/** The name of a cell, row or table as a reviewer reads it: 表三“（一）予以公开”行“自然人”列. */
export function nameOf(format: FormatDef, path: ModelPath, lang: Lang = 'zh'): string {
  const { table, row, column } = locate(format, path);
  if (!table) return path.join('.');
  const t = TABLE_NAMES[table.key]![lang];
  if (!row) return t;
  const rowLabel = table.layout === 'wide' && row.group ? `${row.group}·${row.label}` : row.label;
  const col = column ? row.columns.find((c) => c.key === column) : undefined;
  if (lang === 'en') return `${t}, row "${rowLabel}"${col ? `, column "${col.label}"` : ''}`;
  return `${t}“${rowLabel}”行${col ? `“${col.label}”列` : ''}`;
}

/** The label of a row of a table. */
export function rowLabel(table: TableDef, rowId: string): string {
  return table.rows.find((r) => r.path.join('.') === rowId)?.label ?? rowId;
}

/** The rows of a table's values by their dotted ids. */
export function rowsOf(table: TableDef, values: TableValues): Map<string, Record<string, number | null>> {
  const out = new Map<string, Record<string, number | null>>();
  for (const r of table.rows) {
    let node: unknown = values;
    for (const k of r.path) node = (node as Record<string, unknown>)[k];
    out.set(r.path.join('.'), node as Record<string, number | null>);
  }
  return out;
}

/** The result of evaluating an equation. */
export interface Evaluation {
  ok: boolean;
  lhs: number;
  rhs: number;
  /** Blank cells counted as 0. */
  blanks: number;
}

/**
 * Evaluates an equation. Each side needs at least one written figure; blanks count as 0 then (reports write
 * zeros as empty cells), and the count of blanks is returned so the message can say so.
 */
export function evaluate(report: Report, eq: Equation): Evaluation | null {
  let blanks = 0;
  const side = (paths: readonly ModelPath[]): number | null => {
    let sum = 0;
    let written = 0;
    for (const p of paths) {
      const v = cellAt(report, p);
      if (typeof v === 'number') {
        sum += v;
        written++;
      } else blanks++;
    }
    return written > 0 ? sum : null;
  };
  const lhs = side(eq.lhs);
  const rhs = side(eq.rhs);
  if (lhs === null || rhs === null) return null;
  return { ok: Math.abs(lhs - rhs) < 1e-9, lhs, rhs, blanks };
}

/** The file name of a rule's documentation ("extract/extra-cells" → "extract-extra-cells"). */
export function docName(id: string): string {
  return id.replace(/\//g, '-');
}

/** Where a model path came from: the cell's own source, or the first cell with one under a row or table path. */
export function sourceOf(report: Report, path: ModelPath): SourceSpan | undefined {
  const prov = report.provenance;
  if (!prov) return undefined;
  const key = path.join('.');
  if (prov[key]?.source) return prov[key]!.source;
  for (const [k, v] of Object.entries(prov)) if (k.startsWith(key + '.') && v.source) return v.source;
  return undefined;
}
