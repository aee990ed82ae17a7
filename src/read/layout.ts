// Text layouts: lines → paragraphs and tables (cell per line, tab-separated, markdown pipes, space-aligned).
import type { Block, Paragraph, Table, TableCell, TableLayout, TableRow } from '../model/document.ts';
import type { TextSpan } from '../model/source.ts';

type LineKind = 'blank' | 'lone' | 'tab' | 'pipe' | 'bar' | 'aligned' | 'text';

interface Line {
  readonly raw: string;
  readonly kind: LineKind;
  readonly no: number; // 1-based
}

const BLANK = /^[ \f\u3000\u00a0\u200b\ufeff]*$/;
const MAYBE_ALIGNED = /\S(?:[ \u00a0]{2,}|\u3000)\S|\d[ \u00a0]+[\d/\-—]/;
const PIPE_ROW = /^\s*\|.*\|\s*$/;
/** A pipe row without its leading bar ("规章 | 0 | 0 | 0 |", "规章|0|0|0|||"): cells, then a bar at the end. */
const BARE_PIPE_ROW = /^\s*[^|\s][^|]*\|.*\|\s*$/;
/** A line holding only a bar: the end of a cell in pages that put each cell on its own line. */
const BAR_LINE = /^[ \t\u3000\u00a0]*\|[ \t\u3000\u00a0]*$/;
const PIPE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
/** A figure as it appears in aligned text: digits with separators, a sign, a unit, or a blank placeholder. */
const FIGURE_WORD = /^[+\-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?(万元|元|件|个|项|条)?$|^[/\\\-—–－―]+$/;
/** A gap between aligned cells: two or more spaces, or a full-width space. */
const GAP = /[ \u00a0]{2,}|\u3000+|\t+/g;

/** Splits text into paragraphs and tables, recognising each table layout. */
export function parseTextBlocks(text: string, spanKind: 'text' | 'html' | 'doc' = 'text'): Block[] {
  const raws = text.split(/\r\n|\r|\n/);
  const lines: Line[] = raws.map((raw, i) => ({ raw, kind: classify(raw), no: i + 1 }));
  const blocks: Block[] = [];
  const span = (line: number, column: number, endLine: number, endColumn: number): TextSpan => ({
    kind: spanKind,
    line,
    column,
    endLine,
    endColumn,
  });
  let i = 0;
  let noCellsUntil = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.kind === 'blank') {
      i++;
      continue;
    }
    if (line.kind === 'lone' || line.kind === 'tab') {
      const end = tabRegionEnd(lines, i);
      blocks.push(tabTable(lines.slice(i, end), span));
      i = end;
      continue;
    }
    if (line.kind === 'pipe') {
      let end = i;
      // A one-cell row of a table without leading bars ("第二十条第（一）项 |") continues the rows around it.
      while (
        end < lines.length &&
        (lines[end]!.kind === 'pipe' ||
          (lines[end]!.kind !== 'blank' && /\|\s*$/.test(lines[end]!.raw) && lines[end + 1]?.kind === 'pipe'))
      )
        end++;
      blocks.push(pipeTable(lines.slice(i, end), span));
      i = end;
      continue;
    }
    if (line.kind === 'text' && /\|\s*$/.test(line.raw) && lines[i + 1]?.kind === 'pipe') {
      // A one-cell first row of pipe rows without leading bars ("第二十条第（一）项 |").
      lines[i] = { ...line, kind: 'pipe' };
      continue;
    }
    if ((line.kind === 'text' || line.kind === 'bar') && i >= noCellsUntil) {
      const region = cellStreamRegion(lines, i);
      if (typeof region !== 'number') {
        blocks.push(cellStreamTable(region, span));
        i = region.end;
        continue;
      }
      // No table starts before that line: the lines up to it are paragraphs.
      noCellsUntil = region;
    }
    if (line.kind === 'bar') {
      i++;
      continue;
    }
    if (line.kind === 'aligned') {
      const end = alignedRegionEnd(lines, i);
      if (end > 0) {
        blocks.push(alignedTable(lines.slice(i, end), span));
        i = end;
        continue;
      }
    }
    blocks.push(paragraph(line, span));
    i++;
  }
  return blocks;
}

function classify(raw: string): LineKind {
  if (raw.includes('\t')) {
    if (raw.charCodeAt(0) === 9 && raw.indexOf('\t', 1) < 0) return 'lone';
    if (BLANK.test(raw.replace(/\t/g, '')))
      return raw.charCodeAt(0) === 9 && raw.length === 1 ? 'lone' : 'tab';
    return 'tab';
  }
  if (BLANK.test(raw)) return 'blank';
  if (raw.includes('|')) {
    if (BAR_LINE.test(raw)) return 'bar';
    if (PIPE_ROW.test(raw) && raw.split('|').length >= 3) return 'pipe';
    if (PIPE_SEPARATOR.test(raw)) return 'pipe';
    if (BARE_PIPE_ROW.test(raw) && raw.split('|').length >= 3 && !raw.includes('。')) return 'pipe';
  }
  // Aligned cells need a gap of two spaces or a full-width space between words, or figures side by side.
  if (!MAYBE_ALIGNED.test(raw)) return 'text';
  return alignedTokens(raw).aligned ? 'aligned' : 'text';
}

