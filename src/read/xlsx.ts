// XLSX reader (exceljs): every sheet a table grid, merged cells resolved, numbers stored as text kept as text.
import ExcelJS from 'exceljs';
import type { Block, Document, TableCell, TableRow } from '../model/document.ts';
import { brokenDocument } from './messages.ts';

/** The text of a cell value as a person sees it: numbers as written, formulas by their result, rich text joined. */
function textOf(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return textOf((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return '';
  }
  return String(v);
}

/** Reads the bytes of an XLSX workbook: one table per sheet, a lone title cell at the top as a paragraph. */
export async function readXlsx(bytes: Uint8Array, options: { path?: string } = {}): Promise<Document> {
  const file = options.path ?? '';
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
    );
  } catch (e) {
    return brokenDocument('xlsx', file, e);
  }
  const blocks: Block[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') continue;
    // Merged ranges: the master cell spans, the others are covered and left out of the grid.
    const spans = new Map<string, { rowSpan: number; colSpan: number }>();
    const covered = new Set<string>();
    for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
      const [a, b] = range.split(':');
      const from = ws.getCell(a!);
      const to = ws.getCell(b ?? a!);
      const r0 = Number(from.row);
      const c0 = Number(from.col);
      const r1 = Number(to.row);
      const c1 = Number(to.col);
      spans.set(`${r0}:${c0}`, { rowSpan: r1 - r0 + 1, colSpan: c1 - c0 + 1 });
      for (let r = r0; r <= r1; r++)
        for (let c = c0; c <= c1; c++) if (r !== r0 || c !== c0) covered.add(`${r}:${c}`);
    }
    const rows: TableRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: TableCell[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        if (covered.has(`${r}:${c}`)) continue;
        const cell = row.getCell(c);
        const span = spans.get(`${r}:${c}`);
        cells.push({
          text: textOf(cell.value).trim(),
          col: c - 1,
          colSpan: span?.colSpan ?? 1,
          rowSpan: span?.rowSpan ?? 1,
          source: { kind: 'xlsx', sheet: ws.name, cell: cell.address },
        });
      }
      if (cells.some((c) => c.text !== ''))
        rows.push({ cells, source: { kind: 'xlsx', sheet: ws.name, cell: `A${r}` } });
    });
    // Empty cells right of the last used column carry nothing; blank cells inside the table are kept (a blank
    // figure is a cell too).
    const used = Math.max(
      0,
      ...rows.flatMap((r) => r.cells.filter((c) => c.text !== '').map((c) => c.col + c.colSpan)),
    );
    for (const r of rows)
      (r.cells as TableCell[]).splice(0, Infinity, ...r.cells.filter((c) => c.col < used));
    // Title lines above the table (one filled cell holding text) are paragraphs: the agency and year are there.
    while (
      rows.length &&
      rows[0]!.cells.filter((c) => c.text !== '').length === 1 &&
      !/^\d/.test(rows[0]!.cells.find((c) => c.text)!.text)
    ) {
      const only = rows.shift()!.cells.find((c) => c.text !== '')!;
      blocks.push({ kind: 'paragraph', text: only.text, source: only.source });
    }
    if (rows.length)
      blocks.push({
        kind: 'table',
        layout: 'grid',
        rows,
        source: { kind: 'xlsx', sheet: ws.name, cell: 'A1' },
      });
  }
  return { kind: 'xlsx', blocks, diagnostics: [] };
}
