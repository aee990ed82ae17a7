// GET /api/dashboard and GET /api/compare/findings in process (fastify.inject) over the samples filed under 河南省, a
// second year of one agency (its carry-over changed) and a 2021-format report: every figure is checked against the
// stored reports themselves — their cells, their stored findings, the sums of the members' tables.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReport } from '../src/library.ts';
import type { Report } from '../src/model/report.ts';
import { extractFile } from '../src/pipeline.ts';
import { aggregateRegion } from '../src/region.ts';
import { renderJson } from '../src/render/report/json.ts';
import { buildServer } from '../src/server/index.ts';
import { openStore, type Store, type StoredReport } from '../src/store/index.ts';

const ROOT = join(import.meta.dirname, '..');
const SAMPLES = readdirSync(join(ROOT, 'examples/reports'))
  .filter((f) => f.endsWith('.txt'))
  .sort();
const bytesOf = (file: string) => new Uint8Array(readFileSync(join(ROOT, file)));
const YIMA = '义马市人民政府办公室';
const REGION = '河南省';

let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  store = await openStore('memory:');
  app = await buildServer({ store, ocr: false, web: false });
  for (const f of SAMPLES)
    await importReport(store, bytesOf(`examples/reports/${f}`), { fileName: f, region: REGION });
  // 义马 a year later: 3 applications received, and 7 carried over where 2019 carried 0 forward (T3-6).
  const first = await extractFile(SAMPLES[0]!, bytesOf(`examples/reports/${SAMPLES[0]}`));
  const later = JSON.parse(renderJson(first.report!));
  later.year = 2020;
  later.requests.newlyReceived.naturalPerson = 3;
  later.requests.newlyReceived.total = 3;
  later.requests.carriedOver.naturalPerson = 7;
  later.requests.carriedOver.total = 7;
  await importReport(store, new TextEncoder().encode(JSON.stringify(later)), {
    fileName: 'yima-2020.json',
    region: REGION,
  });
  await importReport(store, bytesOf('test/fixtures/html/2021-official.html'), {
    fileName: '2021-official.html',
    region: REGION,
  });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await store?.close();
});

const get = (url: string) => app.inject({ method: 'GET', url });

interface Block {
  upheld: number | null;
  corrected: number | null;
  other: number | null;
  pending: number | null;
  total: number | null;
}
interface Answer {
  region: string | null;
  years: number[];
  reports: {
    reportId: number;
    year: number;
    agency: string | null;
    formatVersion: string;
    received: number | null;
    errors: number;
    warnings: number;
  }[];
  sums: {
    year: number;
    members: number;
    formatVersion: string;
    indicators: {
      applications: number | null;
      handled: number | null;
      shares: Record<string, number | null>;
      reviewCorrectionRate: number | null;
      litigationCorrectionRate: number | null;
    };
    review: Block;
    litigationDirect: Block;
    litigationAfterReview: Block;
  }[];
  rules: { year: number; rule: string; severity: string; count: number; reports: number }[];
}

/** The 总计 of a row of table 3 (a blank: null). */
function total(report: Report, row: string): number | null {
  const v = (report.requests[row] as { total?: number | null } | undefined)?.total;
  return typeof v === 'number' ? v : null;
}

/** The current reports of a year under the region, as the store holds them. */
async function current(year: number): Promise<StoredReport[]> {
  return store.currentReports({ year, region: REGION });
}

