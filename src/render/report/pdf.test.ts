// PDF output: the official page printed by headless Chromium (the one npm installs) and read back by the project's
// PDF reader; the type it is set in; how the browser is found.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../extract/index.ts';
import type { FormatVersion } from '../../model/format.ts';
import { formatOf } from '../../model/formats/index.ts';
import type { Document } from '../../model/document.ts';
import { blankReport, cellsOf, rowValues, type Report } from '../../model/report.ts';
import { read } from '../../read/index.ts';
import { assetUrls, loadPdfJs } from '../../read/pdf/load.ts';
import { officialLayout } from '../layout.ts';
import { words } from './breaks.ts';
import { isSubheading } from './html.ts';
import { reportDifferences, sampleReports } from '../../../test/support/roundtrip.ts';
import { packagedPlatform } from './chromium.ts';
import { findChromium, PdfRenderer, renderPdf } from './pdf.ts';

const samples = sampleReports();
const fixture2021 = new URL('../../../test/fixtures/docx/2021.docx', import.meta.url);

const MM = 72 / 25.4;
/** The type area of GB/T 9704 on A4, in PDF points: 28 mm from the left edge, 26 mm from the right. */
const TYPE_AREA = { left: 28 * MM, right: (210 - 26) * MM };

let renderer: PdfRenderer;
beforeAll(async () => {
  renderer = await PdfRenderer.launch();
}, 60_000);
afterAll(async () => {
  await renderer?.close();
});

async function roundTrip(report: Report) {
  const pdf = await renderer.render(report);
  const doc = await read(pdf, { path: 'x.pdf' });
  return { pdf, doc, ...extract(doc) };
}

/** The boxes of every table cell the reader found, for checking that nothing lies outside the type area. */
function cellBoxes(doc: Document): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (const b of doc.blocks)
    if (b.kind === 'table')
      for (const r of b.rows) for (const c of r.cells) if (c.source.kind === 'pdf') out.push(c.source.box);
  return out;
}

describe('PdfRenderer', () => {
  it('prints an A4 PDF', async () => {
    const pdf = await renderer.render(samples[0]!.report);
    expect(new TextDecoder('latin1').decode(pdf.subarray(0, 5))).toBe('%PDF-');
    const text = new TextDecoder('latin1').decode(pdf);
    // A4 is 595.28 × 841.89 pt; Chromium rounds the media box to 594.96 × 841.92.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
    expect(Number(box![1])).toBeCloseTo(595, 0);
    expect(Number(box![2])).toBeCloseTo(842, 0);
  });

  for (const { file, report } of samples)
    it(`sample ${file}: read back from the PDF, same agency, year, version and every cell`, async () => {
      const back = await roundTrip(report);
      expect(reportDifferences(report, back.report)).toEqual([]);
      const boxes = cellBoxes(back.doc);
      expect(boxes.length).toBeGreaterThan(200);
      for (const [x0, , x1] of boxes) {
        expect(x0).toBeGreaterThanOrEqual(TYPE_AREA.left - 1);
        expect(x1).toBeLessThanOrEqual(TYPE_AREA.right + 1);
      }
    }, 60_000);

  for (const version of ['2019', '2021'] as FormatVersion[])
    it(`the widest figures fit their cells, inside the type area (${version}: every cell 7 digits, amounts 11 characters)`, async () => {
      const report: Report = {
        ...blankReport(version),
        agency: '某某省人民政府办公厅',
        year: formatOf(version).years[0],
      };
      let i = 0;
      for (const { table, row, column } of cellsOf(formatOf(version)))
        rowValues(report[table.key], row)[column.key] =
          column.kind === 'amount' ? 987654.3219 : column.kind === 'signed' ? -999999 : 9_000_000 + i++;
      const back = await roundTrip(report);
      // A figure cut off, wrapped in two or run into its neighbour would not read back.
      expect(reportDifferences(report, back.report)).toEqual([]);
      for (const [x0, , x1] of cellBoxes(back.doc)) {
        expect(x0).toBeGreaterThanOrEqual(TYPE_AREA.left - 1);
        expect(x1).toBeLessThanOrEqual(TYPE_AREA.right + 1);
      }
    }, 60_000);
});

/** A printed text line: its text, left and right edges and baseline, in PDF points from the page's bottom left. */
interface PrintedLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
}

