// The template of a new embedded database: there is one for the installed PGlite, and a database made from it works.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openStore } from './index.ts';
import { pgliteTemplate, templateName } from './template.ts';

it('has the template of the installed PGlite (after an upgrade: node --import tsx scripts/make-pglite-template.ts)', () => {
  expect(pgliteTemplate(), `src/store/template/${templateName()} is missing`).toBeDefined();
});

it('makes a new database from it, which keeps what is written across openings', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-template-'));
  try {
    const where = join(dir, 'db');
    const store = await openStore(where);
    expect(existsSync(join(where, 'PG_VERSION'))).toBe(true);
    expect(Object.values(await store.counts()).every((n) => n === 0)).toBe(true);
    await store.close();
    const again = await openStore(where, { create: false });
    expect(again.engine).toBe('pglite');
    await again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
