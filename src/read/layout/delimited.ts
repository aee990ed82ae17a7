// Delimited tables: TAB-separated rows, one cell per line after a TAB, and markdown pipe rows.
import type { Table, TableCell, TableLayout, TableRow } from '../../model/document.ts';
import { isContinuation, PIPE_SEPARATOR, type Line, type SpanFn } from './lines.ts';

/** The end (exclusive) of a region of tab-separated lines, blank lines and wrapped-cell lines. */
export function tabRegionEnd(lines: readonly Line[], start: number): number {
  let last = start; // last line that belongs to the table
  for (let j = start + 1; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.kind === 'lone' || l.kind === 'tab') last = j;
    else if (l.kind === 'blank') continue;
    else if (j === last + 1 && lines[last]!.kind === 'lone' && isContinuation(l.raw)) last = j;
    else break;
  }
  return last + 1;
}

export function tabTable(region: readonly Line[], span: SpanFn): Table {
  const rowPerLine = region.some((l) => l.kind === 'tab');
  const layout: TableLayout = rowPerLine ? 'tab' : 'cell-per-line';
  const rows: TableRow[] = [];
  if (rowPerLine) {
    for (const l of region) {
      if (l.kind === 'blank') continue;
      const cells: TableCell[] = [];
      let offset = 0;
      const parts = l.raw.split('\t');
      parts.forEach((part, col) => {
        cells.push(cell(part, col, l.no, offset, span));
        offset += part.length + 1;
      });
      rows.push({ cells, source: span(l.no, 1, l.no, l.raw.length + 1) });
    }
  } else {
    // One cell per line, a TAB before each cell, rows separated by blank lines; a line without a TAB continues
    // the cell above (a label wrapped in its cell).
    let current: { text: string; line: number; endLine: number; endColumn: number }[] = [];
    let rowStart = 0;
    let rowEnd = 0;
    let rowEndLength = 0;
    const flush = () => {
      if (current.length === 0) return;
      const cells = current.map((c, col) => {
        const lead = c.text.length - c.text.trimStart().length;
        return {
          text: c.text.trim(),
          col,
          colSpan: 1,
          rowSpan: 1,
          source: span(c.line, 2 + lead, c.endLine, c.endColumn),
        } satisfies TableCell;
      });
      rows.push({
        cells,
        source: span(rowStart, 1, rowEnd, rowEndLength + 1),
      });
      current = [];
    };
    for (const l of region) {
      if (l.kind === 'blank') {
        flush();
        continue;
      }
      if (l.kind === 'lone') {
        if (current.length === 0) rowStart = l.no;
        current.push({ text: l.raw.slice(1), line: l.no, endLine: l.no, endColumn: l.raw.length + 1 });
      } else {
        const last = current[current.length - 1];
        if (last) {
          last.text += '\n' + l.raw.trim();
          last.endLine = l.no;
          last.endColumn = l.raw.trimEnd().length + 1;
        }
      }
      rowEnd = l.no;
      rowEndLength = l.raw.length;
    }
    flush();
  }
  const first = region[0]!;
  const lastLine = region[region.length - 1]!;
  return { kind: 'table', layout, rows, source: span(first.no, 1, lastLine.no, lastLine.raw.length + 1) };
}

/** A cell of a delimited row; its span covers the cell's text without surrounding blanks. */
function cell(part: string, col: number, lineNo: number, offset: number, span: SpanFn): TableCell {
  const lead = part.length - part.trimStart().length;
  const text = part.trim();
  const column = offset + lead + 1;
  return { text, col, colSpan: 1, rowSpan: 1, source: span(lineNo, column, lineNo, column + text.length) };
}

export function pipeTable(region: readonly Line[], span: SpanFn): Table {
  const rows: TableRow[] = [];
  for (const l of region) {
    if (PIPE_SEPARATOR.test(l.raw)) continue;
    const cells: TableCell[] = [];
    const raw = l.raw;
    // A row without a leading bar starts its first cell at the start of the line.
    const startBar = /^\s*\|/.test(raw) ? raw.indexOf('|') : -1;
    let offset = startBar + 1;
    let col = 0;
    let buf = '';
    for (let k = startBar + 1; k < raw.length; k++) {
      const ch = raw[k]!;
      if (ch === '\\' && raw[k + 1] === '|') {
        buf += '|';
        k++;
        continue;
      }
      if (ch === '|') {
        const c = cell(buf, col++, l.no, offset, span);
        cells.push({ ...c, text: c.text.replace(/<br\s*\/?>/gi, '\n') });
        buf = '';
        offset = k + 1;
        continue;
      }
      buf += ch;
    }
    rows.push({ cells, source: span(l.no, 1, l.no, raw.length + 1) });
  }
  const first = region[0]!;
  const last = region[region.length - 1]!;
  return { kind: 'table', layout: 'pipe', rows, source: span(first.no, 1, last.no, last.raw.length + 1) };
}
