// Label normalisation and matching: the official labels and their variants are matched by keys, never by position.
import type { LabelMatch } from '../model/format.ts';

const QUOTES = /["'“”‘’「」『』〝〞＂]/g;
// With the reader's unsure mark (U+FFFD, model/document.ts): a label OCR was unsure of still matches by its text.
const SPACES = /[\s\u00a0\u3000\u200b\ufeff\ufffd]+/g;

/**
 * Normalises a label for matching: NFKC (full-width brackets, dots and digits become ASCII), no spaces or line
 * breaks, no quotes (三安全一稳定 is written with “”, "" or none).
 */
export function normalizeLabel(s: string): string {
  let n = normalized.get(s);
  if (n === undefined) {
    n = foldWidth(s).replace(SPACES, '').replace(QUOTES, '');
    // The same labels come back in every report and every comparison: remembered, up to a bound.
    if (normalized.size >= 20_000) normalized.clear();
    normalized.set(s, n);
  }
  return n;
}
const normalized = new Map<string, string>();

const WIDE = /[\uff01-\uff5e]/;
const WIDE_ALL = /[\uff01-\uff5e]/g;
/**
 * Folds full-width ASCII (brackets, digits, dots, commas, colons) to ASCII: the part of NFKC that labels and figures
 * need, without the cost of full normalisation on every cell.
 */
export function foldWidth(s: string): string {
  return WIDE.test(s) ? s.replace(WIDE_ALL, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : s;
}

const NUMBERING =
  /^(?:[一二三四五六七八九十]+[、.,，]|\([一二三四五六七八九十\d]+\)|\d+[、.,，)]|第[一二三四五六七八九十]+[、.,]?)/;

/** Removes leading numbering such as "一、", "(三)", "1." (repeatedly: "(四)1." → ""). */
export function stripNumbering(normalized: string): string {
  let s = normalized;
  for (let i = 0; i < 3; i++) {
    const m = NUMBERING.exec(s);
    if (!m) break;
    s = s.slice(m[0].length);
  }
  return s;
}

/** A compiled matcher: keys normalised once. */
export interface CompiledMatch {
  readonly contains: readonly string[];
  readonly equals: readonly string[];
}

/** Normalises the keys of a LabelMatch. */
export function compileMatch(m: LabelMatch): CompiledMatch {
  return { contains: (m.contains ?? []).map(normalizeLabel), equals: (m.equals ?? []).map(normalizeLabel) };
}

/** A normalised label with the forms `equals` keys compare against, computed once per label. */
export interface LabelForms {
  readonly text: string;
  /** The label without leading numbering. */
  readonly bare: string;
  /** What follows the last item number ("(六)其他处理3.其他" → "其他"), and where it starts. */
  readonly tail: string | null;
  readonly tailAt: number;
}

/** Computes the forms of a normalised label. */
export function labelForms(normalized: string): LabelForms {
  const last = lastItemNumber(normalized);
  return {
    text: normalized,
    bare: stripNumbering(normalized),
    tail: last < 0 ? null : normalized.slice(lastDigit(normalized) + 2),
    tailAt: last,
  };
}

const isDigit = (c: number) => c >= 48 && c <= 57;

function lastDigit(s: string): number {
  let i = s.length - 1;
  while (i >= 0 && !isDigit(s.charCodeAt(i))) i--;
  return i;
}

/**
 * Where `/\d+[.、,]([^\d]*)$/` would match — the last item number, followed by its mark and then no digit — found
 * in one pass from the end: the regular expression backtracks over every digit of a long run (a line of 10⁶ digits
 * took minutes).
 */
function lastItemNumber(s: string): number {
  const end = lastDigit(s);
  if (end < 0) return -1;
  const mark = s[end + 1];
  if (mark !== '.' && mark !== '、' && mark !== ',') return -1;
  let start = end;
  while (start > 0 && isDigit(s.charCodeAt(start - 1))) start--;
  return start;
}

/**
 * Where a label matches: the index of the last occurrence of a key (so that, when header text or a group label runs
 * into a row's own label, the innermost label wins), or -1.
 */
export function matchPosition(label: string | LabelForms, m: CompiledMatch): number {
  const text = typeof label === 'string' ? label : label.text;
  let best = -1;
  for (const k of m.contains) {
    const i = text.lastIndexOf(k);
    if (i > best) best = i;
  }
  if (m.equals.length > 0) {
    // The forms are needed (and computed) only for `equals` keys.
    const forms = typeof label === 'string' ? labelForms(label) : label;
    if (m.equals.includes(forms.bare)) best = Math.max(best, forms.text.length - forms.bare.length);
    else if (forms.tail !== null && m.equals.includes(forms.tail)) best = Math.max(best, forms.tailAt);
  }
  return best;
}
