// The Library page in a real Chromium: a folder of the samples uploaded through the folder picker, each file's
// progress and result shown, the reports listed with their counts, filters, coverage, the English switch.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from './support/browser.ts';
import { ROOT } from './support/cli.ts';

const SAMPLES = readdirSync(join(ROOT, 'examples/reports')).filter((n) => n.endsWith('.txt'));

let app: App;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => app?.close());

describe('Library page', () => {
  it('uploads a folder, shows every file done, and lists the stored reports with their counts', async () => {
    const { page } = app;
    await page.goto(app.url);
    await page.getByText('文库中没有符合条件的年报').waitFor();
    await page.getByTestId('pick-folder').setInputFiles(join(ROOT, 'examples/reports'));
    await page.getByText(`完成：${SAMPLES.length} 个文件`).waitFor({ timeout: 60_000 });
    const rows = page.getByTestId('batch').locator('li');
    expect(await rows.count()).toBe(SAMPLES.length);
    for (const name of SAMPLES)
      await expect(rows.filter({ hasText: name }).textContent()).resolves.toMatch(/已入库/);

    // The list, as the store holds it: every sample, with the errors and warnings stored for it.
    const table = page.getByTestId('reports');
    await table.waitFor();
    const stored = (await app.store.listReports({ pageSize: 100 })).items;
    expect(stored).toHaveLength(SAMPLES.length);
    expect(await table.locator('tbody tr').count()).toBe(stored.length);
    for (const r of stored) {
      const cells = await table
        .locator('tbody tr')
        .filter({ hasText: r.fileName })
        .locator('td')
        .allTextContents();
      expect(cells[0]).toBe(r.agency);
      expect([cells[4], cells[5]]).toEqual([String(r.errors), String(r.warnings)]);
    }
    await app.shoot('app-library');

    // A status filter: only the reports with errors.
    await page.locator('select').nth(2).selectOption('errors');
    await expect
      .poll(() => table.locator('tbody tr').count())
      .toBe(stored.filter((r) => r.errors > 0).length);
    await page.locator('select').nth(2).selectOption('');

    // Opening a report from the list.
    await table.getByRole('link', { name: '市民政局' }).click();
    await page.locator('table.official-table').first().waitFor();
    expect(page.url()).toMatch(/\/reports\/\d+$/);

    // English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('header nav').getByRole('link', { name: 'Library' }).click();
    await page.getByText('Drop report files or folders here').waitFor();
    expect(app.problems).toEqual([]);
  });
});
