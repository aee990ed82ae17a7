// The Report page in a real Chromium: a planted error (sample 002 with one figure changed) opened from the
// Library, its red cell and finding, the source beside it with the figure's span marked, the cell edited back with
// a reason into a new version without the finding, the audit entry, the XLSX downloaded and read back; a PDF
// report's page image with the figure's box drawn where the reader found it.
import ExcelJS from 'exceljs';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/check.ts';
import { importReport } from '../src/library.ts';
import { extractFile } from '../src/pipeline.ts';
import { openApp, type App } from './support/browser.ts';
import { ROOT } from './support/cli.ts';

const SAMPLES = readdirSync(join(ROOT, 'examples/reports')).filter((n) => n.endsWith('.txt'));
const SOURCE_002 = SAMPLES.find((n) => n.startsWith('002_'))!;
/** Sample 002 with 表三“（一）予以公开”行“自然人”列 (line 139) changed from 0 to 7: its row no longer sums. */
const PLANTED = readFileSync(join(ROOT, 'examples/reports', SOURCE_002), 'utf8')
  .split('\n')
  .map((line, i) => (i === 138 ? line.replace(/^\t0$/, '\t7') : line))
  .join('\n');
const PLANTED_NAME = 'planted-002.txt';
const CELL = 'requests.granted.naturalPerson';
const TOTAL = 'requests.granted.total';
const PDF = 'test/fixtures/pdf/sample-001.pdf';

let app: App;
let planted: number;
let pdf: number;
beforeAll(async () => {
  app = await openApp();
  app.page.on('response', (r) => {
    if (r.status() === 404 && new URL(r.url()).pathname === '/api/me') me404++;
  });
  for (const name of SAMPLES)
    await importReport(app.store, new Uint8Array(readFileSync(join(ROOT, 'examples/reports', name))), {
      fileName: name,
    });
  planted = (await importReport(app.store, new TextEncoder().encode(PLANTED), { fileName: PLANTED_NAME }))
    .reportId!;
  pdf = (await importReport(app.store, new Uint8Array(readFileSync(join(ROOT, PDF))), { fileName: PDF }))
    .reportId!;
}, 120_000);
afterAll(async () => app?.close());

/** expect.poll with room for a slow machine. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

/** A locator's text, trimmed. */
const text = async (l: import('playwright-core').Locator) => (await l.textContent())?.trim();

/** GET /api/me's 404s (login is another helper's; until it lands the app takes a 404 for single-user mode). */
let me404 = 0;
/** The problems seen, less one console 404 for each 404 of GET /api/me: any other failure stays. */
function problems(): string[] {
  let allowed = me404;
  return app.problems.filter((p) => !(/status of 404/.test(p) && allowed-- > 0));
}

