// Pages without a text layer read by OCR: each page's words and ruling lines put into its page data, with the
// type size and baseline of its lines estimated from the glyphs.
import type { Diagnostic } from '../../model/diagnostic.ts';
import { createOcrEngine, ocrPixels, type OcrEngine, type OcrPage, type RenderablePage } from '../ocr.ts';
import { LIMITS } from '../limits.ts';
import { finding } from '../../findings/index.ts';
import { reasonOf } from './diagnostic.ts';
import type { PageData } from './geometry.ts';
import type { PdfDocument, PdfJs } from './load.ts';
import { mergeSegments } from './rulings.ts';

/**
 * Reads the pages in `numbers` (pages without a text layer) by OCR into their PageData: words as chunks, ruling
 * lines from the image. Returns the pages OCR found text on; adds read/ocr (which pages, to be verified) or, when
 * the engine fails, a diagnostic saying so. Never throws, and always ends the tesseract worker.
 */
export async function ocrPages(
  doc: PdfDocument,
  pages: PageData[],
  numbers: readonly number[],
  file: string,
  diagnostics: Diagnostic[],
  ops: PdfJs['OPS'],
  budget: number = LIMITS.ocrFilePixels,
): Promise<number[]> {
  const read: number[] = [];
  // A page that draws nothing (a blank page) has nothing to read: neither rendered nor OCR's engine started for it.
  const drawn: number[] = [];
  for (const no of numbers) if (await drawsAnything(doc, no, ops)) drawn.push(no);
  if (drawn.length === 0) return read;
  // Pages past the file's OCR budget (LIMITS.ocrFilePixels, pixels rendered) stay unread, named by read/ocr.
  const overBudget: number[] = [];
  let pixels = 0;
  let engine: OcrEngine | null = null;
  try {
    engine = await createOcrEngine();
    for (const no of drawn) {
      const data = pages.find((p) => p.no === no)!;
      const page = await doc.getPage(no);
      try {
        const cost = ocrPixels(page as unknown as RenderablePage);
        if (overBudget.length > 0 || pixels + cost > budget) {
          overBudget.push(no);
          continue;
        }
        pixels += cost;
        const result = await engine.page(page as unknown as RenderablePage);
        // A page whose words OCR is mostly unsure of (a blurred or tiny scan) is not text: it stays unread.
        const confidences = result.words.map((w) => w.confidence).sort((a, b) => a - b);
        const median = confidences[Math.floor(confidences.length / 2)] ?? 0;
        if (median < MIN_PAGE_CONFIDENCE) continue;
        fillFromOcr(data, result);
        if (data.chunks.length > 0) read.push(no);
      } finally {
        page.cleanup();
      }
    }
  } catch (e) {
    const unread = drawn.filter((n) => !read.includes(n) && !overBudget.includes(n));
    diagnostics.push(
      finding('read/ocr', 'ocrFailed', {
        file,
        pages: unread.join('、'),
        reason: reasonOf(e),
      }),
    );
  } finally {
    await engine?.close().catch(() => {});
  }
  if (read.length > 0) diagnostics.push(finding('read/ocr', 'ocrPages', { file, pages: read.join('、') }));
  if (overBudget.length > 0)
    diagnostics.push(
      finding('read/ocr', 'ocrLimit', {
        file,
        pages: overBudget.join('、'),
        limit: budget / 1_000_000,
      }),
    );
  return read;
}

/** pdf.js operators that put something on the page (paths, images, shadings, text). */
const DRAWING = [
  'constructPath',
  'stroke',
  'closeStroke',
  'fill',
  'eoFill',
  'fillStroke',
  'eoFillStroke',
  'closeFillStroke',
  'closeEOFillStroke',
  'shadingFill',
  'paintImageXObject',
  'paintInlineImageXObject',
  'paintInlineImageXObjectGroup',
  'paintImageMaskXObject',
  'paintImageMaskXObjectGroup',
  'paintImageMaskXObjectRepeat',
  'paintImageXObjectRepeat',
  'paintSolidColorImageMask',
  'showText',
  'showSpacedText',
  'nextLineShowText',
  'nextLineSetSpacingShowText',
] as const;

