// The pipeline, composed once (design.md): bytes → read → extract → check, carried by one ReportFile. Every caller
// uses it — the CLI commands, the library API (importReport), the worker threads — so they cannot drift apart.
import { check, checkUnreported, internalFinding, type CheckOptions } from './check.ts';
import { extract } from './extract/index.ts';
import { inLang } from './findings/index.ts';
import type { Diagnostic, Lang } from './model/diagnostic.ts';
import type { ReportFile } from './model/file.ts';
import { read } from './read/index.ts';

export type { ReportFile } from './model/file.ts';

/** Options of reading and extracting a file. */
export interface ExtractFileOptions {
  /** Language of the pipeline's own finding (internal/exception). */
  lang?: Lang;
  /** Read scanned PDF pages by OCR (default true; false leaves them unread, with read/no-text-layer). */
  ocr?: boolean;
}

/**
 * Reads the bytes of one file (any kind, told by its bytes; a report's JSON too) and extracts its report. Never
 * throws: the reader's findings come first, then the extraction's; a bug becomes an internal/exception finding.
 */
export async function extractFile(
  file: string,
  bytes: Uint8Array,
  options: ExtractFileOptions = {},
): Promise<ReportFile> {
  const lang = options.lang ?? 'zh';
  // The stages word their findings in Chinese; `extract --lang en` gets them in English all the same.
  const worded = (ds: readonly Diagnostic[]) => (lang === 'zh' ? [...ds] : ds.map((d) => inLang(d, lang)));
  try {
    const doc = await read(bytes, { path: file, ocr: options.ocr ?? true });
    // Nothing read, and the reader said why (empty, binary, encrypted, a scan without text): that is the one
    // finding; extraction would only add extract/no-report, a second finding of the same cause.
    if (doc.blocks.length === 0 && !doc.report && doc.diagnostics.length > 0)
      return { file, kind: doc.kind, report: null, diagnostics: worded(doc.diagnostics) };
    const { report, diagnostics } = extract(doc);
    return { file, kind: doc.kind, report, diagnostics: worded([...doc.diagnostics, ...diagnostics]) };
  } catch (error) {
    return { file, report: null, diagnostics: [internalError(file, error, lang)] };
  }
}

/**
 * Checks a file's report: the rules' findings, with those of reading and extraction reported under their own rules.
 * A file without a report keeps the findings saying why, with the rule settings and wording applied all the same.
 */
export function checkFile(f: ReportFile, options: Omit<CheckOptions, 'extraction'> = {}): ReportFile {
  if (!f.report) return { ...f, diagnostics: checkUnreported(f.diagnostics, options) };
  try {
    return { ...f, diagnostics: check(f.report, { ...options, extraction: f.diagnostics }) };
  } catch (error) {
    return { ...f, diagnostics: [...f.diagnostics, internalError(f.file, error, options.lang)] };
  }
}

/** read → extract → check on the bytes of one file. Never throws. */
export async function processFile(
  file: string,
  bytes: Uint8Array,
  options: ExtractFileOptions & { check?: Omit<CheckOptions, 'extraction'> } = {},
): Promise<ReportFile> {
  return checkFile(await extractFile(file, bytes, options), { lang: options.lang, ...options.check });
}

/**
 * What was thrown, when it is not an Error: an error that crossed a worker thread comes as a plain object (its name
 * and message: `[object Object]` said nothing), anything else as its string.
 */
function describeThrown(error: unknown): string {
  if (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  ) {
    const { name, message } = error as { name?: unknown; message: string };
    return typeof name === 'string' && name ? `${name}: ${message}` : message;
  }
  return String(error);
}

/** The finding for an exception escaping a stage: a bug in nianbao, reported so that the batch goes on. */
export function internalError(file: string, error: unknown, lang: Lang = 'zh'): Diagnostic {
  const message = error instanceof Error ? error.message : describeThrown(error);
  return internalFinding(
    'exception',
    { file, error: message, stack: error instanceof Error ? error.stack : undefined },
    lang,
  );
}
