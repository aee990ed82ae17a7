// XLSX reader (exceljs): every sheet a table grid, merged cells resolved, numbers stored as text kept as text.
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Block, Document, RestatedFigure, TableCell, TableRow } from '../model/document.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { finding } from '../findings/index.ts';
import { brokenDocument } from './broken.ts';
import { packageTooLarge, workbookTooLarge } from './zip.ts';

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

/** The one filled cell of a row when it holds text rather than a lone figure; undefined for any other row. */
function loneText(row: TableRow): TableCell | undefined {
  const filled = row.cells.filter((c) => c.text !== '');
  return filled.length === 1 && !/^[-+]?[\d,.]+$/.test(filled[0]!.text) ? filled[0] : undefined;
}

/**
 * The header of the flat data sheet nianbao writes beside the official layout (src/render/report/csv.ts,
 * FLAT_COLUMNS). Such a sheet repeats every figure of the layout sheets, one per row: reading it as a table too
 * would give each row twice. The layout sheets are the ones a person edits (the official look), so they are the
 * source; the flat sheet's figures are handed on as `restated`, and extraction says where they disagree with the
 * layout (a value typed only there, a value changed on one side): one source of truth, never a silent choice.
 */
const FLAT_HEADER = ['table', 'row', 'rowLabel', 'column', 'columnLabel', 'value', 'source'];

/**
 * The workbook as exceljs can load it. Its cell comments (notes) are left out: nianbao reads none, and exceljs finds
 * a comments part only under its own names (xl/comments1.xml): openpyxl writes "/xl/comments/comment1.xml", and
 * exceljs failed on such a file ("Cannot read properties of undefined (reading 'comments')"). Absolute part names,
 * which OPC allows, are made relative. A workbook that needs neither is returned as it is.
 */
export function loadableWorkbook(
  bytes: Uint8Array,
  parts: Record<string, Uint8Array> | null = unpack(bytes),
): Uint8Array {
  if (!parts) return bytes; // exceljs says what is wrong with it
  const files = parts;
  let changed = false;
  for (const [name, data] of Object.entries(files)) {
    if (!name.endsWith('.rels')) continue;
    // xl/worksheets/_rels/sheet1.xml.rels holds the relationships of xl/worksheets/sheet1.xml: its targets are
    // relative to xl/worksheets/.
    const base = name
      .replace(/(?:^|\/)_rels\/[^/]*$/, '')
      .split('/')
      .filter(Boolean);
    const xml = strFromU8(data);
    const fixed = xml.replace(/<Relationship\b[^>]*>/g, (element) => {
      if (/\bType="[^"]*\/(?:comments|vmlDrawing)"/.test(element)) return '';
      if (/TargetMode="External"/.test(element)) return element;
      return element.replace(/\bTarget="\/([^"]*)"/, (_, path: string) => {
        const to = path.split('/');
        let common = 0;
        while (common < base.length && common < to.length - 1 && base[common] === to[common]) common++;
        return `Target="${[...base.slice(common).map(() => '..'), ...to.slice(common)].join('/')}"`;
      });
    });
    if (fixed !== xml) {
      files[name] = strToU8(fixed);
      changed = true;
    }
  }
  return changed ? zipSync(files, { level: 0 }) : bytes;
}

/**
 * The defined name of the guidance cells of nianbao's template (src/render/report/xlsx-guide.ts GUIDE_NAME: the
 * identities in words beside a table). They guide the author and are no part of the report, so they are left out.
 */
const GUIDE_NAME = 'nianbao_guide';

/** The cells a workbook's defined name covers, as "sheet!A1" keys (absolute $ signs dropped). */
function namedCells(wb: ExcelJS.Workbook, name: string): Set<string> {
  const out = new Set<string>();
  const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  for (const d of model.filter((m) => m.name === name))
    for (const range of d.ranges) {
      const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(range);
      if (!m) continue;
      const sheet = (m[1] ?? m[2]!).replace(/''/g, "'");
      const [c0, r0] = [column(m[3]!), Number(m[4])];
      const [c1, r1] = [m[5] ? column(m[5]) : c0, m[6] ? Number(m[6]) : r0];
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.add(`${sheet}!${r}:${c}`);
    }
  return out;
}

/** The number of a column's letters: A 1, Z 26, AA 27. */
const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * The sum formulas nianbao's template writes (xlsx-guide.ts sumFormula), the only formulas without a saved result
 * that are computed: IF(COUNT(refs)=0,"",SUM(refs)) or SUM(refs), refs being cells and ranges of the same sheet.
 */
