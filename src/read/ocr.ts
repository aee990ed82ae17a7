// OCR of PDF pages without a text layer: rendered by pdf.js onto @napi-rs/canvas, straightened, ruling lines found
// in the pixels, words read by tesseract.js (chi_sim; unsure figures again by eng, digits only) and given in points.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Canvas } from '@napi-rs/canvas';
import { UNSURE_MARK } from '../model/document.ts';

/** Resolution pages are rendered at for OCR: 10-point table digits come out about 20 pixels high, as LSTM wants. */
export const OCR_DPI = 200;

/** A word read by OCR, in layout points (origin top left, y down), with tesseract's confidence (0–100). */
export interface OcrWord {
  readonly text: string;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly confidence: number;
  /** The index of the line tesseract put the word in (words of one line share a type size and a baseline). */
  readonly line: number;
}

/** A ruling line found in a page image, in layout points: horizontal (y0 = y1) or vertical (x0 = x1). */
export interface OcrSegment {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** What OCR found on one page. */
export interface OcrPage {
  readonly words: readonly OcrWord[];
  readonly horizontal: readonly OcrSegment[];
  readonly vertical: readonly OcrSegment[];
  /** The page's skew in degrees (clockwise), taken out before reading. */
  readonly skew: number;
}

/** A grey image, one byte per pixel (0 black … 255 white), rows top to bottom. */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** The part of a pdf.js page OCR needs: its viewport and rendering. */
export interface RenderablePage {
  getViewport(params: { scale: number }): { width: number; height: number };
  render(params: { canvas: null; canvasContext: unknown; viewport: unknown }): { promise: Promise<unknown> };
}

/** A tesseract worker kept for the pages of one document; `close` must be called (it ends the worker thread). */
export interface OcrEngine {
  /** Reads one page; throws on an OCR failure (the PDF reader turns that into a diagnostic). */
  page(page: RenderablePage): Promise<OcrPage>;
  close(): Promise<void>;
}

const DARK = 128;

type CanvasModule = typeof import('@napi-rs/canvas');
let canvasModule: CanvasModule | null = null;
/** @napi-rs/canvas, loaded by the first OCR engine: reading anything else never loads the native module. */
const createCanvas = (width: number, height: number): Canvas => {
  if (!canvasModule) throw new Error('@napi-rs/canvas is not loaded');
  return canvasModule.createCanvas(width, height);
};

/** Renders a page at `scale` (pixels per point) and returns it in grey. */
async function render(page: RenderablePage, scale: number): Promise<GreyImage> {
  const viewport = page.getViewport({ scale });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  await page.render({ canvas: null, canvasContext: ctx, viewport }).promise;
  return grey(canvas);
}

function grey(canvas: Canvas): GreyImage {
  const { data, width, height } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  const out = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < out.length; i++, j += 4)
    out[i] = (data[j]! * 299 + data[j + 1]! * 587 + data[j + 2]! * 114) / 1000;
  return { width, height, data: out };
}

/**
 * The skew of a page in degrees (clockwise), within ±2°: the angle at which the rows of dark pixels line up best
 * (the variance of the horizontal projection is largest). A table's ruling lines and the text lines both vote.
 */
export function estimateSkew(img: GreyImage): number {
  // Dark pixels of every third column (every row: sampling rows would favour the angle 0, whose bins line up with
  // the sampled rows): enough for the profile, a few hundred thousand operations per angle.
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x += 3)
      if (img.data[y * img.width + x]! < DARK) {
        xs.push(x);
        ys.push(y);
      }
  if (xs.length < 100) return 0;
  const score = (deg: number) => {
    const t = Math.tan((deg * Math.PI) / 180);
    const bins = new Float64Array(img.height + img.width);
    const offset = img.width;
    for (let i = 0; i < xs.length; i++) bins[Math.round(ys[i]! - xs[i]! * t) + offset]! += 1;
    let s = 0;
    for (const b of bins) s += b * b;
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  for (let d = -2; d <= 2.0001; d += 0.1) {
    const s = score(d);
    if (s > bestScore * 1.0001) {
      best = d;
      bestScore = s;
    }
  }
  // Refine around the best tenth.
  const centre = best;
  for (let d = centre - 0.08; d <= centre + 0.08; d += 0.02) {
    const s = score(d);
    if (s > bestScore) {
      best = d;
      bestScore = s;
    }
  }
  return Math.round(best * 100) / 100;
}

