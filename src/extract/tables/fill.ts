// Filling the tables from the matched rows: each row's figures resolved into its columns (one per cell, by the
// table's grid, or by its identities), table 4's run of 3 × 5 cells, and the rows a found table does not have.
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { TableKey } from '../../model/format.ts';
import { rowValues, type TableValues } from '../../model/report.ts';
import { finding } from '../../findings/index.ts';
import { resolveRow, type Holds, type Resolution } from '../resolve.ts';
import type { CompiledTable } from './compile.ts';
import { blockOrder, identityCheck, indexIdentities, learnGrids, ranTogether, withGrid } from './grid.ts';
import type { MatchedRows, WideRun } from './match.ts';
import { place, report, type Sink } from './place.ts';
import type { Match } from './rows.ts';

type Grids = ReturnType<typeof learnGrids>;

/** Places every matched row and table 4's first run into `values`; counts the rows read per table in `matched`. */
export function fillTables(
  found: MatchedRows,
  tables: readonly CompiledTable[],
  sink: Sink,
  values: Record<TableKey, TableValues>,
  matched: Record<TableKey, number>,
): void {
  // Each document table's grid is learnt from its rows with exact counts, then every row's figures are placed.
  const grids = learnGrids(found.matches);
  for (const m of found.matches) {
    fillRow(m, grids, sink, values[m.table.def.key]);
    matched[m.table.def.key]++;
  }
  const [first, second] = found.wide;
  if (first) matched[first.table.def.key] += fillWide(first, found, grids, sink, values[first.table.def.key]);
  if (second) sink.diagnostics.push(duplicate(second.table.def.title, [second.table.def.key], second));
  missingRows(tables, found.seen, matched, sink.diagnostics);
}

function fillRow(m: Match, grids: Grids, sink: Sink, values: TableValues): void {
  const cols = m.columnOrder
    ? m.columnOrder.map((k) => m.row.def.columns.find((c) => c.key === k)!)
    : m.row.def.columns;
  const keys = cols.map((c) => c.key);
  const n = cols.length;
  const res: Resolution =
    m.logical.tokens.length === n && !m.logical.stream
      ? { values: m.logical.tokens } // the common case: one cell per column
      : m.logical.tokens.length === 0
        ? { values: Array(n).fill(null) }
        : resolveRow(m.logical.tokens, n, identityCheck(m.table.def, keys, n), {
            // One cell per line: a line's place in the row is not its column once a blank cell left no line, so a
            // short row there is not placed by the grid (a figure in the wrong column is worse than a blank).
            ...(m.logical.layout === 'cell-per-line'
              ? {}
              : withGrid(grids(m.logical.tableIndex, keys, m.headers))),
            identities: indexIdentities(m.table.def, keys, 0),
            splittable: m.logical.stream || m.logical.layout === 'paragraph',
          });
  const path = [m.table.def.key, ...m.row.def.path];
  if (!res.inferred && ranTogether(res.values, m.logical.layout)) res.inferred = 'split';
  report(sink, res, path, m.row.def.label, m.logical.source);
  const target = rowValues(values, m.row.def);
  cols.forEach((col, k) =>
    place(sink, target, col, res.values[k] ?? null, m.row.cellKeys[col.key]!, res.inferred, m.headerUnit),
  );
}

/** Table 4: three blocks side by side; returns the number of blocks placed. */
function fillWide(w: WideRun, found: MatchedRows, grids: Grids, sink: Sink, values: TableValues): number {
  const tokens = w.rows.flatMap((r) => r.tokens);
  const defs = blockOrder(w.table.def, w.header);
  const cols = defs.flatMap((d) => d.columns.map((c) => ({ row: d, col: c })));
  const n = cols.length;
  const per = w.table.def.rowIdentities;
  const holds: Holds = (v) =>
    defs.every((d, b) =>
      per.every((id) => {
        const at = (k: string) => v[b * d.columns.length + d.columns.findIndex((c) => c.key === k)] ?? null;
        const total = at(id.total);
        const parts = id.parts.map(at);
        return (
          total !== null &&
          parts.every((p) => p !== null) &&
          parts.reduce((s: number, p) => s + p!, 0) === total
        );
      }),
    );
  const all = [...(found.headerAll.get(w.rows[0]!.tableIndex) ?? [])].sort((a, b) => a - b);
  const grid =
    all.length === n
      ? { centers: all }
      : grids(
          w.rows[0]!.tableIndex,
          cols.map((c) => c.col.key),
        );
  const res = resolveRow(tokens, n, holds, {
    ...(grid ? { grid } : {}),
    identities: defs.flatMap((d, b) =>
      indexIdentities(
        w.table.def,
        d.columns.map((c) => c.key),
        b * d.columns.length,
      ),
    ),
    splittable: w.rows.some((r) => r.stream || r.layout === 'paragraph'),
  });
  const key = w.table.def.key;
  report(sink, res, [key], w.table.def.title, w.rows[0]!.source);
  // A block already read as a row of its own (a vertical layout, or a stray row) keeps the figures read first:
  // every cell is placed once, so its value and its provenance always agree.
  const taken = new Set(defs.filter((d) => found.seen.has(`${key}.${d.path.join('.')}`)));
  cols.forEach(({ row, col }, k) => {
    if (taken.has(row)) return;
    place(
      sink,
      rowValues(values, row),
      col,
      res.values[k] ?? null,
      [key, ...row.path, col.key].join('.'),
      res.inferred,
    );
  });
  for (const d of taken) sink.diagnostics.push(duplicate(d.label, [key, ...d.path], w));
  return defs.length - taken.size;
}

function duplicate(row: string, path: string[], w: WideRun): Diagnostic {
  return finding('extract/duplicate-row', 'duplicateRow', { row }, { path, source: w.rows[0]!.source });
}

/** Rows of a found table that the document does not have. */
function missingRows(
  tables: readonly CompiledTable[],
  seen: ReadonlySet<string>,
  matched: Record<TableKey, number>,
  diagnostics: Diagnostic[],
): void {
  for (const t of tables) {
    if (matched[t.def.key] === 0 || t.def.layout === 'wide') continue;
    for (const r of t.rows)
      if (!seen.has(`${t.def.key}.${r.id}`))
        diagnostics.push(
          finding(
            'extract/missing-row',
            'missingRow',
            { table: t.def.title, row: r.def.label },
            { path: [t.def.key, ...r.def.path] },
          ),
        );
  }
}