const OWN_SUM = /^(?:IF\(COUNT\(([A-Z$0-9:,]+)\)=0,"",SUM\(\1\)\)|SUM\(([A-Z$0-9:,]+)\))$/;

/** The cells a list of references names, as [row, col] pairs; null when one is not a plain cell or range. */
function referenced(refs: string): [number, number][] | null {
  const out: [number, number][] = [];
  for (const ref of refs.split(',')) {
    const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
    if (!m) return null;
    const [c0, r0] = [column(m[1]!), Number(m[2])];
    const [c1, r1] = [m[3] ? column(m[3]) : c0, m[4] ? Number(m[4]) : r0];
    for (let r = Math.min(r0, r1); r <= Math.max(r0, r1); r++)
      for (let c = Math.min(c0, c1); c <= Math.max(c0, c1); c++) out.push([r, c]);
  }
  return out;
}

/**
 * The text of a sheet's cells, formulas included. A formula gives its saved result, the figure Excel, WPS or
 * LibreOffice computed. A formula saved without one (openpyxl writes formulas and no results) is computed only
 * when it is one of the template's own sums, over the figures typed in the sheet, as a spreadsheet would (numbers
 * count, text and blanks do not; nothing typed gives a blank, never 0): the formula is the file's content and its
 * value follows from the file alone, so nothing is guessed. Any other formula without a result is not evaluated —
 * nianbao is no spreadsheet, and a formula half understood would invent a figure —: it is read as a blank, and
 * `uncached` names it.
 */
function sheetText(ws: ExcelJS.Worksheet) {
  const computed: string[] = [];
  const uncached: string[] = [];
  /**
   * A formula cell's formula and saved result. exceljs's cell.value drops a falsy result (a saved 0 or ""), so they
   * are taken from the cell itself; a shared formula (LibreOffice writes them) comes translated to its cell.
   */
  const formulaOf = (cell: ExcelJS.Cell) =>
    cell.type === ExcelJS.ValueType.Formula
      ? { formula: cell.formula, result: cell.result as ExcelJS.CellValue | undefined }
      : undefined;
  /** A sum that reaches itself: a spreadsheet refuses it (a circular reference), and so is it read. */
  const CYCLE = Symbol('cycle');
  type Value = number | null | typeof CYCLE;
  const memo = new Map<string, Value>();
  const busy = new Set<string>();
  /** The number a cell holds for a sum (null: none), computing the template's sums without a result. */
  const numberAt = (r: number, c: number): Value => {
    const cell = ws.getCell(r, c);
    const f = formulaOf(cell);
    if (!f) return typeof cell.value === 'number' ? cell.value : null;
    if (f.result !== undefined) return typeof f.result === 'number' ? f.result : null;
    return ownSum(r, c, f.formula);
  };
  const ownSum = (r: number, c: number, formula: string | undefined): Value => {
    const key = `${r}:${c}`;
    if (memo.has(key)) return memo.get(key)!;
    if (busy.has(key)) return CYCLE;
    const m = OWN_SUM.exec((formula ?? '').replace(/\s+/g, ''));
    const cells = m ? referenced(m[1] ?? m[2]!) : null;
    if (!cells) {
      memo.set(key, null);
      return null;
    }
    busy.add(key);
    const parts = cells.map(([rr, cc]) => numberAt(rr, cc));
    busy.delete(key);
    // SUM of nothing is 0 in a spreadsheet; the template's IF(COUNT…) gives a blank, and so does a bare SUM here:
    // a total of no typed figure is no figure.
    const figures = parts.filter((x): x is number => typeof x === 'number');
    const sum: Value = parts.includes(CYCLE)
      ? CYCLE
      : figures.length
        ? figures.reduce((a, b) => a + b, 0)
        : null;
    memo.set(key, sum);
    return sum;
  };
  const text = (cell: ExcelJS.Cell): string => {
    const f = formulaOf(cell);
    if (!f) return textOf(cell.value);
    if (f.result !== undefined) return textOf(f.result);
    if (OWN_SUM.test((f.formula ?? '').replace(/\s+/g, ''))) {
      const sum = ownSum(Number(cell.row), Number(cell.col), f.formula);
      if (typeof sum === 'number') computed.push(cell.address);
      if (sum === CYCLE) uncached.push(cell.address);
      return typeof sum === 'number' ? String(sum) : '';
    }
    uncached.push(cell.address);
    return '';
  };
  return { text, computed, uncached };
}

/** Whether a sheet is nianbao's flat data sheet: its first row is exactly the flat header. */
function isFlatData(ws: ExcelJS.Worksheet): boolean {
  const first = ws.getRow(1);
  return FLAT_HEADER.every((h, i) => textOf(first.getCell(i + 1).value).trim() === h);
}

