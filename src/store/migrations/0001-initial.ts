// The first schema: agencies, source files, report versions, cells, diagnostics, edits (docs/architecture.md, "Storage").
import { sql, type Kysely } from 'kysely';

/** Creates every table and the indexes of the store's queries. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createAgencies(db);
  await createSourceFiles(db);
  await createReports(db);
  await createCells(db);
  await createDiagnostics(db);
  await createEdits(db);
}

/** The agencies, with their other names (aliases) and the merges proposed and decided between them. */
async function createAgencies(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agencies')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('normalised_name', 'text', (c) => c.notNull())
    .addColumn('match_key', 'text', (c) => c.notNull())
    .addColumn('region_path', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('level', 'text', (c) => c.check(sql`level in ('省', '市', '县', '乡')`))
    .addColumn('kind', 'text', (c) => c.check(sql`kind in ('政府', '部门')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('agencies_region_name', ['region_path', 'normalised_name'])
    .execute();
  // Region queries match a path and everything below it (region_path = R or LIKE 'R/%'): a prefix index.
  await sql`create index agencies_region_prefix on agencies (region_path text_pattern_ops)`.execute(db);
  await db.schema.createIndex('agencies_match_key').on('agencies').column('match_key').execute();

  await db.schema
    .createTable('agency_aliases')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('normalised_name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agency_aliases_pk', ['region_path', 'normalised_name'])
    .execute();

  await db.schema
    .createTable('agency_merges')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    // A confirmed merge deletes the merged agency; the record keeps its name and region.
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id').onDelete('set null'))
    .addColumn('agency_name', 'text', (c) => c.notNull())
    .addColumn('agency_region', 'text', (c) => c.notNull())
    .addColumn('target_agency_id', 'integer', (c) => c.references('agencies.id').onDelete('cascade'))
    .addColumn('proposed_name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('proposed')
        .check(sql`status in ('proposed', 'confirmed', 'rejected')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'text')
    .execute();
  await db.schema.createIndex('agency_merges_agency').on('agency_merges').column('agency_id').execute();
}

/** The files imported, each kept once by the hash of its bytes. */
async function createSourceFiles(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('source_files')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('region_path', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

/** The versions of each report, one of them current per agency and year. */
async function createReports(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('year', 'integer')
    .addColumn('format_version', 'text', (c) => c.notNull())
    .addColumn('source_file_id', 'integer', (c) => c.notNull().references('source_files.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('is_current', 'boolean', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('file', 'edit')`))
    .addColumn('report', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // One current version per agency and year (reports with no agency or year are each their own).
  await sql`create unique index reports_current on reports (agency_id, year) where is_current`.execute(db);
  await sql`create index reports_current_year on reports (year) where is_current`.execute(db);
  await db.schema.createIndex('reports_agency').on('reports').columns(['agency_id', 'year']).execute();
  await db.schema.createIndex('reports_source_file').on('reports').column('source_file_id').execute();
}

/** The cells of each report version. */
async function createCells(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cells')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('table_key', 'text', (c) => c.notNull())
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addColumn('column_key', 'text', (c) => c.notNull())
    .addColumn('value', 'numeric')
    .addColumn('source', 'text')
    .addColumn('inferred', 'text')
    .execute();
  // Cells are written and read a report at a time. A primary key over the four keys would repeat their text in
  // an index as big as the table (measured: 15 of 33 MB per 1,000 reports); cellRows writes each cell once.
  await db.schema.createIndex('cells_report').on('cells').column('report_id').execute();
}

/** The findings on each file and report version. */
async function createDiagnostics(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('diagnostics')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('source_file_id', 'integer', (c) =>
      c.notNull().references('source_files.id').onDelete('cascade'),
    )
    .addColumn('report_id', 'integer', (c) => c.references('reports.id').onDelete('cascade'))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('error', 'warning', 'info')`))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('path', 'text')
    .addColumn('source', 'jsonb')
    .addColumn('detail', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('diagnostics_report')
    .on('diagnostics')
    .columns(['report_id', 'severity'])
    .execute();
  await db.schema.createIndex('diagnostics_source_file').on('diagnostics').column('source_file_id').execute();
  await db.schema.createIndex('diagnostics_rule').on('diagnostics').column('rule').execute();
}

/** The edits that made a report version from the one before it. */
async function createEdits(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('edits')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('previous_report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('old_value', 'numeric')
    .addColumn('new_value', 'numeric')
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('by', 'text', (c) => c.notNull())
    .addColumn('why', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('edits_report').on('edits').column('report_id').execute();
}

/** Drops every table of the first schema. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'edits',
    'diagnostics',
    'cells',
    'reports',
    'source_files',
    'agency_merges',
    'agency_aliases',
    'agencies',
  ])
    await db.schema.dropTable(t).execute();
}
