// The migrations, in order, imported statically so that they run the same under tsx, bundles and workers.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial.ts';
import * as m0002 from './0002-report-scope.ts';
import * as m0003 from './0003-finding-verdicts.ts';
import * as m0004 from './0004-users.ts';

/** Every migration by name; names sort in the order they apply. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-report-scope': m0002,
  '0003-finding-verdicts': m0003,
  '0004-users': m0004,
};

/** The migration provider of kysely's Migrator. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