/** The figures of a flat data sheet: one per row that names a table, a row and a column. */
function restatedFigures(ws: ExcelJS.Worksheet): RestatedFigure[] {
  const col = (name: string) => FLAT_HEADER.indexOf(name) + 1;
  const out: RestatedFigure[] = [];
  ws.eachRow((row, r) => {
    if (r === 1) return;
    const key = ['table', 'row', 'column'].map((k) => textOf(row.getCell(col(k)).value).trim());
    if (key.some((k) => k === '')) return;
    const value = row.getCell(col('value'));
    out.push({
      path: key.join('.'),
      text: textOf(value.value).trim(),
      source: { kind: 'xlsx', sheet: ws.name, cell: value.address },
    });
  });
  return out;
}

/** The workbook of an XLSX file, as the reader loads it; throws on a file exceljs cannot load. */
/** A workbook's parts, or null when it is not a zip fflate can open. */
function unpack(bytes: Uint8Array): Record<string, Uint8Array> | null {
  try {
    return unzipSync(bytes);
  } catch {
    return null;
  }
}

async function loadWorkbook(
  bytes: Uint8Array,
  parts: Record<string, Uint8Array> | null = unpack(bytes),
): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const pkg = loadableWorkbook(bytes, parts);
  await wb.xlsx.load(Buffer.from(pkg.buffer, pkg.byteOffset, pkg.byteLength) as unknown as ArrayBuffer);
  return wb;
}

/** A sheet of a workbook as the reader sees its cells, bounded (xlsxSheets). */
export interface SheetText {
  name: string;
  /** Rows from row 1, cells from column A: a cell's text as the reader reads it, null for a cell a merge covers. */
  rows: (string | null)[][];
  /** The merged ranges ("A1:C1") that start inside the rows given. */
  merges: string[];
  /** The sheet's own size (rows and columns used), which may exceed the rows given. */
  rowCount: number;
  columnCount: number;
}

/**
 * The visible sheets of a workbook, their cells' text as readXlsx reads it (formulas by their result or the
 * template's own sums; guidance cells blank), at most `maxRows` × `maxColumns` cells each, for showing the cell an
 * XlsxSpan names. Throws on a file exceljs cannot load.
 */
export async function xlsxSheets(bytes: Uint8Array, maxRows = 200, maxColumns = 60): Promise<SheetText[]> {
  const wb = await loadWorkbook(bytes);
  const guide = namedCells(wb, GUIDE_NAME);
  const out: SheetText[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') continue;
    const rowCount = ws.rowCount;
    const columnCount = ws.columnCount;
    const R = Math.min(rowCount, maxRows);
    const C = Math.min(columnCount, maxColumns);
    const covered = new Set<string>();
    const merges: string[] = [];
    for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
      const [a, b] = range.split(':');
      const m0 = /^([A-Z]+)(\d+)$/.exec(a ?? '');
      const m1 = /^([A-Z]+)(\d+)$/.exec(b ?? a ?? '');
      if (!m0 || !m1) continue;
      const [r0, c0, r1, c1] = [Number(m0[2]), column(m0[1]!), Number(m1[2]), column(m1[1]!)];
      if (r0 > R || c0 > C) continue;
      merges.push(range);
      for (let r = r0; r <= Math.min(r1, R); r++)
        for (let c = c0; c <= Math.min(c1, C); c++) if (r !== r0 || c !== c0) covered.add(`${r}:${c}`);
    }
    const cellText = sheetText(ws);
    const rows: (string | null)[][] = [];
    for (let r = 1; r <= R; r++) {
      const row: (string | null)[] = [];
      for (let c = 1; c <= C; c++) {
        if (covered.has(`${r}:${c}`)) row.push(null);
        else if (guide.has(`${ws.name}!${r}:${c}`)) row.push('');
        else row.push(cellText.text(ws.getCell(r, c)).trim());
      }
      rows.push(row);
    }
    out.push({ name: ws.name, rows, merges, rowCount, columnCount });
  }
  return out;
}