describe('Report page', () => {
  it('the planted error: a sum rule fails on the row total, with a one-cell repair of the changed figure', async () => {
    const extracted = await extractFile(PLANTED_NAME, new TextEncoder().encode(PLANTED));
    expect(extracted.report!.requests).toMatchObject({ granted: { naturalPerson: 7, total: 0 } });
    const found = check(extracted.report!, { extraction: extracted.diagnostics });
    const t32 = found.find((d) => d.ruleId === 'T3-2');
    expect(t32?.severity).toBe('error');
    expect(t32?.path?.join('.')).toBe(TOTAL);
    expect(t32?.suggestions?.[0]).toMatchObject({ path: CELL.split('.'), value: 0 });
  });

  it('shows the red cell and its finding, the source marked, edits it back, and exports the edited figure', async () => {
    const { page } = app;
    await page.goto(app.url);
    // Opened from the Library: the planted report is the current version of 002's agency and year.
    const row = page.getByTestId('reports').locator('tbody tr').filter({ hasText: PLANTED_NAME });
    await row.getByRole('link').first().click();
    await page.waitForURL(new RegExp(`/reports/${planted}$`));
    const red = page.locator(`td[data-path="${TOTAL}"]`);
    await poll(() => red.getAttribute('class')).toMatch(/\bm-error\b/);
    const stored = (await app.store.diagnostics(planted)).filter((d) => d.severity === 'error');
    expect(stored.map((d) => d.ruleId).sort()).toEqual(['T3-2', 'T3-3']);
    const t32 = stored.find((d) => d.ruleId === 'T3-2')!;
    const listed = page.getByTestId('finding').filter({ hasText: t32.message });
    await poll(() => listed.count()).toBe(1);
    await poll(() => listed.getAttribute('data-path')).toBe(TOTAL);
    await poll(() => page.getByTestId('counts').textContent()).toContain('错误 2');

    // The cell clicked: the finding's message, and the source with the figure's span marked as written.
    await red.click();
    const detail = page.getByTestId('finding-detail');
    await poll(() => text(detail.locator('.message'))).toBe(t32.message);
    const mark = page.getByTestId('source').getByTestId('source-mark');
    await poll(() => mark.count()).toBe(1);
    const report = (await app.store.report(planted))!.report;
    const written = report.provenance![TOTAL]!;
    expect(written.source).toMatchObject({ kind: 'text', line: 145 });
    expect(await mark.textContent()).toBe(written.text);
    await poll(() => text(page.getByTestId('source').locator('.ln.hit .no'))).toBe('145');
    await app.shoot('app-report');
    // The rule's documentation, from GET /api/rules/T3-2.
    await detail.locator('summary').click();
    await poll(() => detail.locator('.markdown h3').textContent()).toContain('T3-2');

    // The changed figure: its source marked is the planted 7; edited back to 0 with a reason.
    const cell = page.locator(`td[data-path="${CELL}"]`);
    await cell.click();
    await poll(() => text(mark)).toBe('7');
    await cell.dblclick();
    const form = page.getByTestId('edit-form');
    await form.locator('input[name="value"]').fill('0');
    await form.getByRole('button', { name: '保存为新版本' }).click();
    await poll(() => text(form.getByRole('alert'))).toBe('请填写修改理由。');
    await form.locator('textarea[name="reason"]').fill('核对原件：予以公开自然人 0 件');
    await form.getByRole('button', { name: '保存为新版本' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(`/reports/${planted}`));
    const edited = Number(new URL(page.url()).pathname.split('/').pop());
    expect(edited).toBeGreaterThan(planted);
    await poll(() => text(page.locator(`td[data-path="${CELL}"]`))).toBe('0');
    await poll(() => page.locator('td.m-error').count()).toBe(0);
    await poll(() => page.getByTestId('finding').filter({ hasText: t32.message }).count()).toBe(0);
    expect((await app.store.diagnostics(edited)).filter((d) => d.severity === 'error')).toEqual([]);
    await poll(() => page.getByTestId('counts').textContent()).toContain('错误 0');
    await poll(() => page.getByTestId('versions').locator('option').count()).toBe(3);

    // The audit entry.
    await page.getByRole('tab', { name: '修改记录' }).click();
    const audit = page.getByTestId('audit').locator('tbody tr');
    await poll(() => audit.count()).toBe(1);
    await poll(() => audit.first().textContent()).toContain('核对原件：予以公开自然人 0 件');
    await poll(() => text(audit.first().locator('td').nth(3))).toBe('7');
    await poll(() => text(audit.first().locator('td').nth(4))).toBe('0');

    // The XLSX of the new version, downloaded and read back: its data sheet holds the edited figure.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-v3\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(await download.path()) as never);
    const figure = (wb: ExcelJS.Workbook, path: string) => {
      const [table, rowKey, column] = path.split('.');
      let value: unknown;
      wb.getWorksheet('data')!.eachRow((r) => {
        const v = r.values as unknown[];
        if (v[1] === table && v[2] === rowKey && v[4] === column) value = v[6];
      });
      return value;
    };
    expect(figure(workbook, CELL)).toBe(0);
    // The same cell of the planted version's export is the 7 (the check above can fail).
    const before = await app.server.inject({ url: `/api/reports/${planted}/export?to=xlsx` });
    const old = new ExcelJS.Workbook();
    await old.xlsx.load(before.rawPayload as never);
    expect(figure(old, CELL)).toBe(7);
    expect(problems()).toEqual([]);
  }, 90_000);

  it("a PDF report: the page image with the figure's box drawn where the reader found it", async () => {
    const { page } = app;
    await page.goto(`${app.url}reports/${pdf}`);
    const path = 'proactive.regulations.newlyPublished';
    await page.locator(`td[data-path="${path}"]`).click();
    const image = page.getByTestId('source-image');
    await poll(() =>
      image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);
    const span = (await app.store.report(pdf))!.report.provenance![path]!.source!;
    expect(span.kind).toBe('pdf');
    if (span.kind !== 'pdf') return;
    const view = (await app.server.inject({ url: `/api/reports/${pdf}/view` })).json();
    const pageInfo = view.pages.find((p: { n: number }) => p.n === span.page);
    const img = (await image.boundingBox())!;
    const box = (await page.getByTestId('source-box').boundingBox())!;
    // The box in PDF user space (y up) drawn on the page as seen (y down): the top edge is the box's y1.
    const [x0, , x1, y1] = span.box;
    expect((box.x - img.x) / img.width).toBeCloseTo(x0 / pageInfo.width, 2);
    expect((box.y - img.y) / img.height).toBeCloseTo((pageInfo.height - y1) / pageInfo.height, 2);
    expect(box.width / img.width).toBeCloseTo((x1 - x0) / pageInfo.width, 2);
    await expect
      .poll(() => page.getByTestId('source').locator('.where').textContent())
      .toContain(`第 ${span.page} 页`);
    await app.shoot('app-report-pdf');
    expect(problems()).toEqual([]);
  }, 60_000);
});
