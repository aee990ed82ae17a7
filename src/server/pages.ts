// The pages of stored PDFs: their geometry and their images (pdf.js drawing onto @napi-rs/canvas, through the OCR's
// own renderer), one document at a time, the PNGs kept in a cache bounded by bytes.
import { renderPng } from '../read/ocr/image.ts';
import type { RenderablePage } from '../read/ocr/types.ts';
import { pageGeometry, type PdfPageGeometry } from '../read/pdf.ts';
import { reasonOf } from '../read/pdf/diagnostic.ts';
import { loadPdfJs, openPdf, type PdfDocument } from '../read/pdf/load.ts';
import { ApiError } from './errors.ts';

/** Limits of the page images. */
export interface PageLimits {
  /** The width a page is drawn at when no scale is asked for (pixels). */
  defaultWidth: number;
  /** The longest side of an image (pixels). */
  maxSide: number;
  /** The most pixels an image may have. */
  maxPixels: number;
  /** The bytes of PNG kept in memory. */
  cacheBytes: number;
}

export const DEFAULT_PAGE_LIMITS: PageLimits = {
  defaultWidth: 1200,
  maxSide: 4000,
  maxPixels: 4000 * 4000,
  cacheBytes: 64 * 1024 * 1024,
};

/** A stored PDF as the pages need it: its name (for messages), its hash, its bytes on demand. */
export interface PdfSource {
  fileName: string;
  sha256: string;
  bytes: () => Promise<Uint8Array>;
}

/** A page image. */
export interface PageImage {
  png: Buffer;
  width: number;
  height: number;
  scale: number;
}

/** The documents' page geometries kept (a few numbers a page). */
const GEOMETRIES = 200;
/** An open document is closed after this long unused. */
const IDLE_MS = 30_000;

/**
 * Page geometry and images of stored PDFs. All pdf.js work is queued, one document operation at a time (it runs
 * in the server's thread); drawing yields to other requests between slices. The last document opened stays open
 * for the next page asked of it (a reviewer turns pages), until another is asked for or it is idle.
 */
export class PageImages {
  readonly limits: PageLimits;
  private readonly images = new Map<string, PageImage>();
  private bytes = 0;
  private readonly geometries = new Map<string, PdfPageGeometry[]>();
  private queue: Promise<unknown> = Promise.resolve();
  private open: { sha256: string; task: ReturnType<typeof openPdf>; doc: PdfDocument } | null = null;
  private idle: NodeJS.Timeout | null = null;
  /** Counters, for the measurements of docs/api.md. */
  readonly stats = { rendered: 0, hits: 0, opened: 0 };

  constructor(limits: Partial<PageLimits> = {}) {
    this.limits = { ...DEFAULT_PAGE_LIMITS, ...limits };
  }

  /** The bytes of PNG in the cache. */
  get cachedBytes(): number {
    return this.bytes;
  }

  /** The pages of a PDF, their size and placement. */
  async pages(source: PdfSource): Promise<PdfPageGeometry[]> {
    const known = this.geometries.get(source.sha256);
    if (known) return known;
    return this.run(async () => {
      const again = this.geometries.get(source.sha256);
      if (again) return again;
      const doc = await this.document(source);
      const pages: PdfPageGeometry[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        try {
          const page = await doc.getPage(n);
          pages.push(pageGeometry(page, n));
          page.cleanup();
        } catch (e) {
          throw unreadable(source, `page ${n}: ${reasonOf(e)}`);
        }
      }
      this.geometries.set(source.sha256, pages);
      if (this.geometries.size > GEOMETRIES) this.geometries.delete(this.geometries.keys().next().value!);
      return pages;
    });
  }

