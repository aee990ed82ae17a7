// Which tables and rows the blank-cell rules leave to extraction, and whether a table holds any figure at all.
import type { Diagnostic } from '../model/diagnostic.ts';
import type { TableDef } from '../model/format.ts';
import type { Report } from '../model/report.ts';
import { cellAt } from '../model/cells.ts';

// Extraction messages after which a table or row is blank because it could not be read: extraction reports those
// itself (missing table or row, figures it could not place), so the blank rules do not repeat them. A row whose
// missing figures were placed by the grid (missingCellsPlaced) is not here: its blanks are the report's own. A
// figure OCR could not read (unreadableFigure) is a cell left blank by nianbao, not by the report.
const UNREAD = new Set([
  'missingTable',
  'missingRow',
  'missingCells',
  'ambiguousCells',
  'unsplittable',
  'missingCellsRun',
  'unsplittableRun',
  'unreadableFigure',
]);

/** The dotted paths of the tables, rows and cells that extraction left blank because it could not read them. */
export function unreadPaths(extraction: readonly Diagnostic[]): Set<string> {
  const out = new Set<string>();
  for (const d of extraction) if (d.path && UNREAD.has(d.messageId)) out.add(d.path.join('.'));
  return out;
}

/** Whether any cell of a table holds a figure. */
export function hasFigures(report: Report, table: TableDef): boolean {
  return table.rows.some((r) =>
    r.columns.some((c) => typeof cellAt(report, [table.key, ...r.path, c.key]) === 'number'),
  );
}

/** The column keys of a table that are row totals (表三、表四“总计”), from the format's row identities. */
export function totalColumns(table: TableDef): Set<string> {
  return new Set(table.rowIdentities.map((i) => i.total));
}
