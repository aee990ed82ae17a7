// The library's list of current reports, filtered and paged (the web app's library page), and a report version's
// file as the API shows it; light rows, without the report JSON.
import { sql } from 'kysely';
import { escapeLike, inRegion } from './agencies.ts';
import { normalizeRegionPath } from './agency-names.ts';
import { severityCount } from './reports.ts';
import type { Db } from './types.ts';

/** Filters of `listReports`; every one optional. */
export interface ReportFilter {
  year?: number;
  /** Part of the agency's name. */
  agency?: string;
  /** A region and everything below it, e.g. 江西省/上饶市. */
  region?: string;
  /** `errors`: with an error; `warnings`: warnings but no error; `clean`: neither. */
  status?: 'errors' | 'warnings' | 'clean';
  /** The input kind of the source file (text, html, docx, doc, pdf, xlsx, json). */
  kind?: string;
  /** Words found in the agency's name or the file's name. */
  q?: string;
  /** One agency's reports (an author's, in the login mode). */
  agencyId?: number;
  /** From 1. */
  page?: number;
  pageSize?: number;
}

/** A current report as listed. */
export interface ListedReport {
  id: number;
  agency: string | null;
  region: string | null;
  year: number | null;
  formatVersion: string;
  version: number;
  origin: 'file' | 'edit';
  fileName: string;
  kind: string;
  errors: number;
  warnings: number;
  createdAt: Date;
}

/** One page of current reports, by region, agency and year, and how many match in all. */
export async function listReports(
  db: Db,
  filter: ReportFilter,
): Promise<{ items: ListedReport[]; total: number }> {
  const page = Math.max(1, filter.page ?? 1);
  const pageSize = Math.max(1, filter.pageSize ?? 50);
  const counted = db
    .selectFrom('reports as r')
    .innerJoin('source_files as f', 'f.id', 'r.source_file_id')
    .leftJoin('agencies as a', 'a.id', 'r.agency_id')
    .where('r.is_current', '=', true)
    .select([
      'r.id',
      'r.year',
      'r.format_version',
      'r.version',
      'r.origin',
      'r.created_at',
      'f.file_name',
      'f.kind',
      'a.name as agency_name',
      'a.region_path',
      severityCount('error').as('errors'),
      severityCount('warning').as('warnings'),
    ]);
  let inner = counted;
  if (filter.year !== undefined) inner = inner.where('r.year', '=', filter.year);
  if (filter.kind) inner = inner.where('f.kind', '=', filter.kind);
  if (filter.agencyId !== undefined) inner = inner.where('r.agency_id', '=', filter.agencyId);
  const region = normalizeRegionPath(filter.region);
  if (region) inner = inner.where((eb) => inRegion(eb, region));
  if (filter.agency) inner = inner.where('a.name', 'like', `%${escapeLike(filter.agency.trim())}%`);
  for (const word of (filter.q ?? '').split(/\s+/).filter(Boolean)) {
    const like = `%${escapeLike(word)}%`;
    inner = inner.where((eb) => eb.or([eb('a.name', 'like', like), eb('f.file_name', 'like', like)]));
  }
  let q = db.selectFrom(inner.as('c')).selectAll('c');
  if (filter.status === 'errors') q = q.where('c.errors', '>', 0);
  else if (filter.status === 'warnings') q = q.where('c.errors', '=', 0).where('c.warnings', '>', 0);
  else if (filter.status === 'clean') q = q.where('c.errors', '=', 0).where('c.warnings', '=', 0);
  const total = await db
    .selectFrom(q.as('t'))
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('c.region_path')
    .orderBy('c.agency_name')
    .orderBy('c.year')
    .orderBy('c.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      agency: r.agency_name,
      region: r.region_path || null,
      year: r.year,
      formatVersion: r.format_version,
      version: r.version,
      origin: r.origin,
      fileName: r.file_name,
      kind: r.kind,
      errors: Number(r.errors),
      warnings: Number(r.warnings),
      createdAt: r.created_at,
    })),
  };
}

/** The name, kind and sha256 of a source file (without its bytes). */
export async function sourceFileInfo(
  db: Db,
  id: number,
): Promise<{ fileName: string; kind: string; sha256: string; size: number } | null> {
  const row = await db
    .selectFrom('source_files')
    .select(['file_name', 'kind', 'sha256', 'size'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { fileName: row.file_name, kind: row.kind, sha256: row.sha256, size: row.size } : null;
}

/** A report version in a list of versions: no report JSON. */
export interface VersionRow {
  id: number;
  version: number;
  isCurrent: boolean;
  origin: 'file' | 'edit';
  createdAt: Date;
  errors: number;
  warnings: number;
}

/** The versions of an agency's report of a year, oldest first (light rows, without the report JSON). */
export async function versions(db: Db, agencyId: number, year: number | null): Promise<VersionRow[]> {
  let q = db
    .selectFrom('reports as r')
    .where('r.agency_id', '=', agencyId)
    .select([
      'r.id',
      'r.version',
      'r.is_current',
      'r.origin',
      'r.created_at',
      severityCount('error').as('errors'),
      severityCount('warning').as('warnings'),
    ]);
  q = year === null ? q.where('r.year', 'is', null) : q.where('r.year', '=', year);
  const rows = await q.orderBy('r.version').orderBy('r.id').execute();
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    isCurrent: r.is_current,
    origin: r.origin,
    createdAt: r.created_at,
    errors: Number(r.errors),
    warnings: Number(r.warnings),
  }));
}
