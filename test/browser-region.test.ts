// The Region and Compare pages in a real Chromium: the samples filed under 河南省 and a second year of one agency;
// the region's sum in the official tables with the figure aggregateRegion gives, a chart drawn and its figures in a
// table; the agency's two years compared with the change marked and the carry-over finding (T3-6) on top.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReport } from '../src/library.ts';
import { extractFile } from '../src/pipeline.ts';
import { aggregateRegion } from '../src/region.ts';
import { renderJson } from '../src/render/report/json.ts';
import { openApp, type App } from './support/browser.ts';
import { ROOT } from './support/cli.ts';

const SAMPLES = readdirSync(join(ROOT, 'examples/reports'))
  .filter((n) => n.endsWith('.txt'))
  .sort();
const bytesOf = (file: string) => new Uint8Array(readFileSync(join(ROOT, file)));
const REGION = '河南省';
const YIMA = '义马市人民政府办公室';

let app: App;
/** Answers that were 404, by path: only GET /api/me may be (login is not in this server yet). */
const notFound: string[] = [];

beforeAll(async () => {
  app = await openApp();
  for (const f of SAMPLES)
    await importReport(app.store, bytesOf(`examples/reports/${f}`), { fileName: f, region: REGION });
  const first = await extractFile(SAMPLES[0]!, bytesOf(`examples/reports/${SAMPLES[0]}`));
  const later = JSON.parse(renderJson(first.report!));
  later.year = 2020;
  later.requests.newlyReceived.naturalPerson = 3;
  later.requests.newlyReceived.total = 3;
  later.requests.carriedOver.naturalPerson = 7;
  later.requests.carriedOver.total = 7;
  await importReport(app.store, new TextEncoder().encode(JSON.stringify(later)), {
    fileName: 'yima-2020.json',
    region: REGION,
  });
  app.page.on('response', (r) => {
    if (r.status() === 404) notFound.push(new URL(r.url()).pathname);
  });
}, 120_000);
afterAll(async () => app?.close());

/** The problems seen, less the one 404 of GET /api/me (its console line does not name the URL). */
function problems(): string[] {
  const meOnly = notFound.every((p) => p === '/api/me');
  return app.problems.filter((p) => !(meOnly && /status of 404/.test(p)));
}

describe('Region page', () => {
  it("shows the region's sum as aggregateRegion gives it, and charts with their figures", async () => {
    const { page } = app;
    const agg = await aggregateRegion(app.store, { year: 2019, region: REGION });
    const received = agg.result.report.requests.newlyReceived!.total;
    expect(typeof received).toBe('number');
    await page.goto(`${app.url}region?region=${encodeURIComponent(REGION)}&year=2019`);
    const sum = page.getByTestId('sum');
    const cell = sum.locator('td[data-path="requests.newlyReceived.total"]');
    await cell.waitFor();
    expect(await cell.textContent()).toBe(String(received));
    // The members listed, each a link to its report.
    const members = sum.getByTestId('members').locator('a');
    expect(await members.count()).toBe(agg.listing.members.length);
    expect(await members.first().getAttribute('href')).toBe(`/reports/${agg.listing.members[0]!.reportId}`);
    // The download of the sum's workbook.
    const xlsx = sum.getByRole('link', { name: 'XLSX' });
    expect(await xlsx.getAttribute('href')).toContain('to=xlsx');

    // The applications chart is drawn: a canvas with pixels that are not blank.
    const chart = page.getByTestId('chart-received');
    const canvas = chart.locator('canvas');
    await canvas.waitFor();
    await chart.scrollIntoViewIfNeeded();
    const inked = await canvas.evaluate((element) => {
      // The test's types have no DOM: the canvas as far as it is used.
      const c = element as unknown as {
        width: number;
        height: number;
        getContext(kind: '2d'): {
          getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
        };
      };
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      return { w: c.width, h: c.height, n };
    });
    expect(inked.w).toBeGreaterThan(100);
    expect(inked.n).toBeGreaterThan(1000);

    // Its figures a click away: each agency's 2019 applications as its stored report says.
    await chart.getByRole('button', { name: '查看数据表' }).click();
    const table = chart.locator('table.figures');
    await table.waitFor();
    const stored = await app.store.currentReports({ year: 2019, region: REGION });
    expect(stored.length).toBe(SAMPLES.length - 1);
    const headers = await table.locator('thead th').allTextContents();
    const col = headers.indexOf('2019');
    expect(col).toBeGreaterThan(0);
    for (const s of stored) {
      const row = table.locator('tbody tr').filter({ hasText: s.agency!.name });
      const cells = await row.first().locator('td').allTextContents();
      const v = s.report.requests.newlyReceived?.total;
      expect(cells[col]!.replace(/,/g, '')).toBe(v === null || v === undefined ? '' : String(v));
    }
    // 义马 2020: the planted 3.
    const yima = await table.locator('tbody tr').filter({ hasText: YIMA }).locator('td').allTextContents();
    expect(yima[headers.indexOf('2020')]).toBe('3');
    await page.getByTestId('chart-outcomes').scrollIntoViewIfNeeded();
    await app.shoot('app-region-charts');
    await page.getByTestId('region').scrollIntoViewIfNeeded();
    await app.shoot('app-region');
    expect(problems()).toEqual([]);
  });
});

describe('Compare page', () => {
  it("shows an agency's two years with the change marked and the carry-over finding", async () => {
    const { page } = app;
    await page.goto(`${app.url}compare?agency=${encodeURIComponent(YIMA)}&years=2019,2020`);
    const changed = page.locator('td.changed[data-path="requests.newlyReceived.total"]');
    await changed.waitFor();
    expect(await changed.locator('.now').textContent()).toBe('3');
    expect(await changed.locator('.was').textContent()).toBe('0 · +3');
    // Unchanged cells are not marked.
    expect(await page.locator('td.changed').count()).toBe(4);
    const cross = page.getByTestId('cross-year');
    await cross.locator('li').first().waitFor();
    const lines = await cross.locator('li').allTextContents();
    expect(lines.filter((l) => l.startsWith('T3-6'))).toHaveLength(2);
    expect(lines.some((l) => l.startsWith('X-5'))).toBe(true);
    await app.shoot('app-compare');
    expect(problems()).toEqual([]);
  });
});
