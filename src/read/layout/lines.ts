// The lines of a text layout: each line's kind (blank, TAB cells, a pipe row, a bar, aligned cells, text), the span
// of a layout's tables, and the tests of a line's text that several layouts share.
import type { TextSpan } from '../../model/source.ts';
import { alignedTokens } from './tokens.ts';

export type LineKind = 'blank' | 'lone' | 'tab' | 'pipe' | 'bar' | 'aligned' | 'text';

export interface Line {
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

export const PIPE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

export function classify(raw: string): LineKind {
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

export type SpanFn = (line: number, column: number, endLine: number, endColumn: number) => TextSpan;

/** A line that may continue the text of the cell above it (a wrapped label in the cell-per-line layout). */
export function isContinuation(raw: string): boolean {
  const t = raw.trim();
  return t.length > 0 && t.length <= 40 && !/^[一二三四五六七八九十]+、/.test(t) && !t.includes('。');
}

/** A line that can be one cell of a table: short, no sentence in it. */
export function isCellText(raw: string): boolean {
  const t = raw.trim();
  return t.length > 0 && t.length <= 48 && !/[。；;！？!?]/.test(t);
}
