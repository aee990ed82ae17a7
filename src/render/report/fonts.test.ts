// The print fonts: @font-face rules naming files of the npm packages, served to the page and nothing else.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findChromium } from './pdf.ts';
import { FONT_ORIGIN, PRINT_FONTS, printFontFaces, serveFonts } from './fonts.ts';

const require = createRequire(import.meta.url);

describe('printFontFaces', () => {
  const css = printFontFaces();
  const faces = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => m[1]!);

  it('declares Noto Serif SC and Noto Sans SC at 400 and 700, each in its unicode-range subsets', () => {
    const kinds = new Set(
      faces.map((f) => `${/font-family: '([^']+)'/.exec(f)![1]} ${/font-weight: (\d+)/.exec(f)![1]}`),
    );
    expect([...kinds].sort()).toEqual([
      `${PRINT_FONTS.sans} 400`,
      `${PRINT_FONTS.sans} 700`,
      `${PRINT_FONTS.serif} 400`,
      `${PRINT_FONTS.serif} 700`,
    ]);
    expect(faces.length).toBeGreaterThan(4 * 90);
    for (const f of faces) expect(f).toMatch(/unicode-range: U\+/);
  });

  it('names one WOFF2 file per face, on the served origin, and every file exists in its package', () => {
    for (const f of faces) {
      const urls = [...f.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!);
      expect(urls).toHaveLength(1);
      const [, pkg, file] =
        /^https:\/\/fonts\.nianbao\.invalid\/(@fontsource\/[\w-]+)\/([\w.-]+\.woff2)$/.exec(urls[0]!)!;
      expect(existsSync(join(dirname(require.resolve(`${pkg}/package.json`)), 'files', file!))).toBe(true);
    }
    expect(css).not.toMatch(/\.woff\)|\.\/files/);
  });
});

describe('serveFonts', () => {
  it('answers font requests from node_modules and aborts every other request (no network)', async () => {
    const found = await findChromium();
    const browser = await chromium.launch({
      executablePath: found.executablePath,
      args: ['--no-sandbox'],
      env: { ...process.env, ...found.env },
    });
    try {
      const page = await browser.newPage();
      await serveFonts(page);
      const failed: string[] = [];
      page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
      await page.setContent('<p>x</p>');
      const file = 'noto-serif-sc-100-400-normal.woff2';
      const size = readFileSync(
        join(dirname(require.resolve('@fontsource/noto-serif-sc/package.json')), 'files', file),
      ).length;
      const fetched = await page.evaluate(
        `Promise.all([
          fetch('${FONT_ORIGIN}@fontsource/noto-serif-sc/${file}').then(async (r) => [r.status, (await r.arrayBuffer()).byteLength]),
          fetch('${FONT_ORIGIN}@fontsource/noto-serif-sc/missing.woff2').then((r) => r.status),
          fetch('${FONT_ORIGIN}@fontsource/noto-serif-sc/../../etc/passwd').then((r) => r.status, () => 'failed'),
          fetch('https://reports.example.invalid/a.pdf').then((r) => r.status, () => 'failed'),
        ])`,
      );
      expect(fetched).toEqual([[200, size], 404, 'failed', 'failed']);
      // Aborted by the route (net::ERR_FAILED), not a lookup that went out and found no such host.
      expect(failed.find((f) => f.startsWith('https://reports.example.invalid/'))).toMatch(
        /net::ERR_FAILED$/,
      );
    } finally {
      await browser.close();
    }
  }, 60_000);
});
