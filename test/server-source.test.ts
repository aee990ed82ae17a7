// The source beside a figure: GET /api/reports/:id/view gives the source as the reader saw it, and every figure's
// provenance span, looked up in that view, is the figure's text as written; GET /api/reports/:id/pages/:n.png draws
// a PDF's page (the box of a figure on it holds ink), cached, with its ETag; bad input gives clear JSON errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { load } from 'cheerio';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReport } from '../src/library.ts';
import { extractFile } from '../src/pipeline.ts';
import { renderJson } from '../src/render/report/json.ts';
import { buildServer } from '../src/server/index.ts';
import { PageImages } from '../src/server/pages.ts';
import type { SourceView } from '../src/server/source-schemas.ts';
import { openStore, type Store } from '../src/store/index.ts';

const ROOT = join(import.meta.dirname, '..');
const bytesOf = (file: string) => new Uint8Array(readFileSync(join(ROOT, file)));

/** The files stored, by the kind their view must have. */
const FILES = {
  text: [
    'test/fixtures/real/pingtan-czj-2019.txt',
    'test/fixtures/real/pingtan-scj-2024.txt',
    'examples/reports/003_b41a2553e1af1d3f.txt',
  ],
  html: [
    'test/fixtures/real/shuyang-fgj-2023.html',
    'test/fixtures/html/001-gbk-chrome.html',
    'test/fixtures/html/word-split-003.html',
  ],
  docx: ['test/fixtures/docx/000.docx', 'test/fixtures/docx/2021.docx'],
  doc: ['test/fixtures/doc/001.doc', 'test/fixtures/doc/2021.doc'],
  xlsx: ['test/fixtures/xlsx/filled-000-libreoffice.xlsx', 'test/fixtures/xlsx/2021-openpyxl.xlsx'],
  pdf: ['test/fixtures/pdf/wrapped-labels.pdf'],
} as const;
const PDF = FILES.pdf[0];

let store: Store;
let app: FastifyInstance;
const ids: Record<string, number> = {};

beforeAll(async () => {
  store = await openStore('memory:');
  app = await buildServer({ store, ocr: false });
  for (const f of Object.values(FILES).flat()) {
    const r = await importReport(store, bytesOf(f), { fileName: f.split('/').at(-1)! });
    expect(r.reportId, f).toBeTypeOf('number');
    ids[f] = r.reportId!;
  }
  // A report stored from its JSON: there is no source its spans point into.
  const first = await extractFile('x.txt', bytesOf(FILES.text[2]));
  const json = { ...JSON.parse(renderJson(first.report!)), year: 2031 };
  ids.json = (
    await importReport(store, new TextEncoder().encode(JSON.stringify(json)), { fileName: 'r.json' })
  ).reportId!;
}, 60_000);
afterAll(async () => {
  await app?.close();
  await store?.close();
});

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

interface Prov {
  text?: string;
  source?: Record<string, unknown> & { kind: string };
}
const provenanceOf = async (id: number) =>
  (await get(`/api/reports/${id}`)).json<{ provenance: Record<string, Prov> }>().provenance;

/** The text of lines (1-based line and column, end exclusive) as a span names it. */
function slice(lines: readonly string[], s: Record<string, number>): string {
  const { line, column, endLine, endColumn } = s as Record<string, number>;
  if (line === endLine) return lines[line! - 1]!.slice(column! - 1, endColumn! - 1);
  const out = [lines[line! - 1]!.slice(column! - 1)];
  for (let l = line! + 1; l < endLine!; l++) out.push(lines[l - 1]!);
  out.push(lines[endLine! - 1]!.slice(0, endColumn! - 1));
  return out.join('\n');
}

/** An A1 reference as 0-based row and column. */
function a1(ref: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return [Number(m[2]) - 1, [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1];
}

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * What the view holds at a span. A figure's text must be it exactly (a web page's: its markup taken out, entities
 * decoded, white space aside); the metadata (agency, year) come out of a sentence, whose span is the paragraph.
 */
