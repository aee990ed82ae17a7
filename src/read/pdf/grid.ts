// Ruled tables: the lines a table draws give its grid; a cell is a box no line crosses, spanning the grid columns
// and rows it covers. A table continued on the next page is joined to its first part.
import type { Table, TableCell, TableRow } from '../../model/document.ts';
import { pdfSpan, round, type Chunk, type PageData, type Segment } from './geometry.ts';
import { buildLines, HEADING_START } from './lines.ts';

/** A cell of a ruled table, in layout space. */
interface GridCell {
  row: number;
  rowSpan: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  page: PageData;
  chunks: Chunk[];
  text: string;
  /** The last line of text runs to the cell's right edge: the text may go on (a row cut by a page break). */
  full: boolean;
}

/** A ruled table, possibly continued over pages. */
export interface Grid {
  /** Physical rows: the page and band of each. */
  rows: { page: PageData; y0: number; y1: number }[];
  cells: GridCell[];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  page: PageData;
  /** Page and bottom of the last part (for continuation). */
  lastPage: PageData;
}

const TOL = 2;

/** Finds the ruled tables of a page and takes their text out of `chunks`. */
export function ruledTables(page: PageData, chunks: Chunk[]): { grids: Grid[]; rest: Chunk[] } {
  const { horizontal: hs, vertical: vs } = page;
  if (hs.length < 2 || vs.length < 2) return { grids: [], rest: chunks };
  // Connected groups of lines: a table's lines touch each other.
  const n = hs.length + vs.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < hs.length; i++)
    for (let j = 0; j < vs.length; j++) {
      const h = hs[i]!;
      const v = vs[j]!;
      if (v.x0 >= h.x0 - TOL && v.x0 <= h.x1 + TOL && h.y0 >= v.y0 - TOL && h.y0 <= v.y1 + TOL)
        parent[find(i)] = find(hs.length + j);
    }
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  for (let i = 0; i < n; i++) {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    if (i < hs.length) g.h.push(hs[i]!);
    else g.v.push(vs[i - hs.length]!);
    groups.set(find(i), g);
  }
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    const grid = gridOf(page, g.h, g.v);
    if (grid) grids.push(grid);
  }
  if (grids.length === 0) return { grids, rest: chunks };
  const rest: Chunk[] = [];
  for (const c of chunks) {
    const cx = (c.x0 + c.x1) / 2;
    const cy = c.y - c.size * 0.35;
    const grid = grids.find((g) => cx >= g.x0 && cx <= g.x1 && cy >= g.y0 && cy <= g.y1);
    const cell = grid?.cells.find((k) => cx >= k.x0 && cx <= k.x1 && cy >= k.y0 && cy <= k.y1);
    if (cell) cell.chunks.push(c);
    else rest.push(c);
  }
  for (const g of grids)
    for (const c of g.cells) {
      const lines = buildLines(c.chunks);
      c.text = lines.map((l) => l.text).join('\n');
      const last = lines[lines.length - 1];
      // The next character did not fit: the line ends within the padding and one character of the edge.
      c.full = !!last && last.x1 >= c.x1 - 6 - 1.2 * last.size;
    }
  return { grids, rest };
}

/** Positions within TOL of each other as one. */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0;
  let count = 0;
  for (const v of sorted) {
    if (count > 0 && v - sum / count > TOL) {
      out.push(sum / count);
      sum = 0;
      count = 0;
    }
    sum += v;
    count++;
  }
  if (count > 0) out.push(sum / count);
  return out;
}

/** The cells of one group of lines, or null when the lines do not make a table (an underline, a frame). */
function gridOf(page: PageData, h: Segment[], v: Segment[]): Grid | null {
  if (h.length < 2 || v.length < 2) return null;
  const xs = cluster(v.map((s) => s.x0));
  const ys = cluster(h.map((s) => s.y0));
  if (xs.length < 2 || ys.length < 2) return null;
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  // A line separates two neighbouring bands where it covers the middle of their common edge.
  const vAt = (x: number, y0: number, y1: number) => {
    const mid = (y0 + y1) / 2;
    return v.some((s) => Math.abs(s.x0 - x) <= TOL && s.y0 <= mid + 0.5 && s.y1 >= mid - 0.5);
  };
  const hAt = (y: number, x0: number, x1: number) => {
    const mid = (x0 + x1) / 2;
    return h.some((s) => Math.abs(s.y0 - y) <= TOL && s.x0 <= mid + 0.5 && s.x1 >= mid - 0.5);
  };
  const taken: boolean[][] = Array.from({ length: nr }, () => Array<boolean>(nc).fill(false));
  const cells: GridCell[] = [];
  for (let r = 0; r < nr; r++)
    for (let c = 0; c < nc; c++) {
      if (taken[r]![c]) continue;
      let cs = 1;
      while (c + cs < nc && !taken[r]![c + cs] && !vAt(xs[c + cs]!, ys[r]!, ys[r + 1]!)) cs++;
      let rs = 1;
      const open = (k: number) => {
        for (let j = c; j < c + cs; j++) if (taken[k]![j] || hAt(ys[k]!, xs[j]!, xs[j + 1]!)) return false;
        return true;
      };
      while (r + rs < nr && open(r + rs)) rs++;
      for (let i = r; i < r + rs; i++) for (let j = c; j < c + cs; j++) taken[i]![j] = true;
      cells.push({
        row: r,
        rowSpan: rs,
        x0: xs[c]!,
        x1: xs[c + cs]!,
        y0: ys[r]!,
        y1: ys[r + rs]!,
        page,
        chunks: [],
        text: '',
        full: false,
      });
    }
  // A frame around a block of text, or boxes stacked in one column, are not a table; one row of two cells or more
  // is (the part of a table above a page break may be a single row).
  if (nc < 2 || cells.length < 2) return null;
  return {
    rows: Array.from({ length: nr }, (_, r) => ({ page, y0: ys[r]!, y1: ys[r + 1]! })),
    cells,
    x0: xs[0]!,
    x1: xs[nc]!,
    y0: ys[0]!,
    y1: ys[nr]!,
    page,
    lastPage: page,
  };
}

