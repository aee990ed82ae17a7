// The app with login on (NIANBAO_AUTH=1) in a real Chromium: nothing but the login form until a user logs in; a
// wrong password refused with the server's message; a reviewer sees only the reports of their region; logging out
// brings the form back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReport } from '../src/library.ts';
import { openApp, type App } from './support/browser.ts';
import { ROOT, SAMPLES } from './support/cli.ts';

let app: App;
beforeAll(async () => {
  app = await openApp({ auth: true });
  // The samples: 三门峡市's bodies under 河南省/三门峡市, 牧野区's under 河南省/新乡市.
  for (const file of SAMPLES)
    await importReport(app.store, readFileSync(join(ROOT, file)), {
      fileName: file,
      region: file.includes('002_') ? '河南省/新乡市' : '河南省/三门峡市',
    });
  await app.store.addUser({
    name: 'li',
    role: 'reviewer',
    region: '河南省/新乡市',
    password: 'correct horse 9',
  });
});
afterAll(async () => app?.close());

describe('login', () => {
  it('shows only the form, refuses a wrong password, and shows a reviewer their region alone', async () => {
    const { page } = app;
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 401) refused.push(new URL(r.url()).pathname);
    });
    await page.goto(app.url);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    expect(await page.getByTestId('reports').count()).toBe(0);
    await page.getByLabel('用户名').fill('li');
    await page.getByLabel('密码').fill('wrong');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/./);
    await page.getByLabel('密码').fill('correct horse 9');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('user').waitFor();
    expect(await page.getByTestId('user').textContent()).toContain('li · reviewer · 河南省/新乡市');
    const rows = page.getByTestId('reports').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('新乡市牧野区人民政府办公室');
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('heading', { name: '登录' }).waitFor();
    // The wrong password's 401 and the pages' first look before login; every console error is one of those.
    expect(refused).toContain('/api/login');
    expect(app.problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
  });
});
