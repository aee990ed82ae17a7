// PDF reader tests: the fixtures of test/fixtures/pdf extracted cell by cell against the reports they were drawn from,
// and small PDFs written here for page furniture, ruled and aligned tables, predefined CMaps and bad files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, FORMATS } from '../index.ts';
import type { Document, Table } from '../model/document.ts';
import { cellsOf, rowValues, type Report, type TableValues } from '../model/report.ts';
import { readPdf } from './pdf.ts';

const dir = join(import.meta.dirname, '../../test/fixtures/pdf');
const fixture = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

type Truth = Pick<
  Report,
  'formatVersion' | 'agency' | 'year' | 'proactive' | 'requests' | 'reviewLitigation'
>;

/** Compares every cell of the truth with the extraction; the paths that differ. */
function mismatches(report: Report, truth: Truth): string[] {
  const format = FORMATS.find((f) => f.version === truth.formatVersion)!;
  const out: string[] = [];
  for (const { table, row, column, path } of cellsOf(format)) {
    const want = rowValues(truth[table.key] as TableValues, row)[column.key];
    const got = rowValues(report[table.key], row)[column.key];
    if (want !== got) out.push(`${path.join('.')}: want ${want}, got ${got}`);
  }
  return out;
}

const tables = (doc: Document) => doc.blocks.filter((b): b is Table => b.kind === 'table');
const texts = (doc: Document) =>
  doc.blocks.flatMap((b) =>
    b.kind === 'paragraph' ? [b.text] : b.rows.flatMap((r) => r.cells.map((c) => c.text)),
  );