/** True when `next` (at the top of a page) continues `prev` (at the bottom of the page before): same edges. */
export function continues(prev: Grid, next: Grid): boolean {
  return (
    next.page.no === prev.lastPage.no + 1 &&
    Math.abs(prev.x0 - next.x0) <= 3 * TOL &&
    Math.abs(prev.x1 - next.x1) <= 3 * TOL
  );
}

const signature = (cells: readonly GridCell[]) =>
  cells
    .map((c) => `${Math.round(c.x0)}-${Math.round(c.x1)}:${c.rowSpan}:${c.text.replace(/\s+/g, '')}`)
    .sort()
    .join('|');

/**
 * Appends the part of a table on the next page to `prev`: header rows repeated at the top of the page are dropped;
 * a merged cell cut by the page break (an empty cell under a cell that spans rows) is one cell again; a row cut by
 * the page break is one row again.
 */
export function joinParts(prev: Grid, next: Grid): void {
  const startingAt = (g: Grid, r: number) => g.cells.filter((c) => c.row === r);
  // Repeated header: the first k rows equal the table's first k rows (text, span and position).
  let k = 0;
  while (
    k < next.rows.length - 1 &&
    k < prev.rows.length &&
    signature(startingAt(next, k)) === signature(startingAt(prev, k))
  )
    k++;
  if (k > 0 && next.cells.some((c) => c.row < k && c.row + c.rowSpan > k)) k = 0;
  const last = prev.rows.length - 1;
  const covering = prev.cells.filter((p) => p.row <= last && p.row + p.rowSpan > last);
  const first = startingAt(next, k);
  const partner = (c: GridCell) =>
    covering.find((p) => Math.abs(p.x0 - c.x0) <= TOL && Math.abs(p.x1 - c.x1) <= TOL);
  // A row cut in two: the cells match one for one, and the part below only adds text to cells whose text ran to
  // their edge above (or were empty), never a figure under a figure, nor a numbered label ("（六）…" is a new row).
  const split =
    first.length > 0 &&
    first.every((c) => {
      const p = partner(c);
      return !!p && (c.text === '' || ((p.text === '' || p.full) && !HEADING_START.test(c.text)));
    }) &&
    first.some((c) => c.text !== '' && partner(c)!.text !== '' && partner(c)!.full);
  const offset = prev.rows.length - k - (split ? 1 : 0);
  for (const c of next.cells) {
    if (c.row < k) continue;
    if (c.row === k) {
      const p = partner(c);
      if (p && split) {
        if (c.text) p.text = p.text ? `${p.text}\n${c.text}` : c.text;
        p.full = c.full;
        p.rowSpan += c.rowSpan - 1;
        continue;
      }
      // A cell spanning rows, cut by the page break: its part below is empty.
      if (p && c.text === '' && p.row + p.rowSpan === prev.rows.length && (p.rowSpan > 1 || c.rowSpan > 1)) {
        p.rowSpan += c.rowSpan;
        continue;
      }
    }
    prev.cells.push({ ...c, row: c.row + offset });
  }
  prev.rows.push(...next.rows.slice(k + (split ? 1 : 0)));
  prev.lastPage = next.page;
}

/** A ruled table as a Document table: grid columns from every cell edge of every part. */
export function gridTable(g: Grid): Table {
  const xs = cluster(g.cells.flatMap((c) => [c.x0, c.x1]));
  const colOf = (x: number) => {
    let best = 0;
    for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i]! - x) < Math.abs(xs[best]! - x)) best = i;
    return best;
  };
  const byRow: GridCell[][] = g.rows.map(() => []);
  for (const c of g.cells) byRow[c.row]!.push(c);
  const rows: TableRow[] = g.rows.map((band, r) => {
    const cells = byRow[r]!.sort((a, b) => a.x0 - b.x0).map((c): TableCell => {
      const col = colOf(c.x0);
      return {
        text: c.text,
        col,
        colSpan: Math.max(1, colOf(c.x1) - col),
        rowSpan: c.rowSpan,
        x: round(c.x0),
        xEnd: round(c.x1),
        source: pdfSpan(c.page, c.x0, c.y0, c.x1, c.y1),
      };
    });
    return { cells, source: pdfSpan(band.page, g.x0, band.y0, g.x1, band.y1) };
  });
  return { kind: 'table', layout: 'grid', rows, source: pdfSpan(g.page, g.x0, g.y0, g.x1, g.y1) };
}
