// One input file from disk through the pipeline: the bytes read from the file system (a file that cannot be opened
// is a read/unreadable finding naming it), then src/pipeline.ts.
import { createHash } from 'node:crypto';
import { fsPath } from './paths.ts';
import { readInputFile } from '../read/file.ts';
import { resolve } from 'node:path';
import { finding, inLang } from '../findings/index.ts';
import type { Diagnostic, Lang } from '../model/diagnostic.ts';
import type { ReportFile } from '../model/file.ts';
import { extractFile } from '../pipeline.ts';
import { countFigures } from '../render/describe.ts';
import { version } from './io.ts';
import { OS_REASONS } from './messages.ts';

export { internalError } from '../pipeline.ts';

/** The diagnostic for a file that cannot be read at all (missing, a directory, no permission, …). */
export function unreadable(file: string, error: unknown, lang: Lang = 'zh'): Diagnostic {
  const err = error as NodeJS.ErrnoException;
  const code = typeof err?.code === 'string' ? err.code : 'UNKNOWN';
  const osMessage = err instanceof Error ? err.message : String(error);
  const data = { file, code, reason: OS_REASONS[code]?.[lang] ?? osMessage, osMessage };
  return inLang(finding('read/unreadable', 'unreadable', data), lang);
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

/** The bytes of a file, or the read/unreadable finding saying why there are none. */
export async function readInput(
  file: string,
  options: Pick<ProcessOptions, 'cwd' | 'lang'> = {},
): Promise<Uint8Array | Diagnostic> {
  try {
    // Not a regular file (a pipe, /dev/zero) or over the input limit: refused from its stat, never read.
    const bytes = await readInputFile(fsPath(resolve(options.cwd ?? process.cwd(), file)), file);
    return bytes instanceof Uint8Array ? bytes : inLang(bytes, options.lang ?? 'zh');
  } catch (error) {
    return unreadable(file, error, options.lang);
  }
}

/**
 * Reads a file (text, HTML, DOCX, DOC, PDF, XLSX or a report's JSON, told by its bytes) and runs read + extract on
 * it. Never throws: an unreadable file gives `report: null` and a `read/unreadable` error.
 */
export async function processFile(file: string, options: ProcessOptions = {}): Promise<ReportFile> {
  const bytes = await readInput(file, options);
  if (!(bytes instanceof Uint8Array)) return { file, report: null, diagnostics: [bytes] };
  const f = await extractFile(file, bytes, { lang: options.lang ?? 'zh', ocr: options.ocr ?? true });
  // In this key order in extract's JSON: which file, what it was, then the report and the findings.
  return {
    file: f.file,
    ...(f.kind ? { kind: f.kind } : {}),
    sha256: sha256Of(bytes),
    report: f.report,
    diagnostics: f.diagnostics,
  };
}

/** read + extract on bytes already in memory, any input kind (principle 4: the library never throws on a bad document). */
export async function processBytes(
  file: string,
  bytes: Uint8Array,
  lang: Lang = 'zh',
  options: { ocr?: boolean } = {},
): Promise<ReportFile> {
  return extractFile(file, bytes, { lang, ocr: options.ocr ?? true });
}

/**
 * Why a file gave no report, as one line naming it: the reading's own cause when there is one (a scan without a
 * text layer, a broken or encrypted file) — it says more than "no tables or sections" — else the first error.
 */
export function noReportLine(file: string, diagnostics: readonly Diagnostic[], lang: Lang = 'zh'): string {
  const text = noReportReason(diagnostics, lang);
  return text.includes(file) ? text : `${file}: ${text}`;
}

/** The message of the finding that says best why a file gave no report (see noReportLine). */
export function noReportReason(diagnostics: readonly Diagnostic[], lang: Lang = 'zh'): string {
  const why =
    diagnostics.find((d) => d.ruleId.startsWith('read/') && d.severity !== 'info') ??
    diagnostics.find((d) => d.severity === 'error') ??
    diagnostics[0];
  return why?.message ?? (lang === 'zh' ? '未能读出报告' : 'no report could be read');
}

/** The sha256 of bytes, hex. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What a researcher needs of an entry at a glance, written before its report (`extract --format json|jsonl`). */
export interface EntrySummary {
  /** Cells holding a figure, of the format's cells. */
  figures: number;
  cells: number;
  /** Figures extraction placed by inference (split digits, the column grid, a row's arithmetic). */
  inferred: number;
  /** The reading and extraction findings, by severity. */
  findings: Record<'error' | 'warning' | 'info', number>;
  /** The nianbao version that read it. */
  nianbao: string;
}

let nianbaoVersion: string | undefined;

/** An `extract` entry: which file (its kind and sha256), its summary, then the report and the findings. */
export function extractEntry(f: ReportFile): ReportFile & { summary: EntrySummary } {
  const { read, total } = f.report ? countFigures(f.report) : { read: 0, total: 0 };
  const findings = { error: 0, warning: 0, info: 0 };
  for (const d of f.diagnostics) findings[d.severity]++;
  const inferred = Object.values(f.report?.provenance ?? {}).filter((p) => p.inferred).length;
  nianbaoVersion ??= version();
  return {
    file: f.file,
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.sha256 ? { sha256: f.sha256 } : {}),
    summary: { figures: read, cells: total, inferred, findings, nianbao: nianbaoVersion },
    report: f.report,
    diagnostics: f.diagnostics,
  };
}
