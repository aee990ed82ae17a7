// pdf.js, loaded on first use, and the asset folders (CMaps, standard fonts, wasm) it reads from its package.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The pdf.js module. */
export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsModule: Promise<PdfJs> | null = null;
/** pdf.js is loaded on first use: reading other kinds of file never pays for it. */
export const loadPdfJs = (): Promise<PdfJs> => (pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

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
