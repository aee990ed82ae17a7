// One process owns an embedded database directory (issue 16 item 1): two imports into one PGlite directory at the
// same time used to both print success and lose reports. Now the second is refused with who holds it (exit 2), and
// what is stored equals a one-process import; on PostgreSQL two importers run side by side with the same result.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReport } from '../src/library.ts';
import { DatabaseLockedError, LOCK_FILE, openStore } from '../src/store/index.ts';
import { ROOT, runNode, SAMPLES } from './support/cli.ts';
import { postgresSkipped, startPostgres, type TestPostgres } from './support/postgres.ts';

const REAL = [
  'pingtan-czj-2019.txt',
  'pingtan-jjp-2020.txt',
  'pingtan-nyn-2020.txt',
  'pingtan-lyy-2019.txt',
].map((f) => `test/fixtures/real/${f}`);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-lock-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a library holds: each current report's file, agency, year and every figure, sorted by file. */
async function holdings(db: string) {
  const store = await openStore(db, { create: false });
  try {
    const { items } = await store.listReports({ pageSize: 500 });
    const out = [];
    for (const item of items.sort((a, b) => (a.fileName < b.fileName ? -1 : 1))) {
      const r = (await store.report(item.id))!;
      out.push({
        file: item.fileName,
        agency: r.agency?.name ?? null,
        year: r.year,
        tables: [r.report.proactive, r.report.requests, r.report.reviewLitigation],
        errors: item.errors,
        warnings: item.warnings,
      });
    }
    return out;
  } finally {
    await store.close();
  }
}

const importing = (db: string, files: string[]) =>
  runNode(['bin/nianbao.js', 'import', '--db', db, ...files]);

/** The reference: the files imported one after the other by one process (this one), as the CLI imports them. */
async function importAlone(db: string, files: string[]): Promise<void> {
  const store = await openStore(db);
  try {
    for (const file of files)
      await importReport(store, new Uint8Array(readFileSync(join(ROOT, file))), { fileName: file });
  } finally {
    await store.close();
  }
}

describe('an embedded database directory', () => {
  it('refuses an import while another process holds the directory, naming it', async () => {
    const db = join(dir, 'held');
    await openStore(db).then((s) => s.close());
    // Another process holding the library open (as a running import or `nianbao serve` does) until told to end.
    const holder = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `const { openStore } = await import(${JSON.stringify(join(ROOT, 'src/store/index.ts'))});` +
          `const s = await openStore(${JSON.stringify(db)}); console.log('held');` +
          `process.stdin.once('data', async () => { await s.close(); process.exit(0); });`,
      ],
      { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const refused = await importing(db, REAL);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      new RegExp(`the database at .+ is in use by another nianbao process \\(pid ${holder.pid}`),
    );
    holder.stdin.write('\n');
    await new Promise((resolve) => holder.once('exit', resolve));
    // Nothing of the refused import was stored; once the holder is gone, it imports.
    expect(await holdings(db)).toEqual([]);
    expect((await importing(db, REAL)).code).toBe(0);
    expect(await holdings(db)).toHaveLength(REAL.length);
  });

  it('two imports at once: each stores all or is refused, and what is stored equals a one-process import', async () => {
    const shared = join(dir, 'shared');
    await openStore(shared).then((s) => s.close());
    const sets = [SAMPLES, REAL];
    const runs = await Promise.all(sets.map((files) => importing(shared, files)));
    for (const r of runs)
      if (r.code === 2) expect(r.stderr).toMatch(/is in use by another nianbao process \(pid \d+/);
      else expect(r.code).toBe(0);
    // A refused one run again, alone.
    for (const [i, r] of runs.entries())
      if (r.code === 2) expect((await importing(shared, sets[i]!)).code).toBe(0);
    const alone = join(dir, 'alone');
    await importAlone(alone, [...SAMPLES, ...REAL]);
    const got = await holdings(shared);
    expect(got).toHaveLength(SAMPLES.length + REAL.length);
    expect(got).toEqual(await holdings(alone));
  });

  it('is refused to a second open in the same process, and open again once closed', async () => {
    const db = join(dir, 'same');
    const first = await openStore(db);
    await expect(openStore(db)).rejects.toBeInstanceOf(DatabaseLockedError);
    await first.close();
    const again = await openStore(db);
    await again.close();
  });

  it('takes over the lock of a process that died (kill -9 leaves it)', async () => {
    const db = join(dir, 'stale');
    await openStore(db).then((s) => s.close());
    // A pid that is gone: a child that has exited.
    const { stdout } = await runNode(['-e', 'process.stdout.write(String(process.pid))']);
    writeFileSync(
      join(db, LOCK_FILE),
      JSON.stringify({ pid: Number(stdout), host: (await import('node:os')).hostname(), since: 'then' }),
    );
    const store = await openStore(db);
    await store.close();
  });
});

describe.skipIf(postgresSkipped())('PostgreSQL', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(() => server?.stop());

  it('takes two importers at once and holds what a one-process import holds', async () => {
    const shared = await server.createDatabase();
    await openStore(shared).then((s) => s.close());
    const [a, b] = await Promise.all([importing(shared, SAMPLES), importing(shared, REAL)]);
    expect([a.code, b.code]).not.toContain(2);
    const alone = await server.createDatabase();
    await importAlone(alone, [...SAMPLES, ...REAL]);
    const got = await holdings(shared);
    expect(got).toHaveLength(SAMPLES.length + REAL.length);
    expect(got).toEqual(await holdings(alone));
  });
});
