// What the library shows of a region and of an agency's years, for the CLI and the server alike: a region's sum over
// the reports that partition it (format-spec §8.5), and an agency's current reports of two years.
import { partition, scopeFindings, type Partition, type UnitReport } from './aggregate/partition.ts';
import type { Comparison } from './aggregate/compare.ts';
import { aggregate, type AggregateResult } from './aggregate/sum.ts';
import { check } from './check.ts';
import type { Diagnostic, Lang } from './model/diagnostic.ts';
import type { Report } from './model/report.ts';
import { renderJson } from './render/report/json.ts';
import { RULES } from './rules/index.ts';
import { regionComponents } from './store/agency-names.ts';
import { regionMismatch, unitPath } from './store/gazetteer.ts';
import type { Agency, AgencyYearStatus, Store, StoredReport } from './store/index.ts';

/** A report of an aggregate as listed: which version of which agency, and what it covers. */
export interface AggregateMember {
  agency: string | null;
  /** The agency's region path, null when not known. */
  region: string | null;
  reportId: number;
  version: number;
  formatVersion: string;
  file: string;
  /** What the report covers (region / own / department), null when not known. */
  scope: string | null;
}

/** A report not added because a whole-region report of its place stands for it. */
export interface CoveredReport extends AggregateMember {
  /** The id of the whole-region report added in its stead. */
  coveredBy: number;
}

/** The region's own whole-region report, compared with the sum of the members. */
export interface RegionReport extends AggregateMember {
  /** The aggregate-mismatch findings: each cell where it differs from the members' sum. */
  differences: Diagnostic[];
}

/** An expected agency without a current report for the year (regionStatus `missing`). */
export interface MissingAgency {
  agency: string;
  region: string | null;
  /** The years it did report for. */
  years: number[];
}

/** A report filed under the region whose body's name is of a place outside it (library/region-mismatch). */
export interface MisfiledReport extends AggregateMember {
  /** The place the name is of, and where that place is. */
  place: string;
  placeRegions: string[];
}

/** Everything the aggregate lists beside the summed report. */
export interface AggregateListing {
  members: AggregateMember[];
  covered: CoveredReport[];
  regionReports: RegionReport[];
  misfiled: MisfiledReport[];
  missing: MissingAgency[];
}

/** A region's sum: aggregate()'s result, the listing, the partition, and the findings of the sum and the scopes. */
export interface RegionAggregate {
  result: AggregateResult;
  listing: AggregateListing;
  parts: Partition<StoredReport>;
  /** The findings of the sum (mixed versions, blanks summed as 0) and of the scopes not known. */
  diagnostics: Diagnostic[];
  /** The region's last component (the aggregate's agency), undefined for the whole library. */
  agency: string | undefined;
}

function memberOf(r: StoredReport): AggregateMember {
  return {
    agency: r.agency?.name ?? null,
    region: r.agency?.regionPath || null,
    reportId: r.id,
    version: r.version,
    formatVersion: r.formatVersion,
    file: r.fileName,
    scope: scopeOf(r),
  };
}

/** What a stored report covers: as stored, else a department's report is the department's (reports stored earlier). */
function scopeOf(r: StoredReport): UnitReport<StoredReport>['scope'] {
  return r.scope?.scope ?? (r.agency?.kind === '部门' ? 'department' : null);
}

/** The reports of a region as the partition sees them: each with the unit its body's name places it in. */
export function partitionReports(
  region: string | null,
  reports: readonly StoredReport[],
): Partition<StoredReport> & { misfiled: MisfiledReport[] } {
  const comps = regionComponents(region);
  const misfiled: MisfiledReport[] = [];
  const units: UnitReport<StoredReport>[] = reports.map((r) => {
    const wrong = r.agency ? regionMismatch(r.agency.name, r.agency.regionPath) : null;
    // A body of another place is summed where its name places it (the whole library), never in the region filed.
    const unit = !r.agency
      ? []
      : wrong
        ? wrong.placeRegions.length === 1
          ? regionComponents(wrong.placeRegions[0])
          : []
        : unitPath(r.agency.name, r.agency.regionPath);
    if (wrong && !comps.every((c, i) => unit[i] === c))
      misfiled.push({ ...memberOf(r), place: wrong.place, placeRegions: wrong.placeRegions });
    return { unit, scope: scopeOf(r), government: r.agency?.kind === '政府', item: r };
  });
  return { ...partition(comps, units), misfiled };
}

/** The scope findings of a partition of stored reports. */
function scopeUnknown(p: Partition<StoredReport>, lang: Lang): Diagnostic[] {
  return scopeFindings(
    p,
    (r) => ({
      agency: r.agency?.name ?? null,
      reportId: r.id,
      place: r.agency ? (unitPath(r.agency.name, r.agency.regionPath).at(-1) ?? null) : null,
    }),
    lang,
  );
}

