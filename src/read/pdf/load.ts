// pdf.js, loaded on first use, and the asset folders (CMaps, standard fonts, wasm) it reads from its package.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The pdf.js module. */
export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsModule: Promise<PdfJs> | null = null;
/** pdf.js is loaded on first use: reading other kinds of file never pays for it. */
export const loadPdfJs = (): Promise<PdfJs> => {
  guard();
  return (pdfjsModule ??= importPdfJs());
};

/**
 * pdf.js and its worker (which runs on this thread in Node, as pdf.js's own fake worker would load it), with
 * Array.prototype.push given back. The legacy build's core-js replaces the native push with a JavaScript one for
 * every array of the process (for an edge case of lengths above 2^32 no report has): a quarter of a PDF's reading
 * time was that push and its length setter, and every reader and rule after it paid the same.
 */
const WORKER: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
async function importPdfJs(): Promise<PdfJs> {
  const push = Array.prototype.push;
  try {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    await import(WORKER); // sets globalThis.pdfjsWorker, which pdf.js then uses

    return pdfjs;
  } finally {
    if (Array.prototype.push !== push)
      Object.defineProperty(Array.prototype, 'push', { value: push, writable: true, configurable: true });
  }
}

let assets: { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } | null = null;
/** The package's CMaps and standard fonts: without the CMaps, text in predefined CJK encodings comes out empty. */
export function assetUrls() {
  if (assets) return assets;
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return (assets = {
    cMapUrl: join(root, 'cmaps') + '/',
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    wasmUrl: join(root, 'wasm') + '/',
  });
}

/** A document pdf.js opened. */
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/**
 * pdf.js leaves promises of its own that nobody awaits, and on some damaged files they reject (a bad XRef entry, an
 * illegal character: ../shared/crashers/pdf-unhandled-rejection-*.pdf) after the document has been read. Unhandled,
 * such a rejection ends the process — a whole batch, a server — for a file that was read. This guard, installed
 * with pdf.js, takes the rejections whose error comes from pdf.js and hands them to the reads in progress (each
 * notes them as read/damaged); any other unhandled rejection is thrown on as Node would.
 */
const watching = new Set<(reason: string) => void>();
let guarded = false;

/**
 * Whether an error is pdf.js's, by its stack: a path in the package, or, with source maps on (`node
 * --enable-source-maps`, tsx), the `webpack://pdf.js/` sources pdf.js maps its files to.
 */
function fromPdfJs(reason: unknown): reason is Error {
  return reason instanceof Error && /[\\/]pdfjs-dist[\\/]|webpack:\/\/pdf\.js\//.test(reason.stack ?? '');
}

/** Installs the guard, once, whenever pdf.js is loaded (reading, or drawing a page for the server). */
function guard(): void {
  if (guarded) return;
  process.on('unhandledRejection', onRejection);
  guarded = true;
}

function onRejection(reason: unknown): void {
  if (fromPdfJs(reason)) {
    // One read at a time can be told; with several in progress none is, rather than the wrong one.
    if (watching.size === 1) for (const note of watching) note(reason.message);
    return;
  }
  // Not pdf.js's: what Node does without a handler (unless the host has one of its own).
  if (process.listenerCount('unhandledRejection') === 1) throw reason;
}

/**
 * Runs a read of a PDF, with the pdf.js rejections that surface while it runs (and in the turn after it ends)
 * collected: the read's findings name them.
 */
export async function watchRejections<T>(read: () => Promise<T>): Promise<{ result: T; rejected: string[] }> {
  guard();
  const rejected: string[] = [];
  const note = (reason: string) => void (rejected.includes(reason) || rejected.push(reason));
  watching.add(note);
  try {
    const result = await read();
    // Unhandled rejections are told after the microtasks of a turn: one more turn lets those of this read surface.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    return { result, rejected };
  } finally {
    watching.delete(note);
  }
}

/**
 * Opens a PDF as the reader does (CMaps, standard fonts, no eval, no font faces, errors only); the caller destroys
 * the task. pdf.js may detach the buffer it is given, and refuses Node Buffers: it gets a copy of its own.
 */
export function openPdf(pdfjs: PdfJs, bytes: Uint8Array): ReturnType<PdfJs['getDocument']> {
  return pdfjs.getDocument({
    data: new Uint8Array(bytes),
    ...assetUrls(),
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // Errors only: library code does not print (warnings about a document's oddities would go to the console).
    verbosity: 0,
  });
}
