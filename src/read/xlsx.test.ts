// XLSX reader: the samples and generated reports as workbooks (merged cells, numbers as numbers or as text).
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arbBlankyReport, reportCells } from '../../test/support/arbitrary.ts';
import { reportDifferences } from '../../test/support/roundtrip.ts';
import { writeXlsx } from '../../test/support/xlsx-writer.ts';
import { extract } from '../extract/index.ts';
import { FLAT_COLUMNS } from '../render/report/csv.ts';
import { DATA_SHEET, renderXlsx } from '../render/report/xlsx.ts';
import { check } from '../check.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Report } from '../model/report.ts';
import { read } from './index.ts';
import { readText } from './text.ts';

const cells = (r: Report) => new Map(reportCells(r).map((c) => [c.path, c.value]));
const samples = new URL('../../examples/reports/', import.meta.url);

describe('readXlsx', () => {
  for (const name of readdirSync(samples).filter((n) => n.endsWith('.txt')))
    for (const asText of [false, true])
      it(`reads ${name} as a workbook, figures ${asText ? 'stored as text' : 'as numbers'}`, async () => {
        const truth = extract(readText(readFileSync(new URL(name, samples)))).report!;
        const doc = await read(await writeXlsx(truth, { asText }), { path: 'report.bin' });
        expect(doc.kind).toBe('xlsx');
        const got = extract(doc).report!;
        expect([got.formatVersion, got.agency, got.year]).toEqual([
          truth.formatVersion,
          truth.agency,
          truth.year,
        ]);
        expect(cells(got)).toEqual(cells(truth));
        expect(got.provenance!['requests.newlyReceived.naturalPerson']!.source).toEqual({
          kind: 'xlsx',
          sheet: '收到和处理政府信息公开申请情况',
          cell: 'D5',
        });
      });

  it('reads 60 generated reports with blanks, both versions', async () => {
    await fc.assert(
      fc.asyncProperty(arbBlankyReport(), fc.boolean(), async (report, asText) => {
        const got = extract(await read(await writeXlsx(report, { asText }))).report!;
        expect(cells(got)).toEqual(cells(report));
      }),
      { numRuns: 60 },
    );
  });

  it('leaves out a flat data sheet (its header row is the flat columns) and keeps the table sheets', async () => {
    const wb = new ExcelJS.Workbook();
    const table = wb.addWorksheet('t');
    table.addRow(['行政许可', 5]);
    const data = wb.addWorksheet('data');
    data.addRow([...FLAT_COLUMNS]);
    data.addRow(['proactive', 'licensing', '行政许可', 'decisions', '处理决定数量', 5, '']);
    const doc = await read(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(doc.blocks).toHaveLength(1);
    expect(doc.blocks[0]!.kind === 'table' && doc.blocks[0]!.rows[0]!.source).toEqual({
      kind: 'xlsx',
      sheet: 't',
      cell: 'A1',
    });
    // The same rows under another header are an ordinary table.
    data.getCell('A1').value = '表';
    expect((await read(new Uint8Array(await wb.xlsx.writeBuffer()))).blocks).toHaveLength(2);
  });

  it('reads the layout of a workbook with a data sheet, and names every data-sheet figure that disagrees', async () => {
    const truth = extract(readText(readFileSync(new URL('003_b41a2553e1af1d3f.txt', samples)))).report!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx(truth)) as unknown as ArrayBuffer);
    const data = wb.getWorksheet(DATA_SHEET)!;
    const dataRow = (path: string) => {
      for (let r = 2; r <= data.rowCount; r++) {
        const row = data.getRow(r);
        if ([1, 2, 4].map((c) => row.getCell(c).value).join('.') === path) return row;
      }
      throw new Error(`no data row ${path}`);
    };
    // As rendered, the two agree: nothing to say.
    const agreed = extract(await read(new Uint8Array(await wb.xlsx.writeBuffer()), { path: 'r.xlsx' }));
    expect(agreed.diagnostics.filter((d) => d.ruleId === 'extract/xlsx-data-disagrees')).toEqual([]);
    // 003's 四、结转下年度继续办理 / 自然人 is blank: a value typed only into the data sheet.
    expect(truth.requests.carriedForward!.naturalPerson).toBeNull();
    dataRow('requests.carriedForward.naturalPerson').getCell(6).value = 7;
    // A layout figure changed by the author, the data sheet left as it was.
    const t3 = wb.getWorksheet('收到和处理政府信息公开申请情况')!;
    let at = 1;
    while (t3.getCell(at, 3).value !== '四、结转下年度继续办理') at++;
    t3.getCell(at, 5).value = 4;
    // A data-sheet value that is no figure, and a row that names no cell.
    dataRow('requests.carriedForward.research').getCell(6).value = '五';
    data.addRow(['requests', 'carriedForward', '', 'nobody', '', 3, '']);

    const { report, diagnostics } = extract(
      await read(new Uint8Array(await wb.xlsx.writeBuffer()), { path: 'r.xlsx' }),
    );
    // The layout is what is read.
    expect(report!.requests.carriedForward).toMatchObject({
      naturalPerson: null,
      commercial: 4,
      research: 0,
    });
    const found = diagnostics.filter((d) => d.ruleId === 'extract/xlsx-data-disagrees');
    expect(found.map((d) => [d.messageId, d.severity, d.path?.join('.'), d.data])).toEqual([
      [
        'onlyData',
        'warning',
        'requests.carriedForward.naturalPerson',
        expect.objectContaining({ layout: '空白', data: '7', cell: `收到和处理政府信息公开申请情况!D${at}` }),
      ],
      [
        'differs',
        'warning',
        'requests.carriedForward.commercial',
        expect.objectContaining({ layout: '4', data: '0', cell: `收到和处理政府信息公开申请情况!E${at}` }),
      ],
      ['differs', 'warning', 'requests.carriedForward.research', expect.objectContaining({ data: '五' })],
      ['notACell', 'warning', undefined, expect.objectContaining({ path: 'requests.carriedForward.nobody' })],
    ]);
    expect(found[0]!.message).toMatch(/data!F\d+ 填有 7.*已按版式表读取/);
  });

  it('reads lone text cells above a table as paragraphs, a merged one right above it as its caption', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('A1').value = '二、主动公开政府信息情况';
    ws.getCell('A2').value = '2019年，本机关主动公开政府信息120条。'; // starts with a digit: still text
    ws.mergeCells('A3:D3');
    ws.getCell('A3').value = '一段合并单元格中的说明文字。'; // merged, but an empty row below: text
    ws.mergeCells('A5:D5');
    ws.getCell('A5').value = '第二十条第（一）项';
    ws.addRow(['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']);
    ws.addRow(['规章', 1, 2, 3]);
    const text = wb.addWorksheet('text');
    text.addRow(['五、存在的主要问题及改进情况']);
    text.addRow(['2020年的问题已整改。']);
    const doc = await read(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(
      doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((r) => r.cells[0]!.text))),
    ).toEqual([
      '二、主动公开政府信息情况',
      '2019年，本机关主动公开政府信息120条。',
      '一段合并单元格中的说明文字。',
      ['第二十条第（一）项', '信息内容', '规章'],
      '五、存在的主要问题及改进情况',
      '2020年的问题已整改。',
    ]);
  });

  it('names a broken workbook', async () => {
    const good = await writeXlsx(
      extract(readText(readFileSync(new URL('002_3f168525c89639f9.txt', samples)))).report!,
    );
    const broken = good.slice(0, good.length >> 1);
    const doc = await read(broken, { path: 'broken.xlsx' });
    expect(doc.diagnostics[0]?.ruleId).toMatch(/^read\/(broken|unsupported)$/);
    expect(doc.diagnostics[0]?.message).toContain('broken.xlsx');
  });
});

