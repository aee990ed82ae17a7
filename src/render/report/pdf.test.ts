// PDF output: the official page printed by headless Chromium and read back by the project's PDF reader.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../extract/index.ts';
import type { FormatVersion } from '../../model/format.ts';
import { formatOf } from '../../model/formats/index.ts';
import type { Document } from '../../model/document.ts';
import { blankReport, cellsOf, rowValues, type Report } from '../../model/report.ts';
import { read } from '../../read/index.ts';
import { reportDifferences, sampleReports } from '../../../test/support/roundtrip.ts';
import { findChromium, PdfRenderer, renderPdf } from './pdf.ts';

const samples = sampleReports();

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

describe('finding the browser', () => {
  it('says that no browser was found and how to install one', () => {
    const saved = process.env.NIANBAO_CHROMIUM;
    delete process.env.NIANBAO_CHROMIUM;
    try {
      expect(() => findChromium(undefined, [])).toThrow(
        /no browser was found.*apt-get install chromium fonts-noto-cjk/,
      );
    } finally {
      if (saved !== undefined) process.env.NIANBAO_CHROMIUM = saved;
    }
  });

  it('names a given path that does not exist, and renderPdf fails with the same message', async () => {
    expect(() => findChromium('/nonexistent/chromium')).toThrow(
      /\/nonexistent\/chromium does not exist.*apt-get install chromium fonts-noto-cjk/,
    );
    await expect(renderPdf(samples[0]!.report, { executablePath: '/nonexistent/chromium' })).rejects.toThrow(
      /apt-get install chromium fonts-noto-cjk/,
    );
  });

  it('takes the option first, then NIANBAO_CHROMIUM, then the usual paths', () => {
    const saved = process.env.NIANBAO_CHROMIUM;
    try {
      const real = findChromium();
      process.env.NIANBAO_CHROMIUM = real;
      expect(findChromium(undefined, [])).toBe(real);
      expect(() => findChromium('/nonexistent/chrome')).toThrow(/nonexistent/);
      delete process.env.NIANBAO_CHROMIUM;
      expect(findChromium(undefined, ['/nonexistent/a', real])).toBe(real);
    } finally {
      if (saved === undefined) delete process.env.NIANBAO_CHROMIUM;
      else process.env.NIANBAO_CHROMIUM = saved;
    }
  });
});
