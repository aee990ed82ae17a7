// The OCR engine: a page rendered, cleaned and straightened, its ruling lines taken out, its words read by tesseract
// (sparse text, then the ink that reading missed, then the digits pass), and given back in points.
import { UNSURE_MARK } from '../../model/document.ts';
import { digitsCandidate, digitsReader } from './digits.ts';
import {
  DARK,
  despeckle,
  estimateSkew,
  findRulings,
  inkPieces,
  loadCanvas,
  mosaic,
  png,
  render,
  straighten,
  type Piece,
} from './image.ts';
import { startWorker, type Tesseract, type TesseractWorker } from './tesseract.ts';
import {
  OCR_DPI,
  type GreyImage,
  type OcrEngine,
  type OcrPage,
  type OcrSegment,
  type OcrWord,
  type RenderablePage,
} from './types.ts';
import { normalizeOcrWords, untangle } from './words.ts';
import { LIMITS } from '../limits.ts';

type PageSegMode = Tesseract['PSM'][keyof Tesseract['PSM']];

/**
 * An OCR engine: a tesseract worker for Simplified Chinese from the npm data (no network, nothing cached on disk),
 * started at the first page that has glyphs to read (a file of blank or noise pages never starts one: it took
 * hundreds of MB), and, at the first figure it is unsure of, a second one (eng, digits only) for the digits pass.
 * A worker that cannot start makes that page's read reject.
 */
export async function createOcrEngine(): Promise<OcrEngine> {
  const tesseract: Tesseract = await import('tesseract.js');
  await loadCanvas();
  let started: Promise<TesseractWorker> | null = null;
  const chinese = () =>
    (started ??= (async () => {
      const worker = await startWorker(tesseract, 'chi_sim');
      try {
        // debug_file: tesseract's own messages ("Detected 53 diacritics") would go to standard output, into the
        // JSON a batch prints; library code does not print.
        await worker.setParameters({ user_defined_dpi: String(OCR_DPI), debug_file: '/dev/null' });
      } catch (e) {
        const worker = await (started as Promise<TesseractWorker> | null)?.catch(() => null);
        await worker?.terminate();
        throw e;
      }
      return worker;
    })());
  const digits = digitsReader(tesseract, OCR_DPI / 72);
  const read = async (img: GreyImage, mode: PageSegMode) => recognizeWords(await chinese(), img, mode);
  return {
    async page(page) {
      // OCR_DPI, or less on a page too large for LIMITS.ocrPagePixels (a huge MediaBox would take gigabytes).
      const scale = ocrScale(page);
      const rendered = await render(page, scale);
      const clean = despeckle(rendered);
      // A page without ink (a blank page of a scan) has no words: tesseract is not asked (it found none on one,
      // after seconds of work and hundreds of MB a page).
      // Nor is a page of noise (a damaged image stream decodes to random pixels, ../shared/crashers/pdf-01766.pdf):
      // tesseract took minutes on one and found nothing a person could read; nor a page whose ink has no piece of a
      // glyph's size (a line across it: pdf-50-blank-pages.pdf, 50 such pages, took minutes).
      if (!hasInk(clean) || isNoise(clean) || !hasGlyphs(clean, scale))
        return { words: [], horizontal: [], vertical: [], skew: 0 };
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
      words.push(...(await missedWords(img, words, scale, (m) => read(m, tesseract.PSM.SINGLE_BLOCK))));
      // The digits pass: each figure OCR is still unsure of is read again alone, by a digits-only reader, and
      // taken only when that reading is sure and fits its ink (principle 2: a blank beats a wrong figure).
      const judged = normalizeOcrWords(words);
      for (let i = 0; i < words.length; i++) {
        if (!digitsCandidate(judged[i]!.text)) continue;
        const reading = await digits.read(img, words[i]!, scale);
        if (reading) words[i] = { ...words[i]!, ...reading };
      }
      return inPoints(words, lines, skew, scale);
    },
    async close() {
      try {
        await digits.close();
      } finally {
        const worker = await (started as Promise<TesseractWorker> | null)?.catch(() => null);
        await worker?.terminate();
      }
    },
  };
}

/** Whether an image has a dark pixel. */
function hasInk(img: GreyImage): boolean {
  for (let i = 0; i < img.data.length; i++) if (img.data[i]! < DARK) return true;
  return false;
}

/**
 * Whether an image has ink of a glyph's size: a piece (inkPieces, as missedWords finds them) at most 4 em high. A
 * text line is one such piece, a ruled table's glyphs are pieces apart from its ruling; a drawing alone is not.
 */