describe('workbooks saved again by other programs (test/fixtures/xlsx, scripts/make-xlsx-fixtures.ts)', () => {
  const fixtures = new URL('../../test/fixtures/', import.meta.url);
  const fromWord = async (name: string) =>
    extract(await read(readFileSync(new URL(`docx/${name}.docx`, fixtures)))).report!;
  for (const program of ['openpyxl', 'libreoffice'])
    for (const name of ['2021', '000'])
      it(`reads ${name} as ${program} saved it: every cell, the version, body and year`, async () => {
        const truth = await fromWord(name);
        const file = `${name}-${program}.xlsx`;
        const doc = await read(readFileSync(new URL(`xlsx/${file}`, fixtures)), { path: file });
        expect(doc.diagnostics).toEqual([]);
        expect(reportDifferences(truth, extract(doc).report)).toEqual([]);
      });

  for (const program of ['openpyxl', 'libreoffice'])
    it(`reads nianbao new's template as ${program} saved it: the body, the year, every cell blank`, async () => {
      const file = `template-2025-${program}.xlsx`;
      const doc = await read(readFileSync(new URL(`xlsx/${file}`, fixtures)), { path: file });
      expect(doc.diagnostics).toEqual([]);
      const got = extract(doc).report!;
      expect([got.formatVersion, got.agency, got.year]).toEqual(['2021', '某县审计局', 2025]);
      expect([...cells(got).values()].every((v) => v === null)).toBe(true);
      expect(cells(got).size).toBe(200);
    });

  for (const program of ['openpyxl', 'libreoffice'])
    for (const name of ['2021', '000'])
      it(`reads nianbao new's template filled in with ${name} as ${program} saved it: every figure, every text, no false finding`, async () => {
        const truth = await fromWord(name);
        const file = `filled-${name}-${program}.xlsx`;
        const doc = await read(readFileSync(new URL(`xlsx/${file}`, fixtures)), { path: file });
        // openpyxl saves the formulas without results: the template's sums are computed, and that is said (info);
        // LibreOffice calculated them.
        expect(doc.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual(
          program === 'openpyxl' ? [['read/xlsx-formula-computed', 'info']] : [],
        );
        const { report, diagnostics } = extract(doc);
        expect(reportDifferences(truth, report, { sections: true })).toEqual([]);
        const findings = (r: Report, extraction: Diagnostic[]) =>
          check(r, { extraction })
            .filter((d) => d.severity !== 'info')
            .map((d) => `${d.ruleId} ${d.path?.join('.') ?? ''}`);
        expect(findings(report!, [...doc.diagnostics, ...diagnostics])).toEqual(findings(truth, []));
      });
});

describe('formulas', () => {
  /** A sheet of one table row: 自然人 … 其他 in B1:G1, and what `total` puts in H1. */
  async function sheet(fill: (ws: ExcelJS.Worksheet) => void) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    fill(ws);
    const doc = await read(new Uint8Array(await wb.xlsx.writeBuffer()), { path: 'f.xlsx' });
    const row = doc.blocks.find((b) => b.kind === 'table')!;
    return { cells: row.kind === 'table' ? row.rows.map((r) => r.cells.map((c) => c.text)) : [], doc };
  }
  const own = (refs: string) => `IF(COUNT(${refs})=0,"",SUM(${refs}))`;

  it('gives a formula its saved result, 0 and "" included', async () => {
    const { cells, doc } = await sheet((ws) => {
      ws.addRow(['a', 1, 2, { formula: 'B1*C1+1', result: 3 }]);
      ws.addRow(['b', 0, 0, { formula: 'B2+C2', result: 0 }]);
    });
    expect(cells).toEqual([
      ['a', '1', '2', '3'],
      ['b', '0', '0', '0'],
    ]);
    expect(doc.diagnostics).toEqual([]);
  });

  it("computes the template's own sums saved without a result as a spreadsheet does, and says so", async () => {
    const { cells, doc } = await sheet((ws) => {
      ws.addRow(['a', 1, '2', 3, { formula: own('B1:D1') }]); // the text "2" is not counted, as in Excel
      ws.addRow(['b', null, null, null, { formula: own('B2:D2') }]); // nothing typed: blank, not 0
      ws.addRow(['c', 4, null, { formula: own('E1,E3') }, { formula: own('B3:D3') }]); // a cycle: no figure
      ws.addRow(['d', 5, 6, null, { formula: 'SUM(B4,C4)' }]);
    });
    expect(cells).toEqual([
      ['a', '1', '2', '3', '4'],
      ['b', '', '', '', ''],
      ['c', '4', '', '', ''],
      ['d', '5', '6', '', '11'],
    ]);
    expect(doc.diagnostics.map((d) => [d.ruleId, d.data?.count, d.data?.cells])).toEqual([
      ['read/xlsx-formula-computed', 2, 's!E1、s!E4'],
      ['read/xlsx-formula-uncached', 2, 's!D3、s!E3'],
    ]);
  });

  it('reads any other formula without a saved result as a blank, with a warning naming it', async () => {
    const { cells, doc } = await sheet((ws) => {
      ws.addRow(['a', 1, 2, { formula: 'B1+C1' }]);
      ws.addRow(['b', 1, 2, { formula: 'SUM(B2:C2)*2' }]);
    });
    expect(cells).toEqual([
      ['a', '1', '2'],
      ['b', '1', '2'],
    ]);
    expect(doc.diagnostics.map((d) => [d.ruleId, d.severity, d.data?.cells])).toEqual([
      ['read/xlsx-formula-uncached', 'warning', 's!D1、s!D2'],
    ]);
  });

  it("leaves out the cells the workbook names nianbao_guide (the template's identities in words)", async () => {
    const { cells } = await sheet((ws) => {
      ws.addRow(['a', 1, null, '总计 = 甲 + 乙']);
      ws.workbook.definedNames.add("'s'!$D$1", 'nianbao_guide');
    });
    expect(cells).toEqual([['a', '1']]);
  });
});
