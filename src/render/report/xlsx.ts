// A report as an XLSX workbook: the text and the three tables in the official layout, plus a flat `data` sheet.
import ExcelJS from 'exceljs';
import type { SectionKey } from '../../model/format.ts';
import { formatOf } from '../../model/formats/index.ts';
import type { Report } from '../../model/report.ts';
import { layoutGrid, officialLayout, reportTitle, type LayoutCell, type TableLayout } from '../layout.ts';
import { displayWidth } from '../width.ts';
import { FLAT_COLUMNS, flatCells } from './csv.ts';
import { guideBeside, guideTable, preamble, sumValues, textBox } from './xlsx-guide.ts';

/** Name of the flat sheet; src/read/xlsx.ts recognises it by its header row and leaves it out of the document. */
export const DATA_SHEET = 'data';

const FONT = { name: '宋体', size: 11 } as const;
const LINE_HEIGHT = 16; // points per line of 11-point CJK text
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN } as const;
/**
 * The text sheets printed on A4 upright at 70%, which fits their one column to the page's width (LibreOffice prints
 * a one-column sheet at 100% whatever fitToWidth says, and cuts the column off at the page's edge).
 */
const TEXT_PAGE = { paperSize: 9, orientation: 'portrait', scale: 70 } as const;
/** Width (in Excel's character units) of the text sheets' one column. */
const TEXT_WIDTH = 100;

/** The lines a text takes in a cell `width` units wide, wrapped (Excel does not size rows of merged cells itself). */
function linesIn(text: string, width: number): number {
  const room = Math.max(1, width - 2);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / room)), 0);
}

/** The paragraphs of a section's text, one per line of the text (a blank section has none). */
function paragraphs(text: string | null | undefined): string[] {
  return (text ?? '').split('\n').filter((p) => p.trim() !== '');
}

/**
 * Writes a heading row and the section's paragraphs from row `at` on, each paragraph in its own cell, wrapped over
 * `span` columns; returns the next free row.
 */
function writeSection(
  ws: ExcelJS.Worksheet,
  at: number,
  heading: string,
  text: string | null,
  span: number,
  width: number,
): number {
  const h = ws.getCell(at++, 1);
  h.value = heading;
  h.font = { ...FONT, bold: true, size: 12 };
  for (const p of paragraphs(text)) {
    const row = ws.getRow(at++);
    const cell = row.getCell(1);
    cell.value = p;
    cell.font = FONT;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (span > 1) ws.mergeCells(row.number, 1, row.number, span);
    row.height = linesIn(p, width) * LINE_HEIGHT + 2;
  }
  return at;
}

/** Column widths of a table: label columns as wide as their longest label (capped, they wrap), figures at least 10. */
function columnWidths(t: TableLayout): number[] {
  const widths = new Array<number>(t.cols).fill(8);
  for (const c of t.cells) {
    if (c.colSpan !== 1) continue;
    const w = c.role === 'figure' ? Math.max(10, c.text.length + 2) : Math.min(30, displayWidth(c.text) + 2);
    widths[c.col] = Math.max(widths[c.col]!, w);
  }
  return widths;
}

/** Writes one table in its official layout from `startRow` on: merged cells, borders, wrapped labels, numbers. */
function writeTable(ws: ExcelJS.Worksheet, t: TableLayout, startRow: number, widths: readonly number[]) {
  const grid = layoutGrid(t);
  const at = (c: LayoutCell) => ws.getCell(startRow + c.row, 1 + c.col);
  const spanWidth = (c: LayoutCell) => widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
  const heights = new Array<number>(t.rows).fill(1);
  for (const c of t.cells) {
    const cell = at(c);
    // Figures are numbers, blanks are empty cells: a blank is never written as 0 (report-json.md).
    cell.value = c.role === 'figure' ? (c.value ?? null) : c.text;
    cell.font = c.role === 'header' ? { ...FONT, bold: true } : FONT;
    cell.alignment =
      c.role === 'figure'
        ? { horizontal: 'right', vertical: 'middle' }
        : { horizontal: c.role === 'header' ? 'center' : 'left', vertical: 'middle', wrapText: true };
    if (c.rowSpan > 1 || c.colSpan > 1)
      ws.mergeCells(startRow + c.row, 1 + c.col, startRow + c.row + c.rowSpan - 1, 1 + c.col + c.colSpan - 1);
    if (c.rowSpan === 1) heights[c.row] = Math.max(heights[c.row]!, linesIn(c.text, spanWidth(c)));
  }
  // Every position gets a border, the covered parts of merged cells included, or Excel draws gaps in the rules.
  grid.forEach((row, r) => row.forEach((_, c) => (ws.getCell(startRow + r, 1 + c).border = BORDER)));
  heights.forEach((lines, r) => (ws.getRow(startRow + r).height = lines * LINE_HEIGHT + 4));
}

