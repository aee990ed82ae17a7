// Makes docs/images/<name>-html.png and <name>-pdf.png: what nianbao's HTML and PDF output look like, for the README.
//
// Run by hand (not in the tests): npx tsx scripts/make-images.ts
// Uses the browser PDF output uses (installed by npm; the HTML screenshot shows the fonts this machine has) and
// poppler-utils (pdftoppm, pdftotext).
// One report of each format version: sample 003 (2019 format, examples/reports/) and the 2021-format Word fixture
// (test/fixtures/docx/2021.docx), each read and extracted as any input is. It also prints the time per HTML render,
// the browser's launch time and the time per PDF.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { crc32, deflateSync } from 'node:zlib';
import { join } from 'node:path';
import { createCanvas, loadImage, type Image } from '@napi-rs/canvas';
import { chromium } from 'playwright-core';
import { extract } from '../src/extract/index.ts';
import type { Report } from '../src/model/report.ts';
import { read } from '../src/read/index.ts';
import { renderHtml } from '../src/render/report/html.ts';
import { findChromium, PdfRenderer } from '../src/render/report/pdf.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'docs/images');
const work = mkdtempSync(join(tmpdir(), 'nianbao-images-'));
mkdirSync(out, { recursive: true });

async function reportOf(path: string): Promise<Report> {
  const doc = await read(readFileSync(path), { path });
  const { report } = extract(doc);
  if (!report) throw new Error(`${path}: no report`);
  return report;
}

const sample = readdirSync(join(root, 'examples/reports')).find((f) => f.startsWith('003_'))!;
const reports: [string, Report][] = [
  ['sample-003', await reportOf(join(root, 'examples/reports', sample))],
  ['v2021', await reportOf(join(root, 'test/fixtures/docx/2021.docx'))],
];

/**
 * A canvas as an 8-bit greyscale PNG: the pages are black on white, and one channel with the best PNG filter per
 * row takes a third of the bytes of the RGBA PNG the canvas writes (the images stay under 300 KB).
 */
