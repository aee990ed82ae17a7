// A report's cells as rows of the cells table, and a figure changed at a model path (pure, from the format data).
import { formatOf } from '../model/formats/index.ts';
import { cellsOf, rowValues, type Cell, type Report, type TableValues } from '../model/report.ts';
import { formatSpan } from '../model/source.ts';

/** One row of the cells table, without its report id. */
export interface CellRow {
  table_key: string;
  row_key: string;
  column_key: string;
  value: number | null;
  source: string | null;
  inferred: string | null;
}

/** Every cell of the report's format, blanks included (a blank is a fact about the report, not a zero). */
export function cellRows(report: Report): CellRow[] {
  const out: CellRow[] = [];
  for (const { table, row, column, path } of cellsOf(formatOf(report.formatVersion))) {
    const value = rowValues(report[table.key], row)[column.key] ?? null;
    const prov = report.provenance?.[path.join('.')];
    out.push({
      table_key: table.key,
      row_key: row.path.join('.'),
      column_key: column.key,
      value,
      source: value !== null && prov?.source ? formatSpan(prov.source) : null,
      inferred: prov?.inferred ?? null,
    });
  }
  return out;
}

/** True when the dotted path names a cell of the report's format (e.g. requests.denied.stateSecret.total). */
export function isCellPath(report: Report, path: string): boolean {
  for (const c of cellsOf(formatOf(report.formatVersion))) if (c.path.join('.') === path) return true;
  return false;
}

/** The figure at a cell path (undefined when the path is not a cell of the format). */
export function cellAt(report: Report, path: string): Cell | undefined {
  if (!isCellPath(report, path)) return undefined;
  const [table, ...rest] = path.split('.');
  let node: TableValues | Cell | undefined = report[table as 'proactive'];
  for (const k of rest) node = (node as TableValues | undefined)?.[k] as TableValues | Cell | undefined;
  return node as Cell;
}

/**
 * A copy of the report with one figure changed. Provenance is left as read (the cell's place in the file is
 * still its place); the edits table and the cell's `inferred = 'edit'` say the figure was changed.
 */
export function withCell(report: Report, path: string, value: Cell): Report {
  if (!isCellPath(report, path)) throw new Error(`not a cell of the ${report.formatVersion} format: ${path}`);
  const copy = structuredClone(report);
  const [table, ...rest] = path.split('.');
  let node = copy[table as 'proactive'] as TableValues;
  for (const k of rest.slice(0, -1)) node = node[k] as TableValues;
  (node as unknown as Record<string, Cell>)[rest[rest.length - 1]!] = value;
  return copy;
}
