// One cell per line without TABs: cells separated by line breaks (rows by blank lines), by blank lines, or each
// cell followed by a line holding only "|". Rows are then found from the cells themselves.
import type { Table, TableCell, TableRow } from '../../model/document.ts';
import type { TextSpan } from '../../model/source.ts';
import { isCellText, type Line, type SpanFn } from './lines.ts';
import { FIGURE_WORD } from './tokens.ts';

/** A figure written alone in a cell ("0", "  1,655.0887", "—"). */
const CELL_FIGURE = FIGURE_WORD;

/** A numbered heading of the report's outline ("四、政府信息公开行政复议、行政诉讼情况"), or a row label like it. */
const OUTLINE_NUMBER = /^[一二三四五六七八九十]+、/;

const isCellFigure = (raw: string) => CELL_FIGURE.test(raw.trim().replace(/[\s\u00a0\u3000]+/g, ''));

/** The kind of a line inside a run of cells: a figure, a text cell, a blank line, a bar, or none (the run ends). */
function cellLineKind(lines: readonly Line[], j: number): 'figure' | 'text' | 'blank' | 'bar' | null {
  const l = lines[j]!;
  if (l.kind === 'blank') return 'blank';
  if (l.kind === 'bar') return 'bar';
  if (l.kind !== 'text' || !isCellText(l.raw)) return null;
  if (isCellFigure(l.raw)) return 'figure';
  // A numbered line is a row label ("三、本年度办理结果") only when figures follow it soon; otherwise it is a
  // heading of the report and ends the table.
  if (OUTLINE_NUMBER.test(l.raw.trim())) {
    let seen = 0;
    for (let k = j + 1; k < lines.length && seen < 3; k++) {
      const n = lines[k]!;
      if (n.kind === 'blank' || n.kind === 'bar') continue;
      if (n.kind === 'text' && isCellFigure(n.raw)) return 'text';
      seen++;
    }
    return null;
  }
  return 'text';
}

/** The end (exclusive) of the stretch of cell-like lines from `start`. */
function cellStretchEnd(lines: readonly Line[], start: number): number {
  let j = start;
  while (j < lines.length && cellLineKind(lines, j) !== null) j++;
  return Math.max(j, start + 1);
}

interface StreamCell {
  /** Empty for an empty cell. */
  text: string;
  figure: boolean;
  line: number; // index into lines
  endLine: number;
}

interface CellRegion {
  end: number;
  rows: StreamCell[][];
  lines: readonly Line[];
}

/**
 * A table written one cell per line without TABs, starting at `start`: the lines up to the last figure of the
 * stretch of cell-like lines, when it holds at least three figures. Where there is none, the line before which no
 * such table can start.
 */
export function cellStreamRegion(lines: readonly Line[], start: number): CellRegion | number {
  const end = cellStretchEnd(lines, start);
  let last = -1;
  let figures = 0;
  let bars = 0;
  for (let j = start; j < end; j++) {
    const k = cellLineKind(lines, j);
    if (k === 'figure') {
      figures++;
      last = j;
    } else if (k === 'bar') bars++;
  }
  if (figures < 3 || last < 0) return end;
  if (bars >= 3) {
    // The table starts with the first cell that a bar closes; lines before it are paragraphs.
    let first = start;
    while (first < end && lines[first]!.kind !== 'bar') first++;
    let body = first;
    while (body > start && lines[body - 1]!.kind === 'text') body--;
    if (body > start) return body;
    // The bar after the last figure closes its cell; empty cells after it (blank lines closed by bars) are its row's.
    let stop = Math.min(end, last + 2);
    for (;;) {
      if (lines[stop]?.kind === 'bar') stop++;
      else if (lines[stop]?.kind === 'blank' && lines[stop + 1]?.kind === 'bar') stop += 2;
      else break;
    }
    const cells = barCells(lines, start, stop);
    if (cells.filter((c) => c.figure).length < 3) return end;
    return { end: stop, rows: rowsOfCells(cells), lines };
  }
  // Blank lines after the last figure may be the last row's empty cells.
  let stop = last + 1;
  while (stop < end && lines[stop]!.kind === 'blank') stop++;
  const cells = lineCells(lines, start, stop);
  return { end: stop, rows: rowsOfCells(cells), lines };
}

/** Cells that each end at a line holding only "|": the lines before a bar are the cell (none: an empty cell). */
function barCells(lines: readonly Line[], start: number, stop: number): StreamCell[] {
  const cells: StreamCell[] = [];
  let from = start;
  for (let j = start; j < stop; j++) {
    if (lines[j]!.kind !== 'bar') continue;
    // The cell is the text right above its bar; a blank line there, or none, is an empty cell.
    let k = j;
    while (k > from && lines[k - 1]!.kind === 'text') k--;
    if (k === j) cells.push({ text: '', figure: false, line: j, endLine: j });
    else {
      const text = lines
        .slice(k, j)
        .map((l) => l.raw.trim())
        .join('\n');
      cells.push({ text, figure: j - k === 1 && isCellFigure(text), line: k, endLine: j - 1 });
    }
    from = j + 1;
  }
  return cells;
}