function greyPng(width: number, height: number, rgba: Uint8ClampedArray): Buffer {
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < grey.length; i++)
    grey[i] = Math.round(0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!);
  const raw = Buffer.alloc((width + 1) * height);
  const candidate = new Uint8Array(width);
  for (let y = 0; y < height; y++) {
    const row = grey.subarray(y * width, (y + 1) * width);
    const up = y > 0 ? grey.subarray((y - 1) * width, y * width) : new Uint8Array(width);
    let bestCost = Infinity;
    // PNG filters 0–4 (none, sub, up, average, Paeth); the one with the smallest sum of magnitudes wins.
    for (let f = 0; f <= 4; f++) {
      let cost = 0;
      for (let x = 0; x < width; x++) {
        const a = x > 0 ? row[x - 1]! : 0;
        const b = up[x]!;
        const c = x > 0 ? up[x - 1]! : 0;
        let pred = 0;
        if (f === 1) pred = a;
        else if (f === 2) pred = b;
        else if (f === 3) pred = (a + b) >> 1;
        else if (f === 4) {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
        const v = (row[x]! - pred) & 0xff;
        candidate[x] = v;
        cost += v < 128 ? v : 256 - v;
      }
      if (cost < bestCost) {
        bestCost = cost;
        raw[y * (width + 1)] = f;
        raw.set(candidate, y * (width + 1) + 1);
      }
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Images stacked top to bottom (or laid out in rows of `perRow`) on white, with a gap between them. */
function compose(images: Image[], perRow: number, gap: number): Buffer {
  const rows: Image[][] = [];
  for (let i = 0; i < images.length; i += perRow) rows.push(images.slice(i, i + perRow));
  const width = Math.max(...rows.map((r) => r.reduce((w, im) => w + im.width, 0) + gap * (r.length - 1)));
  const height =
    rows.reduce((h, r) => h + Math.max(...r.map((im) => im.height)), 0) + gap * (rows.length - 1);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#9a9a9a';
  ctx.fillRect(0, 0, width, height);
  let y = 0;
  for (const r of rows) {
    let x = 0;
    for (const im of r) {
      ctx.drawImage(im, x, y);
      x += im.width + gap;
    }
    y += Math.max(...r.map((im) => im.height)) + gap;
  }
  return greyPng(width, height, ctx.getImageData(0, 0, width, height).data);
}

const found = await findChromium();
const browser = await chromium.launch({
  executablePath: found.executablePath,
  args: ['--no-sandbox'],
  env: { ...process.env, ...found.env },
});
let launched = performance.now();
const pdfRenderer = await PdfRenderer.launch();
const launchMs = performance.now() - launched;
const pdfMs: number[] = [];

for (const [name, report] of reports) {
  // HTML: the page as a browser shows it, 1000 px wide: the top of the first sheet, then each table.
  const page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
  await page.setContent(renderHtml(report), { waitUntil: 'load' });
  await page.evaluate('document.fonts.ready.then(() => undefined)');
  const sheet = (await page.locator('article').boundingBox())!;
  // Regions of the sheet to show: its top (title and first lines), then each table with its section heading when
  // the section's text between them is short; regions that meet or overlap are shown as one.
  const regions: [number, number][] = [[sheet.y, sheet.y + 700]];
  for (const table of await page.locator('table').all()) {
    const box = (await table.boundingBox())!;
    const heading = (await table.locator('xpath=ancestor::section//h2').boundingBox())!;
    const top = box.y - heading.y < 250 ? heading.y - 8 : box.y - 8;
    const last = regions[regions.length - 1]!;
    if (top - last[1] < 40) last[1] = Math.max(last[1], box.y + box.height + 12);
    else regions.push([top, box.y + box.height + 12]);
  }
  const shots: Image[] = [];
  for (const [top, bottom] of regions)
    shots.push(
      await loadImage(
        await page.screenshot({
          fullPage: true,
          clip: { x: sheet.x, y: top, width: sheet.width, height: bottom - top },
        }),
      ),
    );
  await page.close();
  writeFileSync(join(out, `${name}-html.png`), compose(shots, 1, 6));

  // PDF: printed by the same code as `nianbao render --to pdf`, the pages holding the tables at 60 dpi.
  const t = performance.now();
  const pdf = await pdfRenderer.render(report);
  pdfMs.push(performance.now() - t);
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  const tablePages: number[] = [];
  for (let p = 1; p <= pages; p++) {
    const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), file, '-'], {
      encoding: 'utf8',
    });
    if (/信息内容|申请人情况|尚未/.test(text)) tablePages.push(p);
  }
  const images: Image[] = [];
  for (const p of tablePages) {
    const prefix = join(work, `${name}-p${p}`);
    execFileSync('pdftoppm', [
      '-r',
      '60',
      '-png',
      '-singlefile',
      '-f',
      String(p),
      '-l',
      String(p),
      file,
      prefix,
    ]);
    images.push(await loadImage(readFileSync(`${prefix}.png`)));
  }
  writeFileSync(join(out, `${name}-pdf.png`), compose(images, 3, 6));
  for (const kind of ['html', 'pdf'])
    console.log(
      `docs/images/${name}-${kind}.png  ${Math.round(statSync(join(out, `${name}-${kind}.png`)).size / 1024)} KB` +
        (kind === 'pdf' ? `  (pages ${tablePages.join(', ')} of ${pages})` : ''),
    );
}
await pdfRenderer.close();
await browser.close();

// Timings: HTML rendering alone, 200 renders of the two reports; the PDF figures are of the renders above.
launched = performance.now();
for (let i = 0; i < 200; i++) renderHtml(reports[i % 2]![1]);
const htmlMs = (performance.now() - launched) / 200;
console.log(
  `renderHtml: ${htmlMs.toFixed(2)} ms per report; PdfRenderer.launch: ${Math.round(launchMs)} ms; ` +
    `render to PDF: ${pdfMs.map((m) => Math.round(m)).join(', ')} ms`,
);
rmSync(work, { recursive: true, force: true });
