// What each report covers (format-spec §8.5): the region as a whole, the body's own work (本级) or a department's,
// and how that was decided, so that a regional sum adds only reports that partition the region.
import { sql, type Kysely } from 'kysely';

/** Adds the scope of a report version and its basis. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('reports')
    .addColumn('scope', 'text', (c) => c.check(sql`scope in ('region', 'own', 'department')`))
    // `set` (given on import), `text` (the report says so: scope_evidence), `kind` (a department's report).
    .addColumn('scope_basis', 'text', (c) => c.check(sql`scope_basis in ('set', 'text', 'kind')`))
    .addColumn('scope_evidence', 'text')
    .execute();
}
