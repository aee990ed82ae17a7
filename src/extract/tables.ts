// The three statistics tables: rows matched to the format's rows by label, figures placed in their columns,
// every cell with its source and every problem a diagnostic. The stages live in tables/: compile (the format's rows
// and the row a label names), rows (a document row split into label and figures), grid (where figures sit, and the
// identities as checks), place (a figure into its cell, and how a row was placed); this file walks the rows and
// matches them.
import type { Diagnostic } from '../model/diagnostic.ts';
import type { FormatDef, TableKey } from '../model/format.ts';
import { blankTable, rowValues, type Provenance, type TableValues } from '../model/report.ts';
import type { Item } from './items.ts';
import { matchPosition, normalizeLabel } from './labels.ts';
import { extractDiagnostic } from './messages.ts';
import { resolveRow, type Holds, type Resolution } from './resolve.ts';
import {
  compile,
  findRow,
  headerColumns,
  headerUnit,
  vocabularyTable,
  type CompiledRow,
  type CompiledTable,
} from './tables/compile.ts';
import {
  identityCheck,
  indexIdentities,
  learnGrids,
  orderBlocks,
  ranTogether,
  withGrid,
} from './tables/grid.ts';
import { place, report, type Sink } from './tables/place.ts';
import { logicalRow, type LogicalRow, type Match, type Pending } from './tables/rows.ts';

export { matchRowLabel } from './tables/compile.ts';
export { identityCheck } from './tables/grid.ts';

/** The tables of a report with the provenance of their cells. */
export interface ExtractedTables {
  tables: Record<TableKey, TableValues>;
  provenance: Record<string, Provenance>;
  diagnostics: Diagnostic[];
  /** Number of data rows matched per table (0 when the table was not found). */
  matched: Record<TableKey, number>;
}

