// Importing a file: its bytes stored once (by hash), its report as a new current version of its agency and year,
// its diagnostics; the same bytes again change nothing.
import { createHash } from 'node:crypto';
import { findOrCreateAgency } from './agencies.ts';
import { normalizeRegionPath } from './agency-names.ts';
import { insertDiagnostics } from './diagnostics.ts';
import { proposalsWhere } from './merges.ts';
import { insertVersion } from './reports.ts';
import type { Db, ImportInput, ImportResult } from './types.ts';

/**
 * Stores one file in one transaction: its bytes, its report as a new current version for its agency and year
 * (the previous current one kept), every cell, every diagnostic. The same bytes again change nothing.
 */
export async function importFile(db: Db, input: ImportInput): Promise<ImportResult> {
  // Two processes importing into one PostgreSQL database may race to create the same agency or current
  // version; the loser's transaction rolls back whole on the unique index and is simply run again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await importOnce(db, input);
    } catch (e) {
      if (attempt >= 5 || (e as { code?: string }).code !== '23505') throw e;
    }
  }
}

async function importOnce(db: Db, input: ImportInput): Promise<ImportResult> {
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const region = normalizeRegionPath(input.region);
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('source_files')
      .values({
        sha256,
        bytes: input.bytes,
        file_name: input.fileName,
        kind: input.kind,
        size: input.bytes.byteLength,
        region_path: region,
      })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const file = await trx
        .selectFrom('source_files')
        .select('id')
        .where('sha256', '=', sha256)
        .executeTakeFirstOrThrow();
      const report = await trx
        .selectFrom('reports')
        .select(['id', 'agency_id', 'version'])
        .where('source_file_id', '=', file.id)
        .orderBy('version', 'desc')
        .executeTakeFirst();
      return {
        status: 'unchanged',
        sha256,
        sourceFileId: file.id,
        reportId: report?.id ?? null,
        agencyId: report?.agency_id ?? null,
        version: report?.version ?? null,
        previousReportId: null,
        proposals: [],
      };
    }
    const sourceFileId = inserted.id;
    if (!input.report) {
      await insertDiagnostics(trx, sourceFileId, null, input.diagnostics);
      return {
        status: 'unreadable',
        sha256,
        sourceFileId,
        reportId: null,
        agencyId: null,
        version: null,
        previousReportId: null,
        proposals: [],
      };
    }
    const report = input.report;
    const { agencyId, proposalIds } = report.agency
      ? await findOrCreateAgency(trx, report.agency, region)
      : { agencyId: null, proposalIds: [] };
    const { reportId, version, previousReportId } = await insertVersion(trx, {
      agencyId,
      year: report.year,
      report,
      sourceFileId,
      origin: 'file',
      scope: input.scope ?? null,
    });
    await insertDiagnostics(trx, sourceFileId, reportId, input.diagnostics);
    return {
      status: previousReportId === null ? 'imported' : 'new-version',
      sha256,
      sourceFileId,
      reportId,
      agencyId,
      version,
      previousReportId,
      proposals: await proposalsWhere(trx, proposalIds),
    };
  });
}

/** The original bytes and name of a source file. */
export async function sourceFile(
  db: Db,
  id: number,
): Promise<{ fileName: string; kind: string; bytes: Uint8Array } | null> {
  const row = await db
    .selectFrom('source_files')
    .select(['file_name', 'kind', 'bytes'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { fileName: row.file_name, kind: row.kind, bytes: new Uint8Array(row.bytes) } : null;
}
