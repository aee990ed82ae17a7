// nianbao aggregate: the sum of a region's current reports of a year, adding only the reports that partition the
// region (format-spec §8.5) and comparing the region's own whole-region report with that sum.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Partition } from '../aggregate/partition.ts';
import type { Lang } from '../model/diagnostic.ts';
import type { Report } from '../model/report.ts';
import {
  aggregateObject,
  aggregateRegion,
  type AggregateListing,
  type AggregateMember,
  type MisfiledReport,
} from '../region.ts';
import type { StoredReport } from '../store/index.ts';
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

export type {
  AggregateListing,
  AggregateMember,
  CoveredReport,
  MisfiledReport,
  MissingAgency,
  RegionReport,
} from '../region.ts';
export { partitionReports } from '../region.ts';

/**
 * The aggregate as `--format json` prints it: `{ report, members, covered, regionReports, missing }`. The report
 * is the contract (report-json.md key order) plus nianbao's `aggregate: { members }` mark; the aggregate's
 * diagnostics (mixed versions, blanks summed as 0, scopes not known) go to stderr, so the JSON stays this shape.
 */
export function aggregateJson(report: Report, listing: AggregateListing): string {
  return JSON.stringify(aggregateObject(report, listing), null, 2) + '\n';
}

/** How many differences of a region's own report the table lists. */
const SHOWN = 5;

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
    const { result, listing, parts, diagnostics, agency } = await aggregateRegion(store, {
      year,
      region: options.region,
      lang,
    });
    for (const d of diagnostics) io.err(`${d.severity}  ${d.message}  (${d.ruleId})\n`);

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
