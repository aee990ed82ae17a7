// End-to-end tests of the library commands (import, agencies, merges, aggregate, compare) through main() in-process.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/check.ts';
import { extract } from '../src/extract/index.ts';
import type { Report } from '../src/model/report.ts';
import { read } from '../src/read/index.ts';
import { renderJson } from '../src/render/report/json.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { reportCells } from './support/arbitrary.ts';
import { postgresSkipped, startPostgres, type TestPostgres } from './support/postgres.ts';
import { ROOT, SAMPLE, SAMPLES, runMain } from './support/cli.ts';

const CROSS_YEAR = new Set(['T3-6', 'T2-2', 'T2-3', 'X-5']);

const run = runMain;

async function extracted(file: string): Promise<Report> {
  const doc = await read(new Uint8Array(readFileSync(resolve(ROOT, file))), { path: file });
  return extract(doc).report!;
}

/** Every row of every table but timestamps: equal snapshots mean an unchanged database. */
async function snapshot(store: Store) {
  const out: Record<string, unknown[]> = {};
  for (const table of [
    'agencies',
    'agency_merges',
    'source_files',
    'reports',
    'cells',
    'diagnostics',
    'edits',
  ]) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(store.db);
    out[table] = rows
      .map((r) =>
        JSON.stringify(
          Object.entries(r).filter(([k]) => !['created_at', 'imported_at', 'decided_at', 'at'].includes(k)),
        ),
      )
      .sort();
  }
  return out;
}

let dir: string;
let server: TestPostgres | undefined;
let pgliteDb: string | undefined;

/**
 * An empty database: a fresh one on the PostgreSQL server the file starts (fast), or — when the developer opted
 * out of PostgreSQL — the one PGlite directory of this file, emptied (creating a PGlite directory takes seconds).
 */
async function freshDb(): Promise<string> {
  if (server) return server.createDatabase();
  const store = await openStore(pgliteDb);
  await sql`truncate agencies, agency_aliases, agency_merges, source_files, reports, cells, diagnostics, edits restart identity cascade`.execute(
    store.db,
  );
  await store.close();
  return pgliteDb!;
}

