// Edits: figures of a current report changed into a new current version, each change recorded with who and why.
import type { Report } from '../model/report.ts';
import { cellAt, withCell } from './cells.ts';
import { insertDiagnostics, reportDiagnostics } from './diagnostics.ts';
import { insertVersion } from './reports.ts';
import { StoreError, type Db, type Edit, type EditInput } from './types.ts';

/**
 * Changes figures of a current report: the edited report becomes a new current version (the edited one is
 * kept, so what the file said is never lost), with one edits row per change saying old and new value, who
 * and why. Returns the new version's id.
 */
export async function recordEdit(db: Db, input: EditInput): Promise<number> {
  if (input.changes.length === 0) throw new StoreError('an edit needs at least one change');
  if (!input.by.trim() || !input.why.trim()) throw new StoreError('an edit needs who made it and why');
  return db.transaction().execute(async (trx) => {
    const prev = await trx
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', input.reportId)
      .forUpdate()
      .executeTakeFirst();
    if (!prev) throw new StoreError(`no report ${input.reportId}`);
    if (!prev.is_current) throw new StoreError(`report ${input.reportId} is not the current version`);
    let report = prev.report as Report;
    const olds: (number | null)[] = [];
    for (const c of input.changes) {
      const old = cellAt(report, c.path);
      if (old === undefined)
        throw new StoreError(`not a cell of the ${report.formatVersion} format: ${c.path}`);
      olds.push(old);
      report = withCell(report, c.path, c.value);
    }
    const { reportId } = await insertVersion(trx, {
      agencyId: prev.agency_id,
      year: prev.year,
      report,
      sourceFileId: prev.source_file_id,
      origin: 'edit',
      previousId: prev.id,
      edited: new Set(input.changes.map((c) => c.path)),
      // An edit of figures keeps what the report covers.
      scope:
        prev.scope && prev.scope_basis
          ? { scope: prev.scope, basis: prev.scope_basis, evidence: prev.scope_evidence }
          : null,
    });
    const diagnostics = input.diagnostics ? input.diagnostics(report) : await reportDiagnostics(trx, prev.id);
    await insertDiagnostics(trx, prev.source_file_id, reportId, diagnostics);
    await trx
      .insertInto('edits')
      .values(
        input.changes.map((c, i) => ({
          report_id: reportId,
          previous_report_id: prev.id,
          path: c.path,
          old_value: olds[i] ?? null,
          new_value: c.value,
          by: input.by,
          why: input.why,
        })),
      )
      .execute();
    return reportId;
  });
}

/** The edits of an agency's reports, oldest first. */
export async function edits(db: Db, agencyId: number): Promise<Edit[]> {
  const rows = await db
    .selectFrom('edits as e')
    .innerJoin('reports as r', 'r.id', 'e.report_id')
    .selectAll('e')
    .where('r.agency_id', '=', agencyId)
    .orderBy('e.id')
    .execute();
  return rows.map((e) => ({
    id: e.id,
    reportId: e.report_id,
    previousReportId: e.previous_report_id,
    path: e.path,
    oldValue: toNumber(e.old_value),
    newValue: toNumber(e.new_value),
    at: e.at,
    by: e.by,
    why: e.why,
  }));
}

function toNumber(v: string | number | null): number | null {
  return v === null ? null : Number(v);
}
