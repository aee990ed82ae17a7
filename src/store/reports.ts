// Report versions: a new current version written with its cells (the previous one kept), and the queries over
// stored reports (by id, current ones of a year and region, an agency's history, those with errors, who reported).
import { sql } from 'kysely';
import type { Report } from '../model/report.ts';
import { inRegion, toAgency } from './agencies.ts';
import { describeAgencyName, normalizeRegionPath } from './agency-names.ts';
import { cellRows } from './cells.ts';
import type { AgencyYearStatus, Db, ScopeDecision, StoredReport, Trx } from './types.ts';

/** The number of a report version's diagnostics of one severity (the version aliased `r`), as a column. */
export function severityCount(severity: 'error' | 'warning') {
  return sql<number>`(select count(*)::int from diagnostics d where d.report_id = r.id and d.severity = ${severity})`;
}

function reportQuery(db: Db) {
  return db
    .selectFrom('reports as r')
    .innerJoin('source_files as f', 'f.id', 'r.source_file_id')
    .leftJoin('agencies as a', 'a.id', 'r.agency_id')
    .select([
      'r.id',
      'r.year',
      'r.format_version',
      'r.version',
      'r.is_current',
      'r.origin',
      'r.source_file_id',
      'r.created_at',
      'r.report',
      'r.scope',
      'r.scope_basis',
      'r.scope_evidence',
      'f.file_name',
      'a.id as agency_id',
      'a.name as agency_name',
      'a.normalised_name as agency_normalised_name',
      'a.match_key as agency_match_key',
      'a.region_path as agency_region_path',
      'a.level as agency_level',
      'a.kind as agency_kind',
      severityCount('error').as('errors'),
      severityCount('warning').as('warnings'),
    ]);
}

function toStoredReport(
  r: Awaited<ReturnType<ReturnType<typeof reportQuery>['execute']>>[number],
): StoredReport {
  return {
    id: r.id,
    agency:
      r.agency_id === null
        ? null
        : toAgency({
            id: r.agency_id,
            name: r.agency_name!,
            normalised_name: r.agency_normalised_name!,
            match_key: r.agency_match_key!,
            region_path: r.agency_region_path!,
            level: r.agency_level ?? null,
            kind: r.agency_kind ?? null,
          }),
    year: r.year,
    formatVersion: r.format_version,
    version: r.version,
    isCurrent: r.is_current,
    origin: r.origin,
    sourceFileId: r.source_file_id,
    fileName: r.file_name,
    createdAt: r.created_at,
    report: r.report as Report,
    scope:
      r.scope === null || r.scope_basis === null
        ? null
        : { scope: r.scope, basis: r.scope_basis, evidence: r.scope_evidence },
    errors: Number(r.errors),
    warnings: Number(r.warnings),
  };
}

/**
 * Writes a report as the new current version of its agency and year (or after the version it edits), the previous
 * one made non-current; every cell in one statement.
 */
