// A reviewer's verdict on a finding of a report version (confirmed, dismissed, open), kept by the finding's id so
// that a re-check of the same version, which writes its diagnostics anew, keeps it.
import { sql, type Kysely } from 'kysely';

/** Adds the verdicts table: one row per report version and finding id. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('finding_verdicts')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    // The finding's stable id (rule, message, model path), not a diagnostics row id: those are written anew.
    .addColumn('finding_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('confirmed', 'dismissed', 'open')`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('by', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('finding_verdicts_pk', ['report_id', 'finding_id'])
    .execute();
}

/** Drops the verdicts table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('finding_verdicts').execute();
}
