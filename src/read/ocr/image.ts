// Page images for OCR: a page rendered in grey onto @napi-rs/canvas, cleaned and straightened, its ruling lines
// found in the pixels, its pieces of ink found and laid out for reading again, and the PNG tesseract reads.
import type { Canvas } from '@napi-rs/canvas';
import type { GreyImage, OcrSegment, RenderablePage } from './types.ts';

/** A grey level below this is ink. */
export const DARK = 128;

type CanvasModule = typeof import('@napi-rs/canvas');
let canvasModule: CanvasModule | null = null;
/** Loads @napi-rs/canvas, by the first OCR engine: reading anything else never loads the native module. */
export async function loadCanvas(): Promise<void> {
  canvasModule ??= await import('@napi-rs/canvas');
}

/** A canvas of @napi-rs/canvas (loadCanvas first). */
const createCanvas = (width: number, height: number): Canvas => {
  if (!canvasModule) throw new Error('@napi-rs/canvas is not loaded');
  return canvasModule.createCanvas(width, height);
};

/**
 * Frees a canvas's pixels now, as pdf.js frees its own (a size of 0): the surface is native memory V8 does not count,
 * so garbage collection comes too late for it — OCR of 50 pages grew by 44 MB a page to 2.2 GB.
 */
function release(canvas: Canvas): void {
  canvas.width = 0;
  canvas.height = 0;
}

/**
 * Renders a page at `scale` (pixels per point) onto a white canvas. `onContinue`, when given, is handed each of
 * pdf.js's continuations between slices of drawing (setImmediate lets other work of the process run between them).
 */
export async function renderCanvas(
  page: RenderablePage,
  scale: number,
  onContinue?: (next: () => void) => void,
): Promise<Canvas> {
  const viewport = page.getViewport({ scale });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  const task = page.render({ canvas: null, canvasContext: ctx, viewport });
  if (onContinue) task.onContinue = onContinue;
  await task.promise;
  return canvas;
}

/** Renders a page at `scale` (pixels per point) and returns it in grey. */
export async function render(page: RenderablePage, scale: number): Promise<GreyImage> {
  const canvas = await renderCanvas(page, scale);
  try {
    return grey(canvas);
  } finally {
    release(canvas);
  }
}

/** A page rendered in colour at `scale` as a PNG (the page images of the web app), yielding between slices. */
export async function renderPng(
  page: RenderablePage,
  scale: number,
): Promise<{ png: Buffer; width: number; height: number }> {
  await loadCanvas();
  const canvas = await renderCanvas(page, scale, (next) => setImmediate(next));
  try {
    return { png: await canvas.encode('png'), width: canvas.width, height: canvas.height };
  } finally {
    release(canvas);
  }
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
export function straighten(img: GreyImage, skew: number): GreyImage {
  if (Math.abs(skew) < 0.05) return img;
  const src = canvasOf(img);
  const out = createCanvas(img.width, img.height);
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, img.width, img.height);
  ctx.translate(img.width / 2, img.height / 2);
  ctx.rotate((-skew * Math.PI) / 180);
  ctx.drawImage(src, -img.width / 2, -img.height / 2);
  release(src);
  try {
    return grey(out);
  } finally {
    release(out);
  }
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
  // Each row (across) and each column: the runs of dark pixels at least minRun long.
  const scan = (across: boolean) => {
    const [lines, length] = across ? [height, width] : [width, height];
    for (let at = 0; at < lines; at++) {
      let start = -1;
      for (let k = 0; k <= length; k++) {
        const dark = k < length && darkAcross(at, k, across);
        if (dark && start < 0) start = k;
        else if (!dark && start >= 0) {
          if (k - start >= minRun) {
            if (across) horizontal.push({ x0: start, x1: k, y0: at + 0.5, y1: at + 0.5 });
            else vertical.push({ x0: at + 0.5, x1: at + 0.5, y0: start, y1: k });
            erase.push([at, start, k, across]);
          }
          start = -1;
        }
      }
    }
  };
  scan(true);
  scan(false);
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
export interface Piece {
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
export function mosaic(img: GreyImage, pieces: readonly Piece[], gap: number): Mosaic {
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

/** A grey image on a canvas of its own (opaque, grey in each colour channel). */
function canvasOf(img: GreyImage): Canvas {
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  const id = ctx.createImageData(img.width, img.height);
  for (let i = 0; i < img.data.length; i++) {
    const v = img.data[i]!;
    id.data[i * 4] = id.data[i * 4 + 1] = id.data[i * 4 + 2] = v;
    id.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(id, 0, 0);
  return canvas;
}

/** The grey image as a PNG, for tesseract. */
export async function png(img: GreyImage): Promise<Buffer> {
  const canvas = canvasOf(img);
  try {
    return await canvas.encode('png');
  } finally {
    release(canvas);
  }
}
