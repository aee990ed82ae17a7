// read(): bytes of any supported kind → Document, the kind decided from the bytes (design.md, "read").
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Document, InputKind } from '../model/document.ts';
import { detectKind } from './detect.ts';
import { finding } from '../findings/index.ts';
import { readText, type ReadTextOptions } from './text.ts';
import { brokenFinding } from './broken.ts';
import { inputTooLarge, LimitExceeded } from './limits.ts';

/** Options of `read`. */
export interface ReadOptions extends ReadTextOptions {
  /** Read as this kind instead of detecting it. */
  kind?: InputKind;
  /** Read PDF pages without a text layer by OCR (default true; false leaves them unread with read/no-text-layer). */
  ocr?: boolean;
}

/** A reader of one input kind. */
export type Reader = (bytes: Uint8Array, options: ReadOptions) => Document | Promise<Document>;

/**
 * Readers by kind (a kind without a reader gives a clear read/unsupported diagnostic), each loaded on first use:
 * cheerio, exceljs, word-extractor and pdf.js together took about 2 s to load, paid by every command before.
 */
const READERS: Partial<Record<InputKind, () => Promise<Reader>>> = {
  text: async () => readText,
  html: async () => (await import('./html.ts')).readHtml,
  pdf: async () => (await import('./pdf.ts')).readPdf,
  docx: async () => (await import('./docx.ts')).readDocx,
  doc: async () => (await import('./doc.ts')).readDoc,
  xlsx: async () => (await import('./xlsx.ts')).readXlsx,
  json: async () => (await import('./json.ts')).readJson,
};

/** Reads the bytes of a report file of any supported kind into a Document; never throws. */
export async function read(bytes: Uint8Array, options: ReadOptions = {}): Promise<Document> {
  const detected = options.kind ?? detectKind(bytes);
  const file = options.path ?? '';
  if (detected === 'unknown-binary')
    return failed('text', finding('read/unsupported', 'unsupported', { file, kind: 'zip' }));
  // Bytes given in memory (an upload, an import) meet the input limit a file on disk meets before it is read.
  const tooLarge = inputTooLarge(file, bytes.length);
  if (tooLarge) return failed(detected, tooLarge);
  const load = READERS[detected];
  if (!load) return failed(detected, finding('read/unsupported', 'unsupported', { file, kind: detected }));
  try {
    const reader = await load();
    return await reader(bytes, options);
  } catch (e) {
    if (e instanceof LimitExceeded) return failed(detected, e.finding(file));
    // A reader that throws has met a document it cannot handle (a broken or encrypted file): a diagnostic.
    return failed(detected, brokenFinding(detected, file, e));
  }
}

function failed(kind: InputKind, d: Diagnostic): Document {
  return { kind, blocks: [], diagnostics: [d] };
}