/**
 * Removes speckle (a scanner's dust): a dark pixel with no dark neighbour becomes white, a white pixel with seven or
 * eight dark neighbours (a hole in a stroke or a break in a line) becomes dark.
 */
export function despeckle(img: GreyImage): GreyImage {
  const { width, height, data } = img;
  const out = new Uint8Array(data);
  for (let y = 1; y < height - 1; y++)
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) if ((dx || dy) && data[i + dy * width + dx]! < DARK) n++;
      if (data[i]! < DARK && n === 0) out[i] = 255;
      else if (data[i]! >= DARK && n >= 7) out[i] = 0;
    }
  return { width, height, data: out };
}

/** The image turned by `-skew` degrees about its centre (white where the turn uncovers the canvas). */
function straighten(img: GreyImage, skew: number): GreyImage {
  if (Math.abs(skew) < 0.05) return img;
  const src = createCanvas(img.width, img.height);
  const sctx = src.getContext('2d');
  const id = sctx.createImageData(img.width, img.height);
  for (let i = 0; i < img.data.length; i++) {
    const v = img.data[i]!;
    id.data[i * 4] = id.data[i * 4 + 1] = id.data[i * 4 + 2] = v;
    id.data[i * 4 + 3] = 255;
  }
  sctx.putImageData(id, 0, 0);
  const out = createCanvas(img.width, img.height);
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, img.width, img.height);
  ctx.translate(img.width / 2, img.height / 2);
  ctx.rotate((-skew * Math.PI) / 180);
  ctx.drawImage(src, -img.width / 2, -img.height / 2);
  return grey(out);
}

/**
 * The ruling lines of an image, in pixels: runs of dark pixels at least `minRun` long, each row for horizontal lines
 * and each column for vertical ones (a line a few pixels thick is several runs; the PDF reader merges them as it
 * merges a border drawn in pieces). The runs are painted white in `img`, so that OCR does not read a border as "|"
 * or "一".
 */
export function findRulings(
  img: GreyImage,
  minRun: number,
): { horizontal: OcrSegment[]; vertical: OcrSegment[] } {
  const { width, height, data } = img;
  const horizontal: OcrSegment[] = [];
  const vertical: OcrSegment[] = [];
  const erase: [number, number, number, boolean][] = [];
  // A line of a straightened scan wobbles by a pixel: a run goes on while a pixel of its row (column) or the one
  // beside it is dark.
  const darkAcross = (at: number, k: number, across: boolean) => {
    for (let side = Math.max(0, at - 1); side <= Math.min((across ? height : width) - 1, at + 1); side++)
      if (data[across ? side * width + k : k * width + side]! < DARK) return true;
    return false;
  };
  for (let y = 0; y < height; y++) {
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const dark = x < width && darkAcross(y, x, true);
      if (dark && start < 0) start = x;
      else if (!dark && start >= 0) {
        if (x - start >= minRun) {
          horizontal.push({ x0: start, x1: x, y0: y + 0.5, y1: y + 0.5 });
          erase.push([y, start, x, true]);
        }
        start = -1;
      }
    }
  }
  for (let x = 0; x < width; x++) {
    let start = -1;
    for (let y = 0; y <= height; y++) {
      const dark = y < height && darkAcross(x, y, false);
      if (dark && start < 0) start = y;
      else if (!dark && start >= 0) {
        if (y - start >= minRun) {
          vertical.push({ x0: x + 0.5, x1: x + 0.5, y0: start, y1: y });
          erase.push([x, start, y, false]);
        }
        start = -1;
      }
    }
  }
  // With the grey fringe the renderer leaves on each side of a line, and its wobble.
  for (const [at, from, to, across] of erase)
    for (let side = Math.max(0, at - 2); side <= Math.min((across ? height : width) - 1, at + 2); side++)
      for (let k = from; k < to; k++) data[across ? side * width + k : k * width + side] = 255;
  return { horizontal: bundle(horizontal, 'h'), vertical: bundle(vertical, 'v') };
}

