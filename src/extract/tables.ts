// The three statistics tables: rows matched to the format's rows by label, figures placed in their columns,
// every cell with its source and every problem a diagnostic.
import type { Diagnostic } from '../model/diagnostic.ts';
import { UNSURE_MARK, type TableCell } from '../model/document.ts';
import type { ColumnDef, FormatDef, RowDef, TableDef, TableKey } from '../model/format.ts';
import { blankTable, rowValues, type Provenance, type TableValues } from '../model/report.ts';
import type { SourceSpan } from '../model/source.ts';
import type { Item } from './items.ts';
import { compileMatch, labelForms, matchPosition, normalizeLabel, type CompiledMatch } from './labels.ts';
import { extractDiagnostic } from './messages.ts';
import { parseFigure, yuanToWanyuan, type Figure } from './numbers.ts';
import {
  resolveRow,
  type Grid,
  type Holds,
  type IndexIdentity,
  type Resolution,
  type Token,
} from './resolve.ts';

/** The tables of a report with the provenance of their cells. */
export interface ExtractedTables {
  tables: Record<TableKey, TableValues>;
  provenance: Record<string, Provenance>;
  diagnostics: Diagnostic[];
  /** Number of data rows matched per table (0 when the table was not found). */
  matched: Record<TableKey, number>;
}

interface CompiledRow {
  readonly def: RowDef;
  readonly match: CompiledMatch;
  readonly id: string;
  /** Dotted model path of each cell, made once (provenance keys; fresh strings per cell were a hot spot). */
  readonly cellKeys: Readonly<Record<string, string>>;
}

interface CompiledTable {
  readonly def: TableDef;
  readonly rows: readonly CompiledRow[];
  /** Row keys by their first character. */
  readonly keyIndex: ReadonlyMap<string, readonly { key: string; rowIndex: number }[]>;
  /** Rows matched by `equals` keys. */
  readonly equalsRows: readonly number[];
  readonly vocabulary: readonly string[];
  readonly columns: readonly { key: string; match: CompiledMatch }[];
}

const compiled = new WeakMap<FormatDef, CompiledTable[]>();

function compile(format: FormatDef): CompiledTable[] {
  let c = compiled.get(format);
  if (c) return c;
  c = format.tables.map((def) => {
    const cols = new Map<string, ColumnDef>();
    for (const r of def.rows) for (const col of r.columns) if (!cols.has(col.key)) cols.set(col.key, col);
    return {
      def,
      rows: def.rows.map((r) => ({
        def: r,
        match: compileMatch(r.match),
        id: r.path.join('.'),
        cellKeys: Object.fromEntries(r.columns.map((c) => [c.key, [def.key, ...r.path, c.key].join('.')])),
      })),
      keyIndex: indexKeys(def.rows.map((r) => compileMatch(r.match).contains)),
      equalsRows: def.rows.flatMap((r, i) => ((r.match.equals ?? []).length > 0 ? [i] : [])),
      vocabulary: def.vocabulary.map(normalizeLabel),
      columns: [...cols.values()].map((col) => ({ key: col.key, match: compileMatch(col.match) })),
    };
  });
  compiled.set(format, c);
  return c;
}

function indexKeys(
  keysPerRow: readonly (readonly string[])[],
): Map<string, { key: string; rowIndex: number }[]> {
  const index = new Map<string, { key: string; rowIndex: number }[]>();
  keysPerRow.forEach((keys, rowIndex) => {
    for (const key of keys) {
      const list = index.get(key[0]!) ?? [];
      list.push({ key, rowIndex });
      index.set(key[0]!, list);
    }
  });
  return index;
}

/** A row of the document split into its label and its figure cells. */
interface LogicalRow {
  readonly cells: readonly TableCell[];
  readonly label: string; // normalised, all label cells joined
  readonly lastLabel: string; // normalised, innermost label cell
  readonly tokens: Token[];
  readonly source: SourceSpan;
  readonly tableIndex: number;
  readonly layout: string;
  readonly section: TableKey | null;
  /** Figures came run together with text (a crawler's textContent): splitting by arithmetic is allowed. */
  readonly stream: boolean;
}

