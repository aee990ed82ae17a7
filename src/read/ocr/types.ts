// What OCR gives and takes: words and ruling lines of a page, grey images, the page pdf.js renders, the engine.

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
  render(params: { canvas: null; canvasContext: unknown; viewport: unknown }): {
    promise: Promise<unknown>;
    /** pdf.js calls it with the next slice of drawing, when set. */
    onContinue?: ((next: () => void) => void) | null;
  };
}

/** A tesseract worker kept for the pages of one document; `close` must be called (it ends the worker thread). */
export interface OcrEngine {
  /** Reads one page; throws on an OCR failure (the PDF reader turns that into a diagnostic). */
  page(page: RenderablePage): Promise<OcrPage>;
  close(): Promise<void>;
}
