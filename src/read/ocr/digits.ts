// The digits pass: a figure OCR is unsure of read again alone, scaled up, by a digits-only reader, and taken only
// when that reading is sure and fits its ink.
import { UNSURE_MARK } from '../../model/document.ts';
import { DARK, png, type Piece } from './image.ts';
import { startWorker, type Tesseract, type TesseractWorker } from './tesseract.ts';
import { OCR_DPI, type GreyImage } from './types.ts';
import { DIGITISH } from './words.ts';

/** The digits pass reads a figure scaled up this much: its digits about 40 pixels high. */
const DIGITS_ZOOM = 2;

/** A figure the digits pass reads is taken only from this confidence up; below it the word stays unsure. */
export const DIGITS_CONFIDENCE = 85;

/**
 * Whether a word goes to the digits pass: marked unsure (normalizeOcrWords) and either a run of digit-like
 * characters or a single glyph (chi_sim's guess for a lone digit). A word of text with a digit in it ("2019年")
 * is not: a digits-only reading would drop its ideographs.
 */
export function digitsCandidate(text: string): boolean {
  if (!text.endsWith(UNSURE_MARK)) return false;
  const t = text.slice(0, -UNSURE_MARK.length);
  return DIGITISH.test(t.replace(/[,.]/g, '')) || [...t].length === 1;
}

/** A digits reading the others must back: every reading at least this sure (see digitsVerdict). */
export const DIGITS_FLOOR = 60;

/**
 * The figure of the digits pass's readings of one piece of ink (one per page segmentation mode), or null: every
 * reading must give the same digits, the surest with confidence ≥ DIGITS_CONFIDENCE and none below DIGITS_FLOOR
 * (single-word mode is often less sure of a right reading than single-line mode; two modes agreeing on a figure,
 * one of them sure, is what is taken). The figure keeps the surest reading's confidence.
 */
export function digitsVerdict(
  readings: readonly { text: string; confidence: number }[],
): { text: string; confidence: number } | null {
  const first = readings[0];
  if (!first || !/^\d+$/.test(first.text) || readings.some((r) => r.text !== first.text)) return null;
  const confidences = readings.map((r) => r.confidence);
  if (Math.max(...confidences) < DIGITS_CONFIDENCE || Math.min(...confidences) < DIGITS_FLOOR) return null;
  return { text: first.text, confidence: Math.max(...confidences) };
}

/**
 * Whether `digits` digits fit ink `width` pixels wide and `height` high: a digit's ink is about 0.72 em high and
 * its advance about 0.55 em; the last digit's ink is 0.15–0.5 em wide (a 1 is narrow). A reading of more or fewer
 * digits than the ink can hold is a misreading (chi_sim's "44" for one 4), and is not taken.
 */
export function digitsFitInk(digits: number, width: number, height: number): boolean {
  if (digits < 1 || height <= 0) return false;
  const em = height / 0.72;
  return width >= (digits - 1) * 0.45 * em + 0.1 * em && width <= digits * 0.62 * em + 0.1 * em;
}

/**
 * The ink of `img` inside `box` widened by `margin` pixels, on a white border of half its height, scaled by
 * `zoom` (nearest pixel): what the digits pass reads. Null when the box holds no ink, or ink that goes on beyond
 * the margin (the box is part of a longer word).
 */
export function cropInk(
  img: GreyImage,
  box: Piece,
  margin: number,
  zoom: number,
): { image: GreyImage; width: number; height: number } | null {
  const x0 = Math.max(0, Math.floor(box.x0 - margin));
  const y0 = Math.max(0, Math.floor(box.y0 - margin));
  const x1 = Math.min(img.width, Math.ceil(box.x1 + margin));
  const y1 = Math.min(img.height, Math.ceil(box.y1 + margin));
  let ix0 = x1;
  let iy0 = y1;
  let ix1 = x0;
  let iy1 = y0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++)
      if (img.data[y * img.width + x]! < DARK) {
        if (x < ix0) ix0 = x;
        if (x + 1 > ix1) ix1 = x + 1;
        if (y < iy0) iy0 = y;
        if (y + 1 > iy1) iy1 = y + 1;
      }
  // Ink reaching the edge of the widened box, or more ink within `margin` beside it, goes on outside the box (the
  // box holds part of a figure, "1" of "12"): not read alone.
  if (ix1 <= ix0 || iy1 <= iy0 || ix0 === x0 || iy0 === y0 || ix1 === x1 || iy1 === y1) return null;
  for (let y = iy0; y < iy1; y++)
    for (let k = 1; k <= margin; k++)
      for (const x of [ix0 - k, ix1 - 1 + k])
        if (x >= 0 && x < img.width && img.data[y * img.width + x]! < DARK) return null;
  const w = ix1 - ix0;
  const h = iy1 - iy0;
  const pad = Math.max(4, Math.round(0.5 * h));
  const W = (w + 2 * pad) * zoom;
  const H = (h + 2 * pad) * zoom;
  const data = new Uint8Array(W * H).fill(255);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const sx = ix0 - pad + Math.floor(x / zoom);
      const sy = iy0 - pad + Math.floor(y / zoom);
      if (sx >= ix0 && sx < ix1 && sy >= iy0 && sy < iy1) data[y * W + x] = img.data[sy * img.width + sx]!;
    }
  return { image: { width: W, height: H, data }, width: w, height: h };
}

/** The digits pass's reader: a figure read again alone, or null when the digits pass is not sure of one. */
export interface DigitsReader {
  /** The figure in the ink of `box` (pixels of `img`), or null when the digits pass is not sure of one. */
  read(img: GreyImage, box: Piece, scale?: number): Promise<{ text: string; confidence: number } | null>;
  close(): Promise<void>;
}

/**
 * The digits pass's reader (eng, digits only) for images rendered at `scale` pixels per point (or the scale a read
 * is given: a page too large for OCR's pixel limit is rendered smaller): its worker started
 * at the first figure OCR is unsure of, and ended by close.
 */
export function digitsReader(tesseract: Tesseract, scale: number): DigitsReader {
  let digitsWorker: TesseractWorker | null = null;
  return {
    async read(img, box, at = scale) {
      const em = 10 * at;
      const crop = cropInk(img, box, Math.round(0.25 * em), DIGITS_ZOOM);
      if (!crop) return null;
      if (!digitsWorker) {
        digitsWorker = await startWorker(tesseract, 'eng');
        await digitsWorker.setParameters({
          tessedit_char_whitelist: '0123456789.-',
          user_defined_dpi: String(OCR_DPI * DIGITS_ZOOM),
          debug_file: '/dev/null',
        });
      }
      const image = await png(crop.image);
      const readings: { text: string; confidence: number }[] = [];
      for (const mode of [tesseract.PSM.SINGLE_WORD, tesseract.PSM.SINGLE_LINE]) {
        await digitsWorker.setParameters({ tessedit_pageseg_mode: mode });
        const result = await digitsWorker.recognize(image, {}, { text: true });
        const text = result.data.text.replace(/\s+/g, '');
        const confidence = Math.round(result.data.confidence);
        if (!digitsFitInk(text.length, crop.width, crop.height)) return null;
        readings.push({ text, confidence });
      }
      return digitsVerdict(readings);
    },
    async close() {
      await digitsWorker?.terminate();
    },
  };
}