/** The flat sheet: one row per model cell, blanks empty, for filters and pivot tables. */
function writeData(wb: ExcelJS.Workbook, report: Report) {
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...FLAT_COLUMNS]).font = { ...FONT, bold: true };
  for (const c of flatCells(report))
    ws.addRow([c.table, c.row, c.rowLabel, c.column, c.columnLabel, c.value, c.source]);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: FLAT_COLUMNS.length } };
  [12, 34, 50, 16, 28, 12, 30].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/**
 * The report as an XLSX workbook, in document order so that reading it back finds each table in its section:
 * sheet 1 the title and section 一; one sheet per statistics table, holding its section's heading and text above
 * the table in the official layout (officialLayout: merged cells, the 勾稽关系 note); then sections 五 and 六; then
 * the flat `data` sheet, for analysis (not in a template). Figures are stored as numbers, blanks as empty cells
 * (never 0). Agency and year are in the title "<agency><year>年政府信息公开工作年度报告", where extraction reads them;
 * the format version is told by the tables' own header words (format-spec §2), as for any report, and stated in
 * sheet 1's name for the person reading.
 *
 * A template (`template: true`, nianbao new) guides its author instead of holding a finished report: the preamble
 * under the title, a box under each heading for the section's text, a formula in every 总计 cell the format's
 * identities give (with the identity in a note and in words beside the table), data validation on every figure
 * cell, and no data sheet — each figure has one place to be typed.
 */
export async function renderXlsx(
  report: Report,
  options: {
    /**
     * Add the flat `data` sheet (default: true, false in a template). A template has none: its figures are typed in
     * the layout sheets, and a second copy of every cell would be a second place to type them.
     */
    dataSheet?: boolean;
    /** Write the authoring template's guidance (formulas, validation, preamble, text boxes). */
    template?: boolean;
  } = {},
): Promise<Uint8Array> {
  const format = formatOf(report.formatVersion);
  const template = options.template ?? false;
  const heading = (k: SectionKey) => format.sections.find((s) => s.key === k)!.heading;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'nianbao';
  // A program that opens the template calculates its formulas again (their cached results are ours).
  if (template) wb.calcProperties.fullCalcOnLoad = true;
  const section = (
    ws: ExcelJS.Worksheet,
    at: number,
    k: SectionKey,
    span: number,
    width: number,
    lines: number,
  ): number => {
    if (!template) return writeSection(ws, at, heading(k), report.sections[k], span, width);
    const next = writeSection(ws, at, heading(k), null, span, width);
    return textBox(ws, next, k, report.sections[k], span, lines, format);
  };

  // The format version is stated in the sheet's name and in a note on the title, not in a line of its own: a line
  // next to a title without agency or year (a blank template) would be read as the title's second half.
  const front = wb.addWorksheet(`报告（${format.version}格式）`, { pageSetup: TEXT_PAGE });
  front.getColumn(1).width = TEXT_WIDTH;
  const title = front.getCell(1, 1);
  title.value = reportTitle(report);
  title.font = { ...FONT, name: '黑体', size: 16, bold: true };
  title.note = `${format.version} 格式（${format.document}）`;
  front.getRow(1).height = 28;
  let first = 3;
  if (template) {
    // The preamble stands between the title and 一, as in the official reports; an empty row keeps it off the title.
    for (const p of preamble(report, format)) {
      const cell = front.getCell(first, 1);
      cell.value = p;
      cell.font = FONT;
      cell.alignment = { wrapText: true, vertical: 'top' };
      front.getRow(first++).height = linesIn(p, TEXT_WIDTH) * LINE_HEIGHT + 2;
    }
    first++;
  }
  section(front, first, 'overview', 1, TEXT_WIDTH, 16);

  const computed = template ? sumValues(report, format) : undefined;
  for (const t of officialLayout(report)) {
    const ws = wb.addWorksheet(t.title.slice(0, 31), {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    const widths = columnWidths(t);
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    const total = widths.reduce((a, b) => a + b, 0);
    const def = format.tables.find((d) => d.key === t.key)!;
    const next = section(ws, 1, def.section, t.cols, total, 3);
    // An empty row between the text and the table: the reader takes a merged cell right above a table for the
    // table's own caption (第二十条第（一）项), and a paragraph is not one.
    writeTable(ws, t, next + 1, widths);
    if (computed) {
      guideTable(ws, t, def, next + 1, computed);
      guideBeside(ws, t, def, next + 1, wb);
    }
  }

  const back = wb.addWorksheet('存在的主要问题及其他事项', { pageSetup: TEXT_PAGE });
  back.getColumn(1).width = TEXT_WIDTH;
  let at = 1;
  for (const k of ['problems', 'other'] as const) at = section(back, at, k, 1, TEXT_WIDTH, 8) + 1;

  if (options.dataSheet ?? !template) writeData(wb, report);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
