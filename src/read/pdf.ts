// PDF reader: positioned text (pdfjs-dist) → lines; ruled tables as cell grids with their merges; tables aligned by
// position; paragraphs joined where they wrap; running headers, footers and page numbers dropped.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { renderMessage, type Diagnostic, type Severity } from '../model/diagnostic.ts';
import { PDF_MESSAGES } from './messages.ts';
import {
  UNSURE_MARK,
  type Block,
  type Document,
  type Paragraph,
  type Table,
  type TableCell,
  type TableRow,
} from '../model/document.ts';
import type { SourceSpan } from '../model/source.ts';
import { createOcrEngine, type OcrEngine, type OcrPage, type RenderablePage } from './ocr.ts';

/** Messages of the PDF reader's diagnostics (rule ids read/…): in read/messages.ts, where the rules find them. */
export { PDF_MESSAGES };

function pdfDiagnostic(
  ruleId: string,
  messageId: keyof typeof PDF_MESSAGES & string,
  severity: Severity,
  data: Record<string, unknown>,
): Diagnostic {
  return { ruleId, severity, messageId, message: renderMessage(PDF_MESSAGES[messageId]!.zh, data), data };
}

/** Options of the PDF reader. */
export interface ReadPdfOptions {
  /** The file name, used in messages only. */
  path?: string;
  /** Read pages without a text layer by OCR (default true); false leaves them unread with read/no-text-layer. */
  ocr?: boolean;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsModule: Promise<PdfJs> | null = null;
/** pdf.js is loaded on first use: reading other kinds of file never pays for it. */
const loadPdfJs = (): Promise<PdfJs> => (pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

let assets: { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } | null = null;
/** The package's CMaps and standard fonts: without the CMaps, text in predefined CJK encodings comes out empty. */
function assetUrls() {
  if (assets) return assets;
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return (assets = {
    cMapUrl: join(root, 'cmaps') + '/',
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    wasmUrl: join(root, 'wasm') + '/',
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Geometry. Layout space is the page as seen (pdf.js viewport at scale 1: origin top left, y down, /Rotate
// applied); source boxes are given back in PDF user space, as a PDF viewer expects them.

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

function invert(m: Matrix): Matrix {
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

const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/** A run of text on one baseline, in layout space. */
interface Chunk {
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
interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One page's text and ruling lines. */
interface PageData {
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

const round = (v: number) => Math.round(v * 100) / 100;

/** A box of layout space as a source span in PDF user space. */
function pdfSpan(page: PageData, x0: number, y0: number, x1: number, y1: number): SourceSpan {
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

// ---------------------------------------------------------------------------------------------------------------
// Reading

/** Reads the bytes of a PDF into a Document: paragraphs and tables with page and box; never throws on a bad file. */
export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<Document> {
  const file = options.path ?? '';
  const diagnostics: Diagnostic[] = [];
  const pdfjs = await loadPdfJs();
  // pdf.js may detach the buffer it is given, and refuses Node Buffers: it gets a copy of its own.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    ...assetUrls(),
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // Errors only: library code does not print (warnings about a document's oddities would go to the console).
    verbosity: 0,
  });
  try {
    let doc: PdfDocument;
    try {
      doc = await task.promise;
    } catch (e) {
      // No password is ever given: a file that needs one to open cannot be read (an owner password alone is fine).
      if (e instanceof Error && e.name === 'PasswordException')
        return failed(pdfDiagnostic('read/encrypted', 'encrypted', 'error', { file }));
      return failed(
        pdfDiagnostic('read/broken', 'broken', 'error', { file, kind: 'pdf', reason: reasonOf(e) }),
      );
    }
    const pages: PageData[] = [];
    const textless: number[] = [];
    for (let no = 1; no <= doc.numPages; no++) {
      try {
        const page = await readPage(doc, no, pdfjs.OPS);
        if (page.chunks.length === 0) textless.push(no);
        pages.push(page);
      } catch (e) {
        diagnostics.push(
          pdfDiagnostic('read/broken', 'pageBroken', 'warning', { file, page: no, reason: reasonOf(e) }),
        );
      }
    }
    const ocr = textless.length > 0 && options.ocr !== false;
    if (ocr) {
      const read = await ocrPages(doc, pages, textless, file, diagnostics);
      textless.splice(0, textless.length, ...textless.filter((no) => !read.includes(no)));
    }
    if (pages.length === 0 && doc.numPages > 0) {
      diagnostics.push(
        pdfDiagnostic('read/broken', 'broken', 'error', { file, kind: 'pdf', reason: 'no page can be read' }),
      );
      return { kind: 'pdf', blocks: [], diagnostics };
    }
    if (textless.length === pages.length) {
      // Nothing but images (or nothing at all): a scan, to be read by OCR later.
      diagnostics.push(
        pdfDiagnostic('read/no-text-layer', ocr ? 'scanUnreadable' : 'noTextLayer', 'error', { file }),
      );
      return { kind: 'pdf', blocks: [], diagnostics };
    }
    if (textless.length > 0)
      diagnostics.push(
        pdfDiagnostic('read/no-text-layer', ocr ? 'pagesUnreadable' : 'pagesWithoutText', 'warning', {
          file,
          pages: textless.join('、'),
        }),
      );
    return { kind: 'pdf', blocks: layoutBlocks(pages), diagnostics };
  } finally {
    await task.destroy();
  }
}

/**
 * Reads the pages in `numbers` (pages without a text layer) by OCR into their PageData: words as chunks, ruling
 * lines from the image. Returns the pages OCR found text on; adds read/ocr (which pages, to be verified) or, when
 * the engine fails, a diagnostic saying so. Never throws, and always ends the tesseract worker.
 */
async function ocrPages(
  doc: PdfDocument,
  pages: PageData[],
  numbers: readonly number[],
  file: string,
  diagnostics: Diagnostic[],
): Promise<number[]> {
  const read: number[] = [];
  let engine: OcrEngine | null = null;
  try {
    engine = await createOcrEngine();
    for (const no of numbers) {
      const data = pages.find((p) => p.no === no)!;
      const page = await doc.getPage(no);
      try {
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
    const unread = numbers.filter((n) => !read.includes(n));
    diagnostics.push(
      pdfDiagnostic('read/ocr', 'ocrFailed', 'warning', {
        file,
        pages: unread.join('、'),
        reason: reasonOf(e),
      }),
    );
  } finally {
    await engine?.close().catch(() => {});
  }
  if (read.length > 0)
    diagnostics.push(pdfDiagnostic('read/ocr', 'ocrPages', 'warning', { file, pages: read.join('、') }));
  return read;
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

function failed(d: Diagnostic): Document {
  return { kind: 'pdf', blocks: [], diagnostics: [d] };
}

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** One page: its text items as chunks and its ruling lines, in layout space. */
async function readPage(doc: PdfDocument, no: number, OPS: PdfJs['OPS']): Promise<PageData> {
  const page = await doc.getPage(no);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items = content.items.filter(
      (i): i is Extract<(typeof content.items)[number], { str: string }> => 'str' in i && i.str.trim() !== '',
    );
    const seen = viewport.transform as Matrix;
    const { vt, width, height } = upright(
      seen,
      items.map((i) => ({ m: multiply(seen, i.transform as Matrix), weight: i.str.length })),
      viewport.width,
      viewport.height,
    );
    const chunks: Chunk[] = [];
    const drawn = new Set<string>();
    for (const item of items) {
      const m = multiply(vt, item.transform as Matrix);
      const size = Math.hypot(m[2], m[3]);
      // Text across the lines is a watermark or a stamp, not part of the report's flow.
      if (size <= 0 || Math.abs(m[1]) > 0.05 * size || Math.abs(m[2]) > 0.05 * size || m[0] <= 0) continue;
      for (const c of splitItem(item.str, m[4], item.width, m[5], size)) {
        // Text drawn twice a hair apart (fake bold) is read once.
        const key = `${c.text}@${Math.round(c.x0)},${Math.round(c.y)}`;
        if (drawn.has(key)) continue;
        drawn.add(key);
        chunks.push(c);
      }
    }
    const horizontal: Segment[] = [];
    const vertical: Segment[] = [];
    // Pages without text are not searched for lines: they are not read at all.
    if (chunks.length > 0) rulings(await page.getOperatorList(), OPS, vt, horizontal, vertical);
    return {
      no,
      width,
      height,
      toUser: invert(vt),
      chunks,
      horizontal: mergeSegments(horizontal, 'h'),
      vertical: mergeSegments(vertical, 'v'),
    };
  } finally {
    page.cleanup();
  }
}

/**
 * The layout space of a page: the page as seen, turned by quarter turns until most of its text runs left to right (a
 * wide table printed sideways on an upright page reads like any other).
 */
function upright(
  seen: Matrix,
  items: readonly { m: Matrix; weight: number }[],
  width: number,
  height: number,
): { vt: Matrix; width: number; height: number } {
  const votes = [0, 0, 0, 0];
  for (const { m, weight } of items) {
    const angle = Math.atan2(m[1], m[0]);
    const quarter = Math.round(angle / (Math.PI / 2));
    if (Math.abs(angle - quarter * (Math.PI / 2)) < 0.05) votes[(quarter + 4) % 4]! += weight;
  }
  const turn = votes.indexOf(Math.max(...votes));
  if (turn === 0 || votes[turn]! <= votes[0]!) return { vt: seen, width, height };
  // Turn the text's direction back to the x axis: a rotation by -turn quarters, then back into positive coordinates.
  const cos = Math.round(Math.cos((-turn * Math.PI) / 2));
  const sin = Math.round(Math.sin((-turn * Math.PI) / 2));
  const rotate: Matrix = [cos, sin, -sin, cos, 0, 0];
  const corners = [
    [0, 0],
    [width, 0],
    [0, height],
    [width, height],
  ].map(([x, y]) => apply(rotate, x!, y!));
  const minX = Math.min(...corners.map((c) => c[0]));
  const minY = Math.min(...corners.map((c) => c[1]));
  rotate[4] = -minX;
  rotate[5] = -minY;
  const odd = turn % 2 === 1;
  return { vt: multiply(rotate, seen), width: odd ? height : width, height: odd ? width : height };
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201d\u2026\u2014]/;

/**
 * Radical code points some fonts map their glyphs to (Kangxi Radicals, CJK Radicals Supplement), for the ideographs
 * they look like: "⼯作" and "⺠政局" are read as "工作" and "民政局". Kangxi radicals fold by NFKC; the
 * supplement's simplified forms, which NFKC leaves alone, by this table.
 */
const RADICALS: Readonly<Record<string, string>> = Object.fromEntries(
  [
    '⺎兀⺐尢⺒巳⺓幺⺖忄⺘扌⺙攵⺛旡⺟母⺠民⺡氵⺢氺⺣灬⺤爫⺦丬⺨犭⺩王⺪疋⺫罒⺬示⺭礻⺮竹⺯糹⺰纟⺲罒⺹耂⺻聿⺼肉',
    '⺾艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻈讠⻉贝⻋车⻍辶⻏阝⻐钅⻑長⻒镸⻓长⻔门⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食',
    '⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟',
  ]
    .join('')
    .match(/../gu)!
    .map((pair) => [...pair] as [string, string]),
);
const RADICAL = /[\u2e80-\u2ef3\u2f00-\u2fd5]/;
const RADICALS_ALL = new RegExp(RADICAL.source, 'g');
const foldRadicals = (s: string) => s.replace(RADICALS_ALL, (c) => RADICALS[c] ?? c.normalize('NFKC'));

/** The usual advance of a character in ems: a full em for Chinese, about half for Latin letters and digits. */
const weight = (ch: string) => (CJK.test(ch) ? 1 : /\s/.test(ch) ? 0.3 : 0.55);

/** Splits a text item at its spaces, estimating each word's position from the characters' usual widths. */
function splitItem(str: string, x: number, width: number, y: number, size: number): Chunk[] {
  // Tabs and line breaks separate words; other control characters and soft hyphens are not text.
  let text = str.replace(/[\t\n\r\f\v]/g, ' ').replace(/[\p{Cc}\u00ad]/gu, '');
  if (RADICAL.test(text)) text = foldRadicals(text);
  if (!/\s/.test(text.trim())) {
    const t = text.trim();
    const lead = text.length - text.trimStart().length;
    if (lead === 0 && t.length === text.length) return [{ text: t, x0: x, x1: x + width, y, size }];
  }
  let total = 0;
  for (const ch of text) total += weight(ch);
  const unit = total > 0 ? width / total : 0;
  const out: Chunk[] = [];
  let pos = x;
  let word = '';
  let start = x;
  for (const ch of text) {
    const w = weight(ch) * unit;
    if (/\s/.test(ch)) {
      if (word) out.push({ text: word, x0: start, x1: pos, y, size });
      word = '';
    } else {
      if (!word) start = pos;
      word += ch;
    }
    pos += w;
  }
  if (word) out.push({ text: word, x0: start, x1: pos, y, size });
  return out;
}

/**
 * Collects the horizontal and vertical lines a page draws: stroked paths, and filled rectangles thin as a rule. White
 * lines are left out (some programs draw them over a border to hide it).
 */
function rulings(
  ops: { fnArray: number[]; argsArray: unknown[] },
  OPS: PdfJs['OPS'],
  vt: Matrix,
  horizontal: Segment[],
  vertical: Segment[],
): void {
  let state = { ctm: [1, 0, 0, 1, 0, 0] as Matrix, stroke: '#000000', fill: '#000000' };
  const stack: (typeof state)[] = [];
  const add = (ax: number, ay: number, bx: number, by: number, thickness: number) => {
    const t = multiply(vt, state.ctm);
    const [x0, y0] = apply(t, ax, ay);
    const [x1, y1] = apply(t, bx, by);
    const tol = Math.max(0.5, thickness);
    if (Math.abs(y1 - y0) <= tol && Math.abs(x1 - x0) >= 2) {
      const y = (y0 + y1) / 2;
      horizontal.push({ x0: Math.min(x0, x1), x1: Math.max(x0, x1), y0: y, y1: y });
    } else if (Math.abs(x1 - x0) <= tol && Math.abs(y1 - y0) >= 2) {
      const x = (x0 + x1) / 2;
      vertical.push({ x0: x, x1: x, y0: Math.min(y0, y1), y1: Math.max(y0, y1) });
    }
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push({ ...state });
    else if (fn === OPS.restore) state = stack.pop() ?? state;
    else if (fn === OPS.transform) state.ctm = multiply(state.ctm, args as unknown as Matrix);
    else if (fn === OPS.setStrokeRGBColor) state.stroke = String(args?.[0] ?? '');
    else if (fn === OPS.setFillRGBColor) state.fill = String(args?.[0] ?? '');
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ...state });
      const matrix = args?.[0] as Matrix | null | undefined;
      if (matrix && matrix.length === 6) state.ctm = multiply(state.ctm, [...matrix] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) state = stack.pop() ?? state;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as (Float32Array | number[] | null)[] | undefined)?.[0];
      if (!data || paint === OPS.endPath) continue;
      const stroke =
        paint === OPS.stroke ||
        paint === OPS.closeStroke ||
        paint === OPS.fillStroke ||
        paint === OPS.eoFillStroke ||
        paint === OPS.closeFillStroke ||
        paint === OPS.closeEOFillStroke;
      if ((stroke ? state.stroke : state.fill).toLowerCase() === '#ffffff') continue;
      for (const sub of subpaths(data)) {
        if (stroke) {
          for (let k = 1; k < sub.length; k++) add(sub[k - 1]![0], sub[k - 1]![1], sub[k]![0], sub[k]![1], 0);
          continue;
        }
        // A filled rectangle thin in one direction is a rule drawn as a bar (Word and browsers draw borders so).
        const xs = sub.map((p) => p[0]);
        const ys = sub.map((p) => p[1]);
        const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        const t = multiply(vt, state.ctm);
        const [ax, ay] = apply(t, minX, minY);
        const [bx, by] = apply(t, maxX, maxY);
        const w = Math.abs(bx - ax);
        const h = Math.abs(by - ay);
        if (h <= 3 && w > h) add(minX, (minY + maxY) / 2, maxX, (minY + maxY) / 2, h);
        else if (w <= 3 && h > w) add((minX + maxX) / 2, minY, (minX + maxX) / 2, maxY, w);
      }
    }
  }
}

/** The subpaths of a pdf.js path (moveTo/lineTo/curveTo/closePath codes with their coordinates) as point lists. */
function subpaths(data: ArrayLike<number>): [number, number][][] {
  const out: [number, number][][] = [];
  let current: [number, number][] = [];
  for (let i = 0; i < data.length;) {
    const op = data[i]!;
    if (op === 0) {
      if (current.length > 1) out.push(current);
      current = [[data[i + 1]!, data[i + 2]!]];
      i += 3;
    } else if (op === 1) {
      current.push([data[i + 1]!, data[i + 2]!]);
      i += 3;
    } else if (op === 2) {
      // A curve is not a rule: the subpath ends here.
      if (current.length > 1) out.push(current);
      current = [[data[i + 5]!, data[i + 6]!]];
      i += 7;
    } else if (op === 3) {
      if (current.length > 1) out.push(current);
      current = [[data[i + 3]!, data[i + 4]!]];
      i += 5;
    } else if (op === 4) {
      if (current.length > 1) {
        current.push(current[0]!);
        out.push(current);
        current = [current[0]!];
      }
      i += 1;
    } else break;
  }
  if (current.length > 1) out.push(current);
  return out;
}

/** Joins collinear pieces of a line (a border drawn cell by cell is one rule). */
function mergeSegments(segs: Segment[], dir: 'h' | 'v'): Segment[] {
  const pos = (s: Segment) => (dir === 'h' ? s.y0 : s.x0);
  const lo = (s: Segment) => (dir === 'h' ? s.x0 : s.y0);
  const hi = (s: Segment) => (dir === 'h' ? s.x1 : s.y1);
  const sorted = [...segs].sort((a, b) => pos(a) - pos(b) || lo(a) - lo(b));
  const out: Segment[] = [];
  for (const s of sorted) {
    let merged = false;
    for (let k = out.length - 1; k >= 0; k--) {
      const o = out[k]!;
      if (pos(s) - pos(o) > 1) break;
      if (lo(s) <= hi(o) + 2 && hi(s) >= lo(o) - 2) {
        if (dir === 'h') out[k] = { x0: Math.min(o.x0, s.x0), x1: Math.max(o.x1, s.x1), y0: o.y0, y1: o.y0 };
        else out[k] = { x0: o.x0, x1: o.x0, y0: Math.min(o.y0, s.y0), y1: Math.max(o.y1, s.y1) };
        merged = true;
        break;
      }
    }
    if (!merged) out.push({ ...s });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Ruled tables: the lines a table draws give its grid; a cell is a box no line crosses, spanning the grid columns
// and rows it covers.

/** A cell of a ruled table, in layout space. */
interface GridCell {
  row: number;
  rowSpan: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  page: PageData;
  chunks: Chunk[];
  text: string;
  /** The last line of text runs to the cell's right edge: the text may go on (a row cut by a page break). */
  full: boolean;
}

/** A ruled table, possibly continued over pages. */
interface Grid {
  /** Physical rows: the page and band of each. */
  rows: { page: PageData; y0: number; y1: number }[];
  cells: GridCell[];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  page: PageData;
  /** Page and bottom of the last part (for continuation). */
  lastPage: PageData;
}

const TOL = 2;

/** Finds the ruled tables of a page and takes their text out of `chunks`. */
function ruledTables(page: PageData, chunks: Chunk[]): { grids: Grid[]; rest: Chunk[] } {
  const { horizontal: hs, vertical: vs } = page;
  if (hs.length < 2 || vs.length < 2) return { grids: [], rest: chunks };
  // Connected groups of lines: a table's lines touch each other.
  const n = hs.length + vs.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < hs.length; i++)
    for (let j = 0; j < vs.length; j++) {
      const h = hs[i]!;
      const v = vs[j]!;
      if (v.x0 >= h.x0 - TOL && v.x0 <= h.x1 + TOL && h.y0 >= v.y0 - TOL && h.y0 <= v.y1 + TOL)
        parent[find(i)] = find(hs.length + j);
    }
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  for (let i = 0; i < n; i++) {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    if (i < hs.length) g.h.push(hs[i]!);
    else g.v.push(vs[i - hs.length]!);
    groups.set(find(i), g);
  }
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    const grid = gridOf(page, g.h, g.v);
    if (grid) grids.push(grid);
  }
  if (grids.length === 0) return { grids, rest: chunks };
  const rest: Chunk[] = [];
  for (const c of chunks) {
    const cx = (c.x0 + c.x1) / 2;
    const cy = c.y - c.size * 0.35;
    const grid = grids.find((g) => cx >= g.x0 && cx <= g.x1 && cy >= g.y0 && cy <= g.y1);
    const cell = grid?.cells.find((k) => cx >= k.x0 && cx <= k.x1 && cy >= k.y0 && cy <= k.y1);
    if (cell) cell.chunks.push(c);
    else rest.push(c);
  }
  for (const g of grids)
    for (const c of g.cells) {
      const lines = buildLines(c.chunks);
      c.text = lines.map((l) => l.text).join('\n');
      const last = lines[lines.length - 1];
      // The next character did not fit: the line ends within the padding and one character of the edge.
      c.full = !!last && last.x1 >= c.x1 - 6 - 1.2 * last.size;
    }
  return { grids, rest };
}

/** Positions within TOL of each other as one. */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0;
  let count = 0;
  for (const v of sorted) {
    if (count > 0 && v - sum / count > TOL) {
      out.push(sum / count);
      sum = 0;
      count = 0;
    }
    sum += v;
    count++;
  }
  if (count > 0) out.push(sum / count);
  return out;
}

/** The cells of one group of lines, or null when the lines do not make a table (an underline, a frame). */
function gridOf(page: PageData, h: Segment[], v: Segment[]): Grid | null {
  if (h.length < 2 || v.length < 2) return null;
  const xs = cluster(v.map((s) => s.x0));
  const ys = cluster(h.map((s) => s.y0));
  if (xs.length < 2 || ys.length < 2) return null;
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  // A line separates two neighbouring bands where it covers the middle of their common edge.
  const vAt = (x: number, y0: number, y1: number) => {
    const mid = (y0 + y1) / 2;
    return v.some((s) => Math.abs(s.x0 - x) <= TOL && s.y0 <= mid + 0.5 && s.y1 >= mid - 0.5);
  };
  const hAt = (y: number, x0: number, x1: number) => {
    const mid = (x0 + x1) / 2;
    return h.some((s) => Math.abs(s.y0 - y) <= TOL && s.x0 <= mid + 0.5 && s.x1 >= mid - 0.5);
  };
  const taken: boolean[][] = Array.from({ length: nr }, () => Array<boolean>(nc).fill(false));
  const cells: GridCell[] = [];
  for (let r = 0; r < nr; r++)
    for (let c = 0; c < nc; c++) {
      if (taken[r]![c]) continue;
      let cs = 1;
      while (c + cs < nc && !taken[r]![c + cs] && !vAt(xs[c + cs]!, ys[r]!, ys[r + 1]!)) cs++;
      let rs = 1;
      const open = (k: number) => {
        for (let j = c; j < c + cs; j++) if (taken[k]![j] || hAt(ys[k]!, xs[j]!, xs[j + 1]!)) return false;
        return true;
      };
      while (r + rs < nr && open(r + rs)) rs++;
      for (let i = r; i < r + rs; i++) for (let j = c; j < c + cs; j++) taken[i]![j] = true;
      cells.push({
        row: r,
        rowSpan: rs,
        x0: xs[c]!,
        x1: xs[c + cs]!,
        y0: ys[r]!,
        y1: ys[r + rs]!,
        page,
        chunks: [],
        text: '',
        full: false,
      });
    }
  // A frame around a block of text, or boxes stacked in one column, are not a table; one row of two cells or more
  // is (the part of a table above a page break may be a single row).
  if (nc < 2 || cells.length < 2) return null;
  return {
    rows: Array.from({ length: nr }, (_, r) => ({ page, y0: ys[r]!, y1: ys[r + 1]! })),
    cells,
    x0: xs[0]!,
    x1: xs[nc]!,
    y0: ys[0]!,
    y1: ys[nr]!,
    page,
    lastPage: page,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Lines and words

/** A line of text: chunks on one baseline, left to right. */
interface Line {
  page: PageData;
  chunks: Chunk[];
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
  /** Words: runs of chunks separated by gaps of a column (see WORD_GAP). */
  words: Chunk[];
}

/** A gap this wide (in ems) between two pieces of text on a line separates columns, not characters. */
const WORD_GAP = 0.8;

/** Groups chunks into lines by baseline; two chunks that overlap are never on the same line. */
function buildLines(chunks: readonly Chunk[], page?: PageData): Line[] {
  const sorted = [...chunks].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const groups: { y: number; size: number; chunks: Chunk[] }[] = [];
  for (const c of sorted) {
    let target: (typeof groups)[number] | undefined;
    for (let i = groups.length - 1; i >= 0 && i >= groups.length - 8; i--) {
      const g = groups[i]!;
      if (Math.abs(g.y - c.y) > 0.45 * Math.max(g.size, c.size)) continue;
      const overlap = g.chunks.some(
        (o) => Math.min(o.x1, c.x1) - Math.max(o.x0, c.x0) > 0.3 * Math.min(o.x1 - o.x0, c.x1 - c.x0),
      );
      if (!overlap) {
        target = g;
        break;
      }
    }
    if (target) {
      target.chunks.push(c);
      target.size = Math.max(target.size, c.size);
    } else groups.push({ y: c.y, size: c.size, chunks: [c] });
  }
  return groups.map((g) => lineOf(g.chunks, page)).sort((a, b) => a.y - b.y || a.x0 - b.x0);
}

function lineOf(chunks: Chunk[], page: PageData | undefined): Line {
  const cs = [...chunks].sort((a, b) => a.x0 - b.x0);
  const size = Math.max(...cs.map((c) => c.size));
  const words: Chunk[] = [];
  let text = '';
  for (const c of cs) {
    const last = words[words.length - 1];
    const gap = last ? c.x0 - last.x1 : 0;
    if (last && gap < WORD_GAP * Math.max(last.size, c.size)) {
      const sep = joiner(last.text, c.text, gap / Math.max(last.size, c.size));
      words[words.length - 1] = {
        text: last.text + sep + c.text,
        x0: last.x0,
        x1: Math.max(last.x1, c.x1),
        y: last.y,
        size: Math.max(last.size, c.size),
      };
      text += sep + c.text;
    } else {
      words.push({ ...c });
      text += (last ? ' ' : '') + c.text;
    }
  }
  const ys = cs.map((c) => c.y).sort((a, b) => a - b);
  return {
    page: page!,
    chunks: cs,
    x0: cs[0]!.x0,
    x1: Math.max(...cs.map((c) => c.x1)),
    y: ys[Math.floor(ys.length / 2)]!,
    size,
    text,
    words,
  };
}

/** What joins two pieces of a word: nothing next to Chinese or where they touch, a space between Latin words. */
function joiner(left: string, right: string, gapEm: number): string {
  if (gapEm < 0.15) return '';
  if (CJK.test(left[left.length - 1] ?? '') || CJK.test(right[0] ?? '')) return '';
  return ' ';
}

// ---------------------------------------------------------------------------------------------------------------
// Page furniture: page numbers and running headers and footers

const PAGE_NUMBER =
  /^(?:[-—–－·•\s]*\d{1,4}[-—–－·•\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

/** Removes page numbers and the headers and footers repeated on the pages from each page's lines. */
function dropFurniture(pages: { page: PageData; lines: Line[] }[]): void {
  const margin = (l: Line, p: PageData): 'top' | 'bottom' | null =>
    l.y - l.size < p.height * 0.12 ? 'top' : l.y > p.height * 0.88 ? 'bottom' : null;
  const key = (l: Line, zone: string) =>
    `${zone}:${l.text.split(UNSURE_MARK).join('').replace(/\s+/g, '').replace(/\d+/g, '#')}`;
  // Candidates: the first two and last two lines of a page, in its top or bottom margin.
  const candidates = pages.map(({ page, lines }) => {
    const out: { line: Line; zone: 'top' | 'bottom' }[] = [];
    const ends = [...lines.slice(0, 2), ...lines.slice(-2)];
    for (const l of new Set(ends)) {
      const zone = margin(l, page);
      if (zone) out.push({ line: l, zone });
    }
    return out;
  });
  const counts = new Map<string, number>();
  for (const list of candidates) {
    const keys = new Set(list.map((c) => key(c.line, c.zone)));
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const repeated = Math.max(2, Math.ceil(pages.length * 0.4));
  // A page number stands apart: no other line within a line and a half of it (a lone figure of a table does not).
  const apart = (l: Line, lines: readonly Line[]) =>
    lines.every((o) => o === l || Math.abs(o.y - l.y) >= 1.5 * Math.max(o.size, l.size));
  pages.forEach((p, i) => {
    const drop = new Set<Line>();
    for (const c of candidates[i]!) {
      const t = c.line.text.split(UNSURE_MARK).join('').trim();
      if (
        (PAGE_NUMBER.test(t) && apart(c.line, p.lines)) ||
        (pages.length >= 2 && (counts.get(key(c.line, c.zone)) ?? 0) >= repeated)
      )
        drop.add(c.line);
    }
    if (drop.size > 0) p.lines = p.lines.filter((l) => !drop.has(l));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Blocks

type Flow = { kind: 'line'; line: Line } | { kind: 'grid'; grid: Grid };

/** Pages → blocks: ruled tables (joined over page breaks), aligned tables and paragraphs in reading order. */
function layoutBlocks(pages: PageData[]): Block[] {
  const perPage = pages.map((page) => {
    const { grids, rest } = ruledTables(page, page.chunks);
    return { page, grids, lines: buildLines(rest, page) };
  });
  dropFurniture(perPage);
  // One stream of lines and tables in reading order, page after page.
  const flow: Flow[] = [];
  for (const p of perPage) {
    const items: { y: number; item: Flow }[] = [
      ...p.lines.map((line) => ({ y: line.y - line.size, item: { kind: 'line', line } as Flow })),
      ...p.grids.map((grid) => ({ y: grid.y0, item: { kind: 'grid', grid } as Flow })),
    ];
    items.sort((a, b) => a.y - b.y);
    for (const { item } of items) {
      const prev = flow[flow.length - 1];
      if (item.kind === 'grid' && prev?.kind === 'grid' && continues(prev.grid, item.grid))
        joinParts(prev.grid, item.grid);
      else flow.push(item);
    }
  }
  const bounds = textBounds(flow);
  const blocks: Block[] = [];
  let run: Line[] = [];
  const flush = () => {
    if (run.length > 0) blocks.push(...lineBlocks(run, bounds));
    run = [];
  };
  for (const f of flow) {
    if (f.kind === 'line') {
      run.push(f.line);
      continue;
    }
    flush();
    blocks.push(gridTable(f.grid));
  }
  flush();
  return blocks;
}

/** True when `next` (at the top of a page) continues `prev` (at the bottom of the page before): same edges. */
function continues(prev: Grid, next: Grid): boolean {
  return (
    next.page.no === prev.lastPage.no + 1 &&
    Math.abs(prev.x0 - next.x0) <= 3 * TOL &&
    Math.abs(prev.x1 - next.x1) <= 3 * TOL
  );
}

const signature = (cells: readonly GridCell[]) =>
  cells
    .map((c) => `${Math.round(c.x0)}-${Math.round(c.x1)}:${c.rowSpan}:${c.text.replace(/\s+/g, '')}`)
    .sort()
    .join('|');

/**
 * Appends the part of a table on the next page to `prev`: header rows repeated at the top of the page are dropped;
 * a merged cell cut by the page break (an empty cell under a cell that spans rows) is one cell again; a row cut by
 * the page break is one row again.
 */
function joinParts(prev: Grid, next: Grid): void {
  const startingAt = (g: Grid, r: number) => g.cells.filter((c) => c.row === r);
  // Repeated header: the first k rows equal the table's first k rows (text, span and position).
  let k = 0;
  while (
    k < next.rows.length - 1 &&
    k < prev.rows.length &&
    signature(startingAt(next, k)) === signature(startingAt(prev, k))
  )
    k++;
  if (k > 0 && next.cells.some((c) => c.row < k && c.row + c.rowSpan > k)) k = 0;
  const last = prev.rows.length - 1;
  const covering = prev.cells.filter((p) => p.row <= last && p.row + p.rowSpan > last);
  const first = startingAt(next, k);
  const partner = (c: GridCell) =>
    covering.find((p) => Math.abs(p.x0 - c.x0) <= TOL && Math.abs(p.x1 - c.x1) <= TOL);
  // A row cut in two: the cells match one for one, and the part below only adds text to cells whose text ran to
  // their edge above (or were empty), never a figure under a figure, nor a numbered label ("（六）…" is a new row).
  const split =
    first.length > 0 &&
    first.every((c) => {
      const p = partner(c);
      return !!p && (c.text === '' || ((p.text === '' || p.full) && !HEADING_START.test(c.text)));
    }) &&
    first.some((c) => c.text !== '' && partner(c)!.text !== '' && partner(c)!.full);
  const offset = prev.rows.length - k - (split ? 1 : 0);
  for (const c of next.cells) {
    if (c.row < k) continue;
    if (c.row === k) {
      const p = partner(c);
      if (p && split) {
        if (c.text) p.text = p.text ? `${p.text}\n${c.text}` : c.text;
        p.full = c.full;
        p.rowSpan += c.rowSpan - 1;
        continue;
      }
      // A cell spanning rows, cut by the page break: its part below is empty.
      if (p && c.text === '' && p.row + p.rowSpan === prev.rows.length && (p.rowSpan > 1 || c.rowSpan > 1)) {
        p.rowSpan += c.rowSpan;
        continue;
      }
    }
    prev.cells.push({ ...c, row: c.row + offset });
  }
  prev.rows.push(...next.rows.slice(k + (split ? 1 : 0)));
  prev.lastPage = next.page;
}

/** A ruled table as a Document table: grid columns from every cell edge of every part. */
function gridTable(g: Grid): Table {
  const xs = cluster(g.cells.flatMap((c) => [c.x0, c.x1]));
  const colOf = (x: number) => {
    let best = 0;
    for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i]! - x) < Math.abs(xs[best]! - x)) best = i;
    return best;
  };
  const byRow: GridCell[][] = g.rows.map(() => []);
  for (const c of g.cells) byRow[c.row]!.push(c);
  const rows: TableRow[] = g.rows.map((band, r) => {
    const cells = byRow[r]!.sort((a, b) => a.x0 - b.x0).map((c): TableCell => {
      const col = colOf(c.x0);
      return {
        text: c.text,
        col,
        colSpan: Math.max(1, colOf(c.x1) - col),
        rowSpan: c.rowSpan,
        x: round(c.x0),
        xEnd: round(c.x1),
        source: pdfSpan(c.page, c.x0, c.y0, c.x1, c.y1),
      };
    });
    return { cells, source: pdfSpan(band.page, g.x0, band.y0, g.x1, band.y1) };
  });
  return { kind: 'table', layout: 'grid', rows, source: pdfSpan(g.page, g.x0, g.y0, g.x1, g.y1) };
}

/** The left and right edges of the text column: where most long lines start and end. */
function textBounds(flow: readonly Flow[]): { left: number; right: number } {
  const lines = flow.flatMap((f) => (f.kind === 'line' && f.line.text.length >= 8 ? [f.line] : []));
  if (lines.length === 0) return { left: 0, right: Infinity };
  const x0 = lines.map((l) => l.x0).sort((a, b) => a - b);
  const x1 = lines.map((l) => l.x1).sort((a, b) => a - b);
  return { left: x0[Math.floor(x0.length * 0.1)]!, right: x1[Math.floor(x1.length * 0.9)]! };
}

/** Figures as aligned text shows them (layout.ts FIGURE_WORD): digits with separators, a sign, a unit, a dash. */
const FIGURE = /^[+\-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?(万元|元|件|个|项|条)?$|^[/\\\-—–－―]+$/;

const isAligned = (l: Line) => l.words.length >= 2;
const figureCount = (l: Line) => l.words.filter((w) => FIGURE.test(w.text)).length;
/** A short line without a sentence in it: a wrapped label or a caption between aligned lines. */
const isShort = (l: Line) =>
  l.text.length <= 40 && !/^[一二三四五六七八九十]+、/.test(l.text) && !/[。；]/.test(l.text);

/** Lines between ruled tables → tables aligned by position (no rules drawn) and paragraphs. */
function lineBlocks(lines: readonly Line[], bounds: { left: number; right: number }): Block[] {
  const blocks: Block[] = [];
  let para: Line[] = [];
  const flushPara = () => {
    if (para.length > 0) blocks.push(paragraph(para));
    para = [];
  };
  for (let i = 0; i < lines.length;) {
    const end = isAligned(lines[i]!) ? alignedEnd(lines, i) : 0;
    if (end > 0) {
      // Captions right above the table (a short line or two, close to it) are its first rows.
      let start = i;
      while (start > i - 2 && para.length > 0 && captionOf(para[para.length - 1]!, lines[start]!)) {
        para.pop();
        start--;
      }
      flushPara();
      blocks.push(alignedTable(lines.slice(start, end)));
      i = end;
      continue;
    }
    const line = lines[i]!;
    const last = para[para.length - 1];
    if (last && !continuesParagraph(last, line, bounds)) flushPara();
    para.push(line);
    i++;
  }
  flushPara();
  return blocks;
}

/** True when `line` is a short caption just above `below` (same page, less than two and a half lines away). */
function captionOf(line: Line, below: Line): boolean {
  return (
    isShort(line) &&
    line.page === below.page &&
    below.y - line.y <= 2.5 * line.size &&
    figureCount(line) === 0 &&
    !HEADING_START.test(line.text)
  );
}

/**
 * The end (exclusive) of a table aligned by position starting at `start`, or 0 when the lines do not make one:
 * two aligned lines or more, with figures in two lines or two figures in one; short lines between aligned ones
 * (halves of wrapped labels, captions) belong to it.
 */
function alignedEnd(lines: readonly Line[], start: number): number {
  let last = start;
  let aligned = 0;
  let figureLines = 0;
  let wide = false;
  for (let j = start; j < lines.length; j++) {
    const l = lines[j]!;
    if (isAligned(l)) {
      last = j;
      aligned++;
      const f = figureCount(l);
      if (f > 0) figureLines++;
      if (f >= 2) wide = true;
      continue;
    }
    if (!isShort(l)) break;
    let k = j + 1;
    while (k < lines.length && k < j + 4 && !isAligned(lines[k]!) && isShort(lines[k]!)) k++;
    if (k < lines.length && k < j + 4 && isAligned(lines[k]!)) continue;
    // Short lines right after the last aligned line: the wrapped end of its label.
    if (j === last + 1 && j - last <= 2) {
      last = j;
      continue;
    }
    break;
  }
  if (aligned < 2 || (figureLines < 2 && !wide)) return 0;
  return last + 1;
}

/**
 * A table aligned by position: one row per line, one cell per word (with its x for the extractor's grid). Lines
 * closer than a line's spacing are one row whose cells sit at different heights (a figure centred beside a
 * wrapped label); header lines (no figures) whose words sit centred one above the other at line spacing are one
 * row of stacked cells, as a header cell wraps ("科研" over "机构").
 */
function alignedTable(region: readonly Line[]): Table {
  const bands: Line[][] = [];
  for (const l of region) {
    const band = bands[bands.length - 1];
    const prev = band?.[band.length - 1];
    if (band && prev && prev.page === l.page && l.y - prev.y < 0.9 * Math.max(prev.size, l.size))
      band.push(l);
    else bands.push([l]);
  }
  const labelOnly = (b: Line[]) => b.every((l) => figureCount(l) === 0);
  const rows: TableRow[] = [];
  for (let i = 0; i < bands.length;) {
    let j = i;
    while (j < bands.length && labelOnly(bands[j]!) && bands[j]!.length === 1) j++;
    if (j - i >= 2) {
      rows.push(...stackedRows(bands.slice(i, j).map((b) => b[0]!)));
      i = j;
      continue;
    }
    rows.push(bandRow(bands[i]!));
    i++;
  }
  const first = region[0]!;
  return {
    kind: 'table',
    layout: 'aligned',
    rows,
    source: boxSpan(region.filter((l) => l.page === first.page)),
  };
}

/** One row from lines at different heights: words one above the other (same left edge or centre) are one cell. */
function bandRow(band: readonly Line[]): TableRow {
  const l0 = band[0]!;
  if (band.length === 1)
    return { cells: l0.words.map((w, col) => wordCell(l0, w, col)), source: lineSpan(l0) };
  const words = band.flatMap((l) => l.words.map((w) => ({ w, l })));
  const groups: { w: Chunk; l: Line }[][] = [];
  for (const x of [...words].sort((a, b) => a.w.x0 - b.w.x0)) {
    const em = x.w.size;
    const g = groups.find((g) =>
      g.some(
        (o) =>
          o.l !== x.l &&
          !FIGURE.test(o.w.text) &&
          !FIGURE.test(x.w.text) &&
          (Math.abs(o.w.x0 - x.w.x0) <= 0.5 * em ||
            Math.abs((o.w.x0 + o.w.x1) / 2 - (x.w.x0 + x.w.x1) / 2) <= 0.5 * em),
      ),
    );
    if (g) g.push(x);
    else groups.push([x]);
  }
  const cells = groups
    .sort((a, b) => Math.min(...a.map((m) => m.w.x0)) - Math.min(...b.map((m) => m.w.x0)))
    .map((g, col) => {
      const sorted = [...g].sort((a, b) => a.l.y - b.l.y);
      return stackedCell(
        sorted.map((m) => m.w),
        sorted[0]!.l,
        sorted[sorted.length - 1]!.l,
        col,
      );
    });
  return { cells, source: boxSpan(band) };
}

function wordCell(l: Line, w: Chunk, col: number): TableCell {
  return {
    text: w.text,
    col,
    colSpan: 1,
    rowSpan: 1,
    x: round(w.x0),
    xEnd: round(w.x1),
    source: pdfSpan(l.page, w.x0, w.y - w.size * 0.85, w.x1, w.y + w.size * 0.2),
  };
}

/** Label-only lines: words stacked centred at line spacing are one cell; lines held together so are one row. */
/** One cell of words stacked top to bottom (a label wrapped over lines): a line of text each, their box. */
function stackedCell(words: readonly Chunk[], top: Line, bottom: Line, col: number): TableCell {
  const x0 = Math.min(...words.map((w) => w.x0));
  const x1 = Math.max(...words.map((w) => w.x1));
  return {
    text: words.map((w) => w.text).join('\n'),
    col,
    colSpan: 1,
    rowSpan: 1,
    x: round(x0),
    xEnd: round(x1),
    source: pdfSpan(top.page, x0, top.y - top.size * 0.85, x1, bottom.y + bottom.size * 0.2),
  };
}

function stackedRows(lines: readonly Line[]): TableRow[] {
  const words = lines.flatMap((l, li) => l.words.map((w) => ({ w, li })));
  const parent = words.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const lineParent = lines.map((_, i) => i);
  const findLine = (i: number): number =>
    lineParent[i] === i ? i : (lineParent[i] = findLine(lineParent[i]!));
  // Each word joins the nearest word above it that is centred on it, at most a line and a half higher.
  for (let b = 0; b < words.length; b++) {
    const B = words[b]!;
    const lb = lines[B.li]!;
    let best = -1;
    let bestGap = Infinity;
    for (let a = 0; a < words.length; a++) {
      const A = words[a]!;
      const la = lines[A.li]!;
      const em = Math.max(la.size, lb.size);
      const gap = lb.y - la.y;
      const centred = Math.abs((A.w.x0 + A.w.x1) / 2 - (B.w.x0 + B.w.x1) / 2) <= 0.5 * em;
      if (la.page === lb.page && gap > 0.5 * em && gap <= 1.6 * em && centred && gap < bestGap) {
        best = a;
        bestGap = gap;
      }
    }
    if (best >= 0) {
      parent[find(b)] = find(best);
      lineParent[findLine(B.li)] = findLine(words[best]!.li);
    }
  }
  const cells = new Map<number, { li: number; w: Chunk }[]>();
  words.forEach((x, i) => cells.set(find(i), [...(cells.get(find(i)) ?? []), x]));
  const rowsOf = new Map<number, { li: number; w: Chunk }[][]>();
  for (const members of cells.values()) {
    const r = findLine(members[0]!.li);
    rowsOf.set(r, [...(rowsOf.get(r) ?? []), members]);
  }
  return [...rowsOf.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([r, groups]) => {
      const ordered = groups
        .map((g) => g.sort((a, b) => a.li - b.li))
        .sort((a, b) => Math.min(...a.map((m) => m.w.x0)) - Math.min(...b.map((m) => m.w.x0)));
      const rowLines = lines.filter((_, i) => findLine(i) === r);
      const cellsOut = ordered.map((g, col) =>
        stackedCell(
          g.map((m) => m.w),
          lines[g[0]!.li]!,
          lines[g[g.length - 1]!.li]!,
          col,
        ),
      );
      return { cells: cellsOut, source: boxSpan(rowLines) };
    });
}

const lineSpan = (l: Line) => pdfSpan(l.page, l.x0, l.y - l.size * 0.85, l.x1, l.y + l.size * 0.2);

function boxSpan(lines: readonly Line[]): SourceSpan {
  const first = lines[0]!;
  const x0 = Math.min(...lines.map((l) => l.x0));
  const x1 = Math.max(...lines.map((l) => l.x1));
  const y0 = Math.min(...lines.map((l) => l.y - l.size * 0.85));
  const y1 = Math.max(...lines.map((l) => l.y + l.size * 0.2));
  return pdfSpan(first.page, x0, y0, x1, y1);
}

const HEADING_START =
  /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、．]|\d{1,2}\.(?!\d))/;

/**
 * True when `next` continues the paragraph whose last line is `prev`: `prev` runs to the right edge of the text,
 * `next` is not indented, not a numbered heading and in the same type size, and follows at line spacing (or at
 * the top of the next page).
 */
function continuesParagraph(prev: Line, next: Line, bounds: { left: number; right: number }): boolean {
  const em = prev.size;
  if (next.x0 > bounds.left + 1.5 * em) return false;
  if (HEADING_START.test(next.text)) return false;
  if (Math.abs(next.size - prev.size) > 0.15 * em) return false;
  const gap = next.page === prev.page ? next.y - prev.y : next.page.no === prev.page.no + 1 ? 0 : -1;
  if (gap < 0 || (next.page === prev.page && gap <= 0)) return false;
  if (prev.x1 >= bounds.right - 2.2 * em) return gap <= 2 * em;
  // A line broken early (before a long Latin word or a URL) still runs on: it is well past the middle, does not end
  // a sentence, and the next line follows at line spacing.
  return (
    next.page === prev.page &&
    gap <= 1.6 * em &&
    prev.x1 >= bounds.left + 0.6 * (bounds.right - bounds.left) &&
    !/[。！？；：!?;:]$/.test(prev.text)
  );
}

function paragraph(lines: readonly Line[]): Paragraph {
  let text = '';
  for (const l of lines) {
    const t = l.text.trim();
    if (text && !CJK.test(text[text.length - 1]!) && !CJK.test(t[0] ?? '')) text += ' ';
    text += t;
  }
  const first = lines[0]!;
  // OCR's unsure mark is for figures in table cells (extraction leaves them blank); running text keeps its words.
  if (text.includes(UNSURE_MARK)) text = text.split(UNSURE_MARK).join('');
  return { kind: 'paragraph', text, source: boxSpan(lines.filter((l) => l.page === first.page)) };
}
