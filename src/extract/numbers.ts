// Reading figures: thousands separators, units, signs, blanks and placeholders; Chinese numerals in narrative text.
import { UNSURE_MARK } from '../model/document.ts';
import { foldWidth } from './labels.ts';

/** A cell's text read as a figure. */
export type Figure =
  | { kind: 'number'; value: number; unit?: '元' | '万元'; digits: string }
  | { kind: 'blank'; placeholder: boolean; unreadable?: true }
  | { kind: 'text' };

const STRIP = /[\s\u00a0\u3000\u200b\ufeff]+/g;
const EDGE = /[\s\u00a0\u3000\u200b\ufeff]/;
/** `s` without blanks at its ends, by index: a `/^…+|…+$/` replace scans a long label cell from every blank in it. */
function trimEdges(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && EDGE.test(s[a]!)) a++;
  while (b > a && EDGE.test(s[b - 1]!)) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}
/** Placeholders written where a figure belongs (report-json.md: "/", "-", "—", "无" mean blank). */
const PLACEHOLDER = /^(?:[/\\\-—–－―_~～·•×*]+|无|空|暂无|N\/?A)$/i;
const NUMBER = /^([+\-−]?)((?:\d{1,3}(?:,\d{3})+)|\d+)(\.\d+)?(万元|元|件|个|项|条|次|起|宗|人次)?$/;

/** Reads a cell's text as a figure; `text` when it is not one. */
export function parseFigure(raw: string): Figure {
  if (/^\d{1,15}$/.test(raw)) return { kind: 'number', value: Number(raw), digits: raw };
  const t = trimEdges(foldWidth(raw));
  if (t === '') return { kind: 'blank', placeholder: false };
  if (t.includes(UNSURE_MARK) && isUnsureFigure(t))
    return { kind: 'blank', placeholder: true, unreadable: true };
  if (PLACEHOLDER.test(t)) return { kind: 'blank', placeholder: true };
  const m = NUMBER.exec(t);
  if (!m) return { kind: 'text' };
  const digits = m[2]!.replace(/,/g, '') + (m[3] ?? '');
  const sign = m[1] === '' || m[1] === '+' ? 1 : -1;
  const value = sign * Number(digits);
  const unit = m[4] === '元' || m[4] === '万元' ? m[4] : undefined;
  return unit ? { kind: 'number', value, unit, digits } : { kind: 'number', value, digits };
}

/**
 * A cell the reader marked unsure (UNSURE_MARK) that stands where a figure would: no ideograph in it, or a single
 * character (a digit OCR took for 了 or 中). Written, so it keeps its column, but never a number.
 */
function isUnsureFigure(t: string): boolean {
  const bare = t.split(UNSURE_MARK).join('').replace(STRIP, '');
  return [...bare].length <= 1 || !/[\u3400-\u9fff]/.test(bare);
}

/** Converts an amount written in 元 to 万元 exactly, by moving the decimal point (no binary rounding). */
export function yuanToWanyuan(value: number): number {
  const neg = value < 0;
  const [int, frac = ''] = Math.abs(value).toString().split('.');
  const padded = int!.padStart(5, '0');
  const s = `${padded.slice(0, -4)}.${padded.slice(-4)}${frac}`;
  return (neg ? -1 : 1) * Number(s);
}

/** Chinese numerals live in the model layer, where rules can use them too. */
export { parseChineseNumber } from '../model/numerals.ts';
