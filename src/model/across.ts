// Cells across format versions: which cells of a report in one version make a cell of another (format-spec §4.3,
// §8.5, T3-7), derived from the format data (table lineages and row paths), never from the versions' names.
import type { FormatDef, RowDef, TableDef, TableKey } from './format.ts';

/** The table of a format by its key. */
function tableOf(format: FormatDef, key: TableKey): TableDef {
  return format.tables.find((t) => t.key === key)!;
}

/**
 * The rows of format `from` whose cells in `column` make the cell of `row` in format `to`, or null when `from`
 * cannot say:
 * - the same row when `from` has it with the column and the two tables are of one lineage (tables 3 and 4 of every
 *   version; table 2 only where its lineage is shared, format-spec §4.3);
 * - the rows of `from` under the row's path, whose sum it is (2021's （六）1–3 make 2019's （六）其他处理, T3-7);
 * - null for a row `from` has only as a whole (2019's single （六） cannot be split into 2021's three rows), a row
 *   it lacks, or a table of another lineage.
 */
export function rowsAcross(
  from: FormatDef,
  to: FormatDef,
  key: TableKey,
  row: RowDef,
  column: string,
): readonly (readonly string[])[] | null {
  if (from === to) return [row.path];
  const source = tableOf(from, key);
  if (source.lineage !== tableOf(to, key).lineage) return null;
  const id = row.path.join('.');
  if (source.rows.some((r) => r.path.join('.') === id && r.columns.some((c) => c.key === column)))
    return [row.path];
  const parts = source.rows.filter(
    (r) => r.path.length > row.path.length && id === r.path.slice(0, row.path.length).join('.'),
  );
  return parts.length ? parts.map((r) => r.path) : null;
}

/** The row of format `from` that holds `row` of another format as a part of it (2019's （六） for 2021's （六）1), if any. */
export function wholeRowOf(from: FormatDef, key: TableKey, row: RowDef): RowDef | null {
  return (
    tableOf(from, key).rows.find(
      (r) =>
        r.path.length < row.path.length && r.path.join('.') === row.path.slice(0, r.path.length).join('.'),
    ) ?? null
  );
}

/** Whether every cell of format `to` can be made from a report of format `from` (rowsAcross never null), table by table. */
export function madeFrom(from: FormatDef, to: FormatDef, key: TableKey): boolean {
  return tableOf(to, key).rows.every((row) =>
    row.columns.every((c) => rowsAcross(from, to, key, row, c.key) !== null),
  );
}

/** Whether a table's cells of formats `a` and `b` mean the same (one lineage), so they are summed and compared. */
export function sameLineage(a: FormatDef, b: FormatDef, key: TableKey): boolean {
  return tableOf(a, key).lineage === tableOf(b, key).lineage;
}
