// Text layouts: lines → paragraphs and tables (cell per line, tab-separated, markdown pipes, space-aligned).
import type { Block, Paragraph, Table, TableCell, TableLayout, TableRow } from '../model/document.ts';
import type { TextSpan } from '../model/source.ts';

type LineKind = 'blank' | 'lone' | 'tab' | 'pipe' | 'aligned' | 'text';

interface Line {
  readonly raw: string;
  readonly kind: LineKind;
  readonly no: number; // 1-based
}

const BLANK = /^[ \f\u3000\u00a0\u200b\ufeff]*$/;
const MAYBE_ALIGNED = /\S(?:[ \u00a0]{2,}|\u3000)\S|\d[ \u00a0]+[\d/\-—]/;
const PIPE_ROW = /^\s*\|.*\|\s*$/;
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
      while (end < lines.length && lines[end]!.kind === 'pipe') end++;
      blocks.push(pipeTable(lines.slice(i, end), span));
      i = end;
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
  if (PIPE_ROW.test(raw) && raw.split('|').length >= 3) return 'pipe';
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
    const startBar = raw.indexOf('|');
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
  let figureLines = alignedTokens(lines[start]!.raw).figures >= 2 ? 1 : 0;
  for (let j = start + 1; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.kind === 'aligned') {
      last = j;
      alignedCount++;
      if (alignedTokens(l.raw).figures >= 2) figureLines++;
      continue;
    }
    if (l.kind === 'blank') continue;
    // A short line without sentence punctuation between aligned lines: a wrapped label or a caption.
    if (l.kind === 'text' && isContinuation(l.raw) && nextNonBlankIsAligned(lines, j + 1)) {
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
  if (alignedCount < 2 || figureLines < 1) return 0;
  return last + 1;
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
  for (const l of region) {
    if (l.kind === 'blank') continue;
    const { tokens } = l.kind === 'aligned' ? alignedTokens(l.raw) : { tokens: [singleToken(l.raw)] };
    const cells: TableCell[] = tokens.map((t, col) => ({
      text: t.text.trim(),
      col,
      colSpan: 1,
      rowSpan: 1,
      x: t.start,
      xEnd: t.end,
      source: span(l.no, t.start + 1, l.no, t.end + 1),
    }));
    rows.push({ cells, source: span(l.no, 1, l.no, l.raw.length + 1) });
  }
  const first = region[0]!;
  const last = region[region.length - 1]!;
  return { kind: 'table', layout: 'aligned', rows, source: span(first.no, 1, last.no, last.raw.length + 1) };
}

function singleToken(raw: string): Token {
  const start = raw.length - raw.trimStart().length;
  const text = raw.trim();
  return { text, start, end: start + text.length };
}