/**
 * One segment per drawn line: the runs of a line a few pixels thick (more when a turned scan was straightened) lie
 * in neighbouring rows, and would otherwise be read as several lines a hair apart (a grid column of no width).
 */
function bundle(runs: readonly OcrSegment[], dir: 'h' | 'v'): OcrSegment[] {
  const pos = (s: OcrSegment) => (dir === 'h' ? s.y0 : s.x0);
  const lo = (s: OcrSegment) => (dir === 'h' ? s.x0 : s.y0);
  const hi = (s: OcrSegment) => (dir === 'h' ? s.x1 : s.y1);
  const groups: { last: number; lo: number; hi: number; sum: number; n: number }[] = [];
  for (const r of [...runs].sort((a, b) => pos(a) - pos(b) || lo(a) - lo(b))) {
    const g = groups.find(
      (g) => pos(r) - g.last <= 1.01 && Math.min(g.hi, hi(r)) - Math.max(g.lo, lo(r)) > 0.5 * (hi(r) - lo(r)),
    );
    if (g) {
      g.last = pos(r);
      g.lo = Math.min(g.lo, lo(r));
      g.hi = Math.max(g.hi, hi(r));
      g.sum += pos(r);
      g.n++;
    } else groups.push({ last: pos(r), lo: lo(r), hi: hi(r), sum: pos(r), n: 1 });
  }
  return groups.map((g) => {
    const at = g.sum / g.n;
    return dir === 'h' ? { x0: g.lo, x1: g.hi, y0: at, y1: at } : { x0: at, x1: at, y0: g.lo, y1: g.hi };
  });
}

/** A box of ink in pixels: a character or a run of characters. */
interface Piece {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The pieces of ink of an image: connected dark pixels, joined when they sit on one line less than `gap` apart
 * (the digits of a figure, the ideographs of a label). Specks smaller than `minHeight` both ways are noise.
 */
export function inkPieces(img: GreyImage, gap: number, minHeight: number): Piece[] {
  const { width, height, data } = img;
  const label = new Int32Array(width * height).fill(-1);
  const boxes: Piece[] = [];
  const stack: number[] = [];
  for (let start = 0; start < data.length; start++) {
    if (data[start]! >= DARK || label[start] !== -1) continue;
    const id = boxes.length;
    const box = { x0: width, y0: height, x1: 0, y1: 0 };
    label[start] = id;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % width;
      const y = (i - x) / width;
      if (x < box.x0) box.x0 = x;
      if (x + 1 > box.x1) box.x1 = x + 1;
      if (y < box.y0) box.y0 = y;
      if (y + 1 > box.y1) box.y1 = y + 1;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const j = ny * width + nx;
          if (data[j]! < DARK && label[j] === -1) {
            label[j] = id;
            stack.push(j);
          }
        }
    }
    boxes.push(box);
  }
  const marks = boxes.filter((b) => b.x1 - b.x0 >= minHeight || b.y1 - b.y0 >= minHeight);
  // Join boxes on one line (overlapping vertically by half the smaller) and less than `gap` apart, until none joins.
  marks.sort((a, b) => a.x0 - b.x0);
  const out: Piece[] = [];
  for (const b of marks) {
    const near = out.find((o) => {
      const overlap = Math.min(o.y1, b.y1) - Math.max(o.y0, b.y0);
      return overlap >= 0.5 * Math.min(o.y1 - o.y0, b.y1 - b.y0) && b.x0 - o.x1 <= gap && o.x0 - b.x1 <= gap;
    });
    if (near) {
      near.x0 = Math.min(near.x0, b.x0);
      near.y0 = Math.min(near.y0, b.y0);
      near.x1 = Math.max(near.x1, b.x1);
      near.y1 = Math.max(near.y1, b.y1);
    } else out.push({ ...b });
  }
  return out;
}

