// The document as one stream of characters in reading order, and its tokens: label text, figures, placeholders —
// whatever the line, cell or tag boundaries were (a crawler's textContent, cells one per line, pipes, spans).
import type { SourceSpan } from '../../model/source.ts';
import type { Item } from '../items.ts';
import { UNSURE_MARK } from '../../model/document.ts';
import { foldWidth } from '../labels.ts';

/** A piece of the stream and where it came from. */
interface Chunk {
  readonly start: number;
  readonly end: number;
  readonly source: SourceSpan;
  /** The piece is the source text itself on one line, so an offset in it is a column of the source. */
  readonly exact: boolean;
}

/** The text of some items joined in reading order, with the way back from an offset to the source. */
export interface Stream {
  readonly text: string;
  readonly chunks: readonly Chunk[];
}

/** Joins the items' texts (a row's cells separated by a space, items by a line break), folding full width. */
export function streamOf(items: readonly Item[]): Stream {
  const parts: string[] = [];
  const chunks: Chunk[] = [];
  let at = 0;
  const push = (text: string, source: SourceSpan) => {
    const s = source;
    const exact =
      s.kind === 'text' && s.line === s.endLine && s.endColumn - s.column === text.length && text.length > 0;
    chunks.push({ start: at, end: at + text.length, source, exact });
    parts.push(foldWidth(text), '\n');
    at += text.length + 1;
  };
  for (const it of items) {
    if (it.kind === 'para') push(it.text, it.source);
    else for (const c of it.cells) push(c.text, c.source);
  }
  return { text: parts.join(''), chunks };
}

/** The source of the stream's characters start..end: narrowed to their columns where the chunk allows it. */
export function spanAt(stream: Stream, start: number, end: number): SourceSpan | undefined {
  const cs = stream.chunks;
  let lo = 0;
  let hi = cs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cs[mid]!.start <= start) lo = mid;
    else hi = mid - 1;
  }
  const c = cs[lo];
  if (!c) return undefined;
  const s = c.source;
  if (c.exact && s.kind === 'text' && end <= c.end)
    return { ...s, column: s.column + (start - c.start), endColumn: s.column + (end - c.start) };
  return s;
}

/** A token of the stream: a figure, a placeholder written where a figure belongs, or label text. */
export type Token =
  | {
      readonly kind: 'num';
      readonly start: number;
      readonly end: number;
      /** The figure as written, unit included ("246900元"). */
      readonly text: string;
      /** The digits without sign, separators or unit ("246900", "1.5"). */
      readonly digits: string;
      readonly sign: '' | '+' | '-';
      readonly unit?: '元' | '万元';
    }
  | {
      readonly kind: 'ph';
      readonly start: number;
      readonly end: number;
      readonly text: string;
      /** Set on a figure the reader marked unsure: the cell is blank and says so. */
      readonly unreadable?: true;
    }
  | { readonly kind: 'word'; readonly start: number; readonly end: number; readonly text: string };

const SEP = /[\s\u00a0\u3000\u200b\ufeff|]/;
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
/** Characters that make a figure part of a sentence when they follow it: a date, a percentage, a count in prose. */
const PROSE_AFTER = /^(?:[年月日号时%‰]|周岁|余|多|万(?!元)|亿|千|百)/;
/**
 * A telephone number or a date written with hyphens ("0591-23179988", "2022-12-31"): prose, not figures. An area code
 * starts with 0, so "100-1000000" (100, then −1000000 glued on) is figures; a date has its day and a real month and
 * day, so "1900-1" (1900, then −1: a property-test find) and "2021-13-45" are figures.
 */
const PHONE_OR_DATE =
  /^(?:0\d{2,3}-\d{7,8}(?!\d)|(?:19|20)\d{2}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])(?![\d-]))/;
const COUNT_UNIT = /^(?:件|个|项|条|次|起|宗|人次|家|人)/;
const PLACEHOLDER = /^(?:[/\\\-—–－―_~～·•×*]+|无|空|暂无)$/;

