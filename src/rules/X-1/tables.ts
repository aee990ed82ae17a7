// X-1's comparison with the tables: the cells a statement's figure is compared with, and the tables' figure for them.
import { cellAt, locate } from '../../model/cells.ts';
import type { ModelPath } from '../../model/diagnostic.ts';
import type { FormatDef } from '../../model/format.ts';
import type { Report } from '../../model/report.ts';
import type { Target } from './patterns.ts';

/**
 * The cells a target's figure is compared with (several: their sum): the 总计 of a table-3 row or group of rows or
 * of a table-4 block, or table-2 cells. Empty where the format has no such cell (table 2 of the 2019 format).
 */
export function cellsOf(format: FormatDef, target: Target): ModelPath[] {
  const requests = format.tables.find((t) => t.key === 'requests')!;
  const group = (key: string) =>
    requests.rows.filter((r) => r.path[0] === key).map((r) => ['requests', ...r.path, 'total']);
  const documents = (column: string, rows: readonly string[]) => {
    const proactive = format.tables.find((t) => t.key === 'proactive')!;
    const paths = rows.map((row) => ['proactive', row, column]);
    const exists = (p: ModelPath) =>
      proactive.rows.some((r) => r.path[0] === p[1] && r.columns.some((c) => c.key === p[2]));
    return paths.every(exists) ? paths : [];
  };
  switch (target) {
    case 'grantedOrPartial':
      return [
        ['requests', 'granted', 'total'],
        ['requests', 'partiallyGranted', 'total'],
      ];
    case 'denied':
    case 'unableToProvide':
    case 'notProcessed':
      return group(target);
    case 'review':
      return [['reviewLitigation', 'review', 'total']];
    case 'litigation':
      return [
        ['reviewLitigation', 'litigationDirect', 'total'],
        ['reviewLitigation', 'litigationAfterReview', 'total'],
      ];
    case 'normativeIssued':
      return documents('issued', ['normativeDocuments']);
    case 'normativeInForce':
      return documents('inForce', ['normativeDocuments']);
    case 'documentsIssued':
      return documents('issued', ['regulations', 'normativeDocuments']);
    case 'documentsInForce':
      return documents('inForce', ['regulations', 'normativeDocuments']);
    default:
      return [['requests', target, 'total']];
  }
}

/** The table's figure for a target: exact, or a lower bound where blanks leave part of it unknown. */
export interface TableFigure {
  value: number;
  /** False when `value` is only the sum of the cells written, blanks unknown (every cell being ≥ 0, T3-4). */
  exact: boolean;
  /** True when a blank 总计 was replaced by the sum of its row's columns. */
  fromColumns: boolean;
}

/**
 * The table's figure for some cells: their sum. A blank 总计 is the sum of its row's columns (the row identity,
 * T3-2: the six applicant columns; T4-1: the four outcomes) when all of them are written (format-spec §10.2, where
 * the 总计 column is blank); 0 where its whole row is blank or 0 (zeros written as empty cells, §10.2); otherwise the
 * row counts with what is written, and the figure is a lower bound. Null when nothing at all is written, or where a
 * negative figure makes a lower bound unsound.
 */
export function tableValue(
  report: Report,
  format: FormatDef,
  cells: readonly ModelPath[],
): TableFigure | null {
  let value = 0;
  let written = 0;
  let exact = true;
  let fromColumns = false;
  for (const path of cells) {
    const v = cellAt(report, path);
    if (typeof v === 'number') {
      value += v;
      written++;
      continue;
    }
    const { table, row } = locate(format, path);
    const column = path[path.length - 1]!;
    const identity = table?.rowIdentities.find((i) => i.total === column);
    if (!row || !identity) {
      exact = false; // a blank table-2 cell: unknown, ≥ 0
      continue;
    }
    const parts = identity.parts.map((c) => cellAt(report, [...path.slice(0, -1), c]));
    const present = parts.filter((c): c is number => typeof c === 'number');
    if (present.every((c) => c === 0)) {
      if (present.length === parts.length) {
        written++; // every column written, all 0
      }
      continue; // blank or 0 throughout: zeros written as empty cells
    }
    if (present.some((c) => c < 0)) return null;
    value += present.reduce((a, b) => a + b, 0);
    written++;
    fromColumns = true;
    if (present.length < parts.length) exact = false;
  }
  if (written === 0) return null;
  if (!exact && cells.some((p) => (cellAt(report, p) ?? 0) < 0)) return null;
  return { value, exact, fromColumns };
}
