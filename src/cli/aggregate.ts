// nianbao aggregate: the sum of a region's current reports of a year, adding only the reports that partition the
// region (format-spec §8.5) and comparing the region's own whole-region report with that sum.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { partition, scopeFindings, type Partition, type UnitReport } from '../aggregate/partition.ts';
import { aggregate } from '../aggregate/sum.ts';
import { check } from '../check.ts';
import type { Diagnostic, Lang } from '../model/diagnostic.ts';
import type { Report } from '../model/report.ts';
import { renderJson } from '../render/report/json.ts';
import { RULES } from '../rules/index.ts';
import { regionComponents } from '../store/agency-names.ts';
import type { StoredReport } from '../store/index.ts';
import { regionMismatch, unitPath } from '../store/gazetteer.ts';
import { EXIT, type Io } from './io.ts';
import { columns, parseYear, say, withStore, type LibraryOptions } from './library.ts';
import { describeReport, renderReportTables } from './render.ts';

/** Options of `nianbao aggregate`. */
export interface AggregateCommandOptions extends LibraryOptions {
  year: string;
  region?: string;
  format: 'json' | 'table' | 'xlsx' | 'docx';
  output?: string;
}

/** A report of an aggregate as listed in `--format json`: which version of which agency, and what it covers. */
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

/**
 * The aggregate as `--format json` prints it: `{ report, members, covered, regionReports, misfiled, missing }`. The report
 * is the contract (report-json.md key order) plus nianbao's `aggregate: { members }` mark; the aggregate's
 * diagnostics (mixed versions, blanks summed as 0, scopes not known) go to stderr, so the JSON stays this shape.
 */
export function aggregateJson(report: Report, listing: AggregateListing): string {
  const contract = JSON.parse(renderJson(report)) as Record<string, unknown>;
  // renderJson writes the contract only; the aggregate mark is added back after it.
  if (report.aggregate) contract.aggregate = report.aggregate;
  return JSON.stringify({ report: contract, ...listing }, null, 2) + '\n';
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

/** How many differences of a region's own report the table lists. */
const SHOWN = 5;

const MISMATCH = RULES.filter((r) => r.meta.id === 'aggregate-mismatch');

/**
 * Sums the reports that partition a year's region with aggregate(): JSON, a table (the extract table view plus
 * the members, the reports not added, the region's own reports compared, the missing agencies and blank counts),
 * or XLSX/DOCX through renderReport. The aggregate's own diagnostics are written to stderr.
 */
export async function runAggregate(options: AggregateCommandOptions, io: Io): Promise<number> {
  const { lang } = options;
  const year = parseYear(options.year, lang, io);
  if (year === null) return EXIT.usage;
  return withStore(options, io, async (store) => {
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
    for (const d of [...result.diagnostics, ...scopeUnknown(parts, lang)])
      io.err(`${d.severity}  ${d.message}  (${d.ruleId})\n`);

    let body: string | Uint8Array;
    if (options.format === 'json') body = aggregateJson(result.report, listing);
    else if (options.format === 'table') body = aggregateTable(result, listing, parts, lang);
    else {
      const { renderReport } = await import('../render/report/index.ts');
      body = await renderReport(result.report, options.format);
    }
    const binary = typeof body !== 'string';
    const target =
      options.output !== undefined
        ? resolve(io.cwd ?? process.cwd(), options.output)
        : binary
          ? resolve(io.cwd ?? process.cwd(), `${agency ?? '汇总'}-${year}.${options.format}`)
          : undefined;
    if (target === undefined) await io.out(body as string);
    else {
      await writeFile(target, body);
      io.err(say(lang, 'written', { file: target }) + '\n');
    }
    return EXIT.ok;
  });
}

function scopeLabel(scope: string | null, lang: Lang): string {
  return say(
    lang,
    scope === 'region' || scope === 'own' || scope === 'department' ? `scope_${scope}` : 'scope_unknown',
  );
}

function listRows(
  lang: Lang,
  list: readonly AggregateMember[],
  extra: (m: AggregateMember) => string[] = () => [],
) {
  return columns(
    list.map((m) => [
      '  ' + (m.agency ?? say(lang, 'noAgency')),
      m.region || '—',
      scopeLabel(m.scope, lang),
      say(lang, 'version', { n: m.version }),
      `#${m.reportId}`,
      m.file,
      ...extra(m),
    ]),
  )
    .split('\n')
    .filter(Boolean);
}

function aggregateTable(
  result: { report: Report; blanks: { path: string; count: number }[] },
  listing: AggregateListing,
  parts: Partition<StoredReport>,
  lang: Lang,
): string {
  // The table view of `extract --format table`: the same labels and blank marks.
  const out: string[] = [];
  out.push(
    `━━ ${describeReport({ ...result.report, agency: result.report.agency ?? say(lang, 'allRegions') }, lang)}`,
  );
  out.push(
    say(lang, 'aggregateSummary', {
      members: listing.members.length,
      missing: listing.missing.length,
      blankCells: result.blanks.length,
      blanks: result.blanks.reduce((s, b) => s + b.count, 0),
    }),
  );
  out.push(...renderReportTables(result.report));
  out.push('', say(lang, 'members'), ...listRows(lang, listing.members));
  if (listing.covered.length) {
    const by = new Map(parts.covered.map(({ item, by }) => [item.id, by]));
    out.push('', say(lang, 'coveredList'));
    out.push(
      ...listRows(lang, listing.covered, (m) => {
        const whole = by.get(m.reportId)!;
        return [say(lang, 'coveredBy', { id: whole.id, agency: whole.agency?.name ?? '' })];
      }),
    );
  }
  if (listing.regionReports.length) {
    out.push('', say(lang, 'regionReportList'));
    const byId = new Map(listing.regionReports.map((r) => [r.reportId, r]));
    out.push(
      ...listRows(lang, listing.regionReports, (m) => {
        const n = byId.get(m.reportId)!.differences.length;
        if (listing.members.length === 0) return [say(lang, 'regionReportAlone')];
        return [n === 0 ? say(lang, 'regionReportAgrees') : say(lang, 'regionReportDiffers', { n })];
      }),
    );
    // The first differences in words; all of them are in --format json.
    for (const r of listing.regionReports) {
      for (const d of r.differences.slice(0, SHOWN)) out.push(`    ${d.message}`);
      if (r.differences.length > SHOWN)
        out.push(`    ${say(lang, 'moreDifferences', { n: r.differences.length - SHOWN })}`);
    }
  }
  if (listing.misfiled.length) {
    out.push('', say(lang, 'misfiledList'));
    out.push(...listRows(lang, listing.misfiled, (m) => [(m as MisfiledReport).placeRegions.join('、')]));
  }
  if (listing.missing.length) {
    out.push('', say(lang, 'missingList'));
    out.push(
      ...columns(
        listing.missing.map((m) => [
          '  ' + m.agency,
          m.region || '—',
          say(lang, 'agencyYears', { years: m.years.join(', ') }),
        ]),
      )
        .split('\n')
        .filter(Boolean),
    );
  }
  return out.join('\n') + '\n';
}
