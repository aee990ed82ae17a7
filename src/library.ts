// The library: the pipeline (src/pipeline.ts) then the store for one file, and edits re-checked — the store itself
// holds no rules.
import { check, type CheckOptions } from './check.ts';
import { scopeFromText } from './extract/scope.ts';
import { finding, inLang } from './findings/index.ts';
import type { Diagnostic, Lang } from './model/diagnostic.ts';
import type { Report } from './model/report.ts';
import type { ReportScope } from './model/scope.ts';
import { checkFile, extractFile, type ReportFile } from './pipeline.ts';
import { describeAgencyName } from './store/agency-names.ts';
import { regionMismatch } from './store/gazetteer.ts';
import type { CellChange, ImportResult, ScopeDecision, Store } from './store/index.ts';

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
  /** What the report covers, as a person says (format-spec §8.5); else decided from its name and text. */
  scope?: ReportScope | null;
  /**
   * The file as `extractFile` already read it (the server reads first, to store nothing of a file that gave no
   * report); read from `bytes` when absent.
   */
  extracted?: ReportFile;
}

/**
 * What a report covers: as a person set it; a department's report is the department's; else what its text says
 * (全市各级行政机关共收到… / 本级), or not known (null).
 */
export function decideScope(
  report: Report,
  region: string | null | undefined,
  set?: ReportScope | null,
): ScopeDecision | null {
  if (set) return { scope: set, basis: 'set' };
  if (report.agency && describeAgencyName(report.agency, region).kind === '部门')
    return { scope: 'department', basis: 'kind' };
  const said = scopeFromText(report);
  return said ? { scope: said.scope, basis: 'text', evidence: said.evidence } : null;
}

/** The finding of a body named for a place outside (or above) the region it is filed under, if it is. */
export function regionFinding(
  report: Report,
  region: string | null | undefined,
  lang: Lang,
): Diagnostic | null {
  if (!report.agency || !region) return null;
  const m = regionMismatch(report.agency, region);
  if (!m) return null;
  const data = {
    agency: report.agency,
    place: m.place,
    placeRegions: m.placeRegions.join('、'),
    region: m.region,
  };
  return inLang(finding('library/region-mismatch', m.relation, data, { path: ['agency'] }), lang);
}

/** What `importReport` did: the store's outcome, and the last year's report the new one was checked against. */
export interface ImportReportResult extends ImportResult {
  /** The id of the previous year's current report used by the cross-year rules, or null when none was. */
  previousYearReportId: number | null;
  /** The finding of a body named for a place outside the region given (library/region-mismatch), if any. */
  regionMismatch: Diagnostic | null;
  /**
   * The id of the next year's current report checked again against this one (its cross-year rules: T3-6, T2-2,
   * T2-3, X-5), or null: a year imported after its successor gives the successor the findings it would have had.
   */
  nextYearRecheckedId: number | null;
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
  const extracted =
    options.extracted ?? (await extractFile(options.fileName, bytes, { lang: options.check?.lang ?? 'zh' }));
  const report = extracted.report;
  // Last year's report is looked up the way the import will file this one (agency name in the given region), so
  // the cross-year findings stored are those of the agency the report joins. A report imported before last
  // year's is checked again when last year's arrives (recheckNextYear).
  const previous =
    report && options.previousYear !== false && report.agency && report.year !== null
      ? await store.currentReportOf(report.agency, options.region, report.year - 1)
      : null;
  const checked = checkFile(extracted, {
    ...options.check,
    ...(previous ? { previous: previous.report } : {}),
  });
  const misfiled =
    report && options.check?.rules?.['library/region-mismatch'] !== 'off'
      ? regionFinding(report, options.region, options.check?.lang ?? 'zh')
      : null;
  const diagnostics = misfiled ? [...checked.diagnostics, misfiled] : checked.diagnostics;
  const result = await store.importFile({
    fileName: options.fileName,
    bytes,
    kind: extracted.kind ?? 'text',
    region: options.region ?? null,
    report,
    diagnostics,
    scope: report ? decideScope(report, options.region, options.scope) : null,
  });
  // The same bytes again with a scope given: a person's correction of what the stored report covers.
  if (result.status === 'unchanged' && options.scope && result.reportId !== null)
    await store.setScope(result.sourceFileId, options.scope);
  const stored = result.status === 'imported' || result.status === 'new-version';
  const next =
    stored && report && options.previousYear !== false
      ? await recheckNextYear(store, report, options.region, options.check)
      : null;
  return {
    ...result,
    previousYearReportId: result.status === 'unchanged' ? null : (previous?.id ?? null),
    regionMismatch: misfiled,
    nextYearRecheckedId: next,
  };
}

/**
 * The next year's current report of the agency, checked again with `report` as its previous year: its stored
 * findings replaced by those the import order would have given (the reading, extraction and library findings, which
 * do not depend on last year, kept). Returns its id, or null when there is none.
 */
async function recheckNextYear(
  store: Store,
  report: Report,
  region: string | null | undefined,
  options: ImportReportOptions['check'],
): Promise<number | null> {
  if (!report.agency || report.year === null) return null;
  const next = await store.currentReportOf(report.agency, region, report.year + 1);
  if (!next) return null;
  const stored = await store.diagnostics(next.id);
  const extraction = stored.filter((d) => d.ruleId.startsWith('read/') || d.ruleId.startsWith('extract/'));
  const library = stored.filter((d) => d.ruleId.startsWith('library/'));
  const found = check(next.report, { ...options, previous: report, extraction });
  await store.replaceDiagnostics(next, [...found, ...library]);
  return next.id;
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
