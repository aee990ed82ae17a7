// The cells of space-aligned text (as `pdftotext -layout` prints tables): a line's tokens, its figures, their spans.
import type { TextSpan } from '../../model/source.ts';
import type { SpanFn } from './lines.ts';

/** A figure as it appears in aligned text: digits with separators, a sign, a unit, or a blank placeholder. */
export const FIGURE_WORD = /^[+\-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?(万元|元|件|个|项|条)?$|^[/\\\-—–－―]+$/;

/** A gap between aligned cells: two or more spaces, or a full-width space. */
const GAP = /[ \u00a0]{2,}|\u3000+|\t+/g;

export interface Token {
  text: string;
  start: number; // 0-based char index
  end: number;
}

/**
 * Splits a line into the cells of space-aligned text (as `pdftotext -layout` prints tables): cells are separated
 * by gaps of two or more spaces; figures separated by single spaces are cells too.
 */
export function alignedTokens(raw: string): { tokens: Token[]; aligned: boolean; figures: number } {
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

/** The span of a token's text without the blanks around it (a line may start with a space before its figure). */
export function tokenSpan(lineNo: number, t: Token, span: SpanFn): TextSpan {
  const from = t.start + t.text.length - t.text.trimStart().length;
  return span(lineNo, from + 1, lineNo, from + t.text.trim().length + 1);
}

export function singleToken(raw: string): Token {
  const start = raw.length - raw.trimStart().length;
  const text = raw.trim();
  return { text, start, end: start + text.length };
}
