// Tables aligned by position (no rules drawn): where such a table starts and ends among the lines, and its rows,
// from one line, from lines at different heights, or from labels stacked over lines.
import type { Table, TableCell, TableRow } from '../../model/document.ts';
import { pdfSpan, round, type Chunk } from './geometry.ts';
import { boxSpan, HEADING_START, lineSpan, type Line } from './lines.ts';

/** Figures as aligned text shows them (layout.ts FIGURE_WORD): digits with separators, a sign, a unit, a dash. */
const FIGURE = /^[+\-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?(万元|元|件|个|项|条)?$|^[/\\\-—–－―]+$/;

/** A line of two words or more (separated by a column gap): a row of a table aligned by position. */
export const isAligned = (l: Line) => l.words.length >= 2;
const figureCount = (l: Line) => l.words.filter((w) => FIGURE.test(w.text)).length;
/** A short line without a sentence in it: a wrapped label or a caption between aligned lines. */
const isShort = (l: Line) =>
  l.text.length <= 40 && !/^[一二三四五六七八九十]+、/.test(l.text) && !/[。；]/.test(l.text);

/** True when `line` is a short caption just above `below` (same page, less than two and a half lines away). */
export function captionOf(line: Line, below: Line): boolean {
  return (
    isShort(line) &&
    line.page === below.page &&
    below.y - line.y <= 2.5 * line.size &&
    figureCount(line) === 0 &&
    !HEADING_START.test(line.text)
  );
}

/**
 * The end (exclusive) of a table aligned by position starting at `start`, or 0 when the lines do not make one:
 * two aligned lines or more, with figures in two lines or two figures in one; short lines between aligned ones
 * (halves of wrapped labels, captions) belong to it.
 */
export function alignedEnd(lines: readonly Line[], start: number): number {
  let last = start;
  let aligned = 0;
  let figureLines = 0;
  let wide = false;
  for (let j = start; j < lines.length; j++) {
    const l = lines[j]!;
    if (isAligned(l)) {
      last = j;
      aligned++;
      const f = figureCount(l);
      if (f > 0) figureLines++;
      if (f >= 2) wide = true;
      continue;
    }
    if (!isShort(l)) break;
    let k = j + 1;
    while (k < lines.length && k < j + 4 && !isAligned(lines[k]!) && isShort(lines[k]!)) k++;
    if (k < lines.length && k < j + 4 && isAligned(lines[k]!)) continue;
    // Short lines right after the last aligned line: the wrapped end of its label.
    if (j === last + 1 && j - last <= 2) {
      last = j;
      continue;
    }
    break;
  }
  if (aligned < 2 || (figureLines < 2 && !wide)) return 0;
  return last + 1;
}

/**
 * A table aligned by position: one row per line, one cell per word (with its x for the extractor's grid). Lines
 * closer than a line's spacing are one row whose cells sit at different heights (a figure centred beside a
 * wrapped label); header lines (no figures) whose words sit centred one above the other at line spacing are one
 * row of stacked cells, as a header cell wraps ("科研" over "机构").
 */
export function alignedTable(region: readonly Line[]): Table {
  const bands: Line[][] = [];
  for (const l of region) {
    const band = bands[bands.length - 1];
    const prev = band?.[band.length - 1];
    if (band && prev && prev.page === l.page && l.y - prev.y < 0.9 * Math.max(prev.size, l.size))
      band.push(l);
    else bands.push([l]);
  }
  const labelOnly = (b: Line[]) => b.every((l) => figureCount(l) === 0);
  const rows: TableRow[] = [];
  for (let i = 0; i < bands.length;) {
    let j = i;
    while (j < bands.length && labelOnly(bands[j]!) && bands[j]!.length === 1) j++;
    if (j - i >= 2) {
      rows.push(...stackedRows(bands.slice(i, j).map((b) => b[0]!)));
      i = j;
      continue;
    }
    rows.push(bandRow(bands[i]!));
    i++;
  }
  const first = region[0]!;
  return {
    kind: 'table',
    layout: 'aligned',
    rows,
    source: boxSpan(region.filter((l) => l.page === first.page)),
  };
}

/** One row from lines at different heights: words one above the other (same left edge or centre) are one cell. */
function bandRow(band: readonly Line[]): TableRow {
  const l0 = band[0]!;
  if (band.length === 1)
    return { cells: l0.words.map((w, col) => wordCell(l0, w, col)), source: lineSpan(l0) };
  const words = band.flatMap((l) => l.words.map((w) => ({ w, l })));
  const groups: { w: Chunk; l: Line }[][] = [];
  for (const x of [...words].sort((a, b) => a.w.x0 - b.w.x0)) {
    const em = x.w.size;
    const g = groups.find((g) =>
      g.some(
        (o) =>
          o.l !== x.l &&
          !FIGURE.test(o.w.text) &&
          !FIGURE.test(x.w.text) &&
          (Math.abs(o.w.x0 - x.w.x0) <= 0.5 * em ||
            Math.abs((o.w.x0 + o.w.x1) / 2 - (x.w.x0 + x.w.x1) / 2) <= 0.5 * em),
      ),
    );
    if (g) g.push(x);
    else groups.push([x]);
  }
  const cells = groups
    .sort((a, b) => Math.min(...a.map((m) => m.w.x0)) - Math.min(...b.map((m) => m.w.x0)))
    .map((g, col) => {
      const sorted = [...g].sort((a, b) => a.l.y - b.l.y);
      return stackedCell(
        sorted.map((m) => m.w),
        sorted[0]!.l,
        sorted[sorted.length - 1]!.l,
        col,
      );
    });
  return { cells, source: boxSpan(band) };
}

function wordCell(l: Line, w: Chunk, col: number): TableCell {
  return {
    text: w.text,
    col,
    colSpan: 1,
    rowSpan: 1,
    x: round(w.x0),
    xEnd: round(w.x1),
    source: pdfSpan(l.page, w.x0, w.y - w.size * 0.85, w.x1, w.y + w.size * 0.2),
  };
}

/** One cell of words stacked top to bottom (a label wrapped over lines): a line of text each, their box. */
function stackedCell(words: readonly Chunk[], top: Line, bottom: Line, col: number): TableCell {
  const x0 = Math.min(...words.map((w) => w.x0));
  const x1 = Math.max(...words.map((w) => w.x1));
  return {
    text: words.map((w) => w.text).join('\n'),
    col,
    colSpan: 1,
    rowSpan: 1,
    x: round(x0),
    xEnd: round(x1),
    source: pdfSpan(top.page, x0, top.y - top.size * 0.85, x1, bottom.y + bottom.size * 0.2),
  };
}

/** Label-only lines: words stacked centred at line spacing are one cell; lines held together so are one row. */
function stackedRows(lines: readonly Line[]): TableRow[] {
  const words = lines.flatMap((l, li) => l.words.map((w) => ({ w, li })));
  const parent = words.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const lineParent = lines.map((_, i) => i);
  const findLine = (i: number): number =>
    lineParent[i] === i ? i : (lineParent[i] = findLine(lineParent[i]!));
  // Each word joins the nearest word above it that is centred on it, at most a line and a half higher.
  for (let b = 0; b < words.length; b++) {
    const B = words[b]!;
    const lb = lines[B.li]!;
    let best = -1;
    let bestGap = Infinity;
    for (let a = 0; a < words.length; a++) {
      const A = words[a]!;
      const la = lines[A.li]!;
      const em = Math.max(la.size, lb.size);
      const gap = lb.y - la.y;
      const centred = Math.abs((A.w.x0 + A.w.x1) / 2 - (B.w.x0 + B.w.x1) / 2) <= 0.5 * em;
      if (la.page === lb.page && gap > 0.5 * em && gap <= 1.6 * em && centred && gap < bestGap) {
        best = a;
        bestGap = gap;
      }
    }
    if (best >= 0) {
      parent[find(b)] = find(best);
      lineParent[findLine(B.li)] = findLine(words[best]!.li);
    }
  }
  const cells = new Map<number, { li: number; w: Chunk }[]>();
  words.forEach((x, i) => cells.set(find(i), [...(cells.get(find(i)) ?? []), x]));
  const rowsOf = new Map<number, { li: number; w: Chunk }[][]>();
  for (const members of cells.values()) {
    const r = findLine(members[0]!.li);
    rowsOf.set(r, [...(rowsOf.get(r) ?? []), members]);
  }
  return [...rowsOf.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([r, groups]) => {
      const ordered = groups
        .map((g) => g.sort((a, b) => a.li - b.li))
        .sort((a, b) => Math.min(...a.map((m) => m.w.x0)) - Math.min(...b.map((m) => m.w.x0)));
      const rowLines = lines.filter((_, i) => findLine(i) === r);
      const cellsOut = ordered.map((g, col) =>
        stackedCell(
          g.map((m) => m.w),
          lines[g[0]!.li]!,
          lines[g[g.length - 1]!.li]!,
          col,
        ),
      );
      return { cells: cellsOut, source: boxSpan(rowLines) };
    });
}
