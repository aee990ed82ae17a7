// The PDF reader's page model: layout space (the page as seen) and its chunks of text and ruling lines, and the
// source spans in PDF user space they give back.
import type { SourceSpan } from '../../model/source.ts';

// Layout space is the page as seen (pdf.js viewport at scale 1: origin top left, y down, /Rotate
// applied); source boxes are given back in PDF user space, as a PDF viewer expects them.

/** An affine transform [a, b, c, d, e, f], as PDF writes them. */
export type Matrix = [number, number, number, number, number, number];

/** The transform `n` then `m`. */
export const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** The inverse transform (a singular one as if its determinant were 1). */
export function invert(m: Matrix): Matrix {
  const det = m[0] * m[3] - m[1] * m[2] || 1;
  return [
    m[3] / det,
    -m[1] / det,
    -m[2] / det,
    m[0] / det,
    (m[2] * m[5] - m[3] * m[4]) / det,
    (m[1] * m[4] - m[0] * m[5]) / det,
  ];
}

/** A point through a transform. */
export const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/** A run of text on one baseline, in layout space. */
export interface Chunk {
  text: string;
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  size: number;
  /** The OCR confidence (0–100) of a word read from a page image. */
  ocr?: number;
}

/** A ruling line in layout space: horizontal (y0 = y1) or vertical (x0 = x1). */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One page's text and ruling lines. */
export interface PageData {
  no: number;
  width: number;
  height: number;
  /** Layout space → PDF user space. */
  toUser: Matrix;
  chunks: Chunk[];
  horizontal: Segment[];
  vertical: Segment[];
  /** The page was read by OCR: its spans carry the confidence of the words they hold. */
  ocr?: boolean;
}

/** A coordinate to two decimals. */
export const round = (v: number) => Math.round(v * 100) / 100;

/** A box of layout space as a source span in PDF user space. */
export function pdfSpan(page: PageData, x0: number, y0: number, x1: number, y1: number): SourceSpan {
  const [ax, ay] = apply(page.toUser, x0, y0);
  const [bx, by] = apply(page.toUser, x1, y1);
  const box: [number, number, number, number] = [
    round(Math.min(ax, bx)),
    round(Math.min(ay, by)),
    round(Math.max(ax, bx)),
    round(Math.max(ay, by)),
  ];
  return page.ocr
    ? { kind: 'pdf', page: page.no, box, ocr: ocrConfidence(page, x0, y0, x1, y1) }
    : { kind: 'pdf', page: page.no, box };
}

/**
 * The OCR confidence of a box: the lowest of the words whose centre is inside it (a cell is as sure as its least sure
 * word), or the page's lowest when it holds none.
 */
function ocrConfidence(page: PageData, x0: number, y0: number, x1: number, y1: number): number {
  let min = 100;
  let pageMin = 100;
  let found = false;
  for (const c of page.chunks) {
    const conf = c.ocr ?? 100;
    pageMin = Math.min(pageMin, conf);
    const cx = (c.x0 + c.x1) / 2;
    const cy = c.y - c.size * 0.35;
    if (
      cx >= Math.min(x0, x1) &&
      cx <= Math.max(x0, x1) &&
      cy >= Math.min(y0, y1) &&
      cy <= Math.max(y0, y1)
    ) {
      min = Math.min(min, conf);
      found = true;
    }
  }
  return found ? min : pageMin;
}

/** Chinese characters and full-width punctuation: joined without spaces, a full em wide. */
export const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201d\u2026\u2014]/;
