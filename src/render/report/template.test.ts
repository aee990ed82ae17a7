// The blank template: nothing filled but last year's 结转; a rendered template filled in as a user would reads back.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportCells } from '../../../test/support/arbitrary.ts';
import { contractDifferences } from '../../../test/support/compare.ts';
import { extract } from '../../extract/index.ts';
import { blankReport, type Report, type RowValues } from '../../model/report.ts';
import { read } from '../../read/index.ts';
import { readText } from '../../read/text.ts';
import { newReport } from './template.ts';
import { renderXlsx } from './xlsx.ts';
import { APPLICANT_COLUMNS } from '../../model/formats/common.ts';

const samples = new URL('../../../examples/reports/', import.meta.url);
const sample = (name: string) => extract(readText(readFileSync(new URL(name, samples)))).report!;
const APPLICANTS = APPLICANT_COLUMNS.map((c) => c.key);

describe('newReport', () => {
  it('is blank: no section text, every cell null, agency and year as given', () => {
    for (const formatVersion of ['2019', '2021'] as const) {
      const { report, carried, diagnostics } = newReport({
        formatVersion,
        agency: '某某区民政局',
        year: 2025,
      });
      expect(report).toEqual({ ...blankReport(formatVersion), agency: '某某区民政局', year: 2025 });
      expect(reportCells(report).every((c) => c.value === null)).toBe(true);
      expect([carried, diagnostics]).toEqual([[], []]);
    }
  });

  it("carries last year's 结转下年度继续办理 into 上年结转, every column, blanks staying blank", () => {
    // Sample 003 (2019) leaves 结转下年度继续办理 / 自然人 blank and writes 0 in the other six columns.
    const previous = sample('003_b41a2553e1af1d3f.txt');
    (previous.requests.carriedForward as RowValues).total = 7;
    const { report, carried, diagnostics } = newReport({
      formatVersion: '2019',
      agency: previous.agency,
      year: 2020,
      previous,
    });
    expect(diagnostics).toEqual([]);
    expect(report.requests.carriedOver).toEqual({ ...previous.requests.carriedForward });
    expect(carried).toEqual(APPLICANTS.slice(1).map((c) => `requests.carriedOver.${c}`));
    // Nothing else is filled.
    const filled = reportCells(report)
      .filter((c) => c.value !== null)
      .map((c) => c.path);
    expect(filled).toEqual(carried);
  });

  it('carries a 2020 report (2019 format) into a 2021 one (2021 format)', () => {
    const previous = sample('002_3f168525c89639f9.txt');
    expect([previous.formatVersion, previous.year]).toEqual(['2019', 2020]);
    const { report, carried, diagnostics } = newReport({
      formatVersion: '2021',
      agency: previous.agency,
      year: 2021,
      previous,
    });
    expect(report.formatVersion).toBe('2021');
    expect(diagnostics).toEqual([]);
    expect(carried).toHaveLength(7);
    expect(report.requests.carriedOver).toEqual(previous.requests.carriedForward);
  });

  it('warns when the previous report is not of the year before, or of another agency, and carries all the same', () => {
    const previous = sample('004_562738e5f47c6a1c.txt'); // 2019
    const { carried, diagnostics } = newReport({
      formatVersion: '2021',
      agency: '别的机关',
      year: 2022,
      previous,
    });
    expect(carried).toHaveLength(7);
    expect(diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['template/previous-year', 'warning'],
      ['template/previous-agency', 'warning'],
    ]);
    expect(diagnostics[0]!.message).toContain('2019');
    expect(diagnostics[0]!.message).toContain('2022');
    const unknown = newReport({ formatVersion: '2021', agency: null, year: null, previous });
    expect(unknown.diagnostics.map((d) => d.messageId)).toEqual(['previousYearUnknown']);
  });
});

describe('the XLSX template', () => {
  it('reads back blank, with its agency, year and format version, either of them missing too', async () => {
    for (const formatVersion of ['2019', '2021'] as const)
      for (const [agency, year] of [
        ['某某县人民政府办公室', 2025],
        ['某某县人民政府办公室', null],
        [null, 2025],
        [null, null],
      ] as const) {
        const { report } = newReport({ formatVersion, agency, year });
        const got = extract(await read(await renderXlsx(report), { path: 't.xlsx' })).report;
        expect(contractDifferences(report, got, { sections: true })).toEqual([]);
      }
  });

  it('filled in with exceljs as a user would (a number typed as text, a section written) gives its figures back', async () => {
    const previous = sample('002_3f168525c89639f9.txt');
    const { report } = newReport({ formatVersion: '2021', agency: previous.agency, year: 2021, previous });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx(report)) as unknown as ArrayBuffer);
    const expected: Report = structuredClone(report);
    const t3 = wb.getWorksheet('收到和处理政府信息公开申请情况')!;
    const rowOf = (ws: ExcelJS.Worksheet, label: string) => {
      for (let r = 1; r <= ws.rowCount; r++)
        for (let c = 1; c <= 3; c++) if (ws.getCell(r, c).value === label) return r;
      throw new Error(`no row ${label}`);
    };
    // 本年新收: 自然人 12 typed as a number, 商业企业 "1,234" typed as text, 总计 left blank.
    const received = rowOf(t3, '一、本年新收政府信息公开申请数量');
    t3.getCell(received, 4).value = 12;
    t3.getCell(received, 5).value = '1,234';
    Object.assign(expected.requests.newlyReceived as RowValues, { naturalPerson: 12, commercial: 1234 });
    // A figure written over a carried one is the user's.
    t3.getCell(rowOf(t3, '二、上年结转政府信息公开申请数量'), 4).value = 3;
    (expected.requests.carriedOver as RowValues).naturalPerson = 3;
    // Table 2 (2021): 行政事业性收费 本年收费金额 in 万元, a decimal.
    const t2 = wb.getWorksheet('主动公开政府信息情况')!;
    t2.getCell(rowOf(t2, '行政事业性收费'), 2).value = 12.5;
    (expected.proactive.fees as RowValues).amount = 12.5;
    // Table 4: 行政复议 结果维持 2, 总计 2; everything else blank.
    const t4 = wb.getWorksheet('政府信息公开行政复议、行政诉讼情况')!;
    let data = 1;
    while (t4.getCell(data, 1).value !== '结果维持') data++;
    data += 2; // the outcome headers span two rows above the figures
    t4.getCell(data, 1).value = 2;
    t4.getCell(data, 5).value = '2';
    Object.assign(expected.reviewLitigation.review as RowValues, { upheld: 2, total: 2 });
    // Section 一: two paragraphs typed under its heading.
    const front = wb.worksheets[0]!;
    front.getCell(4, 1).value = '本年度，本机关认真贯彻落实《条例》。';
    front.getCell(5, 1).value = '2021年，本机关主动公开政府信息120条。';
    expected.sections.overview =
      '本年度，本机关认真贯彻落实《条例》。\n2021年，本机关主动公开政府信息120条。';

    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const got = extract(await read(bytes, { path: 'filled.xlsx' })).report;
    expect(contractDifferences(expected, got, { sections: true })).toEqual([]);
  });
});
