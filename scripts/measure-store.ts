// Measures the store: PGlite open/create time, import time per report (samples, N generated), database size.
// Usage: node --import tsx scripts/measure-store.ts [N=1000] [--postgres]   (--postgres: also on a throwaway server)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { sql } from 'kysely';
import { check } from '../src/check.ts';
import { extract } from '../src/extract/index.ts';
import { importReport } from '../src/library.ts';
import type { Diagnostic } from '../src/model/diagnostic.ts';
import type { Report } from '../src/model/report.ts';
import { read } from '../src/read/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { arbAgency, arbBlankyReport } from '../test/support/arbitrary.ts';
import { startPostgres } from '../test/support/postgres.ts';
import { writeReport } from '../test/support/writer.ts';

const N = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1000);
const withPostgres = process.argv.includes('--postgres');
const ms = (t: number) => `${t.toFixed(0)} ms`;
const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
const du = (dir: string) => Number(execFileSync('du', ['-sb', dir]).toString().split('\t')[0]);

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await f();
  return [out, performance.now() - t];
}

const samplesDir = fileURLToPath(new URL('../examples/reports/', import.meta.url));
const samples = readdirSync(samplesDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(samplesDir, f))) }));

// N generated reports written as text files (tab layout), read, extracted and checked once, before timing the store.
const REGIONS = ['河南省/三门峡市', '河南省/新乡市', '江西省/上饶市', '江西省/九江市', '河南省'];
const reports = fc.sample(fc.tuple(arbBlankyReport(), arbAgency, fc.integer({ min: 0, max: 4 })), {
  numRuns: N,
  seed: 7,
});
console.log(`preparing ${N} generated reports (write, read, extract, check)…`);
const t0 = performance.now();
const prepared: {
  fileName: string;
  bytes: Uint8Array;
  kind: string;
  region: string;
  report: Report | null;
  diagnostics: Diagnostic[];
}[] = [];
for (const [i, [report, agency, r]] of reports.entries()) {
  const year = report.formatVersion === '2019' ? 2019 + (i % 2) : 2021 + (i % 4);
  const bytes = new TextEncoder().encode(writeReport({ ...report, agency, year }, 'tab', { seed: i }).text);
  const doc = await read(bytes, { path: `gen-${i}.txt` });
  const ex = extract(doc);
  const found = [...doc.diagnostics, ...ex.diagnostics.filter((d) => !doc.diagnostics.includes(d))];
  const diagnostics = ex.report ? check(ex.report, { extraction: found }) : found;
  prepared.push({
    fileName: `gen-${i}.txt`,
    bytes,
    kind: doc.kind,
    region: REGIONS[r]!,
    report: ex.report,
    diagnostics,
  });
}
const pipeline = performance.now() - t0;
const fileBytes = prepared.reduce((s, p) => s + p.bytes.byteLength, 0);
console.log(
  `  read + extract + check: ${(pipeline / N).toFixed(1)} ms per report; ${mb(fileBytes)} of files\n`,
);

async function measureImports(store: Store, label: string, size: () => Promise<number>) {
  const empty = await size();
  const [, sampleTime] = await timed(async () => {
    for (const s of samples) await importReport(store, s.bytes, { fileName: s.name, region: '河南省' });
  });
  const [, againTime] = await timed(async () => {
    for (const s of samples) await importReport(store, s.bytes, { fileName: s.name, region: '河南省' });
  });
  console.log(
    `${label}: samples ${(sampleTime / samples.length).toFixed(1)} ms per report (read + extract + check + store), ` +
      `again (unchanged) ${(againTime / samples.length).toFixed(1)} ms`,
  );
  const before = await size();
  const [results, genTime] = await timed(async () => {
    const out = [];
    for (const p of prepared) out.push(await store.importFile(p));
    return out;
  });
  const after = await size();
  const statuses = results.reduce<Record<string, number>>(
    (m, r) => ((m[r.status] = (m[r.status] ?? 0) + 1), m),
    {},
  );
  console.log(
    `${label}: ${N} generated reports stored in ${ms(genTime)} — ${(genTime / N).toFixed(1)} ms per report (store only); ` +
      `${JSON.stringify(statuses)}`,
  );
  console.log(
    `${label}: size empty ${mb(empty)}, +${mb(after - before)} for ${N} reports ` +
      `(${mb(((after - before) / N) * 1000)} per 1,000; their files alone ${mb((fileBytes / N) * 1000)})`,
  );
  const [, queryTime] = await timed(() => store.currentReports({ year: 2019, region: '河南省' }));
  const [, statusTime] = await timed(() => store.regionStatus({ year: 2020, region: '河南省' }));
  const [, errorsTime] = await timed(() => store.reportsWithErrors({ year: 2019 }));
  console.log(
    `${label}: currentReports(2019, 河南省) ${ms(queryTime)}, regionStatus ${ms(statusTime)}, reportsWithErrors ${ms(errorsTime)}`,
  );
  console.log(`${label}: rows ${JSON.stringify(await store.counts())}`);
  const { rows } = await sql<{
    t: string;
    n: string;
  }>`select c.relname as t, pg_total_relation_size(c.oid) as n
    from pg_class c join pg_namespace s on s.oid = c.relnamespace
    where s.nspname = 'public' and c.relkind = 'r' order by 2 desc`.execute(store.db);
  console.log(
    `${label}: table sizes (with indexes and TOAST) ${rows.map((r) => `${r.t} ${mb(Number(r.n))}`).join(', ')}\n`,
  );
}

// PGlite: create a fresh directory, reopen it, and an in-memory database.
const dir = mkdtempSync(join(tmpdir(), 'nianbao-measure-'));
try {
  const location = join(dir, 'db');
  const [created, createTime] = await timed(() => openStore(location));
  await created.close();
  const [reopened, openTime] = await timed(() => openStore(location));
  const [memory, memoryTime] = await timed(() => openStore('memory:'));
  await memory.close();
  console.log(
    `PGlite: create + migrate a new directory ${ms(createTime)}, reopen ${ms(openTime)}, in memory ${ms(memoryTime)}`,
  );
  await measureImports(reopened, 'PGlite', async () => {
    await sql`checkpoint`.execute(reopened.db);
    return du(location);
  });
  await reopened.close();
  console.log(`PGlite: directory after close ${mb(du(location))}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (withPostgres) {
  const server = await startPostgres();
  try {
    const [store, openTime] = await timed(async () => openStore(await server.createDatabase()));
    console.log(`PostgreSQL: create database + migrate ${ms(openTime)}`);
    await measureImports(store, 'PostgreSQL', async () => {
      const { rows } = await sql<{ n: string }>`select pg_database_size(current_database()) as n`.execute(
        store.db,
      );
      return Number(rows[0]!.n);
    });
    await store.close();
  } finally {
    server.stop();
  }
}