const MISMATCH = RULES.filter((r) => r.meta.id === 'aggregate-mismatch');

/**
 * Sums the current reports of a year that partition a region (all regions when none is given) with aggregate(),
 * lists the members, the reports covered by a whole-region one, the region's own reports compared with the sum
 * and the agencies expected but missing.
 */
export async function aggregateRegion(
  store: Store,
  options: { year: number; region?: string | null; lang?: Lang },
): Promise<RegionAggregate> {
  const lang = options.lang ?? 'zh';
  const year = options.year;
  const region = options.region?.trim() || null;
  const reports = await store.currentReports({ year, region, andAbove: true });
  const status = await store.regionStatus({ year, region });
  const agency = region ? region.split('/').filter(Boolean).at(-1)! : undefined;
  const parts = partitionReports(region, reports);
  const memberReports = parts.members.map((r) => r.report);
  const result = aggregate(memberReports, { year, lang, ...(agency ? { agency } : {}) });
  const listing: AggregateListing = {
    members: parts.members.map(memberOf),
    covered: parts.covered.map(({ item, by }) => ({ ...memberOf(item), coveredBy: by.id })),
    regionReports: parts.regionReports.map((r) => ({
      ...memberOf(r),
      differences:
        memberReports.length === 0
          ? []
          : check(r.report, { members: memberReports, ruleSet: MISMATCH, lang }),
    })),
    misfiled: parts.misfiled,
    missing: status
      .filter((s) => s.status === 'missing')
      .map((s) => ({ agency: s.agency.name, region: s.agency.regionPath || null, years: s.years })),
  };
  return {
    result,
    listing,
    parts,
    diagnostics: [...result.diagnostics, ...scopeUnknown(parts, lang)],
    agency,
  };
}

/**
 * The aggregate as JSON data: `{ report, members, covered, regionReports, misfiled, missing }`, the report the contract
 * (report-json.md key order) plus nianbao's `aggregate: { members }` mark.
 */
export function aggregateObject(report: Report, listing: AggregateListing): Record<string, unknown> {
  const contract = JSON.parse(renderJson(report)) as Record<string, unknown>;
  // renderJson writes the contract only; the aggregate mark is added back after it.
  if (report.aggregate) contract.aggregate = report.aggregate;
  return { report: contract, ...listing };
}

/** Why an agency's two years could not be taken from the library. */
export type YearsProblem =
  | { problem: 'no-agency'; name: string; region: string | null }
  | { problem: 'ambiguous'; name: string; agencies: Agency[] }
  | { problem: 'no-report'; agency: Agency; year: number; years: number[] };

/**
 * The current reports of an agency (named as in a report, inside a region when given) for each of the years, or
 * why they cannot be had: no such agency, several, or no current report for one of the years.
 */
export async function agencyYears(
  store: Store,
  name: string,
  region: string | null,
  years: readonly number[],
): Promise<{ agency: Agency; reports: StoredReport[] } | YearsProblem> {
  const found = await store.findAgencies(name, region);
  if (found.length === 0) return { problem: 'no-agency', name, region };
  if (found.length > 1) return { problem: 'ambiguous', name, agencies: found };
  const agency = found[0]!;
  const current = (await store.history(agency.id)).filter((r) => r.isCurrent);
  const reports: StoredReport[] = [];
  for (const year of years) {
    const r = current.find((x) => x.year === year);
    if (!r) {
      const have = current.map((x) => x.year).filter((y): y is number => y !== null);
      return { problem: 'no-report', agency, year, years: have };
    }
    reports.push(r);
  }
  return { agency, reports };
}

/** One side of a comparison: the report and where it came from. */
export interface CompareSide {
  report: Report;
  /** The file name (file mode) or the stored file's name (library mode). */
  file: string;
  /** The stored report version's id (library mode only). */
  reportId?: number;
  version?: number;
}

function sideObject(s: CompareSide) {
  return {
    agency: s.report.agency,
    year: s.report.year,
    formatVersion: s.report.formatVersion,
    file: s.file,
    ...(s.reportId !== undefined ? { reportId: s.reportId, version: s.version } : {}),
  };
}

/** A comparison as JSON data: the two sides (agency, year, format, file, report id), then compareReports' result. */
export function comparisonObject(a: CompareSide, b: CompareSide, c: Comparison): Record<string, unknown> {
  return { a: sideObject(a), b: sideObject(b), ...c };
}

/** An agency of a region and whether it reported for the year, as `agencies --format json` and the API give it. */
export function agencyStatusObject(s: AgencyYearStatus) {
  return {
    id: s.agency.id,
    name: s.agency.name,
    region: s.agency.regionPath,
    level: s.agency.level,
    kind: s.agency.kind,
    status: s.status,
    reportId: s.reportId,
    errors: s.errors,
    years: s.years,
  };
}