describe('readPdf: reports drawn in the official layout', () => {
  const ruled = [
    'sample-000',
    'sample-001',
    'sample-002',
    'sample-003',
    'sample-004',
    'v2021',
    'table3-two-pages',
    'wrapped-labels',
  ];
  for (const name of ruled)
    it(`${name}: version, agency, year and every cell equal the report it was drawn from`, async () => {
      const doc = await readPdf(fixture(`${name}.pdf`), { path: `${name}.pdf` });
      expect(doc.kind).toBe('pdf');
      expect(doc.diagnostics).toEqual([]);
      const truth = JSON.parse(readFileSync(join(dir, `${name}.truth.json`), 'utf8')) as Truth;
      const { report } = extract(doc);
      expect(report).not.toBeNull();
      expect({ formatVersion: report!.formatVersion, agency: report!.agency, year: report!.year }).toEqual({
        formatVersion: truth.formatVersion,
        agency: truth.agency,
        year: truth.year,
      });
      expect(mismatches(report!, truth)).toEqual([]);
      // Furniture is gone: no running header or page number is left in the text.
      expect(
        texts(doc).some(
          (t) =>
            /^-\s*\d+\s*-$/.test(t) ||
            (t.endsWith('政府信息公开工作年度报告') && t.length < 30 && !/\d{4}/.test(t)),
        ),
      ).toBe(false);
    });

  it('borderless: tables without lines are read by position, cell for cell', async () => {
    const doc = await readPdf(fixture('borderless.pdf'));
    expect(tables(doc).every((t) => t.layout === 'aligned')).toBe(true);
    const truth = JSON.parse(readFileSync(join(dir, 'borderless.truth.json'), 'utf8')) as Truth;
    const { report } = extract(doc);
    expect(report!.agency).toBe(truth.agency);
    expect(mismatches(report!, truth)).toEqual([]);
  });

  it('chromium: a page printed by another program (Type 3 fonts, radicals for ideographs) reads the same', async () => {
    const doc = await readPdf(fixture('chromium.pdf'));
    expect(doc.diagnostics).toEqual([]);
    expect(texts(doc).join('')).not.toMatch(/[\u2e80-\u2eff\u2f00-\u2fdf]/);
    const truth = JSON.parse(readFileSync(join(dir, 'chromium.truth.json'), 'utf8')) as Truth;
    const { report } = extract(doc);
    expect([report!.formatVersion, report!.agency, report!.year]).toEqual([
      truth.formatVersion,
      truth.agency,
      truth.year,
    ]);
    // Only table 4 is on the page.
    expect(mismatches(report!, truth).filter((m) => m.startsWith('reviewLitigation.'))).toEqual([]);
    expect(report!.reviewLitigation).toEqual(truth.reviewLitigation);
  });

  it('every figure knows its page and box', async () => {
    const doc = await readPdf(fixture('sample-003.pdf'));
    const { report } = extract(doc);
    const prov = report!.provenance!;
    const at = (path: string) => prov[path]!.source as { kind: string; page: number; box: number[] };
    expect(at('proactive.normativeDocuments.newlyMade')).toMatchObject({ kind: 'pdf', page: 2 });
    expect(at('requests.newlyReceived.total')).toMatchObject({ kind: 'pdf', page: 2 });
    // After the page break, in the part of table 3 on the next page.
    expect(at('requests.carriedForward.total')).toMatchObject({ kind: 'pdf', page: 3 });
    expect(at('reviewLitigation.litigationAfterReview.total')).toMatchObject({ kind: 'pdf', page: 3 });
    expect(prov['agency']!.source).toMatchObject({ kind: 'pdf', page: 1 });
    for (const [path, p] of Object.entries(prov)) {
      if (p.source?.kind !== 'pdf') continue;
      const [x0, y0, x1, y1] = p.source.box;
      expect(x0 < x1 && y0 < y1 && x0 >= 0 && x1 <= 596 && y0 >= 0 && y1 <= 842, path).toBe(true);
    }
  });

  it('table 3 over two pages is one table: the repeated header dropped, the cut group cell whole again', async () => {
    const doc = await readPdf(fixture('table3-two-pages.pdf'));
    const t3 = tables(doc).filter((t) =>
      t.rows.some((r) => r.cells.some((c) => c.text.includes('申请人情况'))),
    );
    expect(t3).toHaveLength(1);
    const cells = t3[0]!.rows.flatMap((r) => r.cells);
    expect(cells.filter((c) => c.text === '申请人情况')).toHaveLength(1);
    const pages = new Set(cells.map((c) => (c.source.kind === 'pdf' ? c.source.page : 0)));
    expect(pages.size).toBe(2);
    const denied = cells.find((c) => c.text.replace(/\s/g, '') === '（三）不予公开')!;
    expect(denied.rowSpan).toBe(8);
    const results = cells.find((c) => c.text.replace(/\s/g, '') === '三、本年度办理结果')!;
    expect(results.rowSpan).toBe(22);
    // Every row has its ten grid columns covered once (row spans from above included).
    const rows = t3[0]!.rows;
    const covered = rows.map(() => new Set<number>());
    rows.forEach((r, i) =>
      r.cells.forEach((c) => {
        for (let dr = 0; dr < c.rowSpan; dr++)
          for (let dc = 0; dc < c.colSpan; dc++) covered[i + dr]!.add(c.col + dc);
      }),
    );
    expect(covered.every((s) => s.size === 10)).toBe(true);
  });

  it('labels wrapped inside their cells are joined into the cell; a row cut by the page break is one row', async () => {
    const doc = await readPdf(fixture('wrapped-labels.pdf'));
    const cells = tables(doc).flatMap((t) => t.rows.flatMap((r) => r.cells));
    const partial = cells.find((c) => c.text.startsWith('（二）部分公开'))!;
    expect(partial.text.split('\n').length).toBeGreaterThan(2);
    expect(partial.text.replace(/\n/g, '')).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    for (const label of ['1.信访举报投诉类申请', '5.要求行政机关确认或重新出具已获取信息', '（五）不予处理'])
      expect(
        cells.some((c) => c.text.replace(/\n/g, '') === label),
        label,
      ).toBe(true);
  });

  it('a cell gives its grid column, spans and x extent in points', async () => {
    const doc = await readPdf(fixture('v2021.pdf'));
    const t4 = tables(doc).find((t) => t.rows.some((r) => r.cells.some((c) => c.text === '行政复议')))!;
    expect(t4.layout).toBe('grid');
    const [h1, h2, h3, data] = t4.rows;
    expect(h1!.cells.map((c) => [c.text, c.col, c.colSpan])).toEqual([
      ['行政复议', 0, 5],
      ['行政诉讼', 5, 10],
    ]);
    expect(h2!.cells.slice(0, 5).every((c) => c.rowSpan === 2)).toBe(true);
    expect(h3!.cells.map((c) => c.col)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(data!.cells).toHaveLength(15);
    for (const [i, c] of data!.cells.entries()) {
      expect(c.col).toBe(i);
      expect(c.xEnd! - c.x!).toBeGreaterThan(10);
      if (i > 0) expect(c.x).toBeCloseTo(data!.cells[i - 1]!.xEnd!, 0);
    }
  });
});

describe('readPdf: files it cannot read give a diagnostic, never an exception', () => {
  it('an encrypted PDF: read/encrypted', async () => {
    const doc = await readPdf(fixture('encrypted.pdf'), { path: 'encrypted.pdf' });
    expect(doc.blocks).toEqual([]);
    expect(doc.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['read/encrypted', 'error']]);
    expect(doc.diagnostics[0]!.message).toContain('encrypted.pdf');
  });

  it('a scan without a text layer, OCR off: read/no-text-layer, naming the file', async () => {
    const doc = await readPdf(fixture('scanned.pdf'), { path: 'scanned.pdf', ocr: false });
    expect(doc.blocks).toEqual([]);
    expect(doc.diagnostics.map((d) => [d.ruleId, d.messageId])).toEqual([
      ['read/no-text-layer', 'noTextLayer'],
    ]);
    expect(doc.diagnostics[0]!.message).toContain('scanned.pdf');
  });

  it('broken bytes: read/broken', async () => {
    for (const bytes of [
      new Uint8Array(),
      new TextEncoder().encode('%PDF-1.7\nnot really a pdf\n%%EOF'),
      new TextEncoder().encode('hello'),
    ]) {
      const doc = await readPdf(bytes, { path: 'x.pdf' });
      expect(doc.blocks).toEqual([]);
      expect(doc.diagnostics.map((d) => d.ruleId)).toEqual(['read/broken']);
      expect(doc.diagnostics[0]!.message).toMatch(/^x\.pdf：pdf 文件已损坏或无法解析：/);
    }
  });

  it('a truncated file is read as far as it goes, without throwing', async () => {
    const whole = fixture('v2021.pdf');
    for (const keep of [0.3, 0.6, 0.9]) {
      const doc = await readPdf(whole.slice(0, Math.floor(whole.length * keep)));
      expect(doc.kind).toBe('pdf');
      expect(Array.isArray(doc.diagnostics)).toBe(true);
    }
  });

  it('does not change the bytes it is given', async () => {
    const bytes = fixture('sample-004.pdf');
    const copy = bytes.slice();
    await readPdf(bytes);
    expect(bytes).toEqual(copy);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// PDFs written by hand: text in STSong-Light, not embedded, in the predefined CMap UniGB-UCS2-H (the text of such a
// font comes out only when pdf.js finds its CMaps), lines and rectangles drawn in the content stream.

const hex = (s: string) =>
  '<' + [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('') + '>';
/** Text at (x, y) — the baseline, in points from the bottom left — in a type of `size` points (one em per character). */
const text = (x: number, y: number, s: string, size = 12) =>
  `BT /F1 ${size} Tf 1 0 0 1 ${x} ${y} Tm ${hex(s)} Tj ET`;
const line = (x0: number, y0: number, x1: number, y1: number) => `${x0} ${y0} m ${x1} ${y1} l S`;

/** A PDF of A4 pages, each given as its content stream. */
function makePdf(pages: string[]): Uint8Array {
  const objects: string[] = [];
  const font = 3;
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[3] =
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>';
  objects[4] =
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 >>';
  objects[5] =
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>';
  const kids: string[] = [];
  pages.forEach((content, i) => {
    const page = 6 + i * 2;
    kids.push(`${page} 0 R`);
    objects[page] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${page + 1} 0 R >>`;
    objects[page + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  });
  objects[2] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages.length} >>`;
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  for (let i = 1; i < objects.length; i++) {
    offsets[i] = out.length;
    out += `${i} 0 obj\n${objects[i]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let i = 1; i < objects.length; i++) out += `${String(offsets[i]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

describe('readPdf: text, furniture and paragraphs', () => {
  it('reads text in a predefined CJK CMap (the CMaps are found)', async () => {
    const doc = await readPdf(makePdf([text(72, 760, '某市民政局2022年政府信息公开工作年度报告')]));
    expect(doc.diagnostics).toEqual([]);
    expect(doc.blocks).toEqual([
      {
        kind: 'paragraph',
        text: '某市民政局2022年政府信息公开工作年度报告',
        // Digits are half an em wide in STSong-Light: 20 characters and 4 digits of 12 pt.
        source: { kind: 'pdf', page: 1, box: [72, expect.any(Number), 336, expect.any(Number)] },
      },
    ]);
  });

  it('drops page numbers and running headers and footers; joins lines that wrap, over a page break too', async () => {
    // 40 characters of 12 pt fill the text column from x = 72 to 552.
    const full = '本机关认真贯彻落实政府信息公开条例进一步加强组织领导健全工作机制深化重点领域信息公开';
    const pages = [1, 2, 3].map((n) =>
      [
        text(200, 800, '某市民政局政府信息公开工作年度报告', 9),
        n === 1 ? text(72, 740, '一、总体情况') : '',
        text(72, 700, full.slice(0, 40)),
        text(72, 682, n === 3 ? '全年工作平稳有序。' : full.slice(0, 40)),
        n === 2 ? text(72, 600, '二、主动公开政府信息情况') : '',
        text(290, 40, n === 1 ? '- 1 -' : n === 2 ? '第 2 页' : '3', 10),
      ].join('\n'),
    );
    const doc = await readPdf(makePdf(pages));
    const paragraphs = doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '[table]'));
    expect(paragraphs).toEqual([
      '一、总体情况',
      full.slice(0, 40).repeat(4),
      '二、主动公开政府信息情况',
      full.slice(0, 40) + '全年工作平稳有序。',
    ]);
    expect(doc.blocks[1]!.source).toMatchObject({ kind: 'pdf', page: 1 });
    expect(doc.blocks[3]!.source).toMatchObject({ kind: 'pdf', page: 3 });
  });

  it('ignores rotated text (a watermark) and text drawn twice (fake bold)', async () => {
    const doc = await readPdf(
      makePdf([
        [
          text(72, 700, '主动公开政府信息情况'),
          text(72.3, 700, '主动公开政府信息情况'),
          `BT /F1 40 Tf 0.7 0.7 -0.7 0.7 150 300 Tm ${hex('内部资料')} Tj ET`,
        ].join('\n'),
      ]),
    );
    expect(doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual(['主动公开政府信息情况']);
  });

  it('a page without text among pages with text: a warning naming the page', async () => {
    const pdf = makePdf([
      text(72, 700, '一、总体情况'),
      '0 0 m 10 10 l S',
      text(72, 700, '六、其他需要报告的事项'),
    ]);
    // OCR off: the page is not read.
    const off = await readPdf(pdf, { path: 'r.pdf', ocr: false });
    expect(off.diagnostics.map((d) => [d.ruleId, d.messageId, d.severity, d.data.pages])).toEqual([
      ['read/no-text-layer', 'pagesWithoutText', 'warning', '2'],
    ]);
    expect(off.blocks).toHaveLength(2);
    // OCR on: it finds nothing on the page (a stroke is not text), and says so.
    const on = await readPdf(pdf, { path: 'r.pdf' });
    expect(on.diagnostics.map((d) => [d.ruleId, d.messageId, d.severity, d.data.pages])).toEqual([
      ['read/no-text-layer', 'pagesUnreadable', 'warning', '2'],
    ]);
    expect(on.diagnostics[0]!.message).toContain('r.pdf');
    expect(on.blocks).toHaveLength(2);
  }, 30_000);
});

describe('readPdf: tables', () => {
  // Columns at x = 72 | 172 | 222 | 272, rows at y = 700 | 680 | 660 | 640.
  const ruled = [
    ...[700, 660, 640].map((y) => line(72, y, 272, y)), // no rule under the first row's left cell…
    line(172, 680, 272, 680), // …only under its right part: 信息内容 spans two rows
    line(72, 700, 72, 640),
    line(172, 700, 172, 640),
    line(222, 680, 222, 640), // 本年件数 spans two columns in the first row
    line(272, 700, 272, 640),
    text(76, 676, '信息内容'),
    text(176, 686, '本年件数'),
    text(176, 666, '3'),
    text(226, 666, '1', 12),
    text(76, 646, '规章'),
    text(176, 646, '12'),
  ].join('\n');
  const ruledRows = [
    [
      ['信息内容', 0, 1, 2],
      ['本年件数', 1, 2, 1],
    ],
    [
      ['3', 1, 1, 1],
      ['1', 2, 1, 1],
    ],
    [
      ['规章', 0, 1, 1],
      ['12', 1, 1, 1],
      ['', 2, 1, 1],
    ],
  ];

  it('builds a ruled table from its lines, merged cells with their spans', async () => {
    const doc = await readPdf(makePdf([ruled]));
    const [t] = tables(doc);
    expect(t!.layout).toBe('grid');
    expect(t!.rows.map((r) => r.cells.map((c) => [c.text, c.col, c.colSpan, c.rowSpan]))).toEqual(ruledRows);
    const cell = t!.rows[2]!.cells[1]!;
    expect([cell.x, cell.xEnd]).toEqual([172, 222]);
    expect(cell.source).toEqual({ kind: 'pdf', page: 1, box: [172, 640, 222, 660] });
  });

  it('reads a page printed sideways (its text turned a quarter) as if it were upright', async () => {
    // The same table turned 90° on the page: (x, y) → (595 − (y − 300), x).
    const doc = await readPdf(makePdf([`q 0 1 -1 0 595 0 cm 1 0 0 1 0 -300 cm\n${ruled}\nQ`]));
    const [t] = tables(doc);
    expect(t!.rows.map((r) => r.cells.map((c) => [c.text, c.col, c.colSpan, c.rowSpan]))).toEqual(ruledRows);
    // Boxes are given in the page's own coordinates.
    expect(t!.rows[2]!.cells[1]!.source).toEqual({ kind: 'pdf', page: 1, box: [235, 172, 255, 222] });
  });

  it('takes rules drawn as thin filled bars (as Word draws borders) and rectangles, not white lines', async () => {
    const bar = (x: number, y: number, w: number, h: number) => `${x} ${y} ${w} ${h} re f`;
    const content = [
      bar(72, 699.5, 200, 1),
      bar(72, 679.5, 200, 1),
      bar(72, 659.5, 200, 1),
      bar(71.5, 660, 1, 40),
      bar(171.5, 660, 1, 40),
      '271.5 660 1 40 re S',
      '1 1 1 RG 122 660 m 122 700 l S 0 0 0 RG', // a white line is no rule
      text(76, 686, '行政许可'),
      text(176, 686, '37'),
      text(76, 666, '行政处罚'),
      text(176, 666, '5'),
    ].join('\n');
    const doc = await readPdf(makePdf([content]));
    expect(tables(doc)[0]!.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['行政许可', '37'],
      ['行政处罚', '5'],
    ]);
  });

  it('reads a table without rules by the position of its words, each cell with its x', async () => {
    const row = (y: number, label: string, figures: string[]) =>
      [text(72, y, label), ...figures.map((f, i) => text(300 + i * 60, y, f))].join('\n');
    const content = [
      text(72, 720, '信息内容'),
      text(300, 720, '本年'),
      text(360, 720, '废止'),
      text(420, 720, '现行'),
      row(700, '规章', ['1', '0', '12']),
      row(680, '行政规范性文件', ['7', '2', '']),
    ].join('\n');
    const doc = await readPdf(makePdf([content]));
    const [t] = tables(doc);
    expect(t!.layout).toBe('aligned');
    expect(t!.rows.map((r) => r.cells.map((c) => [c.text, c.x]))).toEqual([
      [
        ['信息内容', 72],
        ['本年', 300],
        ['废止', 360],
        ['现行', 420],
      ],
      [
        ['规章', 72],
        ['1', 300],
        ['0', 360],
        ['12', 420],
      ],
      [
        ['行政规范性文件', 72],
        ['7', 300],
        ['2', 360],
      ],
    ]);
  });
});
