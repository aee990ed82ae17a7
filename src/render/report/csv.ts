// The flat form of reports: one record per model cell (CSV, and the XLSX `data` sheet), for analysis.
import { stringify } from 'csv-stringify/sync';
import type { RowDef } from '../../model/format.ts';
import { formatOf } from '../../model/formats/index.ts';
import { cellsOf, rowValues, type Cell, type Report } from '../../model/report.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import { formatSpan } from '../../model/source.ts';
import { cellStatuses, qualityOf, safeField, type FindingCounts } from '../dataset/quality.ts';

/** One model cell in the flat form: where it sits in the format, its labels, its value and where it came from. */
export interface FlatCell {
  /** Table key of the JSON contract: `proactive`, `requests` or `reviewLitigation`. */
  table: string;
  /** Dotted row path inside the table, e.g. `denied.stateSecret`. */
  row: string;
  /** The official row label with the groups it stands in, e.g. `三、本年度办理结果 · （三）不予公开 · 1.属于国家秘密`. */
  rowLabel: string;
  /** Column key, e.g. `naturalPerson`. */
  column: string;
  /** Official column label, with its header group where it has one (`法人或其他组织 · 商业企业`). */
  columnLabel: string;
  /** The figure; null for a blank cell (never 0). */
  value: Cell;
  /** The source location of the figure (`formatSpan` of its provenance), '' when there is none. */
  source: string;
}

/** The columns of the flat data (the CSV header and the XLSX `data` sheet's header row), in order. */
export const FLAT_COLUMNS = ['table', 'row', 'rowLabel', 'column', 'columnLabel', 'value', 'source'] as const;

/**
 * The columns of the CSV: the file each report came from (its name, the sha256 of its bytes and the report id made
 * of it, so that two files of one body and year stay apart), the report's metadata, the flat cell, and how the
 * figure was placed when extraction inferred it (`split`, `grid`, `arithmetic`; empty when read as written).
 * Appended after them: the cell's `status` (`figure`, `blank` — the report leaves it blank —, or `unread` — nianbao
 * could not read it; `value` is empty for both), and the report's quality, the same on each of its rows so that a
 * filter or a group-by on `reportId` needs no join: figures read of the cells of its format, figures inferred, and
 * the findings of severity error and warning `nianbao check` reports (empty when the report was not checked).
 */
export const CSV_COLUMNS = [
  'file',
  'sha256',
  'reportId',
  'agency',
  'year',
  'formatVersion',
  ...FLAT_COLUMNS,
  'inferred',
  'status',
  'reportFigures',
  'reportCells',
  'reportInferred',
  'reportErrors',
  'reportWarnings',
] as const;

/**
 * Where a report came from, for the CSV: the file as given and the sha256 of its bytes; and what reading and checking
 * it found — the findings of reading and extraction (which blank cells were not read) and those of `nianbao check`.
 */
export interface CsvOrigin {
  file?: string;
  sha256?: string;
  extraction?: readonly Diagnostic[];
  /** The error and warning counts of `nianbao check` (render and extract check every report they write). */
  checked?: FindingCounts;
}

/** A report's id in the CSV: the first 16 hex digits of its file's sha256 — the same on every run and machine. */
export const reportIdOf = (sha256: string | undefined): string => sha256?.slice(0, 16) ?? '';

/** The row label with its groups, outermost first, so that "1.属于国家秘密" says which group it belongs to. */
export function rowLabelOf(row: RowDef): string {
  return [row.parentGroup, row.group, row.label].filter((x): x is string => !!x).join(' · ');
}

/** Every cell of a report in format order, flat. */
export function flatCells(report: Report): FlatCell[] {
  const out: FlatCell[] = [];
  for (const { table, row, column, path } of cellsOf(formatOf(report.formatVersion))) {
    const key = path.join('.');
    out.push({
      table: table.key,
      row: row.path.join('.'),
      rowLabel: rowLabelOf(row),
      column: column.key,
      columnLabel: column.group ? `${column.group} · ${column.label}` : column.label,
      value: rowValues(report[table.key], row)[column.key] ?? null,
      source: formatSpan(report.provenance?.[key]?.source),
    });
  }
  return out;
}

/**
 * The reports as one CSV (RFC 4180: CRLF line ends, fields quoted where needed), one record per model cell, blanks
 * as empty fields. It starts with a UTF-8 byte order mark: Excel on Chinese Windows opens a CSV without one in the
 * ANSI code page (GBK) and garbles every label; with it, Excel reads UTF-8.
 */
export function renderCsv(
  reports: readonly Report[],
  origins: readonly CsvOrigin[] = [],
  options: { header?: boolean } = {},
): string {
  const records: (string | number)[][] = [];
  for (const [i, report] of reports.entries()) {
    const { file = '', sha256 = '', extraction, checked } = origins[i] ?? {};
    const statuses = cellStatuses(report, extraction);
    const q = qualityOf(report, statuses, checked);
    for (const c of flatCells(report)) {
      const path = `${c.table}.${c.row}.${c.column}`;
      records.push(
        [
          file,
          sha256,
          reportIdOf(sha256 || undefined),
          report.agency ?? '',
          report.year ?? '',
          report.formatVersion,
          c.table,
          c.row,
          c.rowLabel,
          c.column,
          c.columnLabel,
          c.value ?? '',
          c.source,
          report.provenance?.[path]?.inferred ?? '',
          statuses.get(path)!,
          q.figures,
          q.cells,
          q.inferred,
          q.errors ?? '',
          q.warnings ?? '',
        ].map(safeField),
      );
    }
  }
  // Without the header (a batch written report by report after a first call with it): the records only.
  if (options.header === false) return stringify(records, { record_delimiter: '\r\n' });
  return '\ufeff' + stringify(records, { header: true, columns: [...CSV_COLUMNS], record_delimiter: '\r\n' });
}