/**
 * Cells one per line. Where most cells stand on lines next to each other, rows are separated by a blank line and
 * every further blank line is an empty cell (a DOCX saved as text with its TABs stripped); where most cells are
 * separated by a blank line (a web page's cells), lines next to each other are one wrapped cell and every two
 * further blank lines are an empty cell.
 */
function lineCells(lines: readonly Line[], start: number, stop: number): StreamCell[] {
  let adjacent = 0;
  let apart = 0;
  for (let j = start + 1; j < stop; j++) {
    if (lines[j]!.kind === 'blank') continue;
    if (lines[j - 1]!.kind !== 'blank') adjacent++;
    else apart++;
  }
  const perBlankLine = adjacent <= apart; // cells separated by blank lines
  const cells: StreamCell[] = [];
  let blanks = 0;
  let prev: StreamCell | null = null;
  for (let j = start; j < stop; j++) {
    const l = lines[j]!;
    if (l.kind === 'blank') {
      blanks++;
      continue;
    }
    const figure = isCellFigure(l.raw);
    if (perBlankLine && prev && blanks === 0 && !figure && !prev.figure) {
      // A wrapped cell: its next line right below it.
      prev.text += '\n' + l.raw.trim();
      prev.endLine = j;
      continue;
    }
    if (prev) {
      // Empty cells between two cells: in cells-per-blank-line text each takes two blank lines; otherwise one, less
      // the blank line between rows where a row ends (a label follows figures).
      let empty = perBlankLine ? Math.floor((blanks - 1) / 2) : prev.figure && !figure ? blanks - 1 : blanks;
      if (!prev.figure && !figure) empty = perBlankLine ? empty : Math.max(0, blanks - 1);
      for (let k = 0; k < empty; k++) cells.push({ text: '', figure: false, line: j - 1, endLine: j - 1 });
    }
    const c: StreamCell = { text: l.raw.trim(), figure, line: j, endLine: j };
    cells.push(c);
    prev = c;
    blanks = 0;
  }
  // After the table's last figure: its row's empty cells, less the blank lines that end the row and the table.
  const trailing = perBlankLine ? Math.floor((blanks - 1) / 2) : blanks - 2;
  if (prev?.figure) for (let k = 0; k < trailing; k++) cells.push({ ...prev, text: '', figure: false });
  return cells;
}

/** Figures in a row of their own: a run this long is a wide table's data row (table 4), not a labelled row's. */
const WIDE_RUN = 10;

/**
 * Rows from a sequence of cells: a row is its label cells, then its figures; a text cell after a figure starts the
 * next row, and empty cells just before it stay with the row that ends. Of several text cells before a row's
 * figures, the last is the row's label and the ones before it are a row of their own (headers, captions, group
 * labels); before a run of figures as wide as a table-4 data row, every text cell is a header.
 */
function rowsOfCells(cells: readonly StreamCell[]): StreamCell[][] {
  const rows: StreamCell[][] = [];
  let row: StreamCell[] = [];
  const close = () => {
    if (row.length === 0) return;
    const firstFigure = row.findIndex((c) => c.figure);
    if (firstFigure < 0) {
      rows.push(row);
      row = [];
      return;
    }
    const head = row.slice(0, firstFigure);
    const texts = head.filter((c) => c.text !== '');
    const run = row.slice(firstFigure).filter((c) => c.figure).length;
    const labelAt =
      run >= WIDE_RUN ? firstFigure : texts.length >= 2 ? head.lastIndexOf(texts[texts.length - 1]!) : 0;
    if (labelAt > 0 && head.slice(0, labelAt).some((c) => c.text !== '')) {
      rows.push(head.slice(0, labelAt));
      rows.push(row.slice(labelAt));
    } else rows.push(row);
    row = [];
  };
  let seenFigure = false;
  for (const c of cells) {
    if (c.text !== '' && !c.figure && seenFigure) {
      close();
      seenFigure = false;
    }
    row.push(c);
    if (c.figure) seenFigure = true;
  }
  close();
  return rows;
}

export function cellStreamTable(region: CellRegion, span: SpanFn): Table {
  const { lines } = region;
  const rows: TableRow[] = region.rows.map((cells) => {
    const out: TableCell[] = cells.map((c, col) => {
      const first = lines[c.line]!;
      const last = lines[c.endLine]!;
      if (c.text === '')
        return { text: '', col, colSpan: 1, rowSpan: 1, source: span(first.no, 1, first.no, 1) };
      const lead = first.raw.length - first.raw.trimStart().length;
      return {
        text: c.text,
        col,
        colSpan: 1,
        rowSpan: 1,
        source: span(first.no, lead + 1, last.no, last.raw.trimEnd().length + 1),
      };
    });
    const a = lines[cells[0]!.line]!;
    const b = lines[cells[cells.length - 1]!.endLine]!;
    return { cells: out, source: span(a.no, 1, b.no, b.raw.length + 1) };
  });
  const first = rows[0]!.source as TextSpan;
  const lastRow = rows[rows.length - 1]!.source as TextSpan;
  return {
    kind: 'table',
    layout: 'cell-per-line',
    rows,
    source: span(first.line, 1, lastRow.endLine, lastRow.endColumn),
  };
}