/** Pieces laid out one under the other on a white image, each with its place in the page and in the mosaic. */
interface Mosaic {
  image: GreyImage;
  /** Each piece with the box its copies were drawn in (mosaic pixels). */
  slots: { piece: Piece; x0: number; y0: number; x1: number; y1: number; copies: number }[];
}

/** Copies of a lone glyph drawn side by side for reading (see mosaic). */
const COPIES = 3;

/**
 * The pieces on lines of their own, far apart: tesseract reads each as a line of text. A piece narrower than it is
 * high is a lone glyph (a figure of one digit), which LSTM reads badly alone (7 as 了, 4 as 中): it is drawn
 * COPIES times side by side, as a run of digits, and taken only when every copy reads the same.
 */
function mosaic(img: GreyImage, pieces: readonly Piece[], gap: number): Mosaic {
  const slots: Mosaic['slots'] = [];
  let y = gap;
  let width = 0;
  for (const p of pieces) {
    const w = p.x1 - p.x0;
    const h = p.y1 - p.y0;
    const copies = w < 0.75 * h ? COPIES : 1;
    const x1 = gap + copies * w + (copies - 1) * Math.round(0.25 * h);
    slots.push({ piece: p, x0: gap, y0: y, x1, y1: y + h, copies });
    width = Math.max(width, x1 + gap);
    y += h + gap;
  }
  const W = width;
  const H = y;
  const data = new Uint8Array(W * H).fill(255);
  for (const s of slots) {
    const { piece } = s;
    const w = piece.x1 - piece.x0;
    const step = w + Math.round(0.25 * (piece.y1 - piece.y0));
    for (let k = 0; k < s.copies; k++)
      for (let yy = piece.y0; yy < piece.y1; yy++)
        for (let xx = piece.x0; xx < piece.x1; xx++)
          data[(s.y0 + yy - piece.y0) * W + s.x0 + k * step + xx - piece.x0] = img.data[yy * img.width + xx]!;
  }
  return { image: { width: W, height: H, data }, slots };
}

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

