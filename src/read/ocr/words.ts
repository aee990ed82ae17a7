// What OCR reads, made fit for the PDF reader: the boxes of a line untangled, figures and their lookalikes judged,
// and unsure readings marked (UNSURE_MARK).
import { UNSURE_MARK } from '../../model/document.ts';
import type { OcrWord } from './types.ts';

/**
 * The words of one line with boxes that do not overlap: LSTM's boxes of ideographs in a line are loose (a box
 * may reach over its neighbours), and the PDF reader never puts overlapping pieces of text on one line. Each
 * overlap is cut in its middle.
 */
export function untangle(line: readonly OcrWord[]): OcrWord[] {
  const out: { -readonly [K in keyof OcrWord]: OcrWord[K] }[] = line.map((w) => ({ ...w }));
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1]!;
    const cur = out[i]!;
    if (cur.x0 >= prev.x1 || cur.x0 <= prev.x0) continue;
    const cut = (cur.x0 + Math.min(prev.x1, cur.x1)) / 2;
    if (cut > prev.x0 && cut < cur.x1) {
      prev.x1 = cut;
      cur.x0 = cut;
    }
  }
  return out;
}

/** Characters LSTM models write for a digit in a run of digits: O and 〇 for 0, l, I and | for 1. */
const LOOKALIKE: Readonly<Record<string, string>> = { O: '0', o: '0', 〇: '0', l: '1', I: '1', '|': '1' };
/** A word of digits and their lookalikes only. */
export const DIGITISH = /^[\dOo〇lI|]+$/;

/** A figure OCR is at least this sure of is read as written; below it, it is marked unsure (see normalizeOcrWord). */
export const FIGURE_CONFIDENCE = 70;

/**
 * Normalises a word as tesseract wrote it, in ways that never change a figure OCR is unsure of:
 * - full-width ASCII (digits, brackets, commas) becomes ASCII, as the labels are matched (src/extract/labels.ts);
 * - spaces inside the word go (chi_sim puts them between ideographs; the PDF reader joins neighbouring words itself);
 * - in a run of digits read with confidence ≥ FIGURE_CONFIDENCE, a lookalike letter becomes its digit (O, o, 〇 → 0;
 *   l, I, | → 1) — only when at least one true digit is in the run, or the run is a lone O/〇 (a written zero);
 * - any other word holding a digit read with confidence below FIGURE_CONFIDENCE keeps its text with UNSURE_MARK
 *   (model/document.ts) after it, so extraction does not take it as a figure: the cell stays blank with a
 *   diagnostic, never a guessed number.
 */
export function normalizeOcrWord(text: string, confidence: number): string {
  const t = text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
  const sure = confidence >= FIGURE_CONFIDENCE;
  if (DIGITISH.test(t) && (/\d/.test(t) || /^[O〇]$/.test(t))) {
    if (!sure) return t + UNSURE_MARK;
    return t.replace(/[Oo〇lI|]/g, (c) => LOOKALIKE[c]!);
  }
  if (/\d/.test(t) && !sure) return t + UNSURE_MARK;
  return t;
}

/** A lone glyph read as an ideograph is trusted from this confidence up (chi_sim reads a lone 7 as 了, 4 as 中). */
export const LONE_GLYPH_CONFIDENCE = 90;

/**
 * Normalises the words of a page (normalizeOcrWord) and marks unsure a lone glyph read as an ideograph below
 * LONE_GLYPH_CONFIDENCE: a single character with no word within an em of it on its line is, in a table, most often
 * a figure alone in its cell, and chi_sim's guesses for a lone digit are ideographs of its shape.
 */
export function normalizeOcrWords(words: readonly OcrWord[]): OcrWord[] {
  return words.map((w) => {
    let text = normalizeOcrWord(w.text, w.confidence);
    if ([...text].length === 1 && /[\u3400-\u9fff]/.test(text) && w.confidence < LONE_GLYPH_CONFIDENCE) {
      const em = w.y1 - w.y0;
      const lone = !words.some(
        (o) =>
          o !== w && Math.min(o.y1, w.y1) - Math.max(o.y0, w.y0) > 0 && o.x1 > w.x0 - em && o.x0 < w.x1 + em,
      );
      if (lone) text += UNSURE_MARK;
    }
    // More digits than the box can hold (LSTM sometimes reads one glyph twice: a lone 4 as "44"): a digit is about
    // 0.72 em high and 0.55 em wide, and the first and last may have up to 0.35 em of side bearing between them.
    const digits = /^[\d,.]+$/.test(text) ? text.replace(/[,.]/g, '').length : 0;
    if (digits > 1) {
      const em = (w.y1 - w.y0) / 0.72;
      if (w.x1 - w.x0 < digits * 0.55 * em - 0.35 * em) text += UNSURE_MARK;
    }
    return text === w.text ? w : { ...w, text };
  });
}
