// What a table's rows teach about where figures sit (grid columns, centres) and its identities as checks on a row.
import type { RowDef, TableDef } from '../../model/format.ts';
import type { Grid, Holds, IndexIdentity, Token } from '../resolve.ts';
import type { Match } from './rows.ts';

export function withGrid(grid: Grid | undefined): { grid?: Grid } {
  return grid ? { grid } : {};
}

/**
 * True when two figures touch in the source with nothing between them ("0-224"): where one ends the other begins.
 * Only figures cut from one run of text can touch so: in a table that keeps its cells (an HTML, DOCX or XLSX grid)
 * two figures of different cells are apart whatever their spans — `<td>1</td><td>2</td>` on one line gives spans
 * that touch, and that is no evidence of a split. An empty cell is no figure (its span may have no width).
 */
export function ranTogether(values: readonly (Token | null)[], layout: string): boolean {
  let prev: Token | null = null;
  for (const t of values) {
    if (!t || (t.figure.kind === 'blank' && !t.figure.placeholder)) continue;
    const a = prev?.source;
    const b = t.source;
    if (a && b && 'line' in a && 'line' in b && !(layout === 'grid' && prev!.col !== t.col))
      if (a.endLine === b.line && a.endColumn === b.column) return true;
    prev = t;
  }
  return false;
}

/**
 * The block order of a wide table (table 4) from its header: the blocks with a header word (RowDef.header: 直接起诉,
 * 复议后起诉) in the order the header names them, when it names them all; the others keep their place. A report
 * that prints 复议后起诉 before 直接起诉 swaps the lawsuit blocks.
 */
export function blockOrder(def: TableDef, header: string): readonly RowDef[] {
  const slots = def.rows.flatMap((r, i) => (r.header ? [i] : []));
  const at = slots.map((i) => header.indexOf(def.rows[i]!.header!));
  if (slots.length < 2 || at.some((x) => x < 0)) return def.rows;
  const order = slots.map((slot, k) => ({ slot, at: at[k]! })).sort((a, b) => a.at - b.at);
  const out = [...def.rows];
  slots.forEach((slot, k) => (out[slot] = def.rows[order[k]!.slot]!));
  return out;
}

const headerChars = new WeakMap<TableDef, ReadonlySet<string>>();

/**
 * The characters of a wide table's header (its block and column labels and their match words, with brackets and
 * 、): label text made only of them between the table's figures is still the table's header.
 */
export function wideHeaderChars(def: TableDef): ReadonlySet<string> {
  let chars = headerChars.get(def);
  if (!chars) {
    const words = def.rows.flatMap((r) => [
      r.label,
      r.group ?? '',
      ...(r.match.contains ?? []),
      ...r.columns.flatMap((c) => [c.label, ...(c.match.contains ?? [])]),
    ]);
    chars = new Set([...words.join(''), ...'()（）、']);
    headerChars.set(def, chars);
  }
  return chars;
}

/** The identities of a table's rows as positions in a vector of values in the given column order. */
export function indexIdentities(def: TableDef, keys: readonly string[], offset: number): IndexIdentity[] {
  const out: IndexIdentity[] = [];
  for (const id of def.rowIdentities) {
    const total = keys.indexOf(id.total);
    const parts = id.parts.map((p) => keys.indexOf(p));
    if (total >= 0 && parts.every((p) => p >= 0))
      out.push({ total: total + offset, parts: parts.map((p) => p + offset) });
  }
  return out;
}

/** The identities of a table's rows as a check over a vector of values in the given column order. */
export function identityCheck(def: TableDef, keys: readonly string[], _n: number): Holds {
  if (def.rowIdentities.length === 0) return () => true;
  const idx = def.rowIdentities.map((id) => ({
    total: keys.indexOf(id.total),
    parts: id.parts.map((p) => keys.indexOf(p)),
  }));
  return (v) =>
    idx.every(({ total, parts }) => {
      if (total < 0 || parts.some((p) => p < 0)) return true;
      const t = v[total];
      if (t === null || t === undefined) return false;
      let s = 0;
      for (const p of parts) {
        const x = v[p];
        if (x === null || x === undefined) return false;
        s += x;
      }
      return s === t;
    });
}

/** Learns, per document table and row width, where figures sit: the commonest first column and column centres. */
export function learnGrids(matches: readonly Match[]) {
  const starts = new Map<string, Map<number, number>>();
  const xs = new Map<string, number[][]>();
  for (const m of matches) {
    const n = m.row.def.columns.length;
    const toks = m.logical.tokens;
    const key = `${m.logical.tableIndex}/${n}`;
    const written = toks.filter((t) => t.figure.kind !== 'blank' || t.figure.placeholder);
    if (written.length === n && toks.length >= n) {
      const first = written[0]!;
      const counts = starts.get(key) ?? new Map<number, number>();
      counts.set(first.col, (counts.get(first.col) ?? 0) + 1);
      starts.set(key, counts);
      if (written.every((t) => t.x !== undefined)) {
        const list = xs.get(key) ?? [];
        list.push(written.map((t) => (t.x! + (t.xEnd ?? t.x!)) / 2));
        xs.set(key, list);
      }
    }
  }
  const grids = new Map<string, Grid>();
  for (const [key, counts] of starts) {
    let best = -1;
    let bestCount = 0;
    for (const [c, k] of counts) if (k > bestCount) [best, bestCount] = [c, k];
    const grid: Grid = { startCol: best };
    const list = xs.get(key);
    if (list && list.length) {
      const n = list[0]!.length;
      grid.centers = Array.from({ length: n }, (_, i) => median(list.map((l) => l[i]!)));
    }
    grids.set(key, grid);
  }
  /** The grid for a row: learnt from the table's complete rows, else the centres of its column headers. */
  return (tableIndex: number, columns: readonly string[], headers?: Match['headers']): Grid | undefined => {
    let learnt = grids.get(`${tableIndex}/${columns.length}`);
    // Where cells are padded to the grid, the header's column of the first figure column is a second witness.
    const hc = headers?.col?.get(columns[0]!);
    if (hc !== undefined) learnt = { ...learnt, headerStartCol: hc };
    if (learnt?.centers) return learnt;
    const hx = headers?.x;
    const centers = hx ? columns.map((k) => hx.get(k)) : [];
    if (
      centers.length === columns.length &&
      centers.every((c, i) => c !== undefined && (i === 0 || c > centers[i - 1]!))
    )
      return { ...learnt, centers: centers as number[] };
    return learnt;
  };
}

function median(a: number[]): number {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)]!;
}
