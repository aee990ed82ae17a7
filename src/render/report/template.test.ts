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
import { formatOf } from '../../model/formats/index.ts';
import { check } from '../../check.ts';
import { reportDifferences } from '../../../test/support/roundtrip.ts';
import { fillTemplate } from '../../../test/support/xlsx-fill.ts';
import { officialLayout } from '../layout.ts';
import { renderJson } from './json.ts';
import { GUIDE_NAME, references, sumFormula, templateSums } from './xlsx-guide.ts';

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
        const doc = await read(await renderXlsx(report, { template: true }), { path: 't.xlsx' });
        // The formulas of blank sums give blanks, not 0, and are no finding; the preamble is no section's text.
        expect(doc.diagnostics).toEqual([]);
        const got = extract(doc).report;
        expect(contractDifferences(report, got, { sections: true })).toEqual([]);
      }
  });

  it('filled in with exceljs as a user would (a number typed as text, a section written) gives its figures back', async () => {
    const previous = sample('002_3f168525c89639f9.txt');
    const { report } = newReport({ formatVersion: '2021', agency: previous.agency, year: 2021, previous });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx(report, { template: true })) as unknown as ArrayBuffer);
    const expected: Report = structuredClone(report);
    const t3 = wb.getWorksheet('收到和处理政府信息公开申请情况')!;
    const rowOf = (ws: ExcelJS.Worksheet, label: string) => {
      for (let r = 1; r <= ws.rowCount; r++)
        for (let c = 1; c <= 3; c++) if (ws.getCell(r, c).value === label) return r;
      throw new Error(`no row ${label}`);
    };
    // 本年新收: 自然人 12 typed as a number, 商业企业 "1,234" typed as text (pasted: the validation lets no text be
    // typed), 总计 left to its formula, which counts the number and not the text — as Excel does: 12.
    const received = rowOf(t3, '一、本年新收政府信息公开申请数量');
    t3.getCell(received, 4).value = 12;
    t3.getCell(received, 5).value = '1,234';
    Object.assign(expected.requests.newlyReceived as RowValues, {
      naturalPerson: 12,
      commercial: 1234,
      total: 12,
    });
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
    // Section 一: two paragraphs typed into the box under its heading, one cell; section 五 in two rows of its box.
    const front = wb.worksheets[0]!;
    front.getCell(rowOf(front, '一、总体情况') + 1, 1).value =
      '本年度，本机关认真贯彻落实《条例》。\n2021年，本机关主动公开政府信息120条。';
    expected.sections.overview =
      '本年度，本机关认真贯彻落实《条例》。\n2021年，本机关主动公开政府信息120条。';
    const back = wb.getWorksheet('存在的主要问题及其他事项')!;
    back.getCell(rowOf(back, '五、存在的主要问题及改进情况') + 1, 1).value = '公开内容不够全面。';
    expected.sections.problems = '公开内容不够全面。';

    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const got = extract(await read(bytes, { path: 'filled.xlsx' })).report;
    expect(contractDifferences(expected, got, { sections: true })).toEqual([]);
  });

  it('computes every 总计 by a formula of the format identities, shown beside in words, both versions', async () => {
    for (const formatVersion of ['2019', '2021'] as const) {
      const { report } = newReport({ formatVersion, agency: '某县审计局', year: 2025 });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await renderXlsx(report, { template: true })) as unknown as ArrayBuffer);
      const format = formatOf(formatVersion);
      let formulas = 0;
      for (const t of officialLayout(report)) {
        const ws = wb.getWorksheet(t.title)!;
        let top = 1;
        while (ws.getCell(top, 1).value !== t.cells[0]!.text) top++;
        const at = new Map(
          t.cells
            .filter((c) => c.role === 'figure')
            .map((c) => [c.path!, ws.getCell(top + c.row, 1 + c.col)]),
        );
        const sums = new Map(
          templateSums(format.tables.find((d) => d.key === t.key)!).map((x) => [x.total, x]),
        );
        for (const [path, cell] of at) {
          const sum = sums.get(path);
          if (!sum) {
            expect(cell.type, path).not.toBe(ExcelJS.ValueType.Formula);
            continue;
          }
          const refs = references(
            sum.parts.map((p) => ({
              row: Number(at.get(p)!.row),
              col: Number(at.get(p)!.col),
              address: at.get(p)!.address,
            })),
          );
          expect(cell.formula, path).toBe(sumFormula(refs));
          expect(String(cell.note), path).toContain(sum.words);
          formulas++;
        }
      }
      // 表三: 总计 in each of its rows (T3-2) and （七）总计 in each applicant column (T3-3); 表四: three blocks' 总计.
      const t3 = format.tables.find((t) => t.key === 'requests')!;
      expect(formulas).toBe(t3.rows.length + 6 + 3);
      const ws = wb.getWorksheet('收到和处理政府信息公开申请情况')!;
      let row = 1;
      while (ws.getCell(row, 2).value !== '（七）总计') row++;
      // （七）总计 / 自然人 sums the outcome rows from （一）予以公开 down to the last （六） row, one range.
      expect(ws.getCell(row, 4).formula).toMatch(/^IF\(COUNT\(D\d+:D\d+\)=0,"",SUM\(D\d+:D\d+\)\)$/);
      expect(ws.getCell(row, 10).formula).toBe(sumFormula(`D${row}:I${row}`));
      // The identities in words beside the tables, named for the reader to leave out.
      const guide = (wb.definedNames.model as { name: string; ranges: string[] }[]).find(
        (d) => d.name === GUIDE_NAME,
      )!;
      expect(guide.ranges.length).toBeGreaterThan(0);
      const words = (wb.worksheets.flatMap((w) => w.getSheetValues().flat()) as unknown[]).filter(
        (v): v is string => typeof v === 'string' && v.includes(' = '),
      );
      expect(words).toContain(
        '三（七）总计 = （一） + （二） + （三） + （四） + （五） + （六）（每一列，公式自动计算）',
      );
      expect(words).toContain('一 + 二 = 三（七） + 四（每一列都应相等，请核对）');
      expect(
        words.some((w) => w.startsWith('每一类的“总计” = 结果维持 + 结果纠正 + 其他结果 + 尚未审结')),
      ).toBe(true);
    }
  });

  it('validates every figure cell: whole numbers ≥ 0, amounts ≥ 0, 增/减 whole, with messages in Chinese', async () => {
    for (const formatVersion of ['2019', '2021'] as const) {
      const { report } = newReport({ formatVersion, agency: null, year: 2025 });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await renderXlsx(report, { template: true })) as unknown as ArrayBuffer);
      const kinds = new Set<string>();
      for (const t of officialLayout(report)) {
        const ws = wb.getWorksheet(t.title)!;
        let top = 1;
        while (ws.getCell(top, 1).value !== t.cells[0]!.text) top++;
        for (const c of t.cells.filter((x) => x.role === 'figure')) {
          const v = ws.getCell(top + c.row, 1 + c.col).dataValidation;
          kinds.add(c.kind!);
          expect(v.showErrorMessage && v.showInputMessage && v.allowBlank, c.path).toBe(true);
          expect(v.prompt).toMatch(/[\u4e00-\u9fff]/);
          if (c.kind === 'count') {
            expect([v.type, v.operator, v.formulae]).toEqual(['whole', 'greaterThanOrEqual', [0]]);
            expect(v.error).toBe('请填写大于或等于 0 的整数。');
          } else if (c.kind === 'amount')
            expect([v.type, v.operator, v.formulae]).toEqual(['decimal', 'greaterThanOrEqual', [0]]);
          else expect(v.type).toBe('whole');
        }
      }
      expect(kinds.has('count')).toBe(true);
    }
  });

  it('opens with the preamble and has a box for each section, which reads back as its text', async () => {
    const { report } = newReport({ formatVersion: '2021', agency: '某县审计局', year: 2025 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx(report, { template: true })) as unknown as ArrayBuffer);
    const front = wb.worksheets[0]!;
    const preamble = [front.getCell(3, 1).value, front.getCell(4, 1).value].join('');
    expect(preamble).toContain('本报告依据《中华人民共和国政府信息公开条例》');
    expect(preamble).toContain('（国办公开办函〔2021〕30号）的要求编制');
    expect(preamble).toContain('本报告所列数据统计期限为2025年1月1日至2025年12月31日');
    expect(preamble).toMatch(/请与某县审计局联系（地址：＿+；邮编：＿+；电话：＿+；电子邮箱：＿+）/);
    const texts: Record<string, string> = {};
    for (const s of formatOf('2021').sections) {
      const ws = wb.worksheets.find((w) => w.getColumn(1).values.includes(s.heading))!;
      const row = (ws.getColumn(1).values as unknown[]).indexOf(s.heading);
      const box = ws.getCell(row + 1, 1);
      expect(box.value, s.heading).toBeNull();
      expect(box.dataValidation.prompt, s.heading).toMatch(/填写|说明/);
      expect((box.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFFBEA');
      box.value = texts[s.key] = `本部分第一段（${s.key}）。\n第二段。`;
    }
    expect(
      wb
        .getWorksheet('存在的主要问题及其他事项')!
        .getCell(
          (wb.getWorksheet('存在的主要问题及其他事项')!.getColumn(1).values as unknown[]).indexOf(
            '六、其他需要报告的事项',
          ) + 1,
          1,
        ).dataValidation.prompt,
    ).toContain('信息处理费');
    const got = extract(await read(new Uint8Array(await wb.xlsx.writeBuffer()), { path: 't.xlsx' })).report!;
    expect(got.sections).toEqual(texts);
  });

  it('keeps a carried 总计 that is not the sum of its carried parts as a figure, and sums one that is', async () => {
    const previous = sample('002_3f168525c89639f9.txt');
    const consistent = newReport({
      formatVersion: '2021',
      agency: previous.agency,
      year: 2021,
      previous,
    }).report;
    const carried = consistent.requests.carriedOver as RowValues;
    const row = async (r: Report) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await renderXlsx(r, { template: true })) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('收到和处理政府信息公开申请情况')!;
      let at = 1;
      while (ws.getCell(at, 1).value !== '二、上年结转政府信息公开申请数量') at++;
      return ws.getCell(at, 10);
    };
    const sum = APPLICANTS.reduce((a, k) => a + (carried[k] ?? 0), 0);
    expect(carried.total).toBe(sum);
    const good = await row(consistent);
    expect([good.type, good.result]).toEqual([ExcelJS.ValueType.Formula, sum]);
    const wrong = structuredClone(consistent);
    (wrong.requests.carriedOver as RowValues).total = sum + 5;
    expect((await row(wrong)).value).toBe(sum + 5);
  });

  it('filled in (exceljs) reads every figure and text back, with no finding the report itself has not', async () => {
    const fixtures = new URL('../../../test/fixtures/', import.meta.url);
    for (const name of ['2021', '000']) {
      const truth = extract(await read(readFileSync(new URL(`docx/${name}.docx`, fixtures)))).report!;
      const { report } = newReport({
        formatVersion: truth.formatVersion,
        agency: truth.agency,
        year: truth.year,
      });
      const filled = await fillTemplate(await renderXlsx(report, { template: true }), truth);
      const doc = await read(filled, { path: `${name}.xlsx` });
      const { report: got, diagnostics } = extract(doc);
      expect(reportDifferences(truth, got, { sections: true })).toEqual([]);
      const findings = (r: Report, extraction: typeof diagnostics) =>
        check(r, { extraction }).map((d) => `${d.ruleId} ${d.path?.join('.') ?? ''}`);
      expect(findings(got!, [...doc.diagnostics, ...diagnostics])).toEqual(findings(truth, []));
    }
  });
});

describe('the JSON template', () => {
  it('filled in, tables only: no section-missing for 二, 三, 四, whose tables are filled; 一, 五, 六 still missing', async () => {
    const { report } = newReport({ formatVersion: '2021', agency: '某县审计局', year: 2025 });
    const template = JSON.parse(renderJson(report)) as Report;
    const filled = extract(
      await read(readFileSync(new URL('../../../test/fixtures/docx/2021.docx', import.meta.url))),
    ).report!;
    for (const k of ['proactive', 'requests', 'reviewLitigation'] as const) template[k] = filled[k];
    const doc = await read(new TextEncoder().encode(JSON.stringify(template)), { path: 't.json' });
    const missing = check(extract(doc).report!)
      .filter((d) => d.ruleId === 'section-missing')
      .map((d) => d.path!.join('.'));
    expect(missing).toEqual(['sections.overview', 'sections.problems', 'sections.other']);
  });
});
