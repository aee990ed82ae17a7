// What a dataset says of each report and cell besides the figures: whether a cell holds a figure, is left blank by
// the report, or could not be read by nianbao; and the report's quality counts (figures read, findings, inferred).
import type { Diagnostic } from '../../model/diagnostic.ts';
import { formatOf } from '../../model/formats/index.ts';
import { cellsOf, rowValues, type Report } from '../../model/report.ts';

/**
 * A cell as a dataset tells it: `figure` (a number as written, 0 included), `blank` (the report has the cell and
 * leaves it empty, or writes "/", "-", "—", "无" in it) or `unread` (nianbao could not read it: its figures could not
 * be placed or recognised, or its row or table is not in the document).
 */
export type CellStatus = 'figure' | 'blank' | 'unread';

/**
 * The findings of reading and extraction whose path names cells left null because they were not read (a cell, a
 * row or a whole table): the figures could not be recognised, placed in their columns or split, or the row or
 * table is missing. A null cell under none of them is the report's own blank.
 */
export const UNREAD_RULES: ReadonlySet<string> = new Set([
  'extract/unreadable-figure',
  'extract/unplaced-cells',
  'extract/ambiguous-cells',
  'extract/missing-row',
  'extract/missing-table',
]);

/** The status of every cell of a report (dotted model path → status), from its extraction findings. */
export function cellStatuses(
  report: Report,
  extraction: readonly Diagnostic[] = [],
): Map<string, CellStatus> {
  const unread = extraction
    .filter((d) => UNREAD_RULES.has(d.ruleId) && d.path && d.path.length > 0)
    .map((d) => d.path!.join('.'));
  const out = new Map<string, CellStatus>();
  for (const { table, row, column, path } of cellsOf(formatOf(report.formatVersion))) {
    const key = path.join('.');
    const value = rowValues(report[table.key], row)[column.key];
    out.set(
      key,
      value != null
        ? 'figure'
        : unread.some((p) => key === p || key.startsWith(p + '.'))
          ? 'unread'
          : 'blank',
    );
  }
  return out;
}

/** A report's quality in a dataset: how much of it was read, and what nianbao check found. */
export interface Quality {
  /** Cells holding a figure, of `cells`, the cells of the report's format version. */
  figures: number;
  cells: number;
  /** Cells the report leaves blank. */
  blank: number;
  /** Cells nianbao could not read. figures + blank + unread = cells. */
  unread: number;
  /** Figures placed by inference (split digits, the column grid, a row's arithmetic). */
  inferred: number;
  /** Findings of severity error and warning, as `nianbao check` reports them; null when the report was not checked. */
  errors: number | null;
  warnings: number | null;
}

/** The findings of severity error and warning among `diagnostics` (what `nianbao check` counts). */
export interface FindingCounts {
  errors: number;
  warnings: number;
}

/** The error and warning counts of a report's findings. */
export function findingCounts(diagnostics: readonly Diagnostic[]): FindingCounts {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics)
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  return { errors, warnings };
}

/** The quality of a report from its cells' statuses, its provenance and (when it was checked) its finding counts. */
export function qualityOf(
  report: Report,
  statuses: ReadonlyMap<string, CellStatus>,
  checked?: FindingCounts,
): Quality {
  const q: Quality = {
    figures: 0,
    cells: 0,
    blank: 0,
    unread: 0,
    inferred: 0,
    errors: checked?.errors ?? null,
    warnings: checked?.warnings ?? null,
  };
  for (const s of statuses.values()) {
    q.cells++;
    if (s === 'figure') q.figures++;
    else if (s === 'blank') q.blank++;
    else q.unread++;
  }
  q.inferred = Object.entries(report.provenance ?? {}).filter(
    ([path, p]) => p.inferred && statuses.get(path) === 'figure',
  ).length;
  return q;
}

/**
 * A CSV field made safe to open in a spreadsheet (OWASP CSV injection): text starting with = + - @, a tab or a
 * carriage return is prefixed with ' so that Excel, LibreOffice and WPS show it as text instead of running it as a
 * formula. Numbers are left alone: a negative figure (本年增/减 −3) is a number, not a formula, and stays one.
 */
export function safeField(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