/** Whether a page draws anything (its operator list has a drawing operator); a page pdf.js cannot list does. */
async function drawsAnything(doc: PdfDocument, no: number, ops: PdfJs['OPS']): Promise<boolean> {
  const drawing = new Set<number>(
    DRAWING.map((name) => (ops as Record<string, number>)[name]!).filter((n) => n !== undefined),
  );
  try {
    const page = await doc.getPage(no);
    const list = await page.getOperatorList();
    return list.fnArray.some((fn) => drawing.has(fn));
  } catch {
    return true;
  }
}

/** The median word confidence below which a page's OCR is junk (a 30 dpi scan reads at 0–40, a clean one at 90+). */
const MIN_PAGE_CONFIDENCE = 60;

const IDEOGRAPH = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Puts OCR's words and lines into a page: each word a chunk with its confidence. A word's box says little about
 * its line (一 is a flat box at mid-height, 、 a dot), so its type size and baseline are taken from the full-height
 * glyphs of its line nearest to it: an ideograph's box is about 0.9 em high and reaches 0.1 em below the baseline,
 * a digit's about 0.72 em high, on the baseline.
 */
function fillFromOcr(page: PageData, result: OcrPage): void {
  const words = result.words;
  const raw = words.map((w) => {
    const h = w.y1 - w.y0;
    if (IDEOGRAPH.test(w.text)) return { size: h / 0.9, y: w.y1 - 0.1 * (h / 0.9) };
    if (/^[\dA-Za-z.,%\ufffd]+$/.test(w.text) && /\d/.test(w.text)) return { size: h / 0.72, y: w.y1 };
    return null;
  });
  const byLine = new Map<number, number[]>();
  words.forEach((w, i) => byLine.set(w.line, [...(byLine.get(w.line) ?? []), i]));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  page.chunks = [];
  // Type sizes of the lines, then snapped to the sizes the page uses (within 10 %): a paragraph's lines must agree
  // on their size for the reader to join them, and a short line's estimate is rough.
  const lineSizes = new Map<number, number>();
  for (const [line, members] of byLine) {
    // The height of the line's ideographs together: the tallest reach over about 0.92 em (a flat 一 does not
    // count against it); a line of digits only is 0.72 em high.
    const ideo = members.filter((i) => IDEOGRAPH.test(words[i]!.text));
    const from = ideo.length > 0 ? ideo : members.filter((i) => raw[i]);
    if (from.length === 0) continue;
    const h = Math.max(...from.map((i) => words[i]!.y1)) - Math.min(...from.map((i) => words[i]!.y0));
    lineSizes.set(line, h / (ideo.length > 0 ? 0.92 : 0.72));
  }
  const snapped = snapSizes([...lineSizes.values()]);
  for (const [line, members] of byLine) {
    const estimate = lineSizes.get(line) ?? 0;
    const lineSize = snapped.get(estimate) ?? estimate;
    const full = members.filter((i) => raw[i] && raw[i].size >= 0.8 * estimate);
    for (const i of members) {
      const w = words[i]!;
      const text = w.text;
      if (!text) continue;
      const cx = (w.x0 + w.x1) / 2;
      const near = [...full]
        .sort(
          (a, b) =>
            Math.abs((words[a]!.x0 + words[a]!.x1) / 2 - cx) -
            Math.abs((words[b]!.x0 + words[b]!.x1) / 2 - cx),
        )
        .slice(0, 3);
      const size = lineSize > 0 ? lineSize : w.y1 - w.y0;
      const y = near.length > 0 ? median(near.map((k) => raw[k]!.y)) : w.y1;
      page.chunks.push({ text, x0: w.x0, x1: w.x1, y, size, ocr: w.confidence });
    }
  }
  page.horizontal = mergeSegments([...result.horizontal], 'h');
  page.vertical = mergeSegments([...result.vertical], 'v');
  page.ocr = true;
}

/** Each size mapped to the median of its cluster (sizes within 10 % of the cluster's smallest). */
function snapSizes(sizes: readonly number[]): Map<number, number> {
  const sorted = [...sizes].sort((a, b) => a - b);
  const out = new Map<number, number>();
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && sorted[j]! <= sorted[i]! * 1.1) j++;
    const mid = sorted[Math.floor((i + j - 1) / 2)]!;
    for (let k = i; k < j; k++) out.set(sorted[k]!, mid);
    i = j;
  }
  return out;
}
