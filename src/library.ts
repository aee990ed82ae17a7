// The library: the pipeline (src/pipeline.ts) then the store for one file, and edits re-checked — the store itself
// holds no rules.
import { check, type CheckOptions } from './check.ts';
import { checkFile, extractFile } from './pipeline.ts';
import type { CellChange, ImportResult, Store } from './store/index.ts';

/** Options of `importReport`. */
export interface ImportReportOptions {
  /** The file's name or path as given (kept with the bytes, and named in diagnostics). */
  fileName: string;
  /** The region the report belongs to, e.g. 江西省/上饶市. */
  region?: string | null;
  /** Rule settings and language of the stored diagnostics. */
  check?: Pick<CheckOptions, 'lang' | 'rules'>;
  /**
   * Whether to check against the same agency's current report of the year before when the library holds it
   * (the cross-year rules T3-6, T2-2, T2-3, X-5); on by default.
   */
  previousYear?: boolean;
}

/** What `importReport` did: the store's outcome, and the last year's report the new one was checked against. */
export interface ImportReportResult extends ImportResult {
  /** The id of the previous year's current report used by the cross-year rules, or null when none was. */
  previousYearReportId: number | null;
}

/**
 * Reads, extracts and checks the bytes of one report file and stores the outcome in one transaction: a report
 * with its cells and diagnostics, or — when nothing could be read — the file with the diagnostics saying why.
 */
export async function importReport(
  store: Store,
  bytes: Uint8Array,
  options: ImportReportOptions,
): Promise<ImportReportResult> {
  const extracted = await extractFile(options.fileName, bytes, { lang: options.check?.lang ?? 'zh' });
  const report = extracted.report;
  // Last year's report is looked up the way the import will file this one (agency name in the given region), so
  // the cross-year findings stored are those of the agency the report joins. A report imported before last
  // year's is not re-checked when last year's arrives later.
  const previous =
    report && options.previousYear !== false && report.agency && report.year !== null
      ? await store.currentReportOf(report.agency, options.region, report.year - 1)
      : null;
  const { diagnostics } = checkFile(extracted, {
    ...options.check,
    ...(previous ? { previous: previous.report } : {}),
  });
  const result = await store.importFile({
    fileName: options.fileName,
    bytes,
    kind: extracted.kind ?? 'text',
    region: options.region ?? null,
    report,
    diagnostics,
  });
  return { ...result, previousYearReportId: result.status === 'unchanged' ? null : (previous?.id ?? null) };
}

/** Options of `editReport`. */
export interface EditReportOptions {
  /** Who makes the change, and why (both kept with the edit). */
  by: string;
  why: string;
  check?: Pick<CheckOptions, 'lang' | 'rules'>;
}

/**
 * Changes figures of a current report as a new version and re-checks it; the reading and extraction findings
 * of the edited version still apply to the new one, since its source file is the same.
 */
export async function editReport(
  store: Store,
  reportId: number,
  changes: readonly CellChange[],
  options: EditReportOptions,
): Promise<number> {
  const previous = await store.diagnostics(reportId);
  const extraction = previous.filter((d) => d.ruleId.startsWith('read/') || d.ruleId.startsWith('extract/'));
  return store.recordEdit({
    reportId,
    changes,
    by: options.by,
    why: options.why,
    diagnostics: (report) => check(report, { ...options.check, extraction }),
  });
}