/** Each page's text lines, top to bottom, as pdf.js reads them (its items on one baseline joined, left to right). */
async function printedLines(pdf: Uint8Array): Promise<PrintedLine[][]> {
  const pdfjs = await loadPdfJs();
  const doc = await pdfjs.getDocument({ data: pdf.slice(), ...assetUrls() }).promise;
  const pages: PrintedLine[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const lines = new Map<number, { x: number; w: number; s: string }[]>();
    for (const i of content.items)
      if ('str' in i && i.str.trim() !== '') {
        const y = Math.round(i.transform[5] as number);
        lines.set(y, [...(lines.get(y) ?? []), { x: i.transform[4] as number, w: i.width, s: i.str }]);
      }
    pages.push(
      [...lines.entries()]
        .sort((a, b) => b[0] - a[0])
        .map(([y, items]) => {
          items.sort((a, b) => a.x - b.x);
          const last = items[items.length - 1]!;
          return { text: items.map((i) => i.s).join(''), x0: items[0]!.x, x1: last.x + last.w, y };
        }),
    );
  }
  await doc.destroy();
  return pages;
}

describe('the printed look (issue 13, item 14)', () => {
  const pageNumber = /^—\s*(\d+)\s*—$/;

  it("breaks a long title after the body's name, never inside a word", async () => {
    const report = samples.find((s) => s.report.agency === '义马市人民政府办公室')!.report;
    const [first] = await printedLines(await renderer.render(report));
    expect(first!.slice(0, 2).map((l) => l.text)).toEqual([
      '义马市人民政府办公室',
      '2019年政府信息公开工作年度报告',
    ]);
    // A title that fits stays on one line.
    const short = { ...blankReport('2021'), agency: '某县审计局', year: 2023 };
    const [page] = await printedLines(await renderer.render({ ...short, agency: '某审计局' }));
    expect(page![0]!.text).toBe('某审计局2023年政府信息公开工作年度报告');
  });

  it('puts the page number at the outer edge, one character in: odd pages right, even pages left', async () => {
    const pages = await printedLines(await renderer.render(samples[2]!.report));
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((lines, i) => {
      const number = lines.find((l) => pageNumber.test(l.text))!;
      expect(number.text.match(pageNumber)![1]).toBe(String(i + 1));
      // The type area is 28 mm to 184 mm; 空一字 is one 14 pt character.
      if (i % 2 === 0) expect(number.x1).toBeCloseTo(TYPE_AREA.right - 14, -1);
      else expect(number.x0).toBeCloseTo(TYPE_AREA.left + 14, -1);
    });
  });

  for (const file of [...samples.map((s) => s.file), '2021.docx'])
    it(`prints no table caption, leaves no heading at the foot of a page, breaks column heads between words (${file})`, async () => {
      // The samples are of the 2019 format; the Word fixture is of 2021 (its table 3 three rows longer).
      const report =
        samples.find((s) => s.file === file)?.report ??
        extract(await read(readFileSync(fixture2021), { path: '2021.docx' })).report!;
      const pages = await printedLines(await renderer.render(report));
      const all = pages.flat().map((l) => l.text);
      const format = formatOf(report.formatVersion);
      for (const t of format.tables) expect(all, t.title).not.toContain(t.title);
      const headings = new Set([
        ...format.sections.map((s) => s.heading),
        ...Object.values(report.sections).flatMap((t) => (t ?? '').split('\n').filter(isSubheading)),
      ]);
      for (const lines of pages) {
        const body = lines.filter((l) => !pageNumber.test(l.text));
        expect(headings.has(body[body.length - 1]!.text), body[body.length - 1]!.text).toBe(false);
      }
      // Every line of a one-column head of tables 3 and 4 is whole words of it (商业 / 企业, never 商业企 / 业).
      const heads = officialLayout(report)
        .filter((t) => t.key !== 'proactive')
        .flatMap((t) => t.cells.filter((c) => c.role === 'header' && c.colSpan === 1 && c.text.length > 2));
      for (const h of heads) {
        const bounds = new Set([0]);
        let at = 0;
        for (const w of words(h.text)) bounds.add((at += w.length));
        const parts = all.filter((l) => l.length < h.text.length && h.text.includes(l));
        for (const part of parts) {
          const whole = [...h.text.matchAll(new RegExp(part.replace(/[()（）]/g, '\\$&'), 'g'))].some(
            (m) => bounds.has(m.index) && bounds.has(m.index + part.length),
          );
          expect(whole, `${h.text}: ${part}`).toBe(true);
        }
      }
    }, 60_000);
});

