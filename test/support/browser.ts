// Browser tests' harness: the server (in process, on an empty embedded library, serving the built web app) on a
// free loopback port, and a real headless Chromium (the one PDF output uses: findChromium) on a 1366×768 page.
// Every console error, uncaught page error and CSP refusal is collected: a test asserts there were none.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from '../../src/render/report/pdf.ts';
import { buildServer } from '../../src/server/index.ts';
import { WEB_DIST } from '../../src/server/web.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { ROOT } from './cli.ts';

export interface App {
  url: string;
  store: Store;
  server: FastifyInstance;
  browser: Browser;
  page: Page;
  /** Console errors, page errors and CSP refusals seen so far. */
  problems: string[];
  /** A screenshot of the page as `name`.png: into docs/images/ when NIANBAO_SCREENSHOTS=1, else a temp folder. */
  shoot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Console messages that are not the app's fault. */
const EXPECTED = [/favicon/];

export async function openApp(
  options: { viewport?: { width: number; height: number }; auth?: boolean } = {},
): Promise<App> {
  const store = await openStore('memory:');
  const server = await buildServer({ store, ocr: false, web: WEB_DIST, auth: options.auth ?? false });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  const choice = await findChromium();
  const browser = await chromium.launch({
    executablePath: choice.executablePath,
    headless: true,
    args: ['--no-sandbox'],
    env: { ...process.env, ...choice.env },
  });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1366, height: 768 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !EXPECTED.some((e) => e.test(m.text())))
      problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const shots =
    process.env.NIANBAO_SCREENSHOTS === '1' ? join(ROOT, 'docs/images') : join(ROOT, 'data/screenshots');
  mkdirSync(shots, { recursive: true });
  return {
    url,
    store,
    server,
    browser,
    page,
    problems,
    async shoot(name) {
      const path = join(shots, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async close() {
      await browser.close();
      await server.close();
      await store.close();
    },
  };
}
