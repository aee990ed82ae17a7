// The wide dataset: one row per report, one column per cell of the formats (CSV and XLSX), for researchers who load
// a year's or a region's reports into pandas, R or a spreadsheet. Its column scheme and encoding: docs/datasets.md.
import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { FormatDef } from '../../model/format.ts';
import { FORMATS, formatOf, fromFormats } from '../../model/formats/index.ts';
import { cellsOf, rowValues, TABLE_KEYS, type Report } from '../../model/report.ts';
import { reportIdOf, rowLabelOf } from '../report/csv.ts';
import { cellStatuses, qualityOf, safeField, type FindingCounts } from './quality.ts';

/** One report of the dataset: where it came from, the report, and what reading and checking it found. */
export interface DatasetEntry {
  /** The file as given on the command line. */
  file: string;
  /** The sha256 of the file's bytes, hex (the report id is made of it). */
  sha256?: string;
  report: Report;
  /** The findings of reading and extraction: they say which null cells were not read (quality.ts). */
  extraction?: readonly Diagnostic[];
  /** The error and warning counts of `nianbao check` (the rules, and extraction's findings under their own rules). */
  checked?: FindingCounts;
  /** The region the report belongs to, when the caller knows it (`--region`, the library). */
  region?: string;
}

/** Options of the wide renderers. */
export interface WideOptions {
  /** The nianbao version that read the reports (its column). */
  nianbao?: string;
}

/** The marker of a cell the report leaves blank. Empty means no figure is known: not read, or not in the report's version. */
export const BLANK_MARK = 'NA';

/** One column of the wide dataset: its id (the header), its Chinese label, and for a cell column the versions that have it. */
export interface WideColumn {
  id: string;
  label: string;
  /** The format versions that have this cell (absent for the metadata columns). */
  versions?: string[];
}

/** The metadata and quality columns, before the cells, in order. */
export const WIDE_META: readonly WideColumn[] = [
  { id: 'file', label: '文件' },
  { id: 'sha256', label: '文件 SHA-256' },
  { id: 'reportId', label: '报告标识' },
  { id: 'agency', label: '机关' },
  { id: 'region', label: '地区' },
  { id: 'year', label: '年度' },
  { id: 'formatVersion', label: '格式版本' },
  { id: 'nianbao', label: 'nianbao 版本' },
  { id: 'figures', label: '已读数字' },
  { id: 'cells', label: '单元格数' },
  { id: 'blank', label: '空白单元格' },
  { id: 'unread', label: '未读出单元格' },
  { id: 'inferred', label: '推断数字' },
  { id: 'errors', label: '错误' },
  { id: 'warnings', label: '警告' },
];

/**
 * The column id of a cell: its contract path (`requests.denied.stateSecret.naturalPerson`), with the table key
 * replaced by the table's lineage where versions give the table's cells different meanings (table 2:
 * `proactive-2019.licensing.decisions` and `proactive-2021.licensing.decisions` are not the same figure).
 */
export function cellColumnId(table: { key: string; lineage: string }, path: readonly string[]): string {
  return [table.lineage === table.key ? table.key : table.lineage, ...path.slice(1)].join('.');
}

/** The cell columns of one format version, in its order: id, label, and the model path they read. */
function formatColumns(f: FormatDef): { id: string; label: string; path: string }[] {
  return [...cellsOf(f)].map(({ table, row, column, path }) => ({
    id: cellColumnId(table, path),
    label: [
      table.lineage === table.key ? table.title : `${table.title}（${f.version} 格式）`,
      rowLabelOf(row),
      column.group ? `${column.group} · ${column.label}` : column.label,
    ].join(' · '),
    path: path.join('.'),
  }));
}

/**
 * The cell columns of the dataset: the union of every registered format version's cells, each version's in its
 * order, a cell earlier versions lack inserted after the cell before it and the earlier versions' own cells there
 * (so a table's columns stay together, the older version's first). The
 * set depends on the formats only, never on the reports given: the same columns on every run. A cell of several
 * versions is labelled as the latest version labels it.
 */
export function wideCellColumns(formats: readonly FormatDef[] = FORMATS): WideColumn[] {
  const out: WideColumn[] = [];
  for (const key of TABLE_KEYS) {
    const table: WideColumn[] = [];
    for (const f of formats) {
      // A version's first new cell goes after the table's cells so far; each later one after its predecessor.
      let anchor = table.length - 1;
      const own = formatColumns(f).filter((x) => x.path.startsWith(key + '.'));
      const ids = new Set(own.map((c) => c.id));
      for (const c of own) {
        const at = table.findIndex((col) => col.id === c.id);
        if (at >= 0) {
          table[at]!.versions!.push(f.version);
          table[at]!.label = c.label;
          anchor = at;
        } else {
          // Past the cells of earlier versions this one lacks (2019's （六）其他处理 row before 2021's three).
          while (anchor + 1 < table.length && !ids.has(table[anchor + 1]!.id)) anchor++;
          table.splice(++anchor, 0, { id: c.id, label: c.label, versions: [f.version] });
        }
      }
    }
    out.push(...table);
  }
  return out;
}

