// Diagnostics as stored: rule, severity, message, path and source in columns, the rest as detail; one query reads
// a report version's (for the caller, and for an edit that is not checked again).
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Db, Trx } from './types.ts';

/** Stores a file's diagnostics, for its report version when it has one. */
export async function insertDiagnostics(
  trx: Trx,
  sourceFileId: number,
  reportId: number | null,
  diagnostics: readonly Diagnostic[],
): Promise<void> {
  if (diagnostics.length === 0) return;
  await trx
    .insertInto('diagnostics')
    .values(
      diagnostics.map((d) => ({
        source_file_id: sourceFileId,
        report_id: reportId,
        rule: d.ruleId,
        severity: d.severity,
        message: d.message,
        path: d.path ? d.path.join('.') : null,
        source: d.source ? JSON.stringify(d.source) : null,
        detail: JSON.stringify(detailOf(d)),
      })),
    )
    .execute();
}

const DIAGNOSTIC_COLUMNS = ['rule', 'severity', 'message', 'path', 'source', 'detail'] as const;

// The columns hold rule, severity, message, path and source; `detail` holds the rest, not those again.
function detailOf(d: Diagnostic): Omit<Diagnostic, 'ruleId' | 'severity' | 'message' | 'path' | 'source'> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { ruleId, severity, message, path, source, ...rest } = d;
  return rest;
}

function toDiagnostic(r: {
  rule: string;
  severity: Diagnostic['severity'];
  message: string;
  path: string | null;
  source: unknown;
  detail: unknown;
}): Diagnostic {
  const d = {
    ruleId: r.rule,
    severity: r.severity,
    ...(r.detail as object),
    message: r.message,
  } as Diagnostic;
  if (r.path !== null) d.path = r.path.split('.');
  if (r.source !== null) d.source = r.source as Diagnostic['source'];
  return d;
}

/** The diagnostics of a report version, in the order they were stored. */
export async function reportDiagnostics(trx: Trx, reportId: number): Promise<Diagnostic[]> {
  const rows = await trx
    .selectFrom('diagnostics')
    .select(DIAGNOSTIC_COLUMNS)
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
  return rows.map(toDiagnostic);
}

/** The diagnostics of a source file that gave no report (why it could not be read). */
export async function fileDiagnostics(db: Db, sourceFileId: number): Promise<Diagnostic[]> {
  const rows = await db
    .selectFrom('diagnostics')
    .select(DIAGNOSTIC_COLUMNS)
    .where('source_file_id', '=', sourceFileId)
    .where('report_id', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(toDiagnostic);
}

/**
 * Replaces a report version's diagnostics with a new check of the same report (its figures unchanged: a check with
 * more to compare against, as when last year's report arrives after this one). The report is not touched.
 */
export async function replaceDiagnostics(
  db: Db,
  reportId: number,
  sourceFileId: number,
  diagnostics: readonly Diagnostic[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('diagnostics').where('report_id', '=', reportId).execute();
    await insertDiagnostics(trx, sourceFileId, reportId, diagnostics);
  });
}
