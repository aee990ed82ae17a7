// The format's tables compiled for matching (keys normalised once) and the row a label names (design.md: rows are
// matched by label, never by position).
import type { ColumnDef, FormatDef, RowDef, TableDef, TableKey } from '../../model/format.ts';
import { compileMatch, labelForms, matchPosition, normalizeLabel, type CompiledMatch } from '../labels.ts';

export interface CompiledRow {
  readonly def: RowDef;
  readonly match: CompiledMatch;
  readonly id: string;
  /** Dotted model path of each cell, made once (provenance keys; fresh strings per cell were a hot spot). */
  readonly cellKeys: Readonly<Record<string, string>>;
  /** The official label and its variants, normalised, for a numbered sub-row ("3.危及三安全一稳定"); else none. */
  readonly numbered: readonly string[];
}

export interface CompiledTable {
  readonly def: TableDef;
  readonly rows: readonly CompiledRow[];
  /** Row keys by their first character. */
  readonly keyIndex: ReadonlyMap<string, readonly { key: string; rowIndex: number }[]>;
  /** Rows matched by `equals` keys. */
  readonly equalsRows: readonly number[];
  readonly vocabulary: readonly string[];
  readonly columns: readonly { key: string; match: CompiledMatch }[];
  /** The table's block caption word and label-column header (format data), normalised; '' where it has none. */
  readonly blockMark: string;
  readonly labelHeader: string;
}

const compiled = new WeakMap<FormatDef, CompiledTable[]>();

export function compile(format: FormatDef): CompiledTable[] {
  let c = compiled.get(format);
  if (c) return c;
  c = format.tables.map((def) => {
    const cols = new Map<string, ColumnDef>();
    for (const r of def.rows) for (const col of r.columns) if (!cols.has(col.key)) cols.set(col.key, col);
    return {
      def,
      rows: def.rows.map((r) => ({
        def: r,
        match: compileMatch(r.match),
        id: r.path.join('.'),
        cellKeys: Object.fromEntries(r.columns.map((c) => [c.key, [def.key, ...r.path, c.key].join('.')])),
        numbered: [r.label, ...(r.variants ?? [])].map(normalizeLabel).filter((l) => /^\d\./.test(l)),
      })),
      keyIndex: indexKeys(def.rows.map((r) => compileMatch(r.match).contains)),
      equalsRows: def.rows.flatMap((r, i) => ((r.match.equals ?? []).length > 0 ? [i] : [])),
      vocabulary: def.vocabulary.map(normalizeLabel),
      columns: [...cols.values()].map((col) => ({ key: col.key, match: compileMatch(col.match) })),
      blockMark: def.blockMark ? normalizeLabel(def.blockMark) : '',
      labelHeader: def.labelHeader ? normalizeLabel(def.labelHeader) : '',
    };
  });
  compiled.set(format, c);
  return c;
}

function indexKeys(
  keysPerRow: readonly (readonly string[])[],
): Map<string, { key: string; rowIndex: number }[]> {
  const index = new Map<string, { key: string; rowIndex: number }[]>();
  keysPerRow.forEach((keys, rowIndex) => {
    for (const key of keys) {
      const list = index.get(key[0]!) ?? [];
      list.push({ key, rowIndex });
      index.set(key[0]!, list);
    }
  });
  return index;
}

/** Finds the row of `table` a label belongs to: the innermost label cell first, then the whole label. */
export function findRow(table: CompiledTable, lastLabel: string, label: string): CompiledRow | null {
  return (
    (lastLabel && pickRow(table, lastLabel)) ||
    (label && label !== lastLabel && pickRow(table, label)) ||
    null
  );
}

/** A label's last numbered part and at least two characters of its words: "…3.危及“三", "4.保护第三". */
const NUMBERED_TAIL = /(\d\.[\u4e00-\u9fff]{2}[^\d]*)$/;

/**
 * The one numbered row of `table` whose official label (or a variant) begins with the label's last numbered part:
 * "3.危及“三" when the page broke inside "3.危及“三安全一稳定”". A start shared by two rows names neither.
 */
export function cutShort(table: CompiledTable, text: string): CompiledRow | null {
  const m = NUMBERED_TAIL.exec(text);
  if (!m) return null;
  const head = m[1]!;
  let found: CompiledRow | null = null;
  for (const r of table.rows)
    if (r.numbered.some((l) => l.startsWith(head))) {
      if (found) return null;
      found = r;
    }
  return found;
}

/**
 * The row whose key occurs last in `text` (the first such row in table order on a tie). Keys are indexed by their
 * first character, so a label is scanned once instead of once per key.
 */
function pickRow(table: CompiledTable, text: string): CompiledRow | null {
  let best: CompiledRow | null = null;
  let bestPos = -1;
  let bestIndex = Infinity;
  for (let i = text.length - 1; i >= 0 && best === null; i--) {
    const entries = table.keyIndex.get(text[i]!);
    if (!entries) continue;
    for (const e of entries)
      if (e.rowIndex < bestIndex && text.startsWith(e.key, i)) {
        best = table.rows[e.rowIndex]!;
        bestPos = i;
        bestIndex = e.rowIndex;
      }
  }
  if (table.equalsRows.length > 0) {
    const forms = labelForms(text);
    for (const ri of table.equalsRows) {
      const p = matchPosition(forms, { contains: [], equals: table.rows[ri]!.match.equals });
      if (p > bestPos || (p === bestPos && p >= 0 && ri < bestIndex)) {
        best = table.rows[ri]!;
        bestPos = p;
        bestIndex = ri;
      }
    }
  }
  return best;
}

export function vocabularyTable(tables: readonly CompiledTable[], text: string): CompiledTable | null {
  for (const t of tables) if (t.vocabulary.some((v) => text.includes(v))) return t;
  return null;
}

/** Reads the columns named in a header text, in the order they appear. */
export function headerColumns(table: CompiledTable, text: string): string[] {
  const found: { key: string; at: number }[] = [];
  for (const c of table.columns) {
    let at = -1;
    for (const k of c.match.contains) {
      const i = text.indexOf(k);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    if (at >= 0) found.push({ key: c.key, at });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.key);
}

export function headerUnit(text: string): '元' | '万元' | undefined {
  const m = /单位[:：]?(万元|元)/.exec(text);
  return m ? (m[1] as '元' | '万元') : undefined;
}

/** The row of a table that a label names, or null: the label matching used by extraction, for tests and tools. */
export function matchRowLabel(format: FormatDef, key: TableKey, label: string): RowDef | null {
  const table = compile(format).find((t) => t.def.key === key)!;
  const n = normalizeLabel(label);
  return findRow(table, n, n)?.def ?? null;
}
