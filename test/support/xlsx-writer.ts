// A small XLSX writer for tests: each table of a report on its own sheet, in the official layout with merged cells.
import ExcelJS from 'exceljs';
import { formatOf } from '../../src/model/formats/index.ts';
import type { Report } from '../../src/model/report.ts';
import { officialRows } from './docx-writer.ts';

/** An XLSX workbook of the report; figures as numbers, or as text with thousands separators when `asText`. */
export async function writeXlsx(report: Report, options: { asText?: boolean } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const rows = officialRows(report);
  for (const t of formatOf(report.formatVersion).tables) {
    const ws = wb.addWorksheet(t.title.slice(0, 20));
    ws.addRow([`${report.agency ?? ''}${report.year ?? ''}年政府信息公开工作年度报告`]);
    const open = new Map<number, number>(); // column → first row of a vertical merge
    const grid = rows[t.key]!;
    grid.forEach((cells, i) => {
      const r = i + 2;
      let col = 1;
      for (const c of cells) {
        const span = c.span ?? 1;
        const cell = ws.getCell(r, col);
        if (c.vmerge !== 'continue') {
          const n = /^-?\d+(\.\d+)?$/.test(c.text) ? Number(c.text) : null;
          cell.value =
            n === null
              ? c.text || null
              : options.asText
                ? n.toLocaleString('en', { maximumFractionDigits: 10 })
                : n;
        }
        if (c.vmerge === 'restart') open.set(col, r);
        if (
          c.vmerge !== 'continue' &&
          span > 1 &&
          !(grid[i + 1]?.some((x) => x.vmerge === 'continue') && c.vmerge === 'restart')
        )
          ws.mergeCells(r, col, r, col + span - 1);
        if (c.vmerge === 'continue') {
          const next = grid[i + 1];
          const continues = next && columnOf(next, col)?.vmerge === 'continue';
          if (!continues) ws.mergeCells(open.get(col)!, col, r, col + span - 1);
        }
        col += span;
      }
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function columnOf(cells: { span?: number; vmerge?: string }[], col: number) {
  let at = 1;
  for (const c of cells) {
    if (at === col) return c;
    at += c.span ?? 1;
  }
  return undefined;
}