/**
 * Splits the stream into tokens. A figure is a run of digits (thousands commas and a decimal part allowed); a digit
 * followed by "." or "、" and a non-digit numbers the next label ("…0 0 01.属于国家秘密"), so it is label text; a
 * figure followed by 年, 月, %, or by a count unit and more prose ("11件，") is part of a sentence, not a cell.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const s: Scan = { text, from, to, out: [], word: -1 };
  let i = from;
  while (i < to) {
    const c = text[i]!;
    if (SEP.test(c)) i = separator(s, i);
    else if (c === UNSURE_MARK || (isDigit(c) && (text[i - 1] === UNSURE_MARK || unsureAhead(text, i, to))))
      i = unsure(s, i);
    else if (!isDigit(c)) i = asText(s, i, i + 1);
    else i = digits(s, i);
  }
  endWord(s, to);
  return s.out;
}

/** Tokenizing under way: the text, the tokens so far, and where the label text being read starts. */
interface Scan {
  readonly text: string;
  readonly from: number;
  readonly to: number;
  readonly out: Token[];
  /** The start of the label text being read, or -1. */
  word: number;
}

/** Ends the label text being read at `at`: a word token, when there is any. */
function endWord(s: Scan, at: number) {
  if (s.word >= 0 && at > s.word)
    s.out.push({ kind: 'word', start: s.word, end: at, text: s.text.slice(s.word, at) });
  s.word = -1;
}

/** Reads the characters i..end as label text, the word being read or a new one; returns `end`. */
function asText(s: Scan, i: number, end: number): number {
  if (s.word < 0) s.word = i;
  return end;
}

/** A separator at i: ends the label text; a placeholder standing alone after it is read. Returns where to go on. */
function separator(s: Scan, i: number): number {
  const { text, to } = s;
  endWord(s, i);
  // A placeholder stands alone between separators ("0 / 0", "— —").
  let j = i + 1;
  while (j < to && SEP.test(text[j]!)) j++;
  let k = j;
  while (k < to && !SEP.test(text[k]!) && !isDigit(text[k])) k++;
  if (k > j && (k === to || SEP.test(text[k]!)) && PLACEHOLDER.test(text.slice(j, k))) {
    s.out.push({ kind: 'ph', start: j, end: k, text: text.slice(j, k) });
    return k;
  }
  return j;
}

/** A figure the reader could not read with confidence (OCR): a blank, never a number. Returns its end. */
function unsure(s: Scan, i: number): number {
  const { text, to } = s;
  endWord(s, i);
  let j = i;
  while (j < to && (isDigit(text[j]) || text[j] === UNSURE_MARK || text[j] === '.' || text[j] === ',')) j++;
  if (j === i) j = i + 1;
  s.out.push({ kind: 'ph', start: i, end: j, text: text.slice(i, j), unreadable: true });
  return j;
}

/**
 * A run of digits at i: part of a word or of prose, the number of the next label, a count in a sentence, or a
 * figure with its unit and sign. Returns where to go on.
 */
function digits(s: Scan, i: number): number {
  const { text, to } = s;
  const j = digitsEnd(text, i, to);
  const prose = proseEnd(s, i, j);
  if (prose >= 0) return asText(s, i, prose);
  const numbered = labelNumber(s, i, j);
  if (numbered >= 0) return numbered;
  const counted = spacedCount(text, j, to);
  if (counted >= 0) return asText(s, i, counted);
  const unit = unitAt(text, j);
  if (unit.prose) return asText(s, i, unit.end);
  return figure(s, i, j, unit.end, unit.unit);
}

/** The end of the digits at i: a run of digits, with thousands separators ("3,119") and a decimal part ("1.5"). */
function digitsEnd(text: string, i: number, to: number): number {
  let j = i;
  while (j < to && isDigit(text[j])) j++;
  while (
    text[j] === ',' &&
    isDigit(text[j + 1]) &&
    isDigit(text[j + 2]) &&
    isDigit(text[j + 3]) &&
    !isDigit(text[j + 4])
  )
    j += 4;
  if (text[j] === '.' && isDigit(text[j + 1])) {
    j++;
    while (j < to && isDigit(text[j])) j++;
  }
  return j;
}