async function withStore<T>(db: string, body: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-library-cli-'));
  if (postgresSkipped()) pgliteDb = join(dir, 'db');
  else server = await startPostgres();
}, 60_000);
afterAll(() => {
  server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('nianbao import', () => {
  it('imports the samples, and importing them again leaves the database unchanged', async () => {
    const db = await freshDb();
    const first = await run(['import', '--db', db, '--lang', 'en', 'examples/reports']);
    expect(first.code).toBe(0);
    const lines = first.stdout.trim().split('\n');
    expect(lines).toHaveLength(SAMPLES.length + 1);
    for (const [i, s] of SAMPLES.entries()) expect(lines[i]).toMatch(new RegExp(`^imported\\s+${s}\\s`));
    expect(lines[0]).toContain('义马市人民政府办公室 · 2019 · version 1');
    expect(lines.at(-1)).toMatch(/^5 files: 5 imported, 0 new versions, 0 unchanged, 0 unreadable/);
    const { counts, before } = await withStore(db, async (store) => ({
      counts: await store.counts(),
      before: await snapshot(store),
    }));
    expect(counts.reports).toBe(SAMPLES.length);
    expect(counts.source_files).toBe(SAMPLES.length);

    const again = await run(['import', '--db', db, '--lang', 'en', ...SAMPLES]);
    expect(again.code).toBe(0);
    for (const [i, s] of SAMPLES.entries())
      expect(again.stdout.split('\n')[i]).toMatch(new RegExp(`^unchanged\\s+${s}\\s`));
    await withStore(db, async (store) => {
      expect(await store.counts()).toEqual(counts);
      expect(await snapshot(store)).toEqual(before);
    });
  }, 30_000);

  it('names an unreadable file, still imports the others, and exits 2', async () => {
    const db = await freshDb();
    const empty = join(dir, 'empty.docx');
    writeFileSync(empty, '');
    const r = await run(['import', '--db', db, SAMPLE('002'), join(dir, 'missing.txt'), empty]);
    expect(r.code).toBe(2);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^已导入\s/);
    expect(lines[1]).toMatch(/^无法读取\s.*missing\.txt.*文件不存在/);
    expect(lines[2]).toMatch(/^无法读取\s.*empty\.docx/);
    expect(r.stdout).toContain('无法读取 2');
    await withStore(db, async (store) => {
      const counts = await store.counts();
      // The empty file's bytes are kept with why it could not be read; the missing one has no bytes to keep.
      expect([counts.reports, counts.source_files]).toEqual([1, 2]);
    });
    // Importing the unreadable bytes again is still reported as unreadable (exit 2), and changes nothing.
    const again = await run(['import', '--db', db, empty]);
    expect(again.code).toBe(2);
  }, 30_000);

  it("checks a report against the agency's report of the year before when the library holds it", async () => {
    const db = await freshDb();
    // Sample 003 republished as the 2020 report: same text and figures, so X-5 (copied text), T3-6 and T2-3 fire.
    const text = readFileSync(join(ROOT, SAMPLE('003')), 'utf8');
    const next = join(dir, '003-2020.txt');
    writeFileSync(next, text.replaceAll('2019年', '2020年'));
    const before = await run(['import', '--db', db, '--region', '河南省/三门峡市', SAMPLE('003')]);
    expect(before.code).toBe(0);
    const r = await run(['import', '--db', db, '--region', '河南省/三门峡市', next]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('三门峡市人民政府办公室 · 2020 · 第 1 版');
    expect(r.stdout).toContain('已对照 2019 年报告核对跨年度规则');

    const [r2019, r2020] = [await extracted(SAMPLE('003')), await extracted(next)];
    expect(r2020.year).toBe(2020);
    const expected = check(r2020, { previous: r2019 })
      .filter((d) => CROSS_YEAR.has(d.ruleId))
      .map((d) => [d.ruleId, d.message]);
    expect(new Set(expected.map(([id]) => id))).toEqual(new Set(['X-5', 'T3-6', 'T2-3']));
    await withStore(db, async (store) => {
      const [stored] = await store.currentReports({ year: 2020 });
      const found = (await store.diagnostics(stored!.id))
        .filter((d) => CROSS_YEAR.has(d.ruleId))
        .map((d) => [d.ruleId, d.message]);
      expect(found).toEqual(expected);
    });

    // In another region the same name is another agency: no last year's report, no cross-year finding.
    const other = await freshDb();
    await run(['import', '--db', other, '--region', '河南省/三门峡市', SAMPLE('003')]);
    const elsewhere = await run(['import', '--db', other, '--region', '河南省/洛阳市', next]);
    expect(elsewhere.stdout).not.toContain('已对照');
    await withStore(other, async (store) => {
      const [stored] = await store.currentReports({ year: 2020 });
      expect((await store.diagnostics(stored!.id)).filter((d) => CROSS_YEAR.has(d.ruleId))).toEqual([]);
    });

    // 2020 imported before 2019: the 2019 import checks the 2020 report again, to the same findings.
    const reverse = await freshDb();
    await run(['import', '--db', reverse, '--region', '河南省/三门峡市', next]);
    const late = await run(['import', '--db', reverse, '--region', '河南省/三门峡市', SAMPLE('003')]);
    expect(late.stdout).toMatch(/2020 年报告（#\d+）已按本报告重新核对跨年度规则/);
    await withStore(reverse, async (store) => {
      const [stored] = await store.currentReports({ year: 2020 });
      const found = (await store.diagnostics(stored!.id))
        .filter((d) => CROSS_YEAR.has(d.ruleId))
        .map((d) => [d.ruleId, d.message]);
      expect(found).toEqual(expected);
    });
  }, 60_000);
});

describe('nianbao aggregate, agencies, merges', () => {
  let db: string;
  beforeAll(async () => {
    db = await freshDb();
    expect((await run(['import', '--db', db, 'examples/reports'])).code).toBe(0);
  }, 30_000);

  it('aggregate --year 2019 --format json sums the 2019 samples that partition the library', async () => {
    const r = await run(['aggregate', '--db', db, '--year', '2019', '--format', 'json']);
    expect(r.code).toBe(0);
    type Listed = { agency: string; reportId: number; scope: string | null; coveredBy?: number };
    const out = JSON.parse(r.stdout) as {
      report: Report;
      members: Listed[];
      covered: Listed[];
      regionReports: Listed[];
      missing: unknown[];
    };
    expect(Object.keys(out)).toEqual([
      'report',
      'members',
      'covered',
      'regionReports',
      'misfiled',
      'missing',
    ]);
    // 三门峡市's report is the city's as a whole (全市各级行政机关主动公开…): it stands for 义马市, a county-level city
    // of 三门峡市, whose own report is not added a second time.
    const sanmenxia = out.members.find((m) => m.agency === '三门峡市人民政府办公室')!;
    expect(sanmenxia.scope).toBe('region');
    expect(out.covered).toEqual([
      expect.objectContaining({ agency: '义马市人民政府办公室', coveredBy: sanmenxia.reportId }),
    ]);
    expect(out.regionReports).toEqual([]);

    // The expected sums, from the members' own extracted reports: blanks add nothing, all-blank stays blank.
    const reports = await Promise.all(SAMPLES.map(extracted));
    const of2019 = reports.filter((x) => x.year === 2019 && x.agency !== '义马市人民政府办公室');
    expect(of2019).toHaveLength(3);
    const sums = new Map<string, number | null>();
    for (const rep of of2019)
      for (const c of reportCells(rep)) {
        const had = sums.get(c.path) ?? null;
        sums.set(c.path, c.value === null ? had : (had ?? 0) + c.value);
      }
    const got = reportCells(out.report);
    expect(got.length).toBe(sums.size);
    for (const c of got) {
      const want = sums.get(c.path);
      if (want === null || want === undefined) expect(c.value, c.path).toBeNull();
      else expect(c.value, c.path).toBeCloseTo(want, 6);
    }
    expect(out.report.formatVersion).toBe('2019');
    expect(out.report.year).toBe(2019);
    expect(out.report.aggregate).toEqual({ members: 3 });
    expect(out.members.map((m) => (m as { agency: string }).agency).sort()).toEqual(
      of2019.map((x) => x.agency).sort(),
    );
    // 牧野区 reported for 2020 only: expected but missing in 2019.
    expect(out.missing).toEqual([{ agency: '新乡市牧野区人民政府办公室', region: null, years: [2020] }]);
    // The blanks summed as 0 are said on stderr, not in the JSON.
    expect(r.stderr).toContain('aggregate/blanks');
  }, 30_000);

  it('aggregate --format table lists members, reports not added and missing; xlsx goes to -o FILE', async () => {
    const t = await run(['aggregate', '--db', db, '--year', '2019']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('成员报告 3 份，缺报机构 1 个');
    expect(t.stdout).toMatch(/缺报机构：\n\s+新乡市牧野区人民政府办公室/);
    expect(t.stdout).toMatch(
      /不重复相加（已由所在地区的全域报告代表）：\n\s+义马市人民政府办公室.*由 #\d+ 三门峡市人民政府办公室 代表/,
    );
    // Table 3 row 一 总计 is the sum of the members' (265 + 0 + … as extracted).
    const reports = (await Promise.all(SAMPLES.map(extracted))).filter(
      (x) => x.year === 2019 && x.agency !== '义马市人民政府办公室',
    );
    const total = reports.reduce(
      (s, x) => s + ((x.requests.newlyReceived as { total: number | null }).total ?? 0),
      0,
    );
    expect(t.stdout).toMatch(new RegExp(`一、本年新收政府信息公开申请数量.*\\s${total}\\n`));

    const file = join(dir, 'sum.xlsx');
    const x = await run(['aggregate', '--db', db, '--year', '2019', '-f', 'xlsx', '-o', file]);
    expect(x.code).toBe(0);
    // The XLSX reads back as the same aggregate.
    const back = extract(await read(new Uint8Array(readFileSync(file)), { path: file })).report!;
    const json = JSON.parse((await run(['aggregate', '--db', db, '--year', '2019', '-f', 'json'])).stdout);
    expect(reportCells(back)).toEqual(reportCells(json.report));
  }, 60_000);

  it('agencies --year lists reported, missing and error counts', async () => {
    const r = await run(['agencies', '--db', db, '--year', '2019', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { agencies: { name: string; status: string; errors: number }[] };
    const byName = new Map(out.agencies.map((a) => [a.name, a]));
    expect(byName.get('新乡市牧野区人民政府办公室')!.status).toBe('missing');
    expect(byName.get('三门峡市人民政府办公室')!.status).toBe('reported');
    const errors = check(await extracted(SAMPLE('001'))).filter((d) => d.severity === 'error').length;
    expect(errors).toBeGreaterThan(0);
    expect(byName.get('市民政局')!.errors).toBe(errors);
    const text = await run(['agencies', '--db', db, '--lang', 'en']);
    // Without --year: the latest year in the library, 2020.
    expect(text.stdout).toContain('2020, all regions: 5 agencies, 1 reported, 4 missing');
    expect(text.stdout).toMatch(/^reported\s+新乡市牧野区人民政府办公室/m);
  }, 30_000);

  it('merges lists the proposals made on import and confirms or rejects one', async () => {
    const mdb = await freshDb();
    // 市民政局 of region 江西省/上饶市 is 上饶市民政局: a rename is proposed.
    const imp = await run(['import', '--db', mdb, '--region', '江西省/上饶市', SAMPLE('001')]);
    expect(imp.stdout).toMatch(/建议改名 #1：市民政局（江西省\/上饶市）→ 上饶市民政局/);
    const list = await run(['merges', '--db', mdb]);
    expect(list.stdout).toMatch(/^建议改名 #1：/);
    expect((await run(['merges', '--db', mdb, '--confirm', 'x'])).code).toBe(2);
    const ok = await run(['merges', '--db', mdb, '--confirm', '1', '--by', '张三']);
    expect([ok.code, ok.stdout]).toEqual([0, '已确认 #1\n']);
    const again = await run(['merges', '--db', mdb, '--reject', '1']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already confirmed');
    expect((await run(['merges', '--db', mdb])).stdout).toBe('没有待审核的合并建议\n');
    await withStore(mdb, async (store) => {
      expect((await store.agencies()).map((a) => a.name)).toEqual(['上饶市民政局']);
      expect((await store.proposals('all'))[0]!.decidedBy).toBe('张三');
    });
  }, 30_000);

  it('a database that cannot be opened is one message, exit 2', async () => {
    const r = await run(['agencies', '--db', 'postgres://nobody@127.0.0.1:1/none']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^nianbao: 无法打开数据库：/);
  }, 30_000);
});

describe('nianbao compare', () => {
  it('two files: the one changed cell, with its label and delta', async () => {
    const text = readFileSync(join(ROOT, SAMPLE('003')), 'utf8');
    const edited = join(dir, '003-edited.txt');
    writeFileSync(edited, text.replace(/251(\s+8\s+1\s+2\s+3\s+0\s+265)/, '252$1'));
    const r = await run(['compare', SAMPLE('003'), edited, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.cells).toEqual([
      {
        path: 'requests.newlyReceived.naturalPerson',
        label: '表三（依申请公开）“一、本年新收政府信息公开申请数量”行“自然人”列',
        a: 251,
        b: 252,
        delta: 1,
      },
    ]);
    expect(out.sections.map((s: { similarity: number | null }) => s.similarity)).toContain(1);
    const t = await run(['compare', SAMPLE('003'), edited]);
    expect(t.stdout).toMatch(/单元格差异 1 处\n.*\n\s+表三.*“自然人”列\s+251\s+252\s+\+1\n/);
  }, 30_000);

  it('html is a standalone page with every report text escaped', async () => {
    const report = await extracted(SAMPLE('000'));
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    writeFileSync(a, renderJson({ ...report, agency: '<script>alert(1)</script>局' }));
    writeFileSync(b, renderJson({ ...report, agency: 'A&B "局"', year: 2020 }));
    const r = await run(['compare', a, b, '-f', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(r.stdout).not.toContain('<script');
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;局');
    expect(r.stdout).toContain('A&amp;B &quot;局&quot;');
    expect(r.stdout).toContain('单元格差异：无');
  }, 30_000);

  it('--agency --years compares the current reports in the library; errors are named', async () => {
    const db = await freshDb();
    const text = readFileSync(join(ROOT, SAMPLE('003')), 'utf8');
    const next = join(dir, '003-2020b.txt');
    // The 2020 report: 一、本年新收 自然人 251 → 252 and the year changed.
    writeFileSync(
      next,
      text.replaceAll('2019年', '2020年').replace(/251(\s+8\s+1\s+2\s+3\s+0\s+265)/, '252$1'),
    );
    await run(['import', '--db', db, SAMPLE('003'), next]);
    const r = await run([
      'compare',
      '--db',
      db,
      '--agency',
      '三门峡市人民政府办公室',
      '--years',
      '2019,2020',
      '-f',
      'json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect([out.a.year, out.b.year, out.a.version]).toEqual([2019, 2020, 1]);
    expect(out.cells.map((c: { path: string }) => c.path)).toEqual(['requests.newlyReceived.naturalPerson']);
    const missing = await run([
      'compare',
      '--db',
      db,
      '--agency',
      '三门峡市人民政府办公室',
      '--years',
      '2019,2021',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('三门峡市人民政府办公室没有 2021 年的报告（有报告的年度：2019, 2020）');
    const nobody = await run([
      'compare',
      '--db',
      db,
      '--agency',
      '无此局',
      '--years',
      '2019,2020',
      '--lang',
      'en',
    ]);
    expect(nobody.stderr).toContain('no agency "无此局" in the library');
    expect((await run(['compare', SAMPLE('003')])).code).toBe(2);
  }, 30_000);
});
