// Data tables of a web page as grids: rowspan and colspan resolved as browsers do, cells' text with their line
// breaks, tables nested in cells read as tables of their own.
import type { AnyNode, Element } from 'domhandler';
import type { Block, Table, TableCell, TableRow } from '../../model/document.ts';
import type { TextSpan } from '../../model/source.ts';
import type { SourceText } from './spans.ts';
import { BLOCK, childrenOf, isElement, isText, type PageTree } from './tree.ts';
import { LIMITS, LimitExceeded } from '../limits.ts';

/** What reading a table needs of the page reader: the tree, the spans, the blocks read so far, the flow. */
export interface TableReader {
  readonly tree: PageTree;
  readonly source: SourceText;
  readonly blocks: Block[];
  /** Reads the tables nested in a row's cells as the page's flow, after the rows above them. */
  readNested(tables: readonly Element[]): void;
}

/**
 * A table as a grid: rowspan and colspan resolved, each cell at its grid column; positions covered by a
 * cell above get no cell. A table inside a cell is read as a table of its own, after the row holding it.
 */
export function readTable(table: Element, reader: TableReader): void {
  const rows = reader.tree.rowsOf(table);
  const index = tableIndex(reader.tree, table);
  const at = (e: Element, row?: number, cell?: number): TextSpan => ({
    ...reader.source.elementSpan(e),
    table: index,
    ...(row === undefined ? {} : { row }),
    ...(cell === undefined ? {} : { cell }),
  });
  const caption = table.children.find((c): c is Element => isElement(c) && c.name === 'caption');
  if (caption && !reader.tree.dropped.has(caption)) {
    const text = cellText(reader.tree, caption, []);
    if (text !== '')
      reader.blocks.push({
        kind: 'paragraph',
        text: text.replace(/\n/g, ' '),
        source: reader.source.elementSpan(caption),
      });
  }
  // covered[r] = the columns of row r taken by cells from rows above.
  const covered: Set<number>[] = rows.map(() => new Set<number>());
  const built: { row: TableRow; nested: Element[]; cells: (TableCell & { end: number })[] }[] = [];
  rows.forEach((tr, r) => {
    const cells: (TableCell & { end: number })[] = [];
    const nested: Element[] = [];
    let col = 0;
    for (const [i, td] of reader.tree.cellsOf(tr).entries()) {
      while (covered[r]!.has(col)) col++;
      const colSpan = spanAttr(td.attribs.colspan, 1000);
      let rowSpan = spanAttr(td.attribs.rowspan, 65534, true);
      // Clamped as browsers clamp them, spans can still lay a table out over a grid no report has (300 cells of
      // colspan 1000 in a row): refused before its positions are made (LIMITS.htmlTableGrid).
      if (rows.length * (col + colSpan) > LIMITS.htmlTableGrid)
        throw new LimitExceeded('table', {
          table: index + 1,
          rows: rows.length,
          cols: col + colSpan,
          limit: LIMITS.htmlTableGrid,
        });
      // rowspan="0" and rowspans past the table's end stop at its last row.
      if (rowSpan === 0 || r + rowSpan > rows.length) rowSpan = rows.length - r;
      for (let dr = 1; dr < rowSpan; dr++)
        for (let dc = 0; dc < colSpan; dc++) covered[r + dr]!.add(col + dc);
      const text = cellText(reader.tree, td, nested);
      cells.push({ text, col, colSpan, rowSpan, source: at(td, r, i), end: r + rowSpan });
      col += colSpan;
    }
    built.push({ row: { cells, source: at(tr, r) }, nested, cells });
  });
  // Split where a row holds nested tables; spans reaching past a split are cut at it.
  let segment: typeof built = [];
  const emit = () => {
    const kept = segment.filter((b) => b.cells.length > 0);
    if (kept.length === 0) {
      segment = [];
      return;
    }
    const first = built.indexOf(segment[0]!);
    const last = first + segment.length;
    const out: TableRow[] = kept.map((b) => ({
      source: b.row.source,
      cells: b.cells.map(({ end, ...c }) => (end > last ? { ...c, rowSpan: last - built.indexOf(b) } : c)),
    }));
    const t: Table = {
      kind: 'table',
      layout: 'grid',
      rows: out,
      source: built.length === segment.length ? at(table) : spanOfRows(out),
    };
    reader.blocks.push(t);
    segment = [];
  };
  for (const b of built) {
    segment.push(b);
    if (b.nested.length > 0) {
      emit();
      reader.readNested(b.nested);
    }
  }
  emit();
}

function spanOfRows(rows: readonly TableRow[]): TextSpan {
  const a = rows[0]!.source as TextSpan;
  const b = rows.at(-1)!.source as TextSpan;
  return {
    kind: 'html',
    line: a.line,
    column: a.column,
    endLine: b.endLine,
    endColumn: b.endColumn,
    ...(a.table === undefined ? {} : { table: a.table }),
  };
}

/** The tables of each page in document order, found once per page. */
const TABLES = new WeakMap<PageTree, Map<Element, number>>();

/** A table's 0-based index among all the page's <table> elements, in document order. */
function tableIndex(tree: PageTree, table: Element): number {
  let index = TABLES.get(tree);
  if (!index) {
    // Every <table>, the page's chrome included, as document.querySelectorAll('table') counts them.
    const all: Element[] = [];
    const visit = (n: AnyNode) => {
      for (const k of childrenOf(n))
        if (isElement(k)) {
          if (k.name === 'table') all.push(k);
          visit(k);
        }
    };
    visit(tree.root);
    index = new Map(all.map((t, i) => [t, i]));
    TABLES.set(tree, index);
  }
  return index.get(table)!;
}

/** A cell's text: line breaks and block boundaries as "\n", white space collapsed, nested tables left out. */
function cellText(tree: PageTree, cell: Element, nested: Element[]): string {
  // Source line breaks are white space; only <br> and block boundaries (marked \u0000 here) break lines.
  let out = '';
  const visit = (n: AnyNode) => {
    if (isText(n)) {
      out += n.data.replace(/[\r\n]+/g, ' ');
      return;
    }
    if (!isElement(n) || tree.dropped.has(n)) return;
    if (n.name === 'table') {
      nested.push(n);
      return;
    }
    if (n.name === 'br') {
      out += '\u0000';
      return;
    }
    const block = BLOCK.has(n.name);
    if (block) out += '\u0000';
    for (const k of n.children) visit(k);
    if (block) out += '\u0000';
  };
  for (const k of cell.children) visit(k);
  return out
    .split('\u0000')
    .map((l) =>
      l
        .replace(/[\u200b\ufeff\u00ad]/g, '')
        .replace(/[ \t\r\f\u00a0]+/g, ' ')
        .trim(),
    )
    .filter((l) => l !== '')
    .join('\n');
}

/** A colspan or rowspan attribute as browsers read it: digits at the start, 1 when absent or invalid, capped. */
function spanAttr(value: string | undefined, max: number, zeroAllowed = false): number {
  const m = /^\s*(\d+)/.exec(value ?? '');
  if (!m) return 1;
  const n = Number(m[1]);
  if (n === 0) return zeroAllowed ? 0 : 1;
  return Math.min(n, max);
}