function hasGlyphs(img: GreyImage, scale: number): boolean {
  const em = 10 * scale;
  return inkPieces(img, Math.round(0.6 * em), Math.round(0.25 * em)).some((p) => p.y1 - p.y0 <= 4 * em);
}

/**
 * Whether an image is noise rather than a page: more than half its pixels dark, or its pixels changing between ink
 * and paper at more than 10 % of them along its rows. The scans of the fixtures are 2–6 % ink with 0.6–2.6 %
 * changes; the damaged page of pdf-01766.pdf is 50 % ink with 21 % changes.
 */
function isNoise(img: GreyImage): boolean {
  let dark = 0;
  let changes = 0;
  const { data, width } = img;
  for (let i = 0; i < data.length; i++) {
    const ink = data[i]! < DARK;
    if (ink) dark++;
    if (i % width !== 0 && ink !== data[i - 1]! < DARK) changes++;
  }
  return dark > 0.5 * data.length || changes > 0.1 * data.length;
}

/**
 * The scale (pixels per point) a page is rendered at for OCR: OCR_DPI, lowered on a page so large that its image
 * would pass LIMITS.ocrPagePixels (its width × height then fits the limit).
 */
export function ocrScale(page: RenderablePage): number {
  const { width, height } = page.getViewport({ scale: 1 });
  const full = OCR_DPI / 72;
  const area = Math.max(width * height, 1);
  return Math.min(full, Math.sqrt(LIMITS.ocrPagePixels / area));
}

/** The pixels of a page's OCR image (at ocrScale). */
export function ocrPixels(page: RenderablePage): number {
  const { width, height } = page.getViewport({ scale: ocrScale(page) });
  return Math.ceil(width) * Math.ceil(height);
}

/** The words of an image in pixels, one line number per tesseract line. */
async function recognizeWords(
  worker: TesseractWorker,
  img: GreyImage,
  mode: PageSegMode,
): Promise<OcrWord[]> {
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
}

const overlap = (a: Piece, b: Piece) =>
  Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) *
  Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/**
 * Sparse reading passes over lone short figures (a "0" alone in its cell): every piece of ink no word covers is
 * read again (`readBlock`), on a line of its own in a column of such pieces; returns the words found so, in pixels
 * of `img`, each piece's on a line after those of `words`.
 */
async function missedWords(
  img: GreyImage,
  words: readonly OcrWord[],
  scale: number,
  readBlock: (img: GreyImage) => Promise<OcrWord[]>,
): Promise<OcrWord[]> {
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
  // A piece is read when lines of words cover most of it (a line of text tesseract cut in two is still read).
  const covered = (p: Piece) =>
    boxes.reduce((a, b) => a + overlap(p, b), 0) >= 0.4 * (p.x1 - p.x0) * (p.y1 - p.y0);
  const em = 10 * scale;
  const missed = inkPieces(img, Math.round(0.6 * em), Math.round(0.25 * em)).filter((p) => !covered(p));
  const found: OcrWord[] = [];
  if (missed.length === 0) return found;
  const m = mosaic(img, missed, Math.round(1.5 * em));
  const again = await readBlock(m.image);
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
  for (const [at, inSlot] of bySlot) {
    const slot = m.slots[at]!;
    const { piece } = slot;
    if (slot.copies > 1) {
      // A lone glyph read in copies: one word over the piece, its reading only if every copy agrees.
      const text = inSlot
        .map((w) => w.text)
        .join('')
        .replace(/\s+/g, '');
      const chars = [...text];
      const same = chars.length === slot.copies && chars.every((c) => c === chars[0]);
      const confidence = Math.min(...inSlot.map((w) => w.confidence));
      found.push({
        text: same ? chars[0]! : (inSlot[0]?.text ?? '') + UNSURE_MARK,
        ...piece,
        confidence,
        line: lineBase + at,
      });
      continue;
    }
    for (const w of inSlot) {
      const c = {
        x0: piece.x0 + w.x0 - slot.x0,
        y0: piece.y0 + w.y0 - slot.y0,
        x1: piece.x0 + w.x1 - slot.x0,
        y1: piece.y0 + w.y1 - slot.y0,
      };
      // What the first reading has already (a piece partly covered): not twice.
      if ([...words, ...found].some((o) => overlap(c, o) >= 0.5 * (c.x1 - c.x0) * (c.y1 - c.y0))) continue;
      found.push({ ...w, ...c, line: lineBase + at });
    }
  }
  return found;
}

/** A page's words (normalized) and ruling lines from pixels at `scale` into points. */
function inPoints(
  words: readonly OcrWord[],
  lines: { horizontal: readonly OcrSegment[]; vertical: readonly OcrSegment[] },
  skew: number,
  scale: number,
): OcrPage {
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
}
