// The Report: the public JSON contract of report-json.md (its zod schema, derived from the format data, is in
// schemas.ts).
import type { FormatDef, FormatVersion, RowDef, SectionKey, TableDef, TableKey } from './format.ts';
import { formatOf } from './formats/index.ts';
import type { SourceSpan } from './source.ts';

/** A figure: a number as written, or null where the report leaves the cell blank (never 0 for a blank). */
export type Cell = number | null;
/** A data row: column key → figure. */
export type RowValues = { [column: string]: Cell };
/** A table, or a group of rows inside it. */
export interface TableValues {
  [key: string]: RowValues | TableValues;
}

/** The six sections' text (heading excluded), null where absent. */
export type Sections = Record<SectionKey, string | null>;

/** How a figure was obtained when it was not simply read from its own cell. */
export type Inference = 'split' | 'grid' | 'arithmetic';

/** Where a figure (or a metadata value) came from. */
export interface Provenance {
  source?: SourceSpan;
  /** The text of the cell as written. */
  text?: string;
  /** Set when the value was placed by inference (run-together digits split, grid alignment, extra cell dropped). */
  inferred?: Inference;
  /** Unit converted from, e.g. "元" for a 采购总金额 written in 元. */
  unitFrom?: string;
}

/** A section heading as it was found. */
export interface HeadingInfo {
  section: SectionKey;
  text: string;
  /** The number as written: "一", "1", … */
  number: string;
  source?: SourceSpan;
}

/** The report, as the contract of report-json.md defines it, plus nianbao's own keys (provenance, outline). */
export interface Report {
  formatVersion: FormatVersion;
  agency: string | null;
  year: number | null;
  sections: Sections;
  proactive: TableValues;
  requests: TableValues;
  reviewLitigation: TableValues;
  /** Dotted model path ("requests.denied.stateSecret.naturalPerson", "agency", …) → provenance. */
  provenance?: Record<string, Provenance>;
  /** The section headings in document order. */
  outline?: HeadingInfo[];
  /** Set on a report nianbao computed as the cell-wise sum of member reports (src/aggregate/sum.ts), never read. */
  aggregate?: AggregateInfo;
}

/** What marks a computed aggregate: how many member reports it sums (report-json.md: nianbao's own key). */
export interface AggregateInfo {
  members: number;
}

export const SECTION_KEYS: readonly SectionKey[] = [
  'overview',
  'proactive',
  'requests',
  'reviewLitigation',
  'problems',
  'other',
];
export const TABLE_KEYS: readonly TableKey[] = ['proactive', 'requests', 'reviewLitigation'];

/** The table definition of a report's format version. */
export function tableDef(version: FormatVersion, key: TableKey): TableDef {
  return formatOf(version).tables.find((t) => t.key === key)!;
}

/** A table with every cell blank (null). */
export function blankTable(t: TableDef): TableValues {
  const out: TableValues = {};
  for (const r of t.rows) {
    let node = out;
    for (const k of r.path.slice(0, -1)) node = (node[k] ??= {}) as TableValues;
    const row: RowValues = {};
    for (const c of r.columns) row[c.key] = null;
    node[r.path[r.path.length - 1]!] = row;
  }
  return out;
}

/** A report of the given version with no metadata, no sections and every cell blank. */
export function blankReport(version: FormatVersion): Report {
  const f = formatOf(version);
  const t = (k: TableKey) => blankTable(f.tables.find((x) => x.key === k)!);
  return {
    formatVersion: version,
    agency: null,
    year: null,
    sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, null])) as Sections,
    proactive: t('proactive'),
    requests: t('requests'),
    reviewLitigation: t('reviewLitigation'),
  };
}

/** The values object of one row of a table. */
export function rowValues(table: TableValues, row: RowDef): RowValues {
  let node: TableValues | RowValues = table;
  for (const k of row.path) node = (node as TableValues)[k]!;
  return node as RowValues;
}

/** Every cell of a format version: table, row and column definitions and the model path. */
export function* cellsOf(
  f: FormatDef,
): Generator<{ table: TableDef; row: RowDef; column: RowDef['columns'][number]; path: string[] }> {
  for (const table of f.tables)
    for (const row of table.rows)
      for (const column of row.columns)
        yield { table, row, column, path: [table.key, ...row.path, column.key] };
}