describe('GET /api/dashboard', () => {
  it("gives each current report's applications received and counts of findings, as the stored reports say", async () => {
    const res = await get(`/api/dashboard?region=${encodeURIComponent(REGION)}`);
    expect(res.statusCode).toBe(200);
    const d = res.json() as Answer;
    expect(d.years).toEqual([2019, 2020, 2022]);
    expect(d.years).toEqual(await store.years());
    // Both formats are among them: the 2021 format's cell of 新收 is read at the same path.
    expect(new Set(d.reports.map((r) => r.formatVersion))).toEqual(new Set(['2019', '2021']));

    let n = 0;
    for (const year of d.years) {
      const stored = await current(year);
      const rows = d.reports.filter((r) => r.year === year);
      expect(rows.map((r) => r.reportId).sort()).toEqual(stored.map((s) => s.id).sort());
      for (const s of stored) {
        const row = rows.find((r) => r.reportId === s.id)!;
        const diags = await store.diagnostics(s.id);
        expect(row.agency).toBe(s.agency?.name ?? null);
        expect(row.received).toBe(total(s.report, 'newlyReceived'));
        expect(row.errors).toBe(diags.filter((x) => x.severity === 'error').length);
        expect(row.warnings).toBe(diags.filter((x) => x.severity === 'warning').length);
        n++;
      }
      // Most errors first within a year (the units with the most errors).
      const errors = rows.map((r) => r.errors);
      expect(errors).toEqual([...errors].sort((a, b) => b - a));
    }
    expect(n).toBe(SAMPLES.length + 2);
    // 义马 2020's figure is the one planted.
    expect(d.reports.find((r) => r.year === 2020 && r.agency === YIMA)?.received).toBe(3);
  });

  it('counts the findings by year, rule and severity as the stored findings are', async () => {
    const d = (await get(`/api/dashboard?region=${encodeURIComponent(REGION)}`)).json() as Answer;
    const expected = new Map<string, { count: number; reports: Set<number> }>();
    for (const year of d.years)
      for (const s of await current(year))
        for (const x of await store.diagnostics(s.id)) {
          const key = `${year}|${x.ruleId}|${x.severity}`;
          const e = expected.get(key) ?? { count: 0, reports: new Set<number>() };
          e.count++;
          e.reports.add(s.id);
          expected.set(key, e);
        }
    expect(expected.size).toBeGreaterThan(3);
    expect(d.rules).toHaveLength(expected.size);
    for (const r of d.rules) {
      const e = expected.get(`${r.year}|${r.rule}|${r.severity}`);
      expect(e, `${r.year} ${r.rule} ${r.severity}`).toBeDefined();
      expect([r.count, r.reports]).toEqual([e!.count, e!.reports.size]);
    }
    for (const year of d.years) {
      const counts = d.rules.filter((r) => r.year === year).map((r) => r.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    }
  });

  it("gives each year's sum: table 4 and the indicators, from the members' own figures", async () => {
    const d = (await get(`/api/dashboard?region=${encodeURIComponent(REGION)}`)).json() as Answer;
    for (const s of d.sums) {
      const agg = await aggregateRegion(store, { year: s.year, region: REGION });
      const ids = agg.listing.members.map((m) => m.reportId);
      const members: Report[] = [];
      for (const id of ids) members.push((await store.report(id))!.report);
      expect(s.members).toBe(members.length);
      const add = (f: (r: Report) => number | null | undefined) =>
        members.reduce((sum, r) => sum + (f(r) ?? 0), 0);
      const block = (key: string) => (r: Report) => r.reviewLitigation[key] as Partial<Block> | undefined;
      for (const key of ['review', 'litigationDirect', 'litigationAfterReview'] as const)
        for (const col of ['upheld', 'corrected', 'other', 'pending', 'total'] as const)
          expect(s[key][col], `${s.year} ${key}.${col}`).toBe(add((r) => block(key)(r)?.[col]));
      expect(s.indicators.applications).toBe(add((r) => total(r, 'newlyReceived')));
      // The correction rate: 结果纠正 ÷ (维持 + 纠正 + 其他), 尚未审结 left out.
      const decided = (k: string) =>
        add((r) => block(k)(r)?.upheld) + add((r) => block(k)(r)?.corrected) + add((r) => block(k)(r)?.other);
      const review = decided('review');
      expect(s.indicators.reviewCorrectionRate).toBe(
        review === 0 ? null : add((r) => block('review')(r)?.corrected) / review,
      );
      const lit = decided('litigationDirect') + decided('litigationAfterReview');
      expect(s.indicators.litigationCorrectionRate).toBe(
        lit === 0
          ? null
          : (add((r) => block('litigationDirect')(r)?.corrected) +
              add((r) => block('litigationAfterReview')(r)?.corrected)) /
              lit,
      );
      // The shares of the outcomes: 予以公开 ÷ （七）总计.
      const handled = add((r) => total(r, 'totalHandled'));
      expect(s.indicators.handled).toBe(handled);
      expect(s.indicators.shares.granted).toBe(
        handled === 0 ? null : add((r) => total(r, 'granted')) / handled,
      );
    }
    // The 2021-format year is summed in its own format.
    expect(d.sums.find((s) => s.year === 2022)?.formatVersion).toBe('2021');
    expect(d.sums.find((s) => s.year === 2022)?.indicators.shares.denied).toBeGreaterThan(0);
  });

  it('takes the years asked, a region with no report, and refuses what is not a list of years', async () => {
    const d = (
      await get(`/api/dashboard?region=${encodeURIComponent(REGION)}&years=2020,2019`)
    ).json() as Answer;
    expect(d.years).toEqual([2019, 2020]);
    expect(new Set(d.reports.map((r) => r.year))).toEqual(new Set([2019, 2020]));
    expect(d.sums.map((s) => s.year)).toEqual([2019, 2020]);

    const elsewhere = (await get(`/api/dashboard?region=${encodeURIComponent('河北省')}`)).json() as Answer;
    expect(elsewhere.reports).toEqual([]);
    expect(elsewhere.rules).toEqual([]);
    expect(elsewhere.sums.every((s) => s.members === 0)).toBe(true);

    for (const bad of ['abc', '2019,20', '2019;2020']) {
      const res = await get(`/api/dashboard?years=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe('bad-request');
    }
  });
});

describe('GET /api/compare/findings', () => {
  it('checks the later year against the earlier: the carry-over (T3-6) and the copied text (X-5)', async () => {
    const res = await get(`/api/compare/findings?agency=${encodeURIComponent(YIMA)}&years=2020,2019`);
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect([c.a.year, c.b.year]).toEqual([2019, 2020]);
    const t36 = c.diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'T3-6');
    // 7 carried over against the 0 carried forward, in 自然人 and 总计.
    expect(t36.map((d: { path: string[] }) => d.path.join('.')).sort()).toEqual([
      'requests.carriedOver.naturalPerson',
      'requests.carriedOver.total',
    ]);
    // The text is the same as the year before: X-5.
    expect(c.diagnostics.some((d: { ruleId: string }) => d.ruleId === 'X-5')).toBe(true);
    expect(c.diagnostics.every((d: { ruleId: string }) => c.rules.includes(d.ruleId))).toBe(true);

    expect(
      (await get(`/api/compare/findings?agency=${encodeURIComponent('不存在的局')}&years=2019,2020`))
        .statusCode,
    ).toBe(404);
    const none = await get(`/api/compare/findings?agency=${encodeURIComponent(YIMA)}&years=2019,2023`);
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toContain('2023');
    expect((await get(`/api/compare/findings?agency=x&years=2019`)).statusCode).toBe(400);
  });
});
