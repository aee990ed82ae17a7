// The print fonts: @font-face rules naming files of the npm packages, served to the page and nothing else.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dedupeCmap } from './cmap.ts';
import { findChromium } from './pdf.ts';
import { FACES, FONT_ORIGIN, PRINT_FONTS, printFontFaces, serveFonts } from './fonts.ts';

const require = createRequire(import.meta.url);

describe('printFontFaces', () => {
  const css = printFontFaces();
  const faces = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => m[1]!);

  it('declares Noto Serif SC and Noto Sans SC at 400 and 700, one whole font file each (no unicode-range subsets)', () => {
    const kinds = faces.map(
      (f) => `${/font-family: '([^']+)'/.exec(f)![1]} ${/font-weight: (\d+)/.exec(f)![1]}`,
    );
    expect(kinds.sort()).toEqual([
      `${PRINT_FONTS.sans} 400`,
      `${PRINT_FONTS.sans} 700`,
      `${PRINT_FONTS.serif} 400`,
      `${PRINT_FONTS.serif} 700`,
    ]);
    // A face in unicode-range subsets becomes one PDF font per subset the text touches.
    for (const f of faces) expect(f).not.toMatch(/unicode-range/);
  });

  it('names one TrueType file per face, on the served origin, and every file is a static TrueType font', () => {
    for (const f of faces) {
      const urls = [...f.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!);
      expect(urls).toHaveLength(1);
      const [, pkg, file] =
        /^https:\/\/fonts\.nianbao\.invalid\/(@expo-google-fonts\/[\w-]+)\/([\w/.-]+\.ttf)$/.exec(urls[0]!)!;
      const bytes = readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), file!));
      // An sfnt of TrueType outlines (version 0x00010000) with a glyf table and no fvar (not a variable font):
      // the kind Chromium embeds as CID TrueType rather than as Type 3 drawings.
      expect(bytes.readUInt32BE(0)).toBe(0x00010000);
      const tables = Array.from({ length: bytes.readUInt16BE(4) }, (_, i) =>
        bytes.toString('latin1', 12 + 16 * i, 16 + 16 * i),
      );
      expect(tables).toContain('glyf');
      expect(tables).not.toContain('fvar');
    }
    expect(FACES).toHaveLength(faces.length);
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
      const face = FACES[0]!;
      // Served with one code point per glyph in its cmap (cmap.ts).
      const size = dedupeCmap(
        readFileSync(join(dirname(require.resolve(`${face.pkg}/package.json`)), face.file)),
      ).length;
      const fetched = await page.evaluate(
        `Promise.all([
          fetch('${FONT_ORIGIN}${face.pkg}/${face.file}').then(async (r) => [r.status, (await r.arrayBuffer()).byteLength]),
          fetch('${FONT_ORIGIN}${face.pkg}/missing.ttf').then((r) => r.status),
          fetch('${FONT_ORIGIN}${face.pkg}/../../etc/passwd').then((r) => r.status, () => 'failed'),
          fetch('${FONT_ORIGIN}${face.pkg}/package.json').then((r) => r.status),
          fetch('https://reports.example.invalid/a.pdf').then((r) => r.status, () => 'failed'),
        ])`,
      );
      expect(fetched).toEqual([[200, size], 404, 404, 404, 'failed']);
      // Aborted by the route (net::ERR_FAILED), not a lookup that went out and found no such host.
      expect(failed.find((f) => f.startsWith('https://reports.example.invalid/'))).toMatch(
        /net::ERR_FAILED$/,
      );
    } finally {
      await browser.close();
    }
  }, 60_000);
});
