// The job queue end to end (issue 15 item 4): a real PostgreSQL, 500 files enqueued by the CLI, two `nianbao worker`
// processes, one of them killed with SIGKILL at random moments three times (and started again), then SQL proving
// every file stored exactly once with the figures `nianbao extract` gives.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../src/queue/queue.ts';
import { ROOT, runNode } from './support/cli.ts';
import { postgresSkipped, startPostgres, type TestPostgres } from './support/postgres.ts';

/** The reports copied: the samples and the real published text and web reports. */
const ORIGINALS = [
  ...readdirSync(join(ROOT, 'examples/reports')).map((f) => join(ROOT, 'examples/reports', f)),
  ...readdirSync(join(ROOT, 'test/fixtures/real'))
    .filter((f) => /\.(txt|html)$/.test(f))
    .map((f) => join(ROOT, 'test/fixtures/real', f)),
];
const COPIES = 496;
const GARBAGE = 4;
/** Seconds a worker holds a job before it is given to another: short, so that a killed worker's jobs come back soon. */
const LEASE = 4;

let server: TestPostgres | undefined;
let dir: string;
let url: string;
/** Every file built, with its content hash. */
const built: { path: string; sha256: string; garbage: boolean }[] = [];

beforeAll(async () => {
  if (postgresSkipped()) return;
  server = await startPostgres();
  url = await server.createDatabase();
  dir = mkdtempSync(join(tmpdir(), 'nianbao-queue-'));
  mkdirSync(join(dir, 'in'));
  // Copy i of an original ends in i's own bytes (blank space in a text, a comment in a page): 496 distinct contents.
  for (let i = 0; i < COPIES; i++) {
    const original = ORIGINALS[i % ORIGINALS.length]!;
    const k = Math.floor(i / ORIGINALS.length);
    const html = original.endsWith('.html');
    const bytes = Buffer.concat([
      readFileSync(original),
      Buffer.from(html ? `\n<!-- copy ${k} -->\n` : `\n${' '.repeat(k)}\n`),
    ]);
    const path = join(dir, 'in', `${String(i).padStart(3, '0')}-${original.split('/').pop()}`);
    writeFileSync(path, bytes);
    built.push({ path, sha256: sha256(bytes), garbage: false });
  }
  // Files that give no report: stored with the findings saying why, like `nianbao import` does — not retried.
  for (let i = 0; i < GARBAGE; i++) {
    const bytes = randomBytes(3000);
    const path = join(dir, 'in', `garbage-${i}.txt`);
    writeFileSync(path, bytes);
    built.push({ path, sha256: sha256(bytes), garbage: true });
  }
}, 120_000);