  /**
   * The scale page `n` is drawn at: `asked`, or the one that makes it `defaultWidth` pixels wide (less when its
   * other side would pass the limit). 404 for a page the document does not have; 400 for a scale whose image would
   * pass the limits.
   */
  async scaleOf(source: PdfSource, n: number, asked: number | undefined): Promise<number> {
    const pages = await this.pages(source);
    const page = pages[n - 1];
    if (!page)
      throw new ApiError(404, 'not-found', `${source.fileName} has ${pages.length} page(s): no page ${n}`);
    const { maxSide, maxPixels, defaultWidth } = this.limits;
    const fits = (s: number) =>
      Math.ceil(page.width * s) <= maxSide &&
      Math.ceil(page.height * s) <= maxSide &&
      Math.ceil(page.width * s) * Math.ceil(page.height * s) <= maxPixels;
    // The largest scale allowed, a little under the exact bound (pixels are rounded up).
    const most =
      Math.floor(
        Math.min(
          maxSide / Math.max(page.width, page.height, 1e-6),
          Math.sqrt(maxPixels / Math.max(page.width * page.height, 1e-12)),
        ) *
          0.999 *
          1e4,
      ) / 1e4;
    if (asked === undefined) {
      const s = Math.floor(Math.min(defaultWidth / Math.max(page.width, 1e-6), most) * 1e4) / 1e4;
      if (!(s > 0) || !fits(s))
        throw unreadable(source, `page ${n} is ${page.width}×${page.height} points: too odd a size to draw`);
      return s;
    }
    const s = Math.round(asked * 1e4) / 1e4;
    if (!(s > 0) || !fits(s))
      throw new ApiError(
        400,
        'bad-request',
        `scale ${asked} draws page ${n} of ${source.fileName} (${page.width}×${page.height} points) larger than ` +
          `${maxSide}×${maxSide} pixels or ${maxPixels} pixels in all: at most scale ${most}`,
      );
    return s;
  }

  /** Page `n` drawn at `scale` (from scaleOf), from the cache when it was drawn before. */
  async image(source: PdfSource, n: number, scale: number): Promise<PageImage> {
    const key = `${source.sha256}:${n}:${scale}`;
    const hit = this.images.get(key);
    if (hit) {
      this.stats.hits++;
      this.images.delete(key);
      this.images.set(key, hit);
      return hit;
    }
    const image = await this.run(async () => {
      const doc = await this.document(source);
      let page;
      try {
        page = await doc.getPage(n);
      } catch (e) {
        throw unreadable(source, `page ${n}: ${reasonOf(e)}`);
      }
      try {
        const out = await renderPng(page as unknown as RenderablePage, scale);
        return { ...out, scale };
      } catch (e) {
        throw unreadable(source, `page ${n} cannot be drawn: ${reasonOf(e)}`);
      } finally {
        page.cleanup();
      }
    });
    this.stats.rendered++;
    this.keep(key, image);
    return image;
  }

  private keep(key: string, image: PageImage): void {
    if (image.png.length > this.limits.cacheBytes) return;
    this.images.set(key, image);
    this.bytes += image.png.length;
    while (this.bytes > this.limits.cacheBytes) {
      const [oldest, dropped] = this.images.entries().next().value!;
      this.images.delete(oldest);
      this.bytes -= dropped.png.length;
    }
  }

  /** Closes the open document (the server's onClose). */
  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    await this.run(async () => this.closeOpen());
  }

  /** Runs pdf.js work after the work queued before it. */
  private run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The document of `source`, open (in the queue only). */
  private async document(source: PdfSource): Promise<PdfDocument> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.run(async () => this.closeOpen()), IDLE_MS);
    this.idle.unref();
    if (this.open?.sha256 === source.sha256) return this.open.doc;
    await this.closeOpen();
    const pdfjs = await loadPdfJs();
    const task = openPdf(pdfjs, await source.bytes());
    try {
      const doc = await task.promise;
      this.open = { sha256: source.sha256, task, doc };
      this.stats.opened++;
      return doc;
    } catch (e) {
      await task.destroy();
      throw unreadable(source, reasonOf(e));
    }
  }

  private async closeOpen(): Promise<void> {
    const open = this.open;
    this.open = null;
    if (open) await open.task.destroy();
  }
}

/** A stored PDF pdf.js cannot open or draw: 422, naming the file. */
function unreadable(source: PdfSource, reason: string): ApiError {
  return new ApiError(422, 'unreadable', `${source.fileName}: the PDF cannot be drawn (${reason})`);
}