/** The columns of the registered formats, made again when a format is registered. */
const registeredColumns = fromFormats((formats) => [...WIDE_META, ...wideCellColumns(formats)]);

/** Every column of the wide dataset, in order: metadata and quality, then the cells of the registered formats. */
export function wideColumns(): readonly WideColumn[] {
  return registeredColumns();
}

/** A cell's value in the wide dataset: the figure, BLANK_MARK for the report's blank, null when not read or absent. */
export type WideValue = number | string | null;

/** One report's values, by column id. */
function wideRecord(entry: DatasetEntry, options: WideOptions): Map<string, WideValue> {
  const { report } = entry;
  const statuses = cellStatuses(report, entry.extraction);
  const quality = qualityOf(report, statuses, entry.checked);
  const record = new Map<string, WideValue>([
    ['file', entry.file],
    ['sha256', entry.sha256 ?? ''],
    ['reportId', reportIdOf(entry.sha256)],
    ['agency', report.agency ?? ''],
    ['region', entry.region ?? ''],
    ['year', report.year],
    ['formatVersion', report.formatVersion],
    ['nianbao', options.nianbao ?? ''],
    ['figures', quality.figures],
    ['cells', quality.cells],
    ['blank', quality.blank],
    ['unread', quality.unread],
    ['inferred', quality.inferred],
    ['errors', quality.errors],
    ['warnings', quality.warnings],
  ]);
  for (const { table, row, column, path } of cellsOf(formatOf(report.formatVersion))) {
    const status = statuses.get(path.join('.'));
    const value = rowValues(report[table.key], row)[column.key] ?? null;
    record.set(
      cellColumnId(table, path),
      status === 'figure' ? value : status === 'blank' ? BLANK_MARK : null,
    );
  }
  return record;
}

/** One report's row of the wide dataset, in the order of wideColumns(): null where no figure is known. */
export function wideRow(entry: DatasetEntry, options: WideOptions = {}): WideValue[] {
  const record = wideRecord(entry, options);
  return wideColumns().map((c) => record.get(c.id) ?? null);
}

/** The start of the wide CSV: the UTF-8 byte order mark and the header row of column ids. */
export function wideCsvHeader(): string {
  return '\ufeff' + stringify([wideColumns().map((c) => c.id)], { record_delimiter: '\r\n' });
}

/** Rows of the wide CSV (after wideCsvHeader), text fields neutralised against formula injection. */
export function wideCsvRows(rows: readonly WideValue[][]): string {
  return stringify(
    rows.map((r) => r.map(safeField)),
    { record_delimiter: '\r\n' },
  );
}

/**
 * The reports as one wide CSV: a header row of column ids, then one row per report. A figure is a number as written
 * (0 when a zero is written); NA marks a cell the report leaves blank; an empty field is a cell with no figure
 * known (not read by nianbao, or not in the report's format version). RFC 4180 with CRLF and a UTF-8 BOM (Excel on
 * Chinese Windows reads a CSV without one as GBK); text fields are neutralised against formula injection.
 */
export function renderWideCsv(entries: readonly DatasetEntry[], options: WideOptions = {}): string {
  return wideCsvHeader() + wideCsvRows(entries.map((e) => wideRow(e, options)));
}

/**
 * The reports as a wide XLSX: sheet `data` with a header row of column ids, a second header row of Chinese labels,
 * then one row per report (figures as numbers, the report's blank as the error value #N/A that spreadsheets and
 * pandas read as "not available", a cell with no figure known left empty); sheet `columns` lists every column with
 * its label and the format versions that have it.
 */
export async function renderWideXlsx(
  entries: readonly DatasetEntry[],
  options: WideOptions = {},
): Promise<Uint8Array> {
  return wideXlsx(
    entries.map((e) => wideRow(e, options)),
    options,
  );
}

/** The wide XLSX of rows made by wideRow (a batch keeps the rows, not the reports). */
export async function wideXlsx(rows: readonly WideValue[][], options: WideOptions = {}): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const columns = wideColumns();
  const wb = new ExcelJS.Workbook();
  wb.creator = `nianbao ${options.nianbao ?? ''}`.trim();
  const ws = wb.addWorksheet('data', { views: [{ state: 'frozen', xSplit: 4, ySplit: 2 }] });
  ws.addRow(columns.map((c) => c.id)).font = { bold: true };
  ws.addRow(columns.map((c) => c.label)).font = { italic: true };
  for (const r of rows)
    ws.addRow(
      r.map((v, i): ExcelJS.CellValue =>
        v === BLANK_MARK && columns[i]!.versions ? ({ error: '#N/A' } as ExcelJS.CellErrorValue) : v,
      ),
    );
  WIDE_META.forEach(
    (c, i) => (ws.getColumn(i + 1).width = c.id === 'file' ? 30 : c.id === 'sha256' ? 20 : 12),
  );
  const dict = wb.addWorksheet('columns');
  dict.addRow(['id', 'label', 'versions']).font = { bold: true };
  for (const c of columns) dict.addRow([c.id, c.label, c.versions?.join(' ') ?? '']);
  dict.getColumn(1).width = 60;
  dict.getColumn(2).width = 80;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