/** Where the digits i..j are part of a word or of prose, the end of that text; otherwise -1. */
function proseEnd(s: Scan, i: number, j: number): number {
  const { text } = s;
  const next = text[j];
  const after = text.slice(j, j + 3);
  // Digits inside a word ("第3条", "12345平台", "0591-2317"): label or prose text.
  const inWord = s.word >= 0 && /[A-Za-z第]$/.test(text.slice(s.word, i));
  // A telephone number or a date is prose as a whole: its later groups are no negative figures ("-23179988").
  const phoneOrDate = next === '-' ? PHONE_OR_DATE.exec(text.slice(i, i + 16)) : null;
  if (inWord || PROSE_AFTER.test(after) || phoneOrDate || (next === ':' && isDigit(text[j + 1])))
    return phoneOrDate ? i + phoneOrDate[0].length : j;
  return -1;
}

/**
 * Where the last digit of i..j numbers the next label ("01.属于"): the digits before it are a figure, the last one
 * starts the label text. Returns j, or -1 where the digits number nothing.
 */
function labelNumber(s: Scan, i: number, j: number): number {
  const { text } = s;
  const next = text[j];
  if (!(
    (next === '.' || next === '、' || next === '，' || next === ',') &&
    text[j + 1] !== undefined &&
    !isDigit(text[j + 1]) &&
    !SEP.test(text[j + 1]!)
  ))
    return -1;
  if (j - i > 1 && next !== '，' && next !== ',') {
    endWord(s, i);
    s.out.push(num(text, i, j - 1, ''));
  }
  return asText(s, j - 1, j);
}

/**
 * "部分公开答复 0 件，不予公开答复 2 件": a count with its unit in a sentence, even with a space before the unit.
 * Returns where the unit starts, or -1.
 */
function spacedCount(text: string, j: number, to: number): number {
  let k = j;
  while (k < to && (text[k] === ' ' || text[k] === '\u00a0')) k++;
  if (
    k > j &&
    COUNT_UNIT.test(text.slice(k, k + 2)) &&
    /^[件个项条次起宗家人]\s*[，,。；;、）)]/.test(text.slice(k, k + 4))
  )
    return k;
  return -1;
}

/** The unit written right after the digits ending at j, and the figure's end; prose where a count unit goes on. */
function unitAt(text: string, j: number): { unit?: '元' | '万元'; end: number; prose?: true } {
  if (text.startsWith('万元', j)) return { unit: '万元', end: j + 2 };
  if (text[j] === '元') return { unit: '元', end: j + 1 };
  const m = COUNT_UNIT.exec(text.slice(j, j + 2));
  if (!m) return { end: j };
  const k = j + m[0].length;
  const after = text[k];
  // "1个246900元" (a unit in a cell) is a figure; "11件，" or "11件申请" is prose.
  if (after === undefined || SEP.test(after) || isDigit(after)) return { end: k };
  return { end: k, prose: true };
}

/** The figure i..end (its digits up to j), with a sign written before it taken from the label text. Returns end. */
function figure(s: Scan, i: number, j: number, end: number, unit: '元' | '万元' | undefined): number {
  const { text, out } = s;
  endWord(s, i);
  // A sign written before the figure ("+2", "-3"), right after a separator or another figure.
  let sign: '' | '+' | '-' = '';
  const prev = text[i - 1];
  if (
    (prev === '+' || prev === '-' || prev === '−') &&
    (i - 1 === s.from || SEP.test(text[i - 2] ?? ' ') || isDigit(text[i - 2]))
  ) {
    sign = prev === '+' ? '+' : '-';
    const last = out[out.length - 1];
    if (last && last.kind === 'word' && last.end === i && last.start === i - 1) out.pop();
    else if (last && last.kind === 'word' && last.end === i)
      out[out.length - 1] = { ...last, end: i - 1, text: last.text.slice(0, -1) };
  }
  out.push(num(text, sign ? i - 1 : i, end, sign, j, unit));
  return end;
}

function num(
  text: string,
  start: number,
  end: number,
  sign: '' | '+' | '-',
  digitsEnd = end,
  unit?: '元' | '万元',
): Token {
  const s = sign ? start + 1 : start;
  const digits = text.slice(s, digitsEnd).replace(/,/g, '');
  return { kind: 'num', start, end, text: text.slice(start, end), digits, sign, ...(unit ? { unit } : {}) };
}

/** True when the run of digits at i is followed by the unsure mark before any separator. */
function unsureAhead(text: string, i: number, to: number): boolean {
  let j = i;
  while (j < to && (isDigit(text[j]) || text[j] === '.' || text[j] === ',')) j++;
  return text[j] === UNSURE_MARK;
}