function paragraph(line: Line, span: SpanFn): Paragraph {
  const lead = line.raw.length - line.raw.trimStart().length;
  const text = line.raw.trim();
  return { kind: 'paragraph', text, source: span(line.no, lead + 1, line.no, lead + text.length + 1) };
}

type SpanFn = (line: number, column: number, endLine: number, endColumn: number) => TextSpan;

/** A line that may continue the text of the cell above it (a wrapped label in the cell-per-line layout). */
function isContinuation(raw: string): boolean {
  const t = raw.trim();
  return t.length > 0 && t.length <= 40 && !/^[一二三四五六七八九十]+、/.test(t) && !t.includes('。');
}

/** The end (exclusive) of a region of tab-separated lines, blank lines and wrapped-cell lines. */
function tabRegionEnd(lines: readonly Line[], start: number): number {
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

function tabTable(region: readonly Line[], span: SpanFn): Table {
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

function pipeTable(region: readonly Line[], span: SpanFn): Table {
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

interface Token {
  text: string;
  start: number; // 0-based char index
  end: number;
}

/**
 * Splits a line into the cells of space-aligned text (as `pdftotext -layout` prints tables): cells are separated
 * by gaps of two or more spaces; figures separated by single spaces are cells too.
 */
function alignedTokens(raw: string): { tokens: Token[]; aligned: boolean; figures: number } {
  const tokens: Token[] = [];
  let pos = 0;
  GAP.lastIndex = 0;
  const chunks: Token[] = [];
  for (let m = GAP.exec(raw); m; m = GAP.exec(raw)) {
    if (m.index > pos) chunks.push({ text: raw.slice(pos, m.index), start: pos, end: m.index });
    pos = m.index + m[0].length;
  }
  if (pos < raw.length) chunks.push({ text: raw.slice(pos), start: pos, end: raw.length });
  let figures = 0;
  for (const c of chunks) {
    // Split trailing single-space-separated figures off a chunk ("规章 0 0 0" → "规章", "0", "0", "0").
    const words: Token[] = [];
    const re = /[^ \u00a0]+/g;
    for (let m = re.exec(c.text); m; m = re.exec(c.text))
      words.push({ text: m[0], start: c.start + m.index, end: c.start + m.index + m[0].length });
    let k = words.length;
    while (k > 0 && FIGURE_WORD.test(words[k - 1]!.text)) k--;
    if (k === words.length || (k === 0 && words.length === 1)) {
      tokens.push({ text: c.text.trimEnd(), start: c.start, end: c.start + c.text.trimEnd().length });
      if (FIGURE_WORD.test(c.text.trim())) figures++;
      continue;
    }
    if (k > 0) {
      const head = words.slice(0, k);
      tokens.push({
        text: raw.slice(head[0]!.start, head[k - 1]!.end),
        start: head[0]!.start,
        end: head[k - 1]!.end,
      });
    }
    for (const w of words.slice(k)) {
      tokens.push(w);
      figures++;
    }
  }
  const aligned = tokens.length >= 2 && (chunks.length >= 2 || figures >= 2);
  return { tokens, aligned, figures };
}

/** The end (exclusive) of an aligned table starting at `start`, or 0 when the lines do not form one. */
function alignedRegionEnd(lines: readonly Line[], start: number): number {
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

function alignedTable(region: readonly Line[], span: SpanFn): Table {
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

// ---------------------------------------------------------------------------------------------------------------
// Wrapped labels in aligned text: `pdftotext -layout` prints a row whose label wraps in a narrow column as the
// label's lines with the figures on the middle one ("4.无正当理由大量反 / 16 0 0 0 0 0 16 / 复申请"), every cell
// being centred vertically in its row. Such a row is its figure line with the label lines above and below it.

/** The start of a row label: "1." "（三）" "一、". */
const ROW_MARKER = /^(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)/;

/**
 * A number written apart from its label ("1. 属于国家秘密", "(二) 部分公开", as converters space them). A full-width
 * "（三）" alone is not one: pdftotext prints it so when a group label wraps in its narrow column ("（三） 权益").
 */
const LONE_MARKER = /^(?:\d+[.．、]|\([一二三四五六七八九十\d]+\))$/;

interface LineInfo {
  kind: 'figures' | 'label' | 'other';
  /** Label words (text between spaces) with their character columns. */
  words: { text: string; x: number }[];
  /** Figure tokens of a figure line. */
  figures: Token[];
}

interface WrappedRow {
  figureLine: number;
  above: number[];
  below: number[];
}

function lineInfo(l: Line): LineInfo | null {
  if (l.kind === 'blank') return null;
  const { tokens } = alignedTokens(l.raw);
  const toks = tokens.length ? tokens : [singleToken(l.raw)];
  const isFig = (t: Token) => FIGURE_WORD.test(t.text.trim());
  let first = toks.length;
  while (first > 0 && isFig(toks[first - 1]!)) first--;
  const words: LineInfo['words'] = [];
  for (const t of toks.slice(0, first)) {
    const re = /\S+/g;
    for (let m = re.exec(t.text); m; m = re.exec(t.text)) {
      const prev = words[words.length - 1];
      // "1. 属于国家秘密", "(二) 部分公开": a number and its label are one word.
      if (prev && prev.x + prev.text.length + 1 >= t.start + m.index && LONE_MARKER.test(prev.text))
        prev.text += m[0];
      else words.push({ text: m[0], x: t.start + m.index });
    }
  }
  if (first < toks.length) return { kind: 'figures', words, figures: toks.slice(first) };
  return { kind: 'label', words, figures: [] };
}

/**
 * Finds the rows of an aligned region whose labels wrap around their figure line. Label lines between two figure
 * lines are split where the lower row's label starts (a line whose last word is numbered "1." "（三）" "一、"), or
 * else so that the upper row has as many label lines below its figures as above them (vertical centring). Lines
 * that name no column of figures — header lines, lines after a blank line — are never part of such a row.
 */
function wrappedRows(region: readonly Line[]): Map<number, WrappedRow> {
  const infos = region.map(lineInfo);
  const figureLines = infos.flatMap((inf, i) => (inf?.kind === 'figures' ? [i] : []));
  const out = new Map<number, WrappedRow>();
  if (figureLines.length === 0) return out;
  // Where the figures start: label lines end before it, header lines reach past it.
  const figStart = Math.min(...figureLines.map((i) => infos[i]!.figures[0]!.start));
  const isLabel = (i: number) => {
    const inf = infos[i];
    if (!inf || inf.kind !== 'label' || inf.words.length === 0) return false;
    const raw = region[i]!.raw;
    const end = raw.trimEnd().length;
    return end <= figStart && !OUTLINE_HEADING.test(raw.trim());
  };
  const marked = (i: number) => ROW_MARKER.test(infos[i]!.words[infos[i]!.words.length - 1]!.text);
  /** Label lines next to figure line f, going up (-1) or down (+1), up to a barrier or another figure line. */
  const run = (f: number, dir: -1 | 1): number[] => {
    const list: number[] = [];
    for (let j = f + dir; j >= 0 && j < region.length && isLabel(j); j += dir) list.push(j);
    return dir === -1 ? list.reverse() : list;
  };
  // Labels centred on their figures start above them: a numbered label line right above figures, or figures with
  // no label beside them under a label line. Without that, every label starts on its figure line and its wrapped
  // lines follow it (as most aligned text prints them): each line stays a row of its own, read as before.
  const centred = figureLines.some((f) => {
    const up = run(f, -1);
    return up.length > 0 && (infos[f]!.words.length === 0 || up.some(marked));
  });
  if (!centred) return out;
  const rows: WrappedRow[] = figureLines.map((f) => ({ figureLine: f, above: [], below: [] }));
  // Lines above the first row of a stretch: from its last numbered line, else as many as lie below it.
  const aboveOfFirst = (k: number, candidates: number[]): number[] => {
    const m = lastIndex(candidates, marked);
    if (m >= 0) return candidates.slice(m);
    const f = rows[k]!.figureLine;
    const below = run(f, 1);
    const next = rows[k + 1];
    const shared = next !== undefined && below.length > 0 && below[below.length - 1]! + 1 === next.figureLine;
    const belowOwn = shared ? below.slice(0, Math.max(0, lastIndex(below, marked))) : below;
    return candidates.slice(
      Math.max(0, candidates.length - (lastIndex(below, marked) >= 0 || !shared ? belowOwn.length : 0)),
    );
  };
  rows.forEach((row, k) => {
    const up = run(row.figureLine, -1);
    const prev = rows[k - 1];
    const sharedUp = prev !== undefined && up.length > 0 && up[0]! - 1 === prev.figureLine;
    if (!sharedUp) row.above = aboveOfFirst(k, up);
    else {
      const m = lastIndex(up, marked);
      // Between two figure lines: split at the lower row's numbered line, else centre the upper row.
      const split = m >= 0 ? m : Math.min(prev.above.length, up.length);
      prev.below = up.slice(0, split);
      row.above = up.slice(split);
    }
    const down = run(row.figureLine, 1);
    const next = rows[k + 1];
    const sharedDown =
      next !== undefined && down.length > 0 && down[down.length - 1]! + 1 === next.figureLine;
    if (!sharedDown) {
      // Below the last row of a stretch: as many lines as above it, up to a numbered line.
      const m = down.findIndex(marked);
      const own = m >= 0 ? down.slice(0, m) : down;
      row.below = own.slice(0, row.above.length);
    }
  });
  for (const row of rows) {
    if (row.above.length === 0 && row.below.length === 0) continue;
    for (const i of [...row.above, row.figureLine, ...row.below]) out.set(i, row);
  }
  return out;
}

const OUTLINE_HEADING = /^[一二三四五六七八九十]+、.{6,}(情况|事项)$/;

function lastIndex<T>(list: readonly T[], pred: (x: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (pred(list[i]!)) return i;
  return -1;
}

/**
 * The row of a figure line and its label lines: the label's words of the row-label column joined into one cell,
 * words left of it (a group label such as "（三）不予公开" wrapping in its own narrow column) into another, then the
 * figures with their positions.
 */
function wrappedRow(region: readonly Line[], g: WrappedRow, span: SpanFn): TableRow {
  const order = [...g.above, g.figureLine, ...g.below];
  const infos = order.map((i) => lineInfo(region[i]!)!);
  // The row label's column: the rightmost start of a numbered word or of a line's last word beside another word.
  let rowX = -1;
  for (const inf of infos) {
    const w = inf.words;
    if (w.length === 0) continue;
    const lastWord = w[w.length - 1]!;
    if (w.length >= 2 || ROW_MARKER.test(lastWord.text)) rowX = Math.max(rowX, lastWord.x);
  }
  const group: { text: string; line: number; x: number }[] = [];
  const label: { text: string; line: number; x: number }[] = [];
  order.forEach((i, k) => {
    const w = infos[k]!.words;
    if (w.length === 0) return;
    const lastWord = w[w.length - 1]!;
    const toGroup = w.length >= 2 ? w.slice(0, -1) : rowX >= 0 && lastWord.x < rowX - 1 ? w : [];
    for (const x of toGroup) group.push({ text: x.text, line: i, x: x.x });
    if (w.length >= 2 || toGroup.length === 0) label.push({ text: lastWord.text, line: i, x: lastWord.x });
  });
  const cells: TableCell[] = [];
  const joined = (parts: typeof label): TableCell => {
    const a = parts[0]!;
    const b = parts[parts.length - 1]!;
    return {
      text: parts.map((p) => p.text).join(''),
      col: cells.length,
      colSpan: 1,
      rowSpan: 1,
      source: span(region[a.line]!.no, a.x + 1, region[b.line]!.no, b.x + b.text.length + 1),
    };
  };
  if (group.length) cells.push(joined(group));
  if (label.length) cells.push(joined(label));
  const f = region[g.figureLine]!;
  for (const t of lineInfo(f)!.figures)
    cells.push({
      text: t.text.trim(),
      col: cells.length,
      colSpan: 1,
      rowSpan: 1,
      x: t.start,
      xEnd: t.end,
      source: tokenSpan(f.no, t, span),
    });
  const top = region[order[0]!]!;
  const bottom = region[order[order.length - 1]!]!;
  return { cells, source: span(top.no, 1, bottom.no, bottom.raw.length + 1) };
}

/** The span of a token's text without the blanks around it (a line may start with a space before its figure). */
function tokenSpan(lineNo: number, t: Token, span: SpanFn): TextSpan {
  const from = t.start + t.text.length - t.text.trimStart().length;
  return span(lineNo, from + 1, lineNo, from + t.text.trim().length + 1);
}

function singleToken(raw: string): Token {
  const start = raw.length - raw.trimStart().length;
  const text = raw.trim();
  return { text, start, end: start + text.length };
}

// ---------------------------------------------------------------------------------------------------------------
// One cell per line without TABs: cells separated by line breaks (rows by blank lines), by blank lines, or each
// cell followed by a line holding only "|". Rows are then found from the cells themselves.

/** A figure written alone in a cell ("0", "  1,655.0887", "—"). */
const CELL_FIGURE = FIGURE_WORD;
/** A numbered heading of the report's outline ("四、政府信息公开行政复议、行政诉讼情况"), or a row label like it. */
const OUTLINE_NUMBER = /^[一二三四五六七八九十]+、/;

/** A line that can be one cell of a table: short, no sentence in it. */
function isCellText(raw: string): boolean {
  const t = raw.trim();
  return t.length > 0 && t.length <= 48 && !/[。；;！？!?]/.test(t);
}

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
function cellStreamRegion(lines: readonly Line[], start: number): CellRegion | number {
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

function cellStreamTable(region: CellRegion, span: SpanFn): Table {
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
