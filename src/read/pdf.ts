// PDF reader: positioned text (pdfjs-dist) → lines; ruled tables as cell grids with their merges; tables aligned by
// position; paragraphs joined where they wrap; running headers, footers and page numbers dropped. One concern per
// module in pdf/: load (pdf.js), page (text items), rulings, grid (ruled tables), lines (and page furniture),
// aligned (tables aligned by position), paragraphs, blocks (reading order), ocr-merge (pages read by OCR).
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Document } from '../model/document.ts';
import { finding } from '../findings/index.ts';
import { layoutBlocks } from './pdf/blocks.ts';
import { brokenFinding } from './broken.ts';
import { reasonOf } from './pdf/diagnostic.ts';
import type { PageData } from './pdf/geometry.ts';
import { loadPdfJs, openPdf, watchRejections, type PdfDocument } from './pdf/load.ts';
import { ocrPages } from './pdf/ocr-merge.ts';
import { readPage } from './pdf/page.ts';
import { LIMITS } from './limits.ts';

/** Options of the PDF reader. */
export interface ReadPdfOptions {
  /** The file name, used in messages only. */
  path?: string;
  /** Read pages without a text layer by OCR (default true); false leaves them unread with read/no-text-layer. */
  ocr?: boolean;
}

/**
 * Reads the bytes of a PDF into a Document: paragraphs and tables with page and box; never throws on a bad file,
 * and a rejection pdf.js leaves unhandled on a damaged one is a finding of that file (read/damaged), not a crash.
 */
export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<Document> {
  const { result, rejected } = await watchRejections(() => readPdfDocument(bytes, options));
  if (rejected.length === 0) return result;
  const file = options.path ?? '';
  return {
    ...result,
    diagnostics: [
      ...result.diagnostics,
      finding('read/damaged', 'damaged', { file, reason: rejected.join('; ') }),
    ],
  };
}

async function readPdfDocument(bytes: Uint8Array, options: ReadPdfOptions): Promise<Document> {
  const file = options.path ?? '';
  const diagnostics: Diagnostic[] = [];
  const pdfjs = await loadPdfJs();
  const task = openPdf(pdfjs, bytes);
  try {
    let doc: PdfDocument;
    try {
      doc = await task.promise;
    } catch (e) {
      // No password is ever given: a file that needs one to open cannot be read (an owner password alone is fine).
      if (e instanceof Error && e.name === 'PasswordException')
        return failed(finding('read/encrypted', 'encrypted', { file }));
      return failed(brokenFinding('pdf', file, e));
    }
    if (doc.numPages > LIMITS.pdfPages)
      return failed(
        finding('read/too-large', 'pages', { file, pages: doc.numPages, limit: LIMITS.pdfPages }),
      );
    const pages: PageData[] = [];
    const textless: number[] = [];
    for (let no = 1; no <= doc.numPages; no++) {
      const huge = await pageTooLarge(doc, no, file);
      if (huge) return failed(huge);
      try {
        const page = await readPage(doc, no, pdfjs.OPS);
        if (page.chunks.length === 0) textless.push(no);
        pages.push(page);
      } catch (e) {
        diagnostics.push(finding('read/broken', 'pageBroken', { file, page: no, reason: reasonOf(e) }));
      }
    }
    const ocr = textless.length > 0 && options.ocr !== false;
    if (ocr) {
      const read = await ocrPages(doc, pages, textless, file, diagnostics, pdfjs.OPS);
      textless.splice(0, textless.length, ...textless.filter((no) => !read.includes(no)));
    }
    if (pages.length === 0 && doc.numPages > 0) {
      diagnostics.push(
        finding('read/broken', 'broken', { file, kind: 'pdf', reason: 'no page can be read' }),
      );
      return { kind: 'pdf', blocks: [], diagnostics };
    }
    if (textless.length === pages.length) {
      // Nothing but images (or nothing at all): a scan OCR could not read, or OCR was turned off.
      diagnostics.push(finding('read/no-text-layer', ocr ? 'scanUnreadable' : 'noTextLayer', { file }));
      return { kind: 'pdf', blocks: [], diagnostics };
    }
    if (textless.length > 0)
      diagnostics.push(
        finding('read/no-text-layer', ocr ? 'pagesUnreadable' : 'pagesWithoutText', {
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
 * read/too-large for a page whose area passes LIMITS.pdfPageArea (a MediaBox larger than PDF allows), else null;
 * a page pdf.js cannot open is left to readPage, which says so.
 */
async function pageTooLarge(doc: PdfDocument, no: number, file: string): Promise<Diagnostic | null> {
  let width: number;
  let height: number;
  try {
    ({ width, height } = (await doc.getPage(no)).getViewport({ scale: 1 }));
  } catch {
    return null;
  }
  if (!(width * height > LIMITS.pdfPageArea)) return null;
  const side = Math.sqrt(LIMITS.pdfPageArea);
  return finding('read/too-large', 'pageArea', {
    file,
    page: no,
    width: Math.round(width),
    height: Math.round(height),
    side,
  });
}

function failed(d: Diagnostic): Document {
  return { kind: 'pdf', blocks: [], diagnostics: [d] };
}

/** A page of a PDF as a viewer shows it, for drawing a PdfSpan's box on the page's image. */
export interface PdfPageGeometry {
  /** 1-based page number. */
  n: number;
  /** The page as seen (its /Rotate applied), in points. */
  width: number;
  height: number;
  /** The page's /Rotate in degrees (0, 90, 180, 270). */
  rotate: number;
  /** The page's box in PDF user space [x0, y0, x1, y1] (the CropBox, else the MediaBox; y grows up). */
  view: [number, number, number, number];
  /**
   * PDF user space → the page as seen at 1 pixel per point (origin top left, y down): [a, b, c, d, e, f], a point
   * (x, y) going to (a·x + c·y + e, b·x + d·y + f); times the image's scale for its pixels.
   */
  transform: [number, number, number, number, number, number];
}

/** A page's geometry (pdf.js's viewport at scale 1, as the reader takes its layout space from). */
export function pageGeometry(
  page: {
    view: number[];
    rotate: number;
    getViewport(p: { scale: number }): { width: number; height: number; transform: number[] };
  },
  n: number,
): PdfPageGeometry {
  const viewport = page.getViewport({ scale: 1 });
  const r = (v: number) => Math.round(v * 1000) / 1000;
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = viewport.transform.map(r);
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view.map(r);
  return {
    n,
    width: r(viewport.width),
    height: r(viewport.height),
    rotate: page.rotate,
    view: [x0, y0, x1, y1],
    transform: [a, b, c, d, e, f],
  };
}
