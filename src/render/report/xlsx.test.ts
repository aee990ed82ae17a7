// XLSX output: official layout sheets and the flat data sheet; the samples and 200 generated reports read back.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arbBlankyReport, arbReport, isComplete, reportCells } from '../../../test/support/arbitrary.ts';
import { contractDifferences } from '../../../test/support/compare.ts';
import { extract } from '../../extract/index.ts';
import { formatOf } from '../../model/formats/index.ts';
import type { Report } from '../../model/report.ts';
import { read } from '../../read/index.ts';
import { readText } from '../../read/text.ts';
import { officialLayout } from '../layout.ts';
import { FLAT_COLUMNS } from './csv.ts';
import { DATA_SHEET, renderXlsx } from './xlsx.ts';

const samples = new URL('../../../examples/reports/', import.meta.url);
const sampleNames = readdirSync(samples).filter((n) => n.endsWith('.txt'));
const sample = (name: string) => extract(readText(readFileSync(new URL(name, samples)))).report!;

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

async function readBack(bytes: Uint8Array) {
  return extract(await read(bytes, { path: 'x.xlsx' }));
}

describe('renderXlsx', () => {
  for (const name of sampleNames)
    it(`reads ${name} back identically: metadata, sections, every cell, no duplicate row`, async () => {
      const truth = sample(name);
      const { report, diagnostics } = await readBack(await renderXlsx(truth));
      expect(contractDifferences(truth, report, { sections: true })).toEqual([]);
      expect(diagnostics.filter((d) => d.ruleId === 'extract/duplicate-row')).toEqual([]);
      // Figures point at their cell in the layout sheet, never at the data sheet.
      expect(report!.provenance!['requests.newlyReceived.total']!.source).toMatchObject({
        kind: 'xlsx',
        sheet: '收到和处理政府信息公开申请情况',
      });
    });

  it('reads 200 generated reports of both versions back identically, blanks included', async () => {
    let blanks = 0;
    const versions = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(arbReport(), arbBlankyReport()), async (truth) => {
        if (!isComplete(truth)) blanks++;
        versions.add(truth.formatVersion);
        const { report, diagnostics } = await readBack(await renderXlsx(truth));
        expect(contractDifferences(truth, report, { sections: true })).toEqual([]);
        // The data sheet as written agrees with the layout: no finding of a workbook nobody edited.
        expect(diagnostics.filter((d) => d.ruleId === 'extract/xlsx-data-disagrees')).toEqual([]);
      }),
      { numRuns: 200 },
    );
    expect([...versions].sort()).toEqual(['2019', '2021']);
    expect(blanks).toBeGreaterThan(20);
  }, 300_000);

  it('lays each table out as officialLayout says: merged cells, numbers as numbers, blanks as empty cells', async () => {
    const truth = sample('003_b41a2553e1af1d3f.txt');
    const wb = await workbook(await renderXlsx(truth));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '报告（2019格式）',
      ...formatOf('2019').tables.map((t) => t.title),
      '存在的主要问题及其他事项',
      DATA_SHEET,
    ]);
    expect(wb.getWorksheet('报告（2019格式）')!.getCell('A1').value).toBe(
      '三门峡市人民政府办公室2019年政府信息公开工作年度报告',
    );
    for (const t of officialLayout(truth)) {
      const ws = wb.getWorksheet(t.title)!;
      // The table starts below the section heading (row 1), its text and one empty row.
      expect(ws.getCell(1, 1).value).toBe(formatOf('2019').sections.find((s) => s.key === t.key)!.heading);
      let top = 2;
      while (ws.getCell(top, 1).value !== t.cells[0]!.text) top++;
      expect(ws.getRow(top - 1).hasValues).toBe(false);
      const merges = new Set((ws.model as { merges?: string[] }).merges);
      for (const c of t.cells) {
        const cell = ws.getCell(top + c.row, 1 + c.col);
        if (c.rowSpan > 1 || c.colSpan > 1)
          expect(merges).toContain(
            `${cell.address}:${ws.getCell(top + c.row + c.rowSpan - 1, c.col + c.colSpan).address}`,
          );
        if (c.role === 'figure') expect(cell.value).toBe(c.value ?? null);
        else expect(cell.value).toBe(c.text);
        expect(cell.border?.top?.style).toBe('thin');
      }
    }
    // 结转下年度继续办理 / 自然人 is blank in sample 003: an empty cell, while the zeros next to it are numbers.
    const t3 = wb.getWorksheet('收到和处理政府信息公开申请情况')!;
    const row = t3.getColumn(3).values.findIndex((v) => v === '四、结转下年度继续办理');
    expect(row).toBeGreaterThan(0);
    expect(t3.getCell(row, 4).value).toBeNull();
    expect(t3.getCell(row, 5).value).toBe(0);
  });

  it('writes the data sheet: one row per model cell with labels, value and source, blanks empty', async () => {
    const truth = sample('003_b41a2553e1af1d3f.txt');
    const ws = (await workbook(await renderXlsx(truth))).getWorksheet(DATA_SHEET)!;
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]!.slice(1)).toEqual([...FLAT_COLUMNS]);
    const cells = reportCells(truth);
    expect(rows.length - 1).toBe(cells.length);
    cells.forEach((c, i) => {
      const [table, rowKey, , column, , value, source] = rows[i + 1]!.slice(1);
      expect(`${table}.${rowKey}.${column}`).toBe(c.path);
      expect(value ?? null).toBe(c.value);
      if (c.value !== null) expect(source).toMatch(/^\d+:\d+$/);
    });
    const blank = rows.find((r) => r[2] === 'carriedForward' && r[4] === 'naturalPerson')!;
    expect(blank[3]).toBe('四、结转下年度继续办理');
    expect(blank[6]).toBeUndefined();
  });

  it('renders a report without metadata or sections, and reads it back as such', async () => {
    const truth: Report = { ...sample('004_562738e5f47c6a1c.txt'), agency: null, year: null };
    truth.sections = {
      overview: null,
      proactive: null,
      requests: null,
      reviewLitigation: null,
      problems: null,
      other: null,
    };
    const { report } = await readBack(await renderXlsx(truth));
    expect(contractDifferences(truth, report, { sections: true })).toEqual([]);
  });
});