/** Extracts the three tables of `format` from the document items. */
export function extractTables(items: readonly Item[], format: FormatDef): ExtractedTables {
  const tables = compile(format);
  const byKey = new Map(tables.map((t) => [t.def.key, t]));
  const diagnostics: Diagnostic[] = [];
  const provenance: Record<string, Provenance> = {};
  const sink: Sink = { provenance, diagnostics };
  const values = Object.fromEntries(format.tables.map((t) => [t.key, blankTable(t)])) as Record<
    TableKey,
    TableValues
  >;
  const matched = { proactive: 0, requests: 0, reviewLitigation: 0 } as Record<TableKey, number>;

  // 1. Rows of the document, with the table they are in (by section, then by vocabulary).
  const rows: LogicalRow[] = [];
  for (const it of items) {
    if (it.kind !== 'row') continue;
    rows.push(
      logicalRow(it.cells, {
        source: it.source,
        tableIndex: it.tableIndex,
        layout: it.layout,
        section: it.section && byKey.has(it.section as TableKey) ? (it.section as TableKey) : null,
      }),
    );
  }

  // 2. Match rows to the format's rows.
  const matches: Match[] = [];
  const wide: { table: CompiledTable; rows: LogicalRow[]; header: string }[] = [];
  let current: CompiledTable | null = null;
  let currentSection: TableKey | null = null;
  let pending: Pending[] = [];
  let header = '';
  let columnOrder: string[] = [];
  let unit: '元' | '万元' | undefined;
  const seen = new Set<string>();
  // Horizontal centres of column headers, per document table (aligned text only).
  const headerX = new Map<number, Map<string, number>>();
  const headerAll = new Map<number, number[]>(); // every column header's centre, for table 4's repeated columns
  // Grid columns of column headers, per document table (layouts that keep cells).
  const headerCol = new Map<number, Map<string, number>>();
  const recordHeaderPositions = (table: CompiledTable, r: LogicalRow) => {
    for (const c of r.cells) {
      if (c.text === '') continue;
      const text = normalizeLabel(c.text);
      const keys = table.columns.filter((col) => matchPosition(text, col.match) >= 0).map((col) => col.key);
      if (keys.length !== 1) continue;
      if (c.x === undefined || c.xEnd === undefined) {
        const m = headerCol.get(r.tableIndex) ?? new Map<string, number>();
        m.set(keys[0]!, c.col);
        headerCol.set(r.tableIndex, m);
        continue;
      }
      const m = headerX.get(r.tableIndex) ?? new Map<string, number>();
      m.set(keys[0]!, (c.x + c.xEnd) / 2);
      headerX.set(r.tableIndex, m);
      headerAll.set(r.tableIndex, [...(headerAll.get(r.tableIndex) ?? []), (c.x + c.xEnd) / 2]);
    }
  };

  const accept = (table: CompiledTable, row: CompiledRow, logical: LogicalRow) => {
    const id = `${table.def.key}.${row.id}`;
    if (seen.has(id)) {
      diagnostics.push(
        extractDiagnostic(
          'extract/duplicate-row',
          'duplicateRow',
          'warning',
          { row: row.def.label },
          {
            path: [table.def.key, ...row.def.path],
            source: logical.source,
          },
        ),
      );
      return;
    }
    seen.add(id);
    const order = columnOrder.filter((k) => row.def.columns.some((c) => c.key === k));
    matches.push({
      row,
      logical,
      table,
      ...(order.length === row.def.columns.length ? { columnOrder: order } : {}),
      ...(unit ? { headerUnit: unit } : {}),
      headers: { x: headerX.get(logical.tableIndex), col: headerCol.get(logical.tableIndex) },
    });
  };

  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.section !== currentSection && r.section) {
      currentSection = r.section;
      current = byKey.get(r.section) ?? current;
      pending = [];
      header = '';
    }
    const byVocabulary = r.label ? vocabularyTable(tables, r.label) : null;
    if (byVocabulary && byVocabulary !== current) {
      current = byVocabulary;
      pending = [];
      header = '';
    }
    const written = r.tokens.some(
      (t) => t.figure.kind === 'number' || (t.figure.kind === 'blank' && t.figure.placeholder),
    );
    // A row of blank cells is a data row when it has room for figures and its label is not a header's; in a
    // table that keeps its cells (a blank template, a table left empty), also when its label names a data row
    // of the current table (2021 table 2's one merged 处理决定数量 cell), and for table 4 a label-less row with
    // a cell for each of a block's columns at least.
    // Table 4 written one block per row ("行政复议 | | | | |") is such a row too, although its labels are words
    // of the table's header.
    const headerLike = Boolean(r.label && vocabularyTable(tables, r.label));
    const blockWidth = current?.def.rows[0]!.columns.length ?? 0;
    const hasFigures =
      written ||
      (r.tokens.length >= 3 && current?.def.layout !== 'wide' && !headerLike) ||
      (r.tokens.length > 0 &&
        current !== null &&
        (current.def.layout === 'wide'
          ? r.tokens.length >= blockWidth &&
            (!r.label ||
              (r.tokens.length <= blockWidth + 2 && Boolean(findRow(current, r.lastLabel, r.label))))
          : !headerLike && Boolean(r.label && findRow(current, r.lastLabel, r.label))));
    if (!hasFigures) {
      // A header, caption, group label or a wrapped label: remember it.
      if (r.label) {
        pending.push({ label: r.label, source: r.source, used: false, row: r });
        if (current) {
          if (/第二十条/.test(r.label)) {
            // A new block of table 2: its columns, unit and column positions are its own.
            columnOrder = [];
            unit = undefined;
            headerX.delete(r.tableIndex);
            headerCol.delete(r.tableIndex);
          }
          recordHeaderPositions(current, r);
          const cols = headerColumns(current, r.label);
          if (cols.length >= 2 || (cols.length === 1 && /信息内容/.test(r.label))) columnOrder = cols;
          unit = headerUnit(r.label) ?? unit;
          header += r.label;
        }
      }
      continue;
    }
    // Rows with figures.
    let table = current;
    let row = table ? findRow(table, r.lastLabel, r.label) : null;
    if (!row && r.label) {
      // A row of another table (a table without its header or section heading) — not a header of a third one
      // (table 4's "…尚未审结总计" is no （七）总计 of table 3).
      const headerOf = vocabularyTable(tables, r.label);
      for (const t of tables) {
        if (headerOf && headerOf !== t) continue;
        const found = findRow(t, r.lastLabel, r.label);
        if (found && (t.def.layout !== 'wide' || r.tokens.length <= found.def.columns.length + 2)) {
          table = t;
          row = found;
          current = t;
          break;
        }
      }
    }
    if (!row && table) {
      // The label may be wrapped: join it with the label-only rows just above, or the one just below.
      // Header rows (they carry the table's vocabulary) are not halves of a label.
      const above = pending.filter((p) => !p.used && !vocabularyTable(tables, p.label));
      const tail = above.slice(-2);
      for (let k = tail.length - 1; k >= 0 && !row; k--) {
        const joined =
          tail
            .slice(k)
            .map((p) => p.label)
            .join('') + r.label;
        const found = findRow(table, '', joined);
        if (found && !seen.has(`${table.def.key}.${found.id}`)) {
          row = found;
          tail.slice(k).forEach((p) => (p.used = true));
        }
      }
      const next = rows[i + 1];
      if (!row && next && next.tokens.length === 0 && next.label) {
        // The innermost cells first: a group label wrapped beside the row label wraps in its own cell.
        const found =
          findRow(table, '', r.lastLabel + next.lastLabel) ?? findRow(table, '', r.label + next.label);
        if (found) row = found;
      }
    }
    if (row && table && table.def.layout === 'wide' && r.tokens.length > row.def.columns.length + 2)
      row = null;
    if (!row && table?.def.layout === 'wide') {
      // Table 4's figures: one row of 3 × 5 cells, possibly over several lines.
      const last = wide[wide.length - 1];
      if (last && last.table === table && last.rows[last.rows.length - 1] === rows[i - 1]) last.rows.push(r);
      else wide.push({ table, rows: [r], header });
      continue;
    }
    if (!row || !table) {
      if (r.label && table) {
        diagnostics.push(
          extractDiagnostic(
            'extract/unknown-row',
            'unknownRow',
            'warning',
            { label: r.label, table: table.def.title },
            {
              path: [table.def.key],
              source: r.source,
            },
          ),
        );
      }
      continue;
    }
    // Label-only rows left above a matched row in an aligned layout are rows whose cells are all blank.
    flushBlankRows(table, pending, r.layout);
    pending = [];
    accept(table, row, r);
  }
  if (current) flushBlankRows(current, pending, rows[rows.length - 1]?.layout ?? '');

  function flushBlankRows(table: CompiledTable, list: Pending[], layout: string) {
    for (const p of list) {
      if (p.used || vocabularyTable(tables, p.label)) continue; // header rows name columns, not rows
      const found = findRow(table, '', p.label);
      if (!found || seen.has(`${table.def.key}.${found.id}`)) continue;
      if (table.def.layout === 'wide') continue;
      // In text aligned by spaces a row whose cells are all blank shows only its label.
      if (layout === 'aligned' || p.row.layout === 'aligned') {
        seen.add(`${table.def.key}.${found.id}`);
        matches.push({ row: found, logical: { ...p.row, tokens: [] }, table });
      }
    }
  }

  // 3. Learn each document table's grid from its rows with exact counts, then place every row's figures.
  const grids = learnGrids(matches);
  for (const m of matches) {
    const cols = m.columnOrder
      ? m.columnOrder.map((k) => m.row.def.columns.find((c) => c.key === k)!)
      : m.row.def.columns;
    const n = cols.length;
    const res: Resolution =
      m.logical.tokens.length === n && !m.logical.stream
        ? { values: m.logical.tokens } // the common case: one cell per column
        : m.logical.tokens.length === 0
          ? { values: Array(n).fill(null) }
          : resolveRow(
              m.logical.tokens,
              n,
              identityCheck(
                m.table.def,
                cols.map((c) => c.key),
                n,
              ),
              {
                // One cell per line: a line's place in the row is not its column once a blank cell left no line, so a
                // short row there is not placed by the grid (a figure in the wrong column is worse than a blank).
                ...(m.logical.layout === 'cell-per-line'
                  ? {}
                  : withGrid(
                      grids(
                        m.logical.tableIndex,
                        cols.map((c) => c.key),
                        m.headers,
                      ),
                    )),
                identities: indexIdentities(
                  m.table.def,
                  cols.map((c) => c.key),
                  0,
                ),
                splittable: m.logical.stream || m.logical.layout === 'paragraph',
              },
            );
    const path = [m.table.def.key, ...m.row.def.path];
    if (!res.inferred && ranTogether(res.values, m.logical.layout)) res.inferred = 'split';
    report(sink, res, path, m.row.def.label, m.logical.source);
    const target = rowValues(values[m.table.def.key], m.row.def);
    cols.forEach((col, k) =>
      place(sink, target, col, res.values[k] ?? null, m.row.cellKeys[col.key]!, res.inferred, m.headerUnit),
    );
    matched[m.table.def.key]++;
  }

  // Table 4: three blocks side by side.
  for (const w of wide.slice(0, 1)) {
    const tokens = w.rows.flatMap((r) => r.tokens);
    const defs = orderBlocks(w.table, w.header);
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
    const all = [...(headerAll.get(w.rows[0]!.tableIndex) ?? [])].sort((a, b) => a - b);
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
    report(sink, res, [w.table.def.key], w.table.def.title, w.rows[0]!.source);
    // A block already read as a row of its own (a vertical layout, or a stray row) keeps the figures read first:
    // every cell is placed once, so its value and its provenance always agree.
    const taken = new Set(defs.filter((d) => seen.has(`${w.table.def.key}.${d.path.join('.')}`)));
    cols.forEach(({ row, col }, k) => {
      if (taken.has(row)) return;
      place(
        sink,
        rowValues(values[w.table.def.key], row),
        col,
        res.values[k] ?? null,
        [w.table.def.key, ...row.path, col.key].join('.'),
        res.inferred,
      );
    });
    for (const d of taken)
      diagnostics.push(
        extractDiagnostic(
          'extract/duplicate-row',
          'duplicateRow',
          'warning',
          { row: d.label },
          { path: [w.table.def.key, ...d.path], source: w.rows[0]!.source },
        ),
      );
    matched[w.table.def.key] += defs.length - taken.size;
  }
  if (wide.length > 1)
    diagnostics.push(
      extractDiagnostic(
        'extract/duplicate-row',
        'duplicateRow',
        'warning',
        { row: wide[1]!.table.def.title },
        {
          path: [wide[1]!.table.def.key],
          source: wide[1]!.rows[0]!.source,
        },
      ),
    );

  // Rows of a found table that the document does not have.
  for (const t of tables) {
    if (matched[t.def.key] === 0 || t.def.layout === 'wide') continue;
    for (const r of t.rows)
      if (!seen.has(`${t.def.key}.${r.id}`))
        diagnostics.push(
          extractDiagnostic(
            'extract/missing-row',
            'missingRow',
            'warning',
            { table: t.def.title, row: r.def.label },
            {
              path: [t.def.key, ...r.def.path],
            },
          ),
        );
  }
  return { tables: values, provenance, diagnostics, matched };
}