const TRAILING_RUN = /^(.*[\u4e00-\u9fff)）”"】\]])([\d.,]+)$/s;

/** Splits a row's cells into label text and figure tokens. */
function logicalRow(
  cells: readonly TableCell[],
  base: Omit<LogicalRow, 'cells' | 'label' | 'lastLabel' | 'tokens' | 'stream'>,
): LogicalRow {
  let lastLabel = -1;
  const figures: Figure[] = new Array(cells.length);
  const multi: (string[] | null)[] = new Array(cells.length).fill(null);
  for (let i = 0; i < cells.length; i++) {
    const text = cells[i]!.text;
    const f = parseFigure(text);
    figures[i] = f;
    if (f.kind !== 'text') continue;
    // Several figures in one cell ("0 0 0"), as some layouts leave them, are figures, not a label.
    if (INNER_SPACE.test(text)) {
      const words = text.trim().split(/[\s\u00a0\u3000]+/);
      if (words.every((w) => parseFigure(w).kind === 'number')) {
        multi[i] = words;
        continue;
      }
    }
    lastLabel = i;
  }
  const labels: string[] = [];
  const tokens: Token[] = [];
  let stream = false;
  for (let i = 0; i <= lastLabel; i++) if (figures[i]!.kind === 'text') labels.push(cells[i]!.text);
  // A label cell with figures run into its end ("…申请数量7000007").
  if (lastLabel >= 0) {
    const lc = cells[lastLabel]!;
    const text = lc.text.trimEnd();
    const end = text.charCodeAt(text.length - 1);
    const m = end >= 48 && end <= 57 ? TRAILING_RUN.exec(text.trimStart()) : null;
    if (m && !/[（(]$/.test(m[1]!)) {
      labels[labels.length - 1] = m[1]!;
      tokens.push(tokenAt(lc, m[2]!, lc.text.indexOf(m[2]!, m[1]!.length)));
      stream = true;
    }
  }
  for (let i = lastLabel + 1; i < cells.length; i++) {
    const c = cells[i]!;
    const f = figures[i]!;
    const words = multi[i];
    if (words) {
      let from = 0;
      for (const w of words) {
        const at = c.text.indexOf(w, from);
        tokens.push(tokenAt(c, w, at));
        from = at + w.length;
      }
    } else tokens.push({ text: c.text, figure: f, source: c.source, col: c.col, x: c.x, xEnd: c.xEnd });
  }
  let label = '';
  let last = '';
  for (const l of labels) {
    last = normalizeLabel(l);
    label += last;
  }
  // Spelt out rather than spread: object spread here dominated extraction time in profiles.
  return {
    cells,
    label,
    lastLabel: last,
    tokens,
    source: base.source,
    tableIndex: base.tableIndex,
    layout: base.layout,
    section: base.section,
    stream,
  };
}

const INNER_SPACE = /\S[\s\u00a0\u3000]+\S/;

function xOf(c: TableCell): { x?: number; xEnd?: number } {
  return c.x !== undefined ? { x: c.x, ...(c.xEnd !== undefined ? { xEnd: c.xEnd } : {}) } : {};
}

/**
 * A token for `text` found at character `offset` of a single-line cell. An HTML grid cell's span is its element's
 * (`<td>…</td>`), not its text's, so an offset into the text is not one into the span: the token keeps the cell's.
 */
function tokenAt(c: TableCell, text: string, offset: number): Token {
  const s = c.source;
  const source: SourceSpan =
    (s.kind === 'text' || s.kind === 'html' || s.kind === 'doc') &&
    s.line === s.endLine &&
    offset >= 0 &&
    (s.kind !== 'html' || s.endColumn - s.column === c.text.length)
      ? { ...s, column: s.column + offset, endColumn: s.column + offset + text.length }
      : s;
  return { text, figure: parseFigure(text), source, col: c.col, ...xOf(c) };
}

interface Pending {
  label: string;
  source: SourceSpan;
  used: boolean;
  row: LogicalRow;
}

interface Match {
  row: CompiledRow;
  logical: LogicalRow;
  table: CompiledTable;
  /** Order of the columns in the source, when a header row gave it. */
  columnOrder?: readonly string[];
  /** Unit announced by the header for amount columns. */
  headerUnit?: '元' | '万元';
  /** Positions of the column headers above the row (of its own block in table 2), for placing short rows. */
  headers?: { x?: ReadonlyMap<string, number>; col?: ReadonlyMap<string, number> };
}

/** Finds the row of `table` a label belongs to: the innermost label cell first, then the whole label. */
function findRow(table: CompiledTable, lastLabel: string, label: string): CompiledRow | null {
  return (
    (lastLabel && pickRow(table, lastLabel)) ||
    (label && label !== lastLabel && pickRow(table, label)) ||
    null
  );
}

/**
 * The row whose key occurs last in `text` (the first such row in table order on a tie). Keys are indexed by their
 * first character, so a label is scanned once instead of once per key.
 */
function pickRow(table: CompiledTable, text: string): CompiledRow | null {
  let best: CompiledRow | null = null;
  let bestPos = -1;
  let bestIndex = Infinity;
  for (let i = text.length - 1; i >= 0 && best === null; i--) {
    const entries = table.keyIndex.get(text[i]!);
    if (!entries) continue;
    for (const e of entries)
      if (e.rowIndex < bestIndex && text.startsWith(e.key, i)) {
        best = table.rows[e.rowIndex]!;
        bestPos = i;
        bestIndex = e.rowIndex;
      }
  }
  if (table.equalsRows.length > 0) {
    const forms = labelForms(text);
    for (const ri of table.equalsRows) {
      const p = matchPosition(forms, { contains: [], equals: table.rows[ri]!.match.equals });
      if (p > bestPos || (p === bestPos && p >= 0 && ri < bestIndex)) {
        best = table.rows[ri]!;
        bestPos = p;
        bestIndex = ri;
      }
    }
  }
  return best;
}

function vocabularyTable(tables: readonly CompiledTable[], text: string): CompiledTable | null {
  for (const t of tables) if (t.vocabulary.some((v) => text.includes(v))) return t;
  return null;
}

/** Reads the columns named in a header text, in the order they appear. */
function headerColumns(table: CompiledTable, text: string): string[] {
  const found: { key: string; at: number }[] = [];
  for (const c of table.columns) {
    let at = -1;
    for (const k of c.match.contains) {
      const i = text.indexOf(k);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    if (at >= 0) found.push({ key: c.key, at });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.key);
}

function headerUnit(text: string): '元' | '万元' | undefined {
  const m = /单位[:：]?(万元|元)/.exec(text);
  return m ? (m[1] as '元' | '万元') : undefined;
}

/** Extracts the three tables of `format` from the document items. */
export function extractTables(items: readonly Item[], format: FormatDef): ExtractedTables {
  const tables = compile(format);
  const byKey = new Map(tables.map((t) => [t.def.key, t]));
  const diagnostics: Diagnostic[] = [];
  const provenance: Record<string, Provenance> = {};
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
      // A row of another table (a table without its header or section heading).
      for (const t of tables) {
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
    report(res, path, m.row.def.label, m.logical.source);
    const target = rowValues(values[m.table.def.key], m.row.def);
    cols.forEach((col, k) =>
      place(target, col, res.values[k] ?? null, m.row.cellKeys[col.key]!, res.inferred, m.headerUnit),
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
    report(res, [w.table.def.key], w.table.def.title, w.rows[0]!.source);
    // A block already read as a row of its own (a vertical layout, or a stray row) keeps the figures read first:
    // every cell is placed once, so its value and its provenance always agree.
    const taken = new Set(defs.filter((d) => seen.has(`${w.table.def.key}.${d.path.join('.')}`)));
    cols.forEach(({ row, col }, k) => {
      if (taken.has(row)) return;
      place(
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

  function place(
    target: Record<string, number | null>,
    col: ColumnDef,
    token: Token | null,
    key: string,
    inferred: Resolution['inferred'],
    unitOfHeader?: '元' | '万元',
  ) {
    if (!token) return;
    const f = token.figure;
    if (f.kind !== 'number') {
      // A blank or a placeholder: the cell stays null; where it was is kept (figure cells are never text, since
      // they follow the row's last label cell).
      if (token.source) provenance[key] = { source: token.source, text: token.text };
      if (f.kind === 'blank' && f.unreadable)
        diagnostics.push(
          extractDiagnostic(
            'extract/unreadable-figure',
            'unreadableFigure',
            'warning',
            { text: token.text.split(UNSURE_MARK).join('').trim() },
            { path: key.split('.'), ...(token.source ? { source: token.source } : {}) },
          ),
        );
      return;
    }
    let value = f.value;
    const prov: Provenance = { text: token.text, ...(token.source ? { source: token.source } : {}) };
    if (inferred) prov.inferred = inferred;
    if (col.kind === 'amount') {
      const u = f.unit ?? unitOfHeader;
      if (u === '元') {
        value = yuanToWanyuan(value);
        prov.unitFrom = '元';
        diagnostics.push(
          extractDiagnostic(
            'extract/unit-converted',
            'unitConverted',
            'info',
            { text: token.text, value },
            {
              path: key.split('.'),
              ...(token.source ? { source: token.source } : {}),
            },
          ),
        );
      }
    }
    target[col.key] = value;
    provenance[key] = prov;
  }

  function report(res: Resolution, path: string[], label: string, source: SourceSpan) {
    if (!res.problem) return;
    const data: Record<string, unknown> = { row: label };
    if (res.dropped) data.dropped = res.dropped.map((t) => t.text).join(' ');
    const severity = res.problem === 'split' ? 'info' : res.inferred ? 'warning' : 'error';
    const messageId = {
      extra: 'extraCells',
      missing: res.inferred ? 'missingCellsPlaced' : 'missingCells',
      ambiguous: 'ambiguousCells',
      split: 'splitDigits',
      unsplittable: 'unsplittable',
    }[res.problem];
    const ruleId = {
      extra: 'extract/extra-cells',
      missing: res.inferred ? 'extract/missing-cells' : 'extract/unplaced-cells',
      ambiguous: 'extract/ambiguous-cells',
      split: 'extract/split-digits',
      unsplittable: 'extract/ambiguous-cells',
    }[res.problem];
    diagnostics.push(extractDiagnostic(ruleId, messageId, severity, data, { path, source }));
  }
}

function withGrid(grid: Grid | undefined): { grid?: Grid } {
  return grid ? { grid } : {};
}

/**
 * True when two figures touch in the source with nothing between them ("0-224"): where one ends the other begins.
 * Only figures cut from one run of text can touch so: in a table that keeps its cells (an HTML, DOCX or XLSX grid)
 * two figures of different cells are apart whatever their spans — `<td>1</td><td>2</td>` on one line gives spans
 * that touch, and that is no evidence of a split. An empty cell is no figure (its span may have no width).
 */
function ranTogether(values: readonly (Token | null)[], layout: string): boolean {
  let prev: Token | null = null;
  for (const t of values) {
    if (!t || (t.figure.kind === 'blank' && !t.figure.placeholder)) continue;
    const a = prev?.source;
    const b = t.source;
    if (a && b && 'line' in a && 'line' in b && !(layout === 'grid' && prev!.col !== t.col))
      if (a.endLine === b.line && a.endColumn === b.column) return true;
    prev = t;
  }
  return false;
}

/** Block order of table 4 from its header (复议后起诉 written before 直接起诉 swaps the lawsuit blocks). */
function orderBlocks(table: CompiledTable, header: string): RowDef[] {
  const defs = table.rows.map((r) => r.def);
  const direct = header.indexOf('直接起诉');
  const after = header.indexOf('复议后起诉');
  if (direct >= 0 && after >= 0 && after < direct && defs.length === 3) return [defs[0]!, defs[2]!, defs[1]!];
  return defs;
}

/** The identities of a table's rows as positions in a vector of values in the given column order. */
function indexIdentities(def: TableDef, keys: readonly string[], offset: number): IndexIdentity[] {
  const out: IndexIdentity[] = [];
  for (const id of def.rowIdentities) {
    const total = keys.indexOf(id.total);
    const parts = id.parts.map((p) => keys.indexOf(p));
    if (total >= 0 && parts.every((p) => p >= 0))
      out.push({ total: total + offset, parts: parts.map((p) => p + offset) });
  }
  return out;
}

/** The identities of a table's rows as a check over a vector of values in the given column order. */
export function identityCheck(def: TableDef, keys: readonly string[], _n: number): Holds {
  if (def.rowIdentities.length === 0) return () => true;
  const idx = def.rowIdentities.map((id) => ({
    total: keys.indexOf(id.total),
    parts: id.parts.map((p) => keys.indexOf(p)),
  }));
  return (v) =>
    idx.every(({ total, parts }) => {
      if (total < 0 || parts.some((p) => p < 0)) return true;
      const t = v[total];
      if (t === null || t === undefined) return false;
      let s = 0;
      for (const p of parts) {
        const x = v[p];
        if (x === null || x === undefined) return false;
        s += x;
      }
      return s === t;
    });
}

/** Learns, per document table and row width, where figures sit: the commonest first column and column centres. */
function learnGrids(matches: readonly Match[]) {
  const starts = new Map<string, Map<number, number>>();
  const xs = new Map<string, number[][]>();
  for (const m of matches) {
    const n = m.row.def.columns.length;
    const toks = m.logical.tokens;
    const key = `${m.logical.tableIndex}/${n}`;
    const written = toks.filter((t) => t.figure.kind !== 'blank' || t.figure.placeholder);
    if (written.length === n && toks.length >= n) {
      const first = written[0]!;
      const counts = starts.get(key) ?? new Map<number, number>();
      counts.set(first.col, (counts.get(first.col) ?? 0) + 1);
      starts.set(key, counts);
      if (written.every((t) => t.x !== undefined)) {
        const list = xs.get(key) ?? [];
        list.push(written.map((t) => (t.x! + (t.xEnd ?? t.x!)) / 2));
        xs.set(key, list);
      }
    }
  }
  const grids = new Map<string, Grid>();
  for (const [key, counts] of starts) {
    let best = -1;
    let bestCount = 0;
    for (const [c, k] of counts) if (k > bestCount) [best, bestCount] = [c, k];
    const grid: Grid = { startCol: best };
    const list = xs.get(key);
    if (list && list.length) {
      const n = list[0]!.length;
      grid.centers = Array.from({ length: n }, (_, i) => median(list.map((l) => l[i]!)));
    }
    grids.set(key, grid);
  }
  /** The grid for a row: learnt from the table's complete rows, else the centres of its column headers. */
  return (tableIndex: number, columns: readonly string[], headers?: Match['headers']): Grid | undefined => {
    let learnt = grids.get(`${tableIndex}/${columns.length}`);
    // Where cells are padded to the grid, the header's column of the first figure column is a second witness.
    const hc = headers?.col?.get(columns[0]!);
    if (hc !== undefined) learnt = { ...learnt, headerStartCol: hc };
    if (learnt?.centers) return learnt;
    const hx = headers?.x;
    const centers = hx ? columns.map((k) => hx.get(k)) : [];
    if (
      centers.length === columns.length &&
      centers.every((c, i) => c !== undefined && (i === 0 || c > centers[i - 1]!))
    )
      return { ...learnt, centers: centers as number[] };
    return learnt;
  };
}

function median(a: number[]): number {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)]!;
}

/** The row of a table that a label names, or null: the label matching used by extraction, for tests and tools. */
export function matchRowLabel(format: FormatDef, key: TableKey, label: string): RowDef | null {
  const table = compile(format).find((t) => t.def.key === key)!;
  const n = normalizeLabel(label);
  return findRow(table, n, n)?.def ?? null;
}
