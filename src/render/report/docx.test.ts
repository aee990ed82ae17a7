// DOCX writer: the samples and 200 generated reports read back cell for cell; the page, fonts and merged tables as set.
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arbBlankyReport, arbReport, reportCells } from '../../../test/support/arbitrary.ts';
import { extract } from '../../extract/index.ts';
import type { Document } from '../../model/document.ts';
import { FORMATS, formatOf } from '../../model/formats/index.ts';
import { SECTION_KEYS, blankReport, type Report } from '../../model/report.ts';
import { ReportSchema } from '../../model/schemas.ts';
import { read } from '../../read/index.ts';
import { readText } from '../../read/text.ts';
import { officialLayout, reportTitle } from '../layout.ts';
import { renderDocx } from './docx.ts';

const samples = new URL('../../../examples/reports/', import.meta.url);
const truth2021 = new URL('../../../test/fixtures/truth/2021.truth.json', import.meta.url);

const cells = (r: Report) => new Map(reportCells(r).map((c) => [c.path, c.value]));

/**
 * Section text as the DOCX gives it back: each line is a paragraph, so lines come back trimmed and blank lines are
 * dropped; a section with no line left is null (the heading alone).
 */
const sectionsAsWritten = (r: Report) =>
  Object.fromEntries(
    SECTION_KEYS.map((k) => {
      const lines = (r.sections[k] ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      return [k, lines.length ? lines.join('\n') : null];
    }),
  );

/** Renders, reads back as a DOCX file named x.docx, extracts. */
async function roundTrip(
  report: Report,
): Promise<{ doc: Document; got: Report; xml: Record<string, string> }> {
  const bytes = await renderDocx(report);
  const doc = await read(bytes, { path: 'x.docx' });
  const got = extract(doc).report;
  if (!got) throw new Error('no report extracted');
  const zip = unzipSync(bytes);
  const xml = Object.fromEntries(Object.entries(zip).map(([k, v]) => [k, strFromU8(v)]));
  return { doc, got, xml };
}

function expectSame(got: Report, report: Report) {
  expect([got.formatVersion, got.agency, got.year]).toEqual([
    report.formatVersion,
    report.agency,
    report.year,
  ]);
  expect(cells(got)).toEqual(cells(report));
  expect(got.sections).toEqual(sectionsAsWritten(report));
}

describe('renderDocx round trip', () => {
  for (const name of readdirSync(samples).filter((n) => n.endsWith('.txt'))) {
    it(`renders sample ${name} and reads it back the same`, async () => {
      const report = extract(readText(readFileSync(new URL(name, samples)))).report!;
      const { got, doc } = await roundTrip(report);
      expect(doc.kind).toBe('docx');
      expectSame(got, report);
      // The samples' sections need no normalisation at all.
      expect(got.sections).toEqual(report.sections);
    });
  }

  it('renders the 2021 fixture report and reads it back the same', async () => {
    // The fixture holds the tables only; its sections stay null, and must come back null.
    const report = ReportSchema.parse({
      ...blankReport('2021'),
      ...JSON.parse(readFileSync(truth2021, 'utf8')),
    }) as Report;
    expect(report.formatVersion).toBe('2021');
    expectSame((await roundTrip(report)).got, report);
  });

  it('reads back 200 generated reports of both versions, with and without blanks, cell for cell', async () => {
    const seen: { [version: string]: number; blanks: number } = { '2019': 0, '2021': 0, blanks: 0 };
    await fc.assert(
      fc.asyncProperty(fc.oneof(arbReport(), arbBlankyReport()), async (report) => {
        seen[report.formatVersion] = (seen[report.formatVersion] ?? 0) + 1;
        if (reportCells(report).some((c) => c.value === null)) seen.blanks++;
        expectSame((await roundTrip(report)).got, report);
      }),
      { numRuns: 200 },
    );
    expect(seen['2019']).toBeGreaterThan(40);
    expect(seen['2021']).toBeGreaterThan(40);
    expect(seen.blanks).toBeGreaterThan(40);
  }, 120_000);
});

describe('renderDocx layout', () => {
  for (const f of FORMATS) {
    it(`writes the official merged structure of every table (${f.version})`, async () => {
      const report = fc.sample(arbBlankyReport(f.version), { numRuns: 1, seed: 7 })[0]!;
      const { doc } = await roundTrip(report);
      const tables = doc.blocks.filter((b) => b.kind === 'table');
      const layouts = officialLayout(report);
      expect(tables).toHaveLength(layouts.length);
      // Each Word cell as the reader resolves gridSpan/vMerge is exactly the layout cell: text, column, spans.
      layouts.forEach((t, i) => {
        // A head or group label given in lines of whole words reads back with its line breaks.
        const read = tables[i]!.rows.map((r) =>
          r.cells.map((c) => [c.text.replace(/\n/g, ''), c.col, c.colSpan, c.rowSpan]),
        );
        const want = Array.from({ length: t.rows }, (_, r) =>
          t.cells.filter((c) => c.row === r).map((c) => [c.text, c.col, c.colSpan, c.rowSpan]),
        );
        expect(read, t.key).toEqual(want);
      });
    });
  }

  it('sets the page, the fonts and the styles of GB/T 9704', async () => {
    const report = blankReport('2021');
    Object.assign(report, { agency: '某县人民政府办公室', year: 2023 });
    const { xml, doc } = await roundTrip(report);
    const body = xml['word/document.xml']!;
    // A4 portrait; margins 37/35/28/26 mm in twips.
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(body).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    const styles = xml['word/styles.xml']!;
    // Body: 仿宋_GB2312 as the East-Asian font, 三号 (32 half-points), exact 29 pt lines, first line indented 2 chars.
    expect(styles).toMatch(
      /<w:docDefaults>.*w:eastAsia="仿宋_GB2312".*<w:sz w:val="32"\/>.*<\/w:docDefaults>/s,
    );
    expect(styles).toMatch(/<w:docDefaults>.*w:line="580" w:lineRule="exact".*<\/w:docDefaults>/s);
    expect(styles).toMatch(/<w:docDefaults>.*w:firstLineChars="200".*<\/w:docDefaults>/s);
    // Title 方正小标宋简体 二号 centred; headings 黑体 三号.
    expect(styles).toMatch(
      /w:styleId="Title".*?w:jc w:val="center".*?w:eastAsia="方正小标宋简体".*?w:sz w:val="44"/s,
    );
    expect(styles).toMatch(/w:styleId="Heading1".*?w:eastAsia="黑体".*?w:sz w:val="32"/s);
    // 页码 "— 1 —" (GB/T 9704 7.5): a PAGE field between two dashes, at the outer edge one character in: a footer
    // for odd pages on the right, one for even pages on the left.
    expect(xml['word/settings.xml']).toMatch(/<w:evenAndOddHeaders\/>/);
    const footerOf = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"`).exec(body)![1];
      const rels = xml['word/_rels/document.xml.rels']!;
      const target =
        new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
        new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
      return xml[`word/${target}`]!;
    };
    for (const [type, side] of [
      ['default', 'right'],
      ['even', 'left'],
    ] as const) {
      const footer = footerOf(type);
      expect(footer).toMatch(/— .*PAGE.* —/s);
      expect(footer).toContain(`<w:jc w:val="${side}"/>`);
      expect(footer).toMatch(new RegExp(`<w:ind [^>]*w:${side}="280"`));
    }
    // The font table offers FangSong where 仿宋_GB2312 is missing.
    expect(xml['word/fontTable.xml']).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="FangSong"\/>/);
    // Title, then the six headings of the format in order.
    const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
    // The title, broken after the body's name (it does not fit on one line of 二号).
    expect(paragraphs[0]).toBe('某县人民政府办公室\n2023年政府信息公开工作年度报告');
    expect(paragraphs[0]!.replace('\n', '')).toBe(reportTitle(report));
    // No caption above a table: the official format has none.
    for (const t of officialLayout(report)) expect(paragraphs, t.title).not.toContain(t.title);
    expect(body).not.toContain('TableTitle');
    const headings = [...body.matchAll(/<w:pStyle w:val="Heading1"\/>.*?<w:t[^>]*>([^<]*)</gs)].map(
      (m) => m[1],
    );
    expect(headings).toEqual(formatOf('2021').sections.map((s) => s.heading));
  });

  it('fits every table to the text width and repeats the header rows on each page', async () => {
    const report = blankReport('2019');
    const { xml } = await roundTrip(report);
    const tables = [...xml['word/document.xml']!.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]);
    expect(tables).toHaveLength(3);
    const layouts = officialLayout(report);
    tables.forEach((t, i) => {
      const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(grid).toHaveLength(layouts[i]!.cols);
      expect(grid.reduce((a, b) => a + b, 0)).toBe(11906 - 1587 - 1474);
      expect(t).toMatch(/<w:tblLayout w:type="fixed"\/>/);
      const rows = [...t.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((m) => m[0]);
      const header = rows.map((r) => r.includes('<w:tblHeader/>'));
      expect(header, layouts[i]!.key).toEqual(rows.map((_, r) => r < layouts[i]!.headerRows));
    });
    // Table 4's fifteen columns use smaller type than 五号 (21 half-points): its cells' styles say so.
    const styles = new Set([...tables[2]!.matchAll(/<w:pStyle w:val="(\w+)"\/>/g)].map((m) => m[1]!));
    expect([...styles].sort()).toEqual(['WideFigure', 'WideHeader']);
    for (const id of styles) {
      const style = xml['word/styles.xml']!.match(new RegExp(`w:styleId="${id}".*?</w:style>`, 's'))![0];
      expect(Number(style.match(/<w:sz w:val="(\d+)"/)![1])).toBeLessThan(21);
    }
  });

  it('breaks column heads between words only, and keeps tables 3 and 4 (table 2 by blocks) on one page', async () => {
    for (const f of FORMATS) {
      const { xml } = await roundTrip(blankReport(f.version));
      const body = xml['word/document.xml']!;
      // 商业 / 企业 as the blank template writes them: lines of whole words, never 商业企 / 业.
      expect(body).toMatch(/<w:t[^>]*>商业<\/w:t><\/w:r><w:r><w:br\/><w:t[^>]*>企业<\/w:t>/);
      expect(body).toMatch(/>社会<\/w:t>.*?<w:br\/><w:t[^>]*>公益<\/w:t>.*?<w:br\/><w:t[^>]*>组织</s);
      const tables = [...body.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]);
      const rows = (t: string) => [...t.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((m) => m[0]);
      // Every row but the last kept with the next in tables 3 and 4; no row split.
      for (const t of tables.slice(1)) {
        const keep = rows(t).map((r) => /<w:keepNext\/>/.test(r));
        expect(keep).toEqual(keep.map((_, i) => i < keep.length - 1));
        for (const r of rows(t)) expect(r).toContain('<w:cantSplit/>');
      }
      // Table 2: each 第二十条 block kept together, free to break before the next.
      const t2 = rows(tables[0]!);
      const starts = t2.map((r) => /第二十条/.test(r));
      t2.forEach((r, i) =>
        expect(/<w:keepNext\/>/.test(r), `row ${i}`).toBe(i < t2.length - 1 && !starts[i + 1]),
      );
    }
  });

  it('prints figures as the report holds them and leaves blanks empty', async () => {
    const report = fc.sample(arbReport('2019'), { numRuns: 1, seed: 3 })[0]!;
    report.proactive.fees!.change = -8;
    report.proactive.procurement!.amount = 1655.0887;
    report.requests.newlyReceived!.naturalPerson = null;
    report.requests.newlyReceived!.total = 999_999; // wrong on purpose: a wrong total stays as written
    const { doc, got } = await roundTrip(report);
    expect(got.proactive.fees!.change).toBe(-8);
    expect(got.proactive.procurement!.amount).toBe(1655.0887);
    expect(got.requests.newlyReceived).toMatchObject({ naturalPerson: null, total: 999_999 });
    const texts = doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells) : []));
    expect(texts.map((c) => c.text)).toEqual(expect.arrayContaining(['-8', '1655.0887', '999999']));
    // The blank cell: the row 一、本年新收… of table 3, column 自然人 (grid column 3), is empty.
    const t3 = doc.blocks.filter((b) => b.kind === 'table')[1]!;
    const row = t3.rows.find((r) => r.cells[0]!.text.startsWith('一、'))!;
    expect(row.cells.find((c) => c.col === 3)!.text).toBe('');
  });
});
