// Space-aligned tables: where a region of aligned lines starts and ends, and its rows.
import type { Table, TableCell, TableRow } from '../../model/document.ts';
import { isCellText, isContinuation, type Line, type SpanFn } from './lines.ts';
import { alignedTokens, singleToken, tokenSpan } from './tokens.ts';
import { wrappedRow, wrappedRows } from './wrapped.ts';

/** The end (exclusive) of an aligned table starting at `start`, or 0 when the lines do not form one. */
export function alignedRegionEnd(lines: readonly Line[], start: number): number {
  let last = start;
  let alignedCount = 1;
  const startTokens = alignedTokens(lines[start]!.raw);
  let figureLines = startTokens.figures >= 2 ? 1 : 0;
  // Rows of one figure each (a table whose other cells are blank): a label, a gap, a figure.
  let labelledFigures = startTokens.figures === 1 && startTokens.tokens.length >= 2 ? 1 : 0;
  for (let j = start + 1; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.kind === 'aligned') {
      last = j;
      alignedCount++;
      const t = alignedTokens(l.raw);
      if (t.figures >= 2) figureLines++;
      else if (t.figures === 1 && t.tokens.length >= 2) labelledFigures++;
      continue;
    }
    if (l.kind === 'blank') continue;
    // A short line without sentence punctuation between aligned lines: a wrapped label or a caption; in a table
    // whose label column is narrow, also a line of a label or of one figure between lines that are aligned.
    if (
      l.kind === 'text' &&
      (isContinuation(l.raw) || (isCellText(l.raw) && nextIsFigureLine(lines, j + 1))) &&
      (nextNonBlankIsAligned(lines, j + 1) || alignedSoon(lines, j + 1))
    ) {
      last = j;
      continue;
    }
    if (
      l.kind === 'text' &&
      j === last + 1 &&
      isContinuation(l.raw) &&
      !/^\s*[一二三四五六七八九十]+、/.test(l.raw)
    ) {
      last = j;
      continue;
    }
    break;
  }
  if (alignedCount < 2 || (figureLines < 1 && labelledFigures < 3)) return 0;
  return last + 1;
}

/** True when an aligned line follows within a few short lines, none of them a heading or a sentence. */
function alignedSoon(lines: readonly Line[], from: number): boolean {
  let seen = 0;
  for (let j = from; j < lines.length && seen < 8; j++) {
    const l = lines[j]!;
    if (l.kind === 'blank') continue;
    if (l.kind === 'aligned') return true;
    if (l.kind !== 'text' || !isContinuation(l.raw)) return false;
    seen++;
  }
  return false;
}

/** True when the next line is aligned figures: a numbered row label ("一、本年新收…") wrapped around them. */
function nextIsFigureLine(lines: readonly Line[], from: number): boolean {
  const l = lines[from];
  return l !== undefined && l.kind === 'aligned' && alignedTokens(l.raw).figures >= 1;
}

function nextNonBlankIsAligned(lines: readonly Line[], from: number): boolean {
  for (let j = from; j < lines.length && j < from + 3; j++) {
    const k = lines[j]!.kind;
    if (k === 'blank') continue;
    return k === 'aligned';
  }
  return false;
}

export function alignedTable(region: readonly Line[], span: SpanFn): Table {
  const rows: TableRow[] = [];
  const lineRow = (l: Line): TableRow => {
    const { tokens } = l.kind === 'aligned' ? alignedTokens(l.raw) : { tokens: [singleToken(l.raw)] };
    const cells: TableCell[] = tokens.map((t, col) => ({
      text: t.text.trim(),
      col,
      colSpan: 1,
      rowSpan: 1,
      x: t.start,
      xEnd: t.end,
      source: tokenSpan(l.no, t, span),
    }));
    return { cells, source: span(l.no, 1, l.no, l.raw.length + 1) };
  };
  const groups = wrappedRows(region);
  for (let i = 0; i < region.length; i++) {
    const l = region[i]!;
    if (l.kind === 'blank') continue;
    const g = groups.get(i);
    if (g === undefined) rows.push(lineRow(l));
    else if (g.figureLine === i) rows.push(wrappedRow(region, g, span));
  }
  const first = region[0]!;
  const last = region[region.length - 1]!;
  return { kind: 'table', layout: 'aligned', rows, source: span(first.no, 1, last.no, last.raw.length + 1) };
}
