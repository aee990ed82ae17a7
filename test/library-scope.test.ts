// A region's library as a reviewer keeps it (issue 13, items 2 and 3): each report's scope decided from its text
// or set on import, a region's sum adding only the reports that partition it and comparing the region's own
// whole-region report with that sum, and a body filed under a region its name is not of named on import.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.ts';
import { SAMPLE, runMain as run } from './support/cli.ts';

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-scope-'));
  db = join(dir, 'db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Listed = { agency: string; reportId: number; scope: string | null };
type Out = {
  members: Listed[];
  covered: Listed[];
  regionReports: (Listed & { differences: unknown[] })[];
  misfiled: (Listed & { place: string; placeRegions: string[] })[];
};

async function sum(region: string): Promise<{ out: Out; stderr: string; table: string }> {
  const json = await run(['aggregate', '--db', db, '--year', '2019', '--region', region, '-f', 'json']);
  expect(json.code).toBe(0);
  const table = await run(['aggregate', '--db', db, '--year', '2019', '--region', region]);
  return { out: JSON.parse(json.stdout) as Out, stderr: json.stderr, table: table.stdout };
}

describe('the reports of 三门峡市 imported under their region', () => {
  let imported: string;
  beforeAll(async () => {
    const files = ['000', '001', '003', '004', '002'].map(SAMPLE);
    const r = await run(['import', '--db', db, '--region', '河南省/三门峡市', ...files]);
    expect(r.code).toBe(0);
    imported = r.stdout;
  }, 60_000);

  it('says on import what each report covers, and why where its text says it', async () => {
    expect(imported).toMatch(/003_\S+\s+三门峡市人民政府办公室 · 2019 .*范围：全域/);
    expect(imported).toMatch(/001_\S+\s+市民政局 · 2019 .*范围：部门/);
    expect(imported).toMatch(/002_\S+\s+新乡市牧野区人民政府办公室 · 2020 .*范围：本级/);
    const store = await openStore(db, { create: false });
    try {
      const [city] = (await store.currentReports({ year: 2019 })).filter(
        (r) => r.agency?.name === '三门峡市人民政府办公室',
      );
      expect(city!.scope).toEqual({
        scope: 'region',
        basis: 'text',
        evidence: '全市各级行政机关主动公开政府信息129790条',
      });
    } finally {
      await store.close();
    }
  });

  it('names a body of another city, and a province body, filed under 三门峡市 (item 3), and keeps the warning', async () => {
    expect(imported).toContain(
      '警告  “新乡市牧野区人民政府办公室”是新乡市牧野区（河南省/新乡市/牧野区）的机构，不在导入的地区 河南省/三门峡市 内',
    );
    expect(imported).toContain(
      '警告  “河南省机关事务管理局”是河南省的机构，在导入的地区 河南省/三门峡市 之上',
    );
    // The bodies of the region are not named.
    expect(imported).not.toMatch(/警告 {2}“(义马市|市民政局|三门峡市)/);
    const check = await run(['agencies', '--db', db, '--year', '2020', '--format', 'json']);
    expect(check.code).toBe(0);
    const store = await openStore(db, { create: false });
    try {
      const [muye] = await store.currentReports({ year: 2020 });
      const found = (await store.diagnostics(muye!.id)).filter((d) => d.ruleId === 'library/region-mismatch');
      expect(found).toHaveLength(1);
      expect(found[0]!.severity).toBe('warning');
    } finally {
      await store.close();
    }
  });

  it('does not add the city-wide report to its members, and compares it with their sum (item 2)', async () => {
    const { out, table } = await sum('河南省/三门峡市');
    expect(out.regionReports.map((r) => r.agency)).toEqual(['三门峡市人民政府办公室']);
    expect(out.members.map((m) => m.agency).sort()).toEqual(['义马市人民政府办公室', '市民政局'].sort());
    // The province body filed under the city is not the city's: listed, not counted.
    expect(out.misfiled).toEqual([
      expect.objectContaining({ agency: '河南省机关事务管理局', place: '河南省', placeRegions: ['河南省'] }),
    ]);
    expect(table).toMatch(
      /不计入（名称所属的地方不在本地区内，见 library\/region-mismatch）：\n\s+河南省机关事务管理局/,
    );
    // The city's 265 applications against the members': a difference, as a warning per cell.
    const differences = out.regionReports[0]!.differences as { ruleId: string; message: string }[];
    expect(differences.length).toBeGreaterThan(10);
    expect(new Set(differences.map((d) => d.ruleId))).toEqual(new Set(['aggregate-mismatch']));
    expect(table).toContain('本地区的全域报告（不相加，与成员之和比较）：');
    expect(table).toMatch(/三门峡市人民政府办公室.*全域.*\d+ 个单元格与成员之和不符/);
    expect(table).toMatch(/另有 \d+ 处不符/);
  }, 60_000);

  it('sums a county-level city by its own report alone', async () => {
    const { out } = await sum('河南省/三门峡市/义马市');
    expect(out.members.map((m) => m.agency)).toEqual(['义马市人民政府办公室']);
    expect(out.regionReports).toEqual([]);
  }, 60_000);

  it('a scope set on import corrects a stored report: the city office as 本级 is then added', async () => {
    const r = await run([
      'import',
      '--db',
      db,
      '--region',
      '河南省/三门峡市',
      '--scope',
      'own',
      SAMPLE('003'),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^未变\s.*范围：本级/);
    const { out, stderr } = await sum('河南省/三门峡市');
    expect(out.regionReports).toEqual([]);
    expect(out.members.map((m) => m.agency)).toContain('三门峡市人民政府办公室');
    // Now 本级 by a person's word: no scope is unknown, so nothing is said about scopes.
    expect(stderr).not.toContain('aggregate/scope-unknown');
  }, 60_000);

  it('refuses a scope that is not one', async () => {
    const r = await run(['import', '--db', db, '--scope', 'city', SAMPLE('003')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--scope');
  });
});

describe('a government report of unknown scope beside reports below it', () => {
  it('is added as its own, with a warning naming it and how to mark it; not when nothing lies below it', async () => {
    const other = join(dir, 'db2');
    // 义马市's office says nothing of what it covers; 市民政局 filed under 义马市 is 义马市民政局, a department of it.
    const office = await run(['import', '--db', other, '--region', '河南省/三门峡市', SAMPLE('000')]);
    expect(office.code).toBe(0);
    const alone = await run(['aggregate', '--db', other, '--year', '2019', '--region', '河南省/三门峡市']);
    expect(alone.stderr).not.toContain('aggregate/scope-unknown');

    const dept = await run(['import', '--db', other, '--region', '河南省/三门峡市/义马市', SAMPLE('001')]);
    expect(dept.code).toBe(0);
    const s = await run(['aggregate', '--db', other, '--year', '2019', '--region', '河南省/三门峡市']);
    expect(s.code).toBe(0);
    expect(s.stderr).toMatch(
      /warning {2}“义马市人民政府办公室”的年报（#\d+）没有说明统计范围是本级还是全市，按本级与其下 1 份报告一并相加.*nianbao import --scope region 重新标注 {2}\(aggregate\/scope-unknown\)/,
    );
    expect(s.stdout).toContain('成员报告 2 份');

    // Marked as the whole city's, it stands for its department, which is then not added again.
    await run(['import', '--db', other, '--region', '河南省/三门峡市', '--scope', 'region', SAMPLE('000')]);
    const marked = await run([
      'aggregate',
      '--db',
      other,
      '--year',
      '2019',
      '--region',
      '河南省/三门峡市',
      '-f',
      'json',
    ]);
    expect(marked.stderr).not.toContain('aggregate/scope-unknown');
    const out = JSON.parse(marked.stdout) as Out;
    expect(out.members.map((m) => m.agency)).toEqual(['义马市人民政府办公室']);
    expect(out.covered.map((m) => m.agency)).toEqual(['市民政局']);
  }, 90_000);
});
