// One input file through the pipeline: read the bytes, read, extract (and check) — problems become diagnostics.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { extract, read } from '../index.ts';
import { ReportSchema } from '../model/report.ts';
import { readDiagnostic } from '../read/messages.ts';
import { renderMessage } from '../model/diagnostic.ts';
import type { Diagnostic, Lang } from '../model/diagnostic.ts';
import type { Report } from '../model/report.ts';
import { MESSAGES, OS_REASONS } from './messages.ts';

/** The result for one input file: the path as given, the report (null if none could be read) and every finding. */
export interface FileResult {
  file: string;
  report: Report | null;
  diagnostics: Diagnostic[];
  /**
   * The entry already serialised as JSON, when a worker thread made it: the main thread then only writes it
   * (serialising 200 cells of provenance per report on one thread was the bottleneck of a parallel batch).
   */
  json?: string;
}

/** The diagnostic for a file that cannot be read at all (missing, a directory, no permission, …). */
export function unreadable(file: string, error: unknown, lang: Lang = 'zh'): Diagnostic {
  const err = error as NodeJS.ErrnoException;
  const code = typeof err?.code === 'string' ? err.code : 'UNKNOWN';
  const osMessage = err instanceof Error ? err.message : String(error);
  const data = { file, code, reason: OS_REASONS[code]?.[lang] ?? osMessage, osMessage };
  return {
    ruleId: 'read/unreadable',
    severity: 'error',
    messageId: 'unreadable',
    message: renderMessage(MESSAGES.unreadable[lang], data),
    data,
  };
}

/** The diagnostic for an exception escaping the library: a bug in nianbao, reported so that the batch goes on. */
export function internalError(file: string, error: unknown, lang: Lang = 'zh'): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  const data = { file, error: message, stack: error instanceof Error ? error.stack : undefined };
  return {
    ruleId: 'internal/exception',
    severity: 'error',
    messageId: 'exception',
    message: renderMessage(MESSAGES.exception[lang], data),
    data,
  };
}

/** Options of processFile. */
export interface ProcessOptions {
  /** Language of the CLI's own diagnostics (read/unreadable, internal/exception). */
  lang?: Lang;
  /** The directory a relative `file` is read from (the process's current directory by default). */
  cwd?: string;
  /** Read scanned PDF pages by OCR (default true; `--no-ocr` leaves them unread, with read/no-text-layer). */
  ocr?: boolean;
}

/**
 * Reads a file (text, HTML, DOCX, DOC, PDF or XLSX, told by its bytes) and runs read + extract on it. Never throws: an unreadable file gives `report: null` and a
 * `read/unreadable` error; the document's diagnostics come before the extraction's.
 */
export async function processFile(file: string, options: ProcessOptions = {}): Promise<FileResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(options.cwd ? resolve(options.cwd, file) : file);
  } catch (error) {
    return { file, report: null, diagnostics: [unreadable(file, error, options.lang)] };
  }
  return processBytes(file, bytes, options.lang, { ocr: options.ocr ?? true });
}

/** read + extract on bytes already in memory, any input kind (principle 4: the library never throws on a bad document). */
export async function processBytes(
  file: string,
  bytes: Uint8Array,
  lang: Lang = 'zh',
  options: { ocr?: boolean } = {},
): Promise<FileResult> {
  try {
    const json = reportFromJson(file, bytes);
    if (json) return json;
    const doc = await read(bytes, { path: file, ocr: options.ocr ?? true });
    const { report, diagnostics } = extract(doc);
    // Extraction may pass the document's diagnostics on; keep each finding once, the reader's first.
    const seen = new Set<Diagnostic>(doc.diagnostics);
    return { file, report, diagnostics: [...doc.diagnostics, ...diagnostics.filter((d) => !seen.has(d))] };
  } catch (error) {
    return { file, report: null, diagnostics: [internalError(file, error, lang)] };
  }
}

/**
 * A report given as JSON (report-json.md, as `extract` writes it: the report itself, or one `{ file, report,
 * diagnostics }` entry, or a list of exactly one) is taken as it is, without reading or extracting; null when the
 * bytes are not JSON. A JSON file that is not a report is a read/broken error naming the first problem.
 */
export function reportFromJson(file: string, bytes: Uint8Array): FileResult | null {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  if (bytes[i] !== 0x7b && bytes[i] !== 0x5b) return null; // { or [: no report text starts with either
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes.subarray(i)));
  } catch {
    return null; // not JSON after all: read it as text
  }
  const broken = (reason: string): FileResult => ({
    file,
    report: null,
    diagnostics: [readDiagnostic('read/broken', 'broken', 'error', { file, kind: 'JSON', reason })],
  });
  if (Array.isArray(value)) {
    if (value.length !== 1) return broken(`the list holds ${value.length} reports; give one report per file`);
    value = value[0];
  }
  const candidate =
    value && typeof value === 'object' && 'report' in value ? (value as { report: unknown }).report : value;
  const parsed = ReportSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return broken(
      `not a report (report-json.md): ${issue.path.join('.') || '(top level)'}: ${issue.message}`,
    );
  }
  return { file, report: parsed.data as FileResult['report'], diagnostics: [] };
}
