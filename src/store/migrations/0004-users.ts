// Optional login (NIANBAO_AUTH=1): users with a role and their scope, and their sessions. A password is kept only
// as its scrypt hash with the parameters it was made with; a session only as the SHA-256 of its token.
import { sql, type Kysely } from 'kysely';

/** Adds the users and sessions tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'reviewer', 'author')`))
    // A reviewer's region (null: every region); an author's agency's region.
    .addColumn('region_path', 'text')
    // An author's agency: its name as given, and the agency row once one matches (a merge may delete the row:
    // the name, which stays an alias of the merged agency, finds it again).
    .addColumn('agency_name', 'text')
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id').onDelete('set null'))
    // `$scrypt$ln=15,r=8,p=1$<salt>$<hash>` (base64): the parameters go with the hash, so they can be raised.
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('users_author_agency', sql`(role = 'author') = (agency_name is not null)`)
    .execute();

  await db.schema
    .createTable('sessions')
    // The SHA-256 (hex) of the token the cookie holds: a copy of the database opens no session.
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();
}

/** Drops the users and sessions tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sessions').execute();
  await db.schema.dropTable('users').execute();
}