afterAll(() => {
  server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A `nianbao worker` child process: its output so far, and how it ended. */
interface Worker {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Lines of files it finished. */
  done: () => number;
  closed: Promise<number | null>;
}

function startWorker(): Worker {
  const child = spawn(
    process.execPath,
    ['bin/nianbao.js', 'worker', '--db', url, '--jobs', '2', '--lang', 'en'],
    { cwd: ROOT },
  );
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    done: () => stdout.split('\n').filter(Boolean).length,
    closed,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, condition: () => boolean | Promise<boolean>, ms = 240_000) {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

async function sql<R extends object>(text: string, values: unknown[] = [], db = url): Promise<R[]> {
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

interface Status {
  queued: number;
  active: number;
  done: number;
  failed: number;
  doneBy: Record<string, number>;
  throughput: { recent: number; overall: number | null };
}

async function status(): Promise<Status> {
  const r = await runNode(['bin/nianbao.js', 'status', '--db', url, '--format', 'json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Status;
}

describe.skipIf(postgresSkipped())('the job queue on PostgreSQL', () => {
  it('imports 500 files exactly once with two workers, one killed three times, with the figures of extract', async () => {
    const started = Date.now();
    const twice = join(dir, 'same-content-again.txt');
    writeFileSync(twice, readFileSync(built[0]!.path));
    const enqueued = await runNode([
      'bin/nianbao.js',
      'enqueue',
      '--db',
      url,
      '--lang',
      'en',
      '--lease',
      String(LEASE),
      '--retries',
      '5',
      join(dir, 'in'),
      twice,
    ]);
    expect(enqueued.stderr).toBe('');
    expect(enqueued.code).toBe(0);
    expect(enqueued.stdout).toMatch(
      /^already queued\s+\S+same-content-again\.txt\s+same content as \S+000-/m,
    );
    expect(enqueued.stdout.trim().split('\n').at(-1)).toMatch(
      /^501 files: 500 queued, 1 already queued, 0 in the library, 0 unreadable/,
    );
    expect((await status()).queued).toBe(500);

    const b = startWorker();
    let a = startWorker();
    const killed: { afterMs: number; filesDone: number }[] = [];
    for (let k = 0; k < 3; k++) {
      // A random moment once it is importing (its first file done), so that the kill finds jobs in its hands.
      const from = a.done();
      await until(`worker A's first file (kill ${k + 1})`, () => a.done() > from);
      const afterMs = Math.round(Math.random() * 1500);
      await sleep(afterMs);
      a.child.kill('SIGKILL');
      expect(await a.closed).toBe(null);
      killed.push({ afterMs, filesDone: a.done() });
      a = startWorker();
    }
    // SIGTERM while both are busy: each finishes the files in its hands, completes them and exits 0 — so once both
    // have stopped, no job is active (nothing else runs the lease checks then, so one left in hand would stay so).
    // The dead worker's jobs are given back first (a lease and a check later), not to be counted as in hand.
    await sleep((LEASE + 2) * 1000);
    let terminated: Status | null = null;
    const busy = await status();
    if (busy.queued > 0) {
      const from = a.done();
      await until("worker A's first file before SIGTERM", () => a.done() > from);
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
      expect(await a.closed).toBe(0);
      expect(await b.closed).toBe(0);
      terminated = await status();
      expect(terminated.active).toBe(0);
      a = startWorker();
    }
    await until('every job done', async () => {
      const s = await status();
      return s.done + s.failed === 500;
    });
    const s = await status();
    expect(s, JSON.stringify(killed)).toMatchObject({ queued: 0, active: 0, done: 500, failed: 0 });
    expect(s.doneBy.unreadable).toBe(GARBAGE);
    expect(s.throughput.overall).toBeGreaterThan(0);
    a.child.kill('SIGTERM');
    expect(await a.closed).toBe(0);
    if (!terminated) {
      b.child.kill('SIGTERM');
      expect(await b.closed).toBe(0);
    }
    expect(b.stderr()).toMatch(/SIGTERM: finishing the current files, then stopping/);

    // The kills found jobs in hand: some jobs were taken again after their lease expired.
    const retried = await sql<{ n: number }>(
      `select count(*)::int as n from pgboss.job where name = 'nianbao-import' and retry_count > 0`,
    );
    expect(retried[0]!.n).toBeGreaterThan(0);

    // Exactly once: every content is one source file, with one report (or, for the garbage, findings and none).
    const files = await sql<{ sha256: string; id: number; reports: number; diagnostics: number }>(
      `select f.sha256, f.id,
              (select count(*)::int from reports r where r.source_file_id = f.id) as reports,
              (select count(*)::int from diagnostics d where d.source_file_id = f.id and d.report_id is null) as diagnostics
         from source_files f`,
    );
    expect(files).toHaveLength(500);
    const bySha = new Map(files.map((f) => [f.sha256, f]));
    for (const f of built) {
      const stored = bySha.get(f.sha256);
      expect(stored, f.path).toBeDefined();
      if (f.garbage) expect([stored!.reports, stored!.diagnostics > 0], f.path).toEqual([0, true]);
      else expect(stored!.reports, f.path).toBe(1);
    }
    expect(await sql(`select count(*)::int as n from nianbao_queue.files`)).toEqual([{ n: 0 }]);

    // The figures of `nianbao extract` for 20 of the files: every cell of the tables, and the counts of findings.
    const sample = built.filter((f) => !f.garbage).filter((_, i) => i % 25 === 3);
    expect(sample.length).toBe(20);
    // Written with -o: standard output makes a carriage return visible (␍), which the CSV's line ends are.
    const csv = join(dir, 'sample.csv');
    const extracted = await runNode([
      'bin/nianbao.js',
      'extract',
      '--format',
      'csv',
      '-o',
      csv,
      ...sample.map((f) => f.path),
    ]);
    expect(extracted.code).toBe(0);
    const rows = parse(readFileSync(csv, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    for (const f of sample) {
      const expected = rows
        .filter((r) => r.sha256 === f.sha256)
        // The cells table keeps no place for a blank (cells.ts): the CSV's is left out of the comparison for those.
        .map((r) => [
          r.table,
          r.row,
          r.column,
          r.value === '' ? null : Number(r.value),
          r.value === '' ? null : r.source || null,
          r.inferred || null,
        ]);
      expect(expected.length, f.path).toBeGreaterThan(100);
      const stored = await sql<{
        table_key: string;
        row_key: string;
        column_key: string;
        value: string | null;
        source: string | null;
        inferred: string | null;
      }>(
        `select c.table_key, c.row_key, c.column_key, c.value, c.source, c.inferred from cells c
           join reports r on r.id = c.report_id join source_files s on s.id = r.source_file_id
          where s.sha256 = $1`,
        [f.sha256],
      );
      const got = stored.map((c) => [
        c.table_key,
        c.row_key,
        c.column_key,
        c.value === null ? null : Number(c.value),
        c.source,
        c.inferred,
      ]);
      const key = (x: unknown[]) => JSON.stringify(x);
      expect(got.map(key).sort(), f.path).toEqual(expected.map(key).sort());
      const counts = await sql<{ errors: number; warnings: number }>(
        `select count(*) filter (where d.severity = 'error')::int as errors,
                count(*) filter (where d.severity = 'warning')::int as warnings
           from diagnostics d join reports r on r.id = d.report_id join source_files s on s.id = r.source_file_id
          where s.sha256 = $1`,
        [f.sha256],
      );
      const first = rows.find((r) => r.sha256 === f.sha256)!;
      expect(counts[0], f.path).toEqual({
        errors: Number(first.reportErrors),
        warnings: Number(first.reportWarnings),
      });
    }
    console.log(
      `queue test: ${((Date.now() - started) / 1000).toFixed(1)} s, kills ${JSON.stringify(killed)}, ` +
        `SIGTERM with ${terminated ? terminated.done : 'no'} files done, ` +
        `${retried[0]!.n} jobs taken again`,
    );
  }, 400_000);

  it('fails a job after its retries with why — a failure, or a lease that kept expiring — and status names it', async () => {
    const db = await server!.createDatabase();
    const one = (i: number) => built[i]!.path;
    const enqueue = async (args: string[]) => {
      const r = await runNode(['bin/nianbao.js', 'enqueue', '--db', db, '--lang', 'en', ...args]);
      expect(r.code, r.stderr).toBe(0);
    };
    // Its bytes are lost before any worker sees them: every attempt fails, two in all (--retries 1).
    await enqueue(['--retries', '1', one(1)]);
    // Taken by a worker that dies holding it (here: this test, which never completes it), with no retry left.
    await enqueue(['--retries', '0', '--lease', '2', one(2)]);
    await sql(`delete from nianbao_queue.files where sha256 = $1`, [built[1]!.sha256], db);
    const { default: PgBoss } = await import('pg-boss');
    const boss = new PgBoss({ connectionString: db, supervise: false, schedule: false });
    await boss.start();
    const taken = await boss.fetch<{ sha256: string }>('nianbao-import', { batchSize: 10 });
    // Both are queued; the test takes them both and gives the first back (fail, with retries left: queued again).
    expect(taken.map((j) => j.data.sha256).sort()).toEqual([built[1]!.sha256, built[2]!.sha256].sort());
    const first = taken.find((j) => j.data.sha256 === built[1]!.sha256)!;
    await boss.fail('nianbao-import', first.id, { message: 'given back by the test' });
    await boss.stop({ graceful: false });

    const worker = await runNode(['bin/nianbao.js', 'worker', '--db', db, '--drain', '--lang', 'en']);
    expect(worker.code, worker.stderr).toBe(0);
    expect(worker.stderr).toMatch(/worker \S+ stopped: 0 files done, 1 failed/);
    expect(worker.stderr).toMatch(
      /failed \(attempt 2\)\s+\S+001-\S+\s+the bytes of \S+ \(sha256 [0-9a-f]{64}\) are neither in the queue nor in the library/,
    );

    const json = await runNode(['bin/nianbao.js', 'status', '--db', db, '--format', 'json', '--lang', 'en']);
    expect(json.code).toBe(0);
    const s = JSON.parse(json.stdout) as {
      done: number;
      failed: number;
      failures: { file: string; reason: string; attempts: number }[];
    };
    expect(s).toMatchObject({ done: 0, failed: 2 });
    const reasons = Object.fromEntries(s.failures.map((f) => [f.file, [f.reason, f.attempts]]));
    expect(reasons[one(1)]).toEqual([
      expect.stringMatching(/^the bytes of .* are neither in the queue nor in the library$/),
      2,
    ]);
    expect(reasons[one(2)]).toEqual([expect.stringMatching(/^its lease expired before it was done/), 1]);
    const text = await runNode(['bin/nianbao.js', 'status', '--db', db, '--lang', 'en']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^0 queued \(0 to retry\) · 0 active · 0 done · 2 failed$/m);
    expect(text.stdout).toContain(
      `${one(2)} (sha256 ${built[2]!.sha256.slice(0, 12)}, 1 attempts): its lease expired`,
    );
    // Nothing was stored for either.
    expect(await sql(`select count(*)::int as n from source_files`, [], db)).toEqual([{ n: 0 }]);
  }, 200_000);

  it('worker --timeout: a file that never ends is stopped, unreadable with its finding, not stored nor retried', async () => {
    const db = await server!.createDatabase();
    // pdf-type1-loop.pdf sends pdf.js into a loop that never ends (test/batch-limits.test.ts): read in process, the
    // worker never completed its job. A text (read in process) and a web page (on the worker thread) around it.
    const hangs = 'test/fixtures/crashers/pdf-type1-loop.pdf';
    const text = built.find((f) => f.path.endsWith('.txt') && !f.garbage)!;
    const page = built.find((f) => f.path.endsWith('.html'))!;
    const enqueued = await runNode([
      'bin/nianbao.js',
      'enqueue',
      '--db',
      db,
      '--lang',
      'en',
      text.path,
      hangs,
      page.path,
    ]);
    expect(enqueued.code, enqueued.stderr).toBe(0);
    const started = performance.now();
    const worker = await runNode([
      'bin/nianbao.js',
      'worker',
      '--db',
      db,
      '--drain',
      '--timeout',
      '8',
      '--lang',
      'en',
    ]);
    const seconds = (performance.now() - started) / 1000;
    expect(worker.code, worker.stderr).toBe(0);
    expect(worker.stderr).not.toMatch(/\n\s+at |FATAL/);
    expect(worker.stderr).toMatch(/worker \S+ stopped: 3 files done, 0 failed/);
    const message = `${hangs}: reading it took longer than the time limit of 8 s and was stopped; not read`;
    expect(worker.stdout.split('\n'), 'pdf-type1-loop.pdf no longer hangs').toContain(
      `unreadable  ${hangs}  ${message}`,
    );
    expect(worker.stdout).toMatch(new RegExp(`^imported  ${text.path}  #\\d+`, 'm'));
    expect(worker.stdout).toMatch(new RegExp(`^imported  ${page.path}  #\\d+`, 'm'));
    // Stored: the two good files, each with its report; of the PDF nothing, and no bytes left in the queue.
    const stored = await sql<{ sha256: string; reports: number }>(
      `select f.sha256, (select count(*)::int from reports r where r.source_file_id = f.id) as reports
         from source_files f order by f.sha256`,
      [],
      db,
    );
    expect(stored).toEqual(
      [text, page]
        .map((f) => ({ sha256: f.sha256, reports: 1 }))
        .sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1)),
    );
    expect(await sql(`select count(*)::int as n from nianbao_queue.files`, [], db)).toEqual([{ n: 0 }]);
    // status: done (not retried), unreadable, and listed among the failures with its finding.
    const json = await runNode(['bin/nianbao.js', 'status', '--db', db, '--format', 'json', '--lang', 'en']);
    const s = JSON.parse(json.stdout) as Status & { failures: unknown[] };
    expect(s).toMatchObject({ queued: 0, active: 0, done: 3, failed: 0 });
    expect(s.doneBy.unreadable).toBe(1);
    expect(s.failures).toEqual([
      expect.objectContaining({ file: hangs, reason: message, attempts: 1, stopped: true }),
    ]);
    const shown = await runNode(['bin/nianbao.js', 'status', '--db', db, '--lang', 'en']);
    expect(shown.stdout).toContain(`  ${hangs} (sha256 `);
    expect(shown.stdout).toContain(`1 attempts): ${message}`);
    console.log(`queue --timeout 8: the worker took ${seconds.toFixed(1)} s for the 3 files`);
  }, 120_000);

  it('enqueue --list reads paths a line, and names what it cannot read — a pipe is not read (exit 2)', async () => {
    const db = await server!.createDatabase();
    const fifo = join(dir, 'a-pipe');
    execFileSync('mkfifo', [fifo]);
    const list = join(dir, 'list.txt');
    writeFileSync(list, `# the files\n${built[5]!.path}\n\n${fifo}\n${join(dir, 'missing.txt')}\n`);
    const r = await runNode(['bin/nianbao.js', 'enqueue', '--db', db, '--lang', 'en', '--list', list]);
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^queued\s+\S+005-/);
    expect(lines[1]).toMatch(
      /^unreadable\s+\S+a-pipe\s+not a regular file \(a named pipe, device or socket\): not read$/,
    );
    expect(lines[2]).toMatch(
      /^unreadable\s+\S+missing\.txt\s+cannot read file "\S+missing\.txt": no such file \(ENOENT\)$/,
    );
    expect(lines[3]).toMatch(/^3 files: 1 queued, 0 already queued, 0 in the library, 2 unreadable/);
    const missing = await runNode([
      'bin/nianbao.js',
      'enqueue',
      '--db',
      db,
      '--lang',
      'en',
      '--list',
      join(dir, 'no-list.txt'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /^nianbao: --list \S+no-list\.txt: cannot read the list of files \(ENOENT\)$/m,
    );
  });

  it('refuses a database that is not PostgreSQL, naming it, exit 2', async () => {
    for (const command of ['enqueue', 'worker', 'status']) {
      const r = await runNode([
        'bin/nianbao.js',
        command,
        '--db',
        join(dir, 'lib'),
        '--lang',
        'en',
        ...(command === 'enqueue' ? [built[0]!.path] : []),
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `nianbao: ${join(dir, 'lib')}: the job queue needs a PostgreSQL database (--db postgres://…, or NIANBAO_DB)\n`,
      );
    }
    const lease = await runNode(['bin/nianbao.js', 'enqueue', '--db', url, '--lease', '0', built[0]!.path]);
    expect(lease.code).toBe(2);
    expect(lease.stderr).toMatch(
      /^error: option '--lease <seconds>' argument '0' is invalid\. .*whole seconds from 1 to 86400/m,
    );
  });
});
