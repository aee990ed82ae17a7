// The figures of a region's dashboards, in SQL over the current reports of some years: each report's applications
// received (表三 一、本年新收 总计, from the cells table) and its counts of findings, the findings by rule, and the
// reports with the most errors.
import { sql } from 'kysely';
import { inRegion } from './agencies.ts';
import { normalizeRegionPath } from './agency-names.ts';
import { severityCount } from './reports.ts';
import type { Db } from './types.ts';

/** A current report of the region and one year, with its applications received and its counts of findings. */
export interface DashboardReport {
  reportId: number;
  year: number;
  agencyId: number | null;
  agency: string | null;
  /** The agency's region path ('' when not known). */
  region: string;
  formatVersion: string;
  /** 表三 一、本年新收政府信息公开申请数量 总计 (requests.newlyReceived.total); null when blank. */
  received: number | null;
  errors: number;
  warnings: number;
}

/** The number of findings of one rule and severity over the region's current reports of a year. */
export interface RuleCount {
  year: number;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  count: number;
  /** How many reports have at least one such finding. */
  reports: number;
}

/** What the dashboards show of a region over some years. */
export interface DashboardFigures {
  reports: DashboardReport[];
  rules: RuleCount[];
}

/** Numeric columns come back as text (schema.ts Numeric): a number, or null for a blank. */
function toNumber(v: string | number | null | undefined): number | null {
  return v === null || v === undefined ? null : Number(v);
}

/**
 * The current reports of the years, of a region and below (all regions when none is given), each with its
 * applications received and its counts of errors and warnings, most errors first within a year; and the findings
 * of those reports counted by year, rule and severity, most first.
 */
export async function dashboardFigures(
  db: Db,
  options: { region?: string | null; years: readonly number[] },
): Promise<DashboardFigures> {
  if (options.years.length === 0) return { reports: [], rules: [] };
  const region = normalizeRegionPath(options.region);
  let reports = db
    .selectFrom('reports as r')
    .leftJoin('agencies as a', 'a.id', 'r.agency_id')
    .leftJoin('cells as c', (join) =>
      join
        .onRef('c.report_id', '=', 'r.id')
        .on('c.table_key', '=', 'requests')
        .on('c.row_key', '=', 'newlyReceived')
        .on('c.column_key', '=', 'total'),
    )
    .select([
      'r.id',
      'r.year',
      'r.format_version',
      'a.id as agency_id',
      'a.name as agency_name',
      'a.region_path',
      'c.value',
      severityCount('error').as('errors'),
      severityCount('warning').as('warnings'),
    ])
    .where('r.is_current', '=', true)
    .where('r.year', 'in', [...options.years]);
  if (region) reports = reports.where((eb) => inRegion(eb, region));
  const rows = await reports
    .orderBy('r.year')
    .orderBy(sql`errors`, 'desc')
    .orderBy('a.region_path')
    .orderBy('a.name')
    .orderBy('r.id')
    .execute();

  let rules = db
    .selectFrom('diagnostics as d')
    .innerJoin('reports as r', 'r.id', 'd.report_id')
    .leftJoin('agencies as a', 'a.id', 'r.agency_id')
    .select([
      'r.year',
      'd.rule',
      'd.severity',
      sql<number>`count(*)::int`.as('count'),
      sql<number>`count(distinct r.id)::int`.as('reports'),
    ])
    .where('r.is_current', '=', true)
    .where('r.year', 'in', [...options.years]);
  if (region) rules = rules.where((eb) => inRegion(eb, region));
  const counted = await rules
    .groupBy(['r.year', 'd.rule', 'd.severity'])
    .orderBy('r.year')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('d.rule')
    .orderBy('d.severity')
    .execute();

  return {
    reports: rows.map((r) => ({
      reportId: r.id,
      year: r.year!,
      agencyId: r.agency_id ?? null,
      agency: r.agency_name ?? null,
      region: r.region_path ?? '',
      formatVersion: r.format_version,
      received: toNumber(r.value),
      errors: Number(r.errors),
      warnings: Number(r.warnings),
    })),
    rules: counted.map((r) => ({
      year: r.year!,
      rule: r.rule,
      severity: r.severity,
      count: Number(r.count),
      reports: Number(r.reports),
    })),
  };
}