function atSpan(view: SourceView, s: Prov['source'] & object): string {
  switch (view.kind) {
    case 'text':
    case 'doc':
      return slice(view.lines, s as never);
    case 'html':
      return squash(load(slice(view.lines, s as never).replace(/<[^>]*>/g, ''), null, false).text());
    case 'docx':
      return s.table === undefined
        ? view.paragraphs[s.paragraph as number]!
        : view.tables[s.table as number]![s.row as number]![s.cell as number]!;
    case 'xlsx': {
      const [r, c] = a1(s.cell as string);
      return view.sheets.find((x) => x.name === s.sheet)!.rows[r]![c]!;
    }
    default:
      throw new Error(`no text view: ${view.kind}`);
  }
}

describe('GET /api/reports/:id/view', () => {
  for (const [kind, files] of Object.entries(FILES).filter(([k]) => k !== 'pdf'))
    for (const file of files)
      it(`${kind}: every provenance span of ${file.split('/').at(-1)} is its text in the view`, async () => {
        const res = await get(`/api/reports/${ids[file]}/view`);
        expect(res.statusCode).toBe(200);
        const view = res.json<SourceView>();
        expect(view.kind).toBe(kind);
        // nianbao's own workbooks hold a flat data sheet of a row a figure, beyond the 200 rows a sheet is given to;
        // the figures' spans point into the layout sheets.
        if (kind === 'xlsx' && 'truncated' in view && view.truncated)
          expect(view.truncated.note).toMatch(/given to row 200 and column 60 at most: data \(\d+×7\)$/);
        else expect('truncated' in view && view.truncated).toBeFalsy();
        const provenance = await provenanceOf(ids[file]!);
        let figures = 0;
        for (const [path, p] of Object.entries(provenance)) {
          if (p.text === undefined || !p.source) continue;
          expect(p.source.kind, path).toBe(kind);
          const got = atSpan(view, p.source);
          const want = kind === 'html' ? squash(p.text) : p.text;
          if (path.includes('.')) {
            expect(got, `${file} ${path} ${JSON.stringify(p.source)}`).toBe(want);
            figures++;
          } else expect(squash(got), `${file} ${path}`).toContain(squash(p.text));
        }
        expect(figures).toBeGreaterThan(150);
      });

  it('a web page is its source: markup and all, decoded from its charset', async () => {
    const view = (await get(`/api/reports/${ids['test/fixtures/html/001-gbk-chrome.html']}/view`)).json<
      SourceView & { kind: 'html' }
    >();
    expect(view.lines.some((l) => /<table\b/i.test(l))).toBe(true);
    expect(view.lines.join('\n')).toContain('政府信息公开');
  });

  it('xlsx: cells from A1, a merge naming its range and covering its cells with null', async () => {
    const view = (
      await get(`/api/reports/${ids['test/fixtures/xlsx/filled-000-libreoffice.xlsx']}/view`)
    ).json<SourceView & { kind: 'xlsx' }>();
    const sheet = view.sheets.find((s) => s.merges.length > 0)!;
    const [from, to] = sheet.merges[0]!.split(':').map(a1);
    expect(sheet.rows[from![0]]![from![1]]).not.toBeNull();
    if (to![1] > from![1]) expect(sheet.rows[from![0]]![from![1] + 1]).toBeNull();
    for (const s of view.sheets) {
      expect(s.rows.length).toBeLessThanOrEqual(200);
      for (const r of s.rows) expect(r.length).toBeLessThanOrEqual(60);
    }
  });

  it('pdf: its pages in points, every figure box inside its page', async () => {
    const view = (await get(`/api/reports/${ids[PDF]}/view`)).json<SourceView & { kind: 'pdf' }>();
    expect(view.kind).toBe('pdf');
    expect(view.pages.length).toBe(5);
    for (const p of view.pages) {
      expect(p.width).toBeCloseTo(595.3, 0);
      expect(p.height).toBeCloseTo(841.9, 0);
      expect(p.transform).toEqual([1, 0, 0, -1, 0, p.height]);
    }
    const provenance = await provenanceOf(ids[PDF]!);
    let boxes = 0;
    for (const p of Object.values(provenance)) {
      if (p.source?.kind !== 'pdf') continue;
      const page = view.pages[(p.source.page as number) - 1]!;
      const [x0, y0, x1, y1] = p.source.box as number[];
      expect(x0).toBeGreaterThanOrEqual(page.view[0]);
      expect(y0).toBeGreaterThanOrEqual(page.view[1]);
      expect(x1).toBeLessThanOrEqual(page.view[2]);
      expect(y1).toBeLessThanOrEqual(page.view[3]);
      boxes++;
    }
    expect(boxes).toBeGreaterThan(150);
  });

  it("errors: no report, a report's JSON (no source to show)", async () => {
    const none = await get('/api/reports/99999/view');
    expect(none.statusCode).toBe(404);
    expect(none.json().error).toEqual({ code: 'not-found', message: 'no report 99999' });
    const json = await get(`/api/reports/${ids.json}/view`);
    expect(json.statusCode).toBe(404);
    expect(json.json().error.message).toMatch(/r\.json, a report's JSON file: it has no source to show/);
  });
});

/** The width and height a PNG's IHDR says. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('GET /api/reports/:id/pages/:n.png', () => {
  it('draws a page 1,200 pixels wide, with its ETag; a second ask is a 304', async () => {
    const url = `/api/reports/${ids[PDF]}/pages/2.png`;
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toMatch(/^private, max-age=\d+/);
    const { width, height } = pngSize(res.rawPayload);
    expect(width).toBe(1200);
    expect(height).toBe(Math.ceil(841.89 * Number(res.headers['x-page-scale'])));
    const etag = String(res.headers.etag);
    const sha = (await get(`/api/reports/${ids[PDF]}`)).json().file.sha256 as string;
    expect(etag).toContain(`${sha}-2-`);
    const again = await get(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    const half = await get(`/api/reports/${ids[PDF]}/pages/2.png?scale=0.5`);
    expect(pngSize(half.rawPayload)).toEqual({
      width: Math.ceil(595.304 / 2),
      height: Math.ceil(841.89 / 2),
    });
    expect(half.headers.etag).not.toBe(etag);
  });

  it("a figure's box (PDF user space, y up) falls on its ink in the page image", async () => {
    const view = (await get(`/api/reports/${ids[PDF]}/view`)).json<SourceView & { kind: 'pdf' }>();
    const provenance = await provenanceOf(ids[PDF]!);
    const res = await get(`/api/reports/${ids[PDF]}/pages/2.png`);
    const scale = Number(res.headers['x-page-scale']);
    const image = await loadImage(res.rawPayload);
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const [a, b, c, d, e, f] = view.pages[1]!.transform;
    /** Dark pixels inside a box of user space, the inner 80 % of it. */
    const ink = (box: number[]) => {
      const xs = [box[0]!, box[2]!].map((x, i) => (a * x + c * box[i * 2 + 1]! + e) * scale);
      const ys = [box[0]!, box[2]!].map((x, i) => (b * x + d * box[i * 2 + 1]! + f) * scale);
      const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
      const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
      const w = x1 - x0;
      const h = y1 - y0;
      const px = ctx.getImageData(
        Math.round(x0 + 0.1 * w),
        Math.round(y0 + 0.1 * h),
        Math.round(0.8 * w),
        Math.round(0.8 * h),
      );
      let dark = 0;
      for (let i = 0; i < px.data.length; i += 4) if (px.data[i]! < 128) dark++;
      return dark;
    };
    let checked = 0;
    for (const [path, p] of Object.entries(provenance)) {
      if (p.source?.kind !== 'pdf' || p.source.page !== 2 || !p.text || !/^\d+$/.test(p.text)) continue;
      expect(ink(p.source.box as number[]), path).toBeGreaterThan(10);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
    // Flipped (as if y grew down from the top), the boxes of table 1 land on the page's empty lower part.
    const box = provenance['proactive.licensing.decisions']!.source!.box as number[];
    expect(ink([box[0]!, 841.89 - box[3]!, box[2]!, 841.89 - box[1]!])).toBe(0);
  });

  it('errors: not a PDF, no such page, a bad page number, a scale too large', async () => {
    const text = await get(`/api/reports/${ids[FILES.text[0]]}/pages/1.png`);
    expect(text.statusCode).toBe(404);
    expect(text.json().error.message).toMatch(/pingtan-czj-2019\.txt, not a PDF/);
    const far = await get(`/api/reports/${ids[PDF]}/pages/6.png`);
    expect(far.statusCode).toBe(404);
    expect(far.json().error.message).toBe('wrapped-labels.pdf has 5 page(s): no page 6');
    for (const n of ['0', 'abc', '1.5'])
      expect((await get(`/api/reports/${ids[PDF]}/pages/${n}.png`)).statusCode, n).toBe(400);
    const big = await get(`/api/reports/${ids[PDF]}/pages/1.png?scale=20`);
    expect(big.statusCode).toBe(400);
    expect(big.json().error.message).toMatch(/wrapped-labels\.pdf .* at most scale 4\.\d+/);
    expect((await get(`/api/reports/99999/pages/1.png`)).statusCode).toBe(404);
  });

  it('a stored PDF that cannot be opened is a 422 naming the file, and the server goes on', async () => {
    const broken = Object.create(store) as Store;
    broken.sourceFile = async (id) => {
      const f = await store.sourceFile(id);
      return f && { ...f, bytes: f.bytes.subarray(0, 2000) };
    };
    const other = await buildServer({ store: broken, ocr: false });
    try {
      const res = await other.inject({ method: 'GET', url: `/api/reports/${ids[PDF]}/pages/1.png` });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('unreadable');
      expect(res.json().error.message).toMatch(/^wrapped-labels\.pdf: the PDF cannot be drawn \(/);
      expect((await other.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });
});

describe('PageImages', () => {
  const pdf = bytesOf(PDF);
  const source = { fileName: 'w.pdf', sha256: 'w', bytes: async () => pdf };

  it('keeps at most its bytes of PNG, the latest used', async () => {
    const sizes: number[] = [];
    const unbounded = new PageImages();
    try {
      for (const n of [1, 2, 3]) sizes.push((await unbounded.image(source, n, 0.5)).png.length);
      expect(unbounded.cachedBytes).toBe(sizes[0]! + sizes[1]! + sizes[2]!);
    } finally {
      await unbounded.close();
    }
    // Room for pages 2 and 3: page 1, the least recently used, goes.
    const pages = new PageImages({ cacheBytes: sizes[1]! + sizes[2]! });
    try {
      for (const n of [1, 2, 3]) await pages.image(source, n, 0.5);
      expect(pages.cachedBytes).toBe(sizes[1]! + sizes[2]!);
      await pages.image(source, 3, 0.5);
      expect(pages.stats).toEqual({ rendered: 3, hits: 1, opened: 1 });
      await pages.image(source, 1, 0.5);
      expect(pages.stats.rendered).toBe(4);
      expect(pages.cachedBytes).toBeLessThanOrEqual(sizes[1]! + sizes[2]!);
    } finally {
      await pages.close();
    }
  });

  it('a page with a huge MediaBox is drawn small by default, and refused large', async () => {
    // One page of 14,400 × 14,400 points (the largest PDF allows) with a figure on it.
    const pdfText = (body: string) => {
      const objects = [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
        `<< /Length ${body.length} >>\nstream\n${body}\nendstream`,
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      ];
      let out = '%PDF-1.4\n';
      const offsets: number[] = [];
      objects.forEach((o, i) => {
        offsets.push(out.length);
        out += `${i + 1} 0 obj\n${o}\nendobj\n`;
      });
      const xref = out.length;
      out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
      for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
      out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
      return new TextEncoder().encode(out);
    };
    const huge = pdfText('BT /F1 2000 Tf 1000 6000 Td (265) Tj ET');
    const pages = new PageImages();
    const src = { fileName: 'huge.pdf', sha256: 'huge', bytes: async () => huge };
    try {
      const scale = await pages.scaleOf(src, 1, undefined);
      expect(scale).toBeCloseTo(1200 / 14400, 3);
      const image = await pages.image(src, 1, scale);
      expect(pngSize(image.png)).toEqual({ width: 1200, height: 1200 });
      await expect(pages.scaleOf(src, 1, 1)).rejects.toMatchObject({
        status: 400,
        message: expect.stringMatching(/huge\.pdf \(14400×14400 points\) larger than 4000×4000 pixels/),
      });
    } finally {
      await pages.close();
    }
  });
});