/** The grey image as a PNG, for tesseract. */
async function png(img: GreyImage): Promise<Buffer> {
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  const id = ctx.createImageData(img.width, img.height);
  for (let i = 0; i < img.data.length; i++) {
    const v = img.data[i]!;
    id.data[i * 4] = id.data[i * 4 + 1] = id.data[i * 4 + 2] = v;
    id.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(id, 0, 0);
  return canvas.encode('png');
}

// ---------------------------------------------------------------------------------------------------------------
// Normalising what OCR reads

/** Characters LSTM models write for a digit in a run of digits: O and 〇 for 0, l, I and | for 1. */
const LOOKALIKE: Readonly<Record<string, string>> = { O: '0', o: '0', 〇: '0', l: '1', I: '1', '|': '1' };
const DIGITISH = /^[\dOo〇lI|]+$/;

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

// ---------------------------------------------------------------------------------------------------------------
// The digits pass

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

// ---------------------------------------------------------------------------------------------------------------
// The engine

type Tesseract = typeof import('tesseract.js');

/** The directory of a traineddata shipped in the npm packages @tesseract.js-data/chi_sim and …/eng. */
function langPath(lang: 'chi_sim' | 'eng'): string {
  const root = dirname(createRequire(import.meta.url).resolve(`@tesseract.js-data/${lang}/package.json`));
  return join(root, '4.0.0');
}

/**
 * Starts a tesseract worker for Simplified Chinese from the npm data (no network, nothing cached on disk), and, at
 * the first figure it is unsure of, a second one (eng, digits only) for the digits pass. Rejects when the worker
 * cannot start.
 */
export async function createOcrEngine(): Promise<OcrEngine> {
  const tesseract: Tesseract = await import('tesseract.js');
  canvasModule ??= await import('@napi-rs/canvas');
  const worker = await tesseract.createWorker('chi_sim', tesseract.OEM.LSTM_ONLY, {
    langPath: langPath('chi_sim'),
    gzip: true,
    cacheMethod: 'none',
    // Errors reach us as rejected promises; the default handler would print them.
    errorHandler: () => {},
  });
  try {
    // debug_file: tesseract's own messages ("Detected 53 diacritics") would go to standard output, into the JSON
    // a batch prints; library code does not print.
    await worker.setParameters({ user_defined_dpi: String(OCR_DPI), debug_file: '/dev/null' });
  } catch (e) {
    await worker.terminate();
    throw e;
  }
  const scale = OCR_DPI / 72;
  // The digits pass's worker (eng, digits only), started at the first figure OCR is unsure of and ended by close.
  let digitsWorker: Awaited<ReturnType<Tesseract['createWorker']>> | null = null;
  /** The figure in the ink of `box` (pixels of `img`), or null when the digits pass is not sure of one. */
  const readDigits = async (
    img: GreyImage,
    box: Piece,
  ): Promise<{ text: string; confidence: number } | null> => {
    const em = 10 * scale;
    const crop = cropInk(img, box, Math.round(0.25 * em), DIGITS_ZOOM);
    if (!crop) return null;
    if (!digitsWorker) {
      digitsWorker = await tesseract.createWorker('eng', tesseract.OEM.LSTM_ONLY, {
        langPath: langPath('eng'),
        gzip: true,
        cacheMethod: 'none',
        errorHandler: () => {},
      });
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
  };
  /** The words of an image in pixels, one line number per tesseract line. */
  const read = async (img: GreyImage, mode: Tesseract['PSM'][keyof Tesseract['PSM']]): Promise<OcrWord[]> => {
    await worker.setParameters({ tessedit_pageseg_mode: mode });
    const result = await worker.recognize(await png(img), {}, { blocks: true, text: false });
    const words: OcrWord[] = [];
    let lineNo = 0;
    for (const block of result.data.blocks ?? [])
      for (const para of block.paragraphs)
        for (const line of para.lines) {
          lineNo++;
          const inLine: OcrWord[] = [];
          for (const w of line.words)
            if (w.text.trim() !== '')
              inLine.push({ text: w.text, ...w.bbox, confidence: Math.round(w.confidence), line: lineNo });
          words.push(...untangle(inLine));
        }
    return words;
  };
  return {
    async page(page) {
      const rendered = await render(page, scale);
      const clean = despeckle(rendered);
      const skew = estimateSkew(clean);
      const img = straighten(clean, skew);
      // A ruling line is longer than any stroke of a character (16 points: more than a 14-point ideograph).
      const lines = findRulings(img, Math.round(16 * scale));
      const sparse = await read(img, tesseract.PSM.SPARSE_TEXT);
      // A lone glyph the sparse reading is unsure of (one character, marked by normalizeOcrWords) is read again
      // below, in copies, instead.
      const marked = normalizeOcrWords(sparse);
      const words = sparse.filter((_, i) => {
        const t = marked[i]!.text;
        return !(t.endsWith(UNSURE_MARK) && [...t].length === 2);
      });
      // Sparse reading passes over lone short figures (a "0" alone in its cell); every piece of ink no word covers
      // is read again, on a line of its own in a column of such pieces.
      const lineBoxes = new Map<number, Piece>();
      for (const w of words) {
        const b = lineBoxes.get(w.line);
        if (!b) lineBoxes.set(w.line, { x0: w.x0, y0: w.y0, x1: w.x1, y1: w.y1 });
        else {
          b.x0 = Math.min(b.x0, w.x0);
          b.y0 = Math.min(b.y0, w.y0);
          b.x1 = Math.max(b.x1, w.x1);
          b.y1 = Math.max(b.y1, w.y1);
        }
      }
      const boxes = [...lineBoxes.values()];
      const overlap = (a: Piece, b: Piece) =>
        Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) *
        Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
      // A piece is read when lines of words cover most of it (a line of text tesseract cut in two is still read).
      const covered = (p: Piece) =>
        boxes.reduce((a, b) => a + overlap(p, b), 0) >= 0.4 * (p.x1 - p.x0) * (p.y1 - p.y0);
      const em = 10 * scale;
      const missed = inkPieces(img, Math.round(0.6 * em), Math.round(0.25 * em)).filter((p) => !covered(p));
      if (missed.length > 0) {
        const m = mosaic(img, missed, Math.round(1.5 * em));
        const again = await read(m.image, tesseract.PSM.SINGLE_BLOCK);
        const lineBase = words.reduce((a, w) => Math.max(a, w.line), 0) + 1;
        const bySlot = new Map<number, OcrWord[]>();
        for (const w of again) {
          const cx = (w.x0 + w.x1) / 2;
          const cy = (w.y0 + w.y1) / 2;
          const pad = 0.5 * em;
          const at = m.slots.findIndex(
            (s) => cx >= s.x0 - pad && cx <= s.x1 + pad && cy >= s.y0 - pad && cy <= s.y1 + pad,
          );
          if (at >= 0) bySlot.set(at, [...(bySlot.get(at) ?? []), w]);
        }
        for (const [at, found] of bySlot) {
          const slot = m.slots[at]!;
          const { piece } = slot;
          if (slot.copies > 1) {
            // A lone glyph read in copies: one word over the piece, its reading only if every copy agrees.
            const text = found
              .map((w) => w.text)
              .join('')
              .replace(/\s+/g, '');
            const chars = [...text];
            const same = chars.length === slot.copies && chars.every((c) => c === chars[0]);
            const confidence = Math.min(...found.map((w) => w.confidence));
            words.push({
              text: same ? chars[0]! : (found[0]?.text ?? '') + UNSURE_MARK,
              ...piece,
              confidence,
              line: lineBase + at,
            });
            continue;
          }
          for (const w of found) {
            const c = {
              x0: piece.x0 + w.x0 - slot.x0,
              y0: piece.y0 + w.y0 - slot.y0,
              x1: piece.x0 + w.x1 - slot.x0,
              y1: piece.y0 + w.y1 - slot.y0,
            };
            // What the first reading has already (a piece partly covered): not twice.
            if (words.some((o) => overlap(c, o) >= 0.5 * (c.x1 - c.x0) * (c.y1 - c.y0))) continue;
            words.push({ ...w, ...c, line: lineBase + at });
          }
        }
      }
      // The digits pass: each figure OCR is still unsure of is read again alone, by a digits-only reader, and
      // taken only when that reading is sure and fits its ink (principle 2: a blank beats a wrong figure).
      const judged = normalizeOcrWords(words);
      for (let i = 0; i < words.length; i++) {
        if (!digitsCandidate(judged[i]!.text)) continue;
        const read = await readDigits(img, words[i]!);
        if (read) words[i] = { ...words[i]!, ...read };
      }
      const pt = (s: OcrSegment): OcrSegment => ({
        x0: s.x0 / scale,
        y0: s.y0 / scale,
        x1: s.x1 / scale,
        y1: s.y1 / scale,
      });
      return {
        words: normalizeOcrWords(
          words.map((w) => ({
            ...w,
            x0: w.x0 / scale,
            y0: w.y0 / scale,
            x1: w.x1 / scale,
            y1: w.y1 / scale,
          })),
        ),
        horizontal: lines.horizontal.map(pt),
        vertical: lines.vertical.map(pt),
        skew,
      };
    },
    async close() {
      try {
        await digitsWorker?.terminate();
      } finally {
        await worker.terminate();
      }
    },
  };
}