export async function insertVersion(
  trx: Trx,
  v: {
    agencyId: number | null;
    year: number | null;
    report: Report;
    sourceFileId: number;
    origin: 'file' | 'edit';
    previousId?: number;
    edited?: ReadonlySet<string>;
    scope?: ScopeDecision | null;
  },
): Promise<{ reportId: number; version: number; previousReportId: number | null }> {
  let version = 1;
  let previousReportId: number | null = null;
  if (v.agencyId !== null && v.year !== null) {
    const prev = await trx
      .selectFrom('reports')
      .select([
        sql<number | null>`max(version)`.as('max'),
        sql<number | null>`max(case when is_current then id end)`.as('current'),
      ])
      .where('agency_id', '=', v.agencyId)
      .where('year', '=', v.year)
      .executeTakeFirstOrThrow();
    version = Number(prev.max ?? 0) + 1;
    previousReportId = prev.current === null ? null : Number(prev.current);
  } else if (v.previousId !== undefined) {
    const prev = await trx
      .selectFrom('reports')
      .select('version')
      .where('id', '=', v.previousId)
      .executeTakeFirstOrThrow();
    version = prev.version + 1;
    previousReportId = v.previousId;
  }
  if (previousReportId !== null)
    await trx.updateTable('reports').set({ is_current: false }).where('id', '=', previousReportId).execute();
  const row = await trx
    .insertInto('reports')
    .values({
      agency_id: v.agencyId,
      year: v.year,
      format_version: v.report.formatVersion,
      source_file_id: v.sourceFileId,
      version,
      is_current: true,
      origin: v.origin,
      report: JSON.stringify(v.report),
      scope: v.scope?.scope ?? null,
      scope_basis: v.scope?.basis ?? null,
      scope_evidence: v.scope?.evidence ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const cells = cellRows(v.report);
  const column = <K extends keyof (typeof cells)[number]>(k: K) => cells.map((c) => c[k]);
  const inferred = cells.map((c) =>
    v.edited?.has(`${c.table_key}.${c.row_key}.${c.column_key}`) ? 'edit' : c.inferred,
  );
  // One array per column instead of ~1,400 bound parameters: measured several times faster on both engines.
  await sql`insert into cells (report_id, table_key, row_key, column_key, value, source, inferred)
    select ${row.id}::int, * from unnest(${column('table_key')}::text[], ${column('row_key')}::text[],
      ${column('column_key')}::text[], ${column('value')}::numeric[], ${column('source')}::text[], ${inferred}::text[])`.execute(
    trx,
  );
  return { reportId: row.id, version, previousReportId };
}

/** One report version by id, or null. */
export async function report(db: Db, id: number): Promise<StoredReport | null> {
  const rows = await reportQuery(db).where('r.id', '=', id).execute();
  return rows[0] ? toStoredReport(rows[0]) : null;
}

/**
 * The current reports of a year, of a region and everything below it (all regions when none is given); with
 * `andAbove`, also those of agencies filed at a region above it or at none, whose names may place them inside it
 * (义马市人民政府办公室 filed under 河南省/三门峡市 is of 河南省/三门峡市/义马市).
 */
export async function currentReports(
  db: Db,
  options: { year: number; region?: string | null; andAbove?: boolean },
): Promise<StoredReport[]> {
  let q = reportQuery(db).where('r.is_current', '=', true).where('r.year', '=', options.year);
  const region = normalizeRegionPath(options.region);
  const comps = region.split('/');
  const above = options.andAbove
    ? ['', ...comps.slice(0, -1).map((_, i) => comps.slice(0, i + 1).join('/'))]
    : [];
  if (region)
    q = q.where((eb) =>
      above.length
        ? eb.or([inRegion(eb, region), eb('a.region_path', 'in', above), eb('a.id', 'is', null)])
        : inRegion(eb, region),
    );
  const rows = await q.orderBy('a.region_path').orderBy('a.name').orderBy('r.id').execute();
  return rows.map(toStoredReport);
}

/**
 * The current report of the agency a report named `agencyName` in `region` would be stored under (the same
 * exact lookup as an import: name or alias in that very region), for a year; null when there is none. This is
 * how an import finds last year's report for the cross-year rules (T3-6, T2-2, T2-3, X-5).
 */
export async function currentReportOf(
  db: Db,
  agencyName: string,
  region: string | null | undefined,
  year: number,
): Promise<StoredReport | null> {
  const r = normalizeRegionPath(region);
  const { normalised } = describeAgencyName(agencyName, r);
  const rows = await reportQuery(db)
    .where('r.is_current', '=', true)
    .where('r.year', '=', year)
    .where('a.region_path', '=', r)
    .where((eb) =>
      eb.or([
        eb('a.normalised_name', '=', normalised),
        eb(
          'a.id',
          'in',
          eb
            .selectFrom('agency_aliases')
            .select('agency_id')
            .where('region_path', '=', r)
            .where('normalised_name', '=', normalised),
        ),
      ]),
    )
    .orderBy('r.id')
    .execute();
  return rows[0] ? toStoredReport(rows[0]) : null;
}

/** The years the library holds current reports for, in order. */
export async function years(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('reports')
    .select('year')
    .distinct()
    .where('is_current', '=', true)
    .where('year', 'is not', null)
    .orderBy('year')
    .execute();
  return rows.map((r) => r.year!);
}

/** Every version of an agency's reports, by year and version (the current ones flagged). */
export async function history(db: Db, agencyId: number): Promise<StoredReport[]> {
  const rows = await reportQuery(db)
    .where('r.agency_id', '=', agencyId)
    .orderBy('r.year')
    .orderBy('r.version')
    .execute();
  return rows.map(toStoredReport);
}

/** Current reports with at least one error (of a year and region when given), most errors first. */
export async function reportsWithErrors(
  db: Db,
  options: { year?: number; region?: string | null } = {},
): Promise<StoredReport[]> {
  let q = reportQuery(db).where('r.is_current', '=', true);
  if (options.year !== undefined) q = q.where('r.year', '=', options.year);
  const region = normalizeRegionPath(options.region);
  if (region) q = q.where((eb) => inRegion(eb, region));
  const rows = await q
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('diagnostics as e')
          .select('e.id')
          .whereRef('e.report_id', '=', 'r.id')
          .where('e.severity', '=', 'error'),
      ),
    )
    .execute();
  return rows.map(toStoredReport).sort((a, b) => b.errors - a.errors || a.id - b.id);
}

/**
 * The agencies of a region (and below) with whether each reported for the year; `missing` are the expected
 * but missing ones: known in the region, with a current report for another year and none for this one.
 */
export async function regionStatus(
  db: Db,
  options: { year: number; region?: string | null },
): Promise<AgencyYearStatus[]> {
  let q = db.selectFrom('agencies as a').selectAll('a');
  const region = normalizeRegionPath(options.region);
  if (region) q = q.where((eb) => inRegion(eb, region));
  const agencies = await q.orderBy('a.region_path').orderBy('a.name').execute();
  if (agencies.length === 0) return [];
  const reports = await db
    .selectFrom('reports as r')
    .select(['r.id', 'r.agency_id', 'r.year', severityCount('error').as('errors')])
    .where('r.is_current', '=', true)
    .where(
      'r.agency_id',
      'in',
      agencies.map((a) => a.id),
    )
    .execute();
  return agencies.map((a) => {
    const own = reports.filter((r) => r.agency_id === a.id);
    const thisYear = own.find((r) => r.year === options.year);
    const years = [...new Set(own.flatMap((r) => (r.year === null ? [] : [r.year])))].sort();
    return {
      agency: toAgency(a),
      status: thisYear ? 'reported' : own.length > 0 ? 'missing' : 'no-reports',
      reportId: thisYear?.id ?? null,
      errors: Number(thisYear?.errors ?? 0),
      years,
    };
  });
}

/**
 * Sets what the reports read from a source file cover (a person's decision: basis `set`), on every version of
 * them, so that an edit made before keeps it. Returns the ids of the versions changed.
 */
export async function setScope(
  db: Db,
  sourceFileId: number,
  scope: ScopeDecision['scope'],
): Promise<number[]> {
  const rows = await db
    .updateTable('reports')
    .set({ scope, scope_basis: 'set', scope_evidence: null })
    .where('source_file_id', '=', sourceFileId)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