/** Reads the bytes of an XLSX workbook: one table per sheet, a lone title cell at the top as a paragraph. */
export async function readXlsx(bytes: Uint8Array, options: { path?: string } = {}): Promise<Document> {
  const file = options.path ?? '';
  // The limits first, before anything is inflated, then before exceljs sees a sheet (zip.ts).
  const packed = packageTooLarge('xlsx', file, bytes);
  if (packed) return { kind: 'xlsx', blocks: [], diagnostics: [packed] };
  const parts = unpack(bytes);
  const sheets = parts && workbookTooLarge(file, parts);
  if (sheets) return { kind: 'xlsx', blocks: [], diagnostics: [sheets] };
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(bytes, parts);
  } catch (e) {
    return brokenDocument('xlsx', file, e);
  }
  const blocks: Block[] = [];
  const restated: RestatedFigure[] = [];
  const guide = namedCells(wb, GUIDE_NAME);
  const computed: { sheet: string; cell: string }[] = [];
  const uncached: { sheet: string; cell: string }[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') continue;
    if (isFlatData(ws)) {
      restated.push(...restatedFigures(ws));
      continue;
    }
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
    const cellText = sheetText(ws);
    const rows: TableRow[] = [];
    const rowNumbers: number[] = [];
    // Read once: exceljs counts the columns by walking every row, and a sheet of 10⁶ rows (a far cell) made that a
    // walk per row (fuzz seed 1, cases 4694, 4904…: no answer in 100 s).
    const columnCount = ws.columnCount;
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: TableCell[] = [];
      let ruled = false;
      for (let c = 1; c <= columnCount; c++) {
        if (covered.has(`${r}:${c}`)) continue;
        const cell = row.getCell(c);
        const span = spans.get(`${r}:${c}`);
        const b = cell.border;
        if (b && (b.top || b.bottom || b.left || b.right)) ruled = true;
        const guidance = guide.has(`${ws.name}!${r}:${c}`);
        cells.push({
          text: guidance ? '' : cellText.text(cell).trim(),
          col: c - 1,
          colSpan: span?.colSpan ?? 1,
          rowSpan: span?.rowSpan ?? 1,
          source: { kind: 'xlsx', sheet: ws.name, cell: cell.address },
        });
      }
      // A row of empty cells is kept when its cells are ruled: a table row left blank (a template, a table with
      // nothing to report) is still a row of blank figures, not nothing.
      if (ruled || cells.some((c) => c.text !== '')) {
        rows.push({ cells, source: { kind: 'xlsx', sheet: ws.name, cell: `A${r}` } });
        rowNumbers.push(r);
      }
    });
    // Empty cells right of the last used column carry nothing; blank cells inside the table are kept (a blank
    // figure is a cell too).
    const used = Math.max(
      0,
      ...rows.flatMap((r) => r.cells.filter((c) => c.text !== '').map((c) => c.col + c.colSpan)),
    );
    for (const r of rows)
      (r.cells as TableCell[]).splice(0, Infinity, ...r.cells.filter((c) => c.col < used));
    // Title and text lines above the table (rows with one filled cell holding text) are paragraphs: the agency and
    // year are there, and nianbao's own workbooks put each table's section heading and text there. A merged lone
    // cell directly above the table (no empty row between) is the table's caption (第二十条第（一）项) and stays in
    // it; a sheet of lone cells only is all text.
    let start = rows.findIndex((r) => loneText(r) === undefined);
    if (start < 0) start = rows.length;
    else
      while (
        start > 0 &&
        rowNumbers[start - 1] === rowNumbers[start]! - 1 &&
        (loneText(rows[start - 1]!)?.colSpan ?? 1) > 1
      )
        start--;
    for (const row of rows.splice(0, start)) {
      const only = loneText(row)!;
      blocks.push({ kind: 'paragraph', text: only.text, source: only.source });
    }
    if (rows.length)
      blocks.push({
        kind: 'table',
        layout: 'grid',
        rows,
        source: { kind: 'xlsx', sheet: ws.name, cell: 'A1' },
      });
    computed.push(...cellText.computed.map((cell) => ({ sheet: ws.name, cell })));
    uncached.push(...cellText.uncached.map((cell) => ({ sheet: ws.name, cell })));
  }
  const diagnostics: Diagnostic[] = [];
  const list = (cells: { sheet: string; cell: string }[]) =>
    cells
      .slice(0, 12)
      .map((c) => `${c.sheet}!${c.cell}`)
      .join('、') + (cells.length > 12 ? '……' : '');
  const at = (cells: { sheet: string; cell: string }[]) => ({
    source: { kind: 'xlsx' as const, ...cells[0]! },
  });
  if (computed.length)
    diagnostics.push(
      finding(
        'read/xlsx-formula-computed',
        'computed',
        {
          file,
          count: computed.length,
          cells: list(computed),
        },
        at(computed),
      ),
    );
  if (uncached.length)
    diagnostics.push(
      finding(
        'read/xlsx-formula-uncached',
        'uncached',
        {
          file,
          count: uncached.length,
          cells: list(uncached),
        },
        at(uncached),
      ),
    );
  return { kind: 'xlsx', blocks, diagnostics, ...(restated.length ? { restated } : {}) };
}