/**
 * The fonts a PDF embeds: each font object's /BaseFont name (subset tag removed) and /Subtype, and whether any is a
 * Type 3 font (drawn glyphs, no font program).
 */
function fontsOf(pdf: Uint8Array): { fonts: string[]; names: Set<string>; type3: boolean } {
  const text = new TextDecoder('latin1').decode(pdf);
  const fonts = [
    ...text.matchAll(/\/Type\s*\/Font\s*\/Subtype\s*\/(\w+)\s*\/BaseFont\s*\/(?:[A-Z]{6}\+)?([^\s/<>[\]]+)/g),
  ].map((m) => `${m[2]} ${m[1]}`);
  const names = new Set(
    [...text.matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([^\s/<>[\]]+)/g)].map((m) => m[1]!),
  );
  return { fonts, names, type3: /\/Subtype\s*\/Type3\b/.test(text) };
}

/** The code points of every ToUnicode map of a PDF (its Flate streams that hold a bfchar or bfrange). */
function toUnicodeTargets(pdf: Uint8Array): number[] {
  const bytes = Buffer.from(pdf);
  const out: number[] = [];
  for (let at = bytes.indexOf('stream'); at >= 0; at = bytes.indexOf('stream', at + 6)) {
    const start = at + (bytes[at + 6] === 0x0d ? 8 : 7);
    const end = bytes.indexOf('endstream', start);
    if (end < 0) break;
    let text: string;
    try {
      text = inflateSync(bytes.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    const hex = (section: string) => [...section.matchAll(/<([0-9A-Fa-f]+)>/g)].map((m) => m[1]!);
    // bfchar: source, text; bfrange: first, last, text of the first (the others follow it).
    for (const [, body] of text.matchAll(/beginbfchar(.*?)endbfchar/gs)) {
      const h = hex(body!);
      for (let i = 1; i < h.length; i += 2) out.push(parseInt(h[i]!.slice(0, 4), 16));
    }
    for (const [, body] of text.matchAll(/beginbfrange(.*?)endbfrange/gs)) {
      const h = hex(body!);
      for (let i = 0; i + 2 < h.length; i += 3) {
        const n = parseInt(h[i + 1]!, 16) - parseInt(h[i]!, 16);
        for (let k = 0; k <= n; k++) out.push(parseInt(h[i + 2]!.slice(0, 4), 16) + k);
      }
    }
  }
  return out;
}

describe('the type of the PDF', () => {
  for (const { file, report } of samples.slice(0, 2))
    it(`is Noto Serif SC and Noto Sans SC from npm, one subset TrueType font each, named (${file})`, async () => {
      const pdf = await renderer.render(report);
      const { fonts, names, type3 } = fontsOf(pdf);
      // One Type 0 (CID) font per face, whatever characters the report has: not one per unicode-range subset, and
      // named for what they are (@fontsource's files gave 23–26, all NotoSerifSCExtraLight / NotoSansSCThin).
      expect(fonts.sort()).toEqual(['NotoSansSC-Regular Type0', 'NotoSerifSC-Regular Type0']);
      expect([...names].sort()).toEqual(['NotoSansSC-Regular', 'NotoSerifSC-Regular']);
      expect(type3).toBe(false);
      // The text copies as written: no glyph's text is a radical (⼈ for 人, ⺠ for 民) or a compatibility
      // ideograph, in the ToUnicode maps or as pdf.js reads the page.
      const targets = toUnicodeTargets(pdf);
      expect(targets.length).toBeGreaterThan(200);
      const odd = (cp: number) => (cp >= 0x2e80 && cp <= 0x2fdf) || (cp >= 0xf900 && cp <= 0xfaff);
      expect(targets.filter(odd).map((cp) => String.fromCodePoint(cp))).toEqual([]);
      const read = (await printedLines(pdf))
        .flat()
        .map((l) => l.text)
        .join('');
      expect([...read].filter((c) => odd(c.codePointAt(0)!))).toEqual([]);
      expect(read).toContain('政府信息公开工作年度报告');
    });

  it('needs no system font: printed with fontconfig seeing none, the PDF is the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-nofonts-'));
    const saved = process.env.FONTCONFIG_FILE;
    try {
      const empty = join(dir, 'fonts.conf');
      writeFileSync(
        empty,
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n',
      );
      process.env.FONTCONFIG_FILE = empty;
      const bare = await renderPdf(samples[1]!.report);
      expect(fontsOf(bare).names).toEqual(fontsOf(await renderer.render(samples[1]!.report)).names);
      expect(
        reportDifferences(samples[1]!.report, extract(await read(bare, { path: 'x.pdf' })).report),
      ).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.FONTCONFIG_FILE;
      else process.env.FONTCONFIG_FILE = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('finding the browser', () => {
  const none = { packaged: async () => undefined, candidates: [] };

  /** Runs `f` with NIANBAO_CHROMIUM set to `value` (or unset), restoring it afterwards. */
  async function withEnv<T>(value: string | undefined, f: () => Promise<T>): Promise<T> {
    const saved = process.env.NIANBAO_CHROMIUM;
    if (value === undefined) delete process.env.NIANBAO_CHROMIUM;
    else process.env.NIANBAO_CHROMIUM = value;
    try {
      return await f();
    } finally {
      if (saved === undefined) delete process.env.NIANBAO_CHROMIUM;
      else process.env.NIANBAO_CHROMIUM = saved;
    }
  }

  it('says that no browser was found and what to do', async () => {
    await withEnv(undefined, async () => {
      await expect(findChromium(undefined, none)).rejects.toThrow(
        /no browser was found: the one npm installs with nianbao \(@sparticuz\/chromium\) .*set NIANBAO_CHROMIUM/,
      );
      await expect(
        findChromium(undefined, { ...none, candidates: ['/nonexistent/chromium'] }),
      ).rejects.toThrow(/none of \/nonexistent\/chromium exists/);
    });
  });

  it('names a given path that does not exist, and renderPdf fails with the same message', async () => {
    await expect(findChromium('/nonexistent/chromium')).rejects.toThrow(
      /\/nonexistent\/chromium \(given\) does not exist.*NIANBAO_CHROMIUM/,
    );
    await withEnv('/nonexistent/chrome', () =>
      expect(renderPdf(samples[0]!.report)).rejects.toThrow(
        /^PDF output needs Chromium, but \/nonexistent\/chrome \(from NIANBAO_CHROMIUM\) does not exist: unset NIANBAO_CHROMIUM/,
      ),
    );
  });

  it('names a browser that does not start, with what it said and its exit code, in one line', async () => {
    const error = await PdfRenderer.launch({ executablePath: process.execPath }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(
      new RegExp(
        `^PDF output needs Chromium, but ${process.execPath} \\(given\\) did not start \\(it exited with code \\d+: .*bad option`,
      ),
    );
    expect(message).not.toContain('\n');
  });

  it('takes the option first, then NIANBAO_CHROMIUM, then the packaged browser; system paths only without one', async () => {
    await withEnv(undefined, async () => {
      const first = await findChromium();
      // The packaged browser where it can run (Linux x64: CI and the developers' machines), else a system one.
      expect(first.source).toBe(packagedPlatform() ? 'packaged' : 'system');
      const real = first.executablePath;
      expect((await findChromium(real, none)).source).toBe('option');
      // With a packaged browser, the system's are not looked at.
      const packaged = { executablePath: '/packaged/chromium', env: {} };
      const withPackaged = { packaged: async () => packaged, candidates: [real] };
      expect(await findChromium(undefined, withPackaged)).toEqual({ ...packaged, source: 'packaged' });
      expect(await findChromium(undefined, { ...none, candidates: ['/nonexistent/a', real] })).toEqual({
        executablePath: real,
        source: 'system',
      });
      await withEnv(real, async () => {
        expect(await findChromium(undefined, withPackaged)).toEqual({
          executablePath: real,
          source: 'NIANBAO_CHROMIUM',
        });
        await expect(findChromium('/nonexistent/chrome', withPackaged)).rejects.toThrow(/nonexistent/);
      });
    });
  });

  it('a packaged browser that cannot be unpacked is named, with the reason', async () => {
    const failing = {
      packaged: () => Promise.reject(new Error('ENOSPC: no space left on device')),
      candidates: [],
    };
    await withEnv(undefined, () =>
      expect(findChromium(undefined, failing)).rejects.toThrow(
        /^PDF output needs Chromium, but the browser installed with nianbao \(@sparticuz\/chromium\) could not be unpacked: ENOSPC/,
      ),
    );
  });
});
