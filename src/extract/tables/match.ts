// Matching the document's rows to the format's rows, in one walk down the document: which table a row is in (its
// section, else its vocabulary), whether it is a data row or a header, caption or wrapped label to remember, which
// format row its label names (also when wrapped over the rows around it), and table 4's figure rows.
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { TableKey } from '../../model/format.ts';
import { matchPosition, normalizeLabel } from '../labels.ts';
import { finding } from '../../findings/index.ts';
import {
  cutShort,
  findRow,
  headerColumns,
  headerUnit,
  vocabularyTable,
  type CompiledRow,
  type CompiledTable,
} from './compile.ts';
import type { LogicalRow, Match, Pending } from './rows.ts';

/** Table 4's figures: one row of 3 × 5 cells, possibly over several lines, with the header read above them. */
export interface WideRun {
  table: CompiledTable;
  rows: LogicalRow[];
  header: string;
}

/** What the walk found: the matched rows, table 4's runs, the rows seen (`table.rowId`) and column header centres. */
export interface MatchedRows {
  matches: Match[];
  wide: WideRun[];
  seen: Set<string>;
  /** Every column header's centre per document table (aligned text only), for table 4's repeated columns. */
  headerAll: ReadonlyMap<number, number[]>;
}

/** Walks `rows` in order and matches each to a row of `tables`; problems go to `diagnostics`. */
export function matchRows(
  rows: readonly LogicalRow[],
  tables: readonly CompiledTable[],
  diagnostics: Diagnostic[],
): MatchedRows {
  const matcher = new RowMatcher(tables, diagnostics);
  rows.forEach((r, i) => matcher.step(r, rows[i - 1], rows[i + 1]));
  return matcher.finish(rows[rows.length - 1]?.layout ?? '');
}

/** The state of the walk: the table the rows are in, the header read above them, the label-only rows pending. */
class RowMatcher {
  private readonly byKey: Map<TableKey, CompiledTable>;
  private readonly matches: Match[] = [];
  private readonly wide: WideRun[] = [];
  private readonly seen = new Set<string>();
  private current: CompiledTable | null = null;
  private currentSection: TableKey | null = null;
  private pending: Pending[] = [];
  private header = '';
  private columnOrder: string[] = [];
  private unit: '元' | '万元' | undefined;
  // Horizontal centres of column headers, per document table (aligned text only).
  private readonly headerX = new Map<number, Map<string, number>>();
  private readonly headerAll = new Map<number, number[]>();
  // Grid columns of column headers, per document table (layouts that keep cells).
  private readonly headerCol = new Map<number, Map<string, number>>();

  constructor(
    private readonly tables: readonly CompiledTable[],
    private readonly diagnostics: Diagnostic[],
  ) {
    this.byKey = new Map(tables.map((t) => [t.def.key, t]));
  }

  /** One row of the document; `previous` and `next` are its neighbours (wrapped labels, table 4's lines). */
  step(r: LogicalRow, previous: LogicalRow | undefined, next: LogicalRow | undefined): void {
    this.enter(r);
    if (!this.hasFigures(r)) {
      this.remember(r);
      return;
    }
    const { table, row: named } = this.rowOf(r, next);
    const row =
      named && table?.def.layout === 'wide' && r.tokens.length > named.def.columns.length + 2 ? null : named;
    if (!row && table?.def.layout === 'wide') {
      const last = this.wide[this.wide.length - 1];
      if (last && last.table === table && last.rows[last.rows.length - 1] === previous) last.rows.push(r);
      else this.wide.push({ table, rows: [r], header: this.header });
      return;
    }
    if (!row || !table) {
      if (r.label && table)
        this.diagnostics.push(
          finding(
            'extract/unknown-row',
            'unknownRow',
            { label: r.label, table: table.def.title },
            { path: [table.def.key], source: r.source },
          ),
        );
      return;
    }
    // Label-only rows left above a matched row in an aligned layout are rows whose cells are all blank.
    this.flushBlankRows(table, r.layout);
    this.accept(table, row, r);
  }

  /** The end of the document: the label-only rows left are blank rows too; the walk's result. */
  finish(lastLayout: string): MatchedRows {
    if (this.current) this.flushBlankRows(this.current, lastLayout);
    return { matches: this.matches, wide: this.wide, seen: this.seen, headerAll: this.headerAll };
  }

  /** A new section heading, or a label with another table's vocabulary, starts that table. */
  private enter(r: LogicalRow): void {
    if (r.section !== this.currentSection && r.section) {
      this.currentSection = r.section;
      this.current = this.byKey.get(r.section) ?? this.current;
      this.pending = [];
      this.header = '';
    }
    const byVocabulary = r.label ? vocabularyTable(this.tables, r.label) : null;
    if (byVocabulary && byVocabulary !== this.current) {
      this.current = byVocabulary;
      this.pending = [];
      this.header = '';
    }
  }

  /**
   * A row of blank cells is a data row when it has room for figures and its label is not a header's; in a table
   * that keeps its cells (a blank template, a table left empty), also when its label names a data row of the
   * current table (2021 table 2's one merged 处理决定数量 cell), and for table 4 a label-less row with a cell for each
   * of a block's columns at least. Table 4 written one block per row ("行政复议 | | | | |") is such a row too,
   * although its labels are words of the table's header.
   */
  private hasFigures(r: LogicalRow): boolean {
    const current = this.current;
    const written = r.tokens.some(
      (t) => t.figure.kind === 'number' || (t.figure.kind === 'blank' && t.figure.placeholder),
    );
    if (written) return true;
    const headerLike = Boolean(r.label && vocabularyTable(this.tables, r.label));
    if (r.tokens.length >= 3 && current?.def.layout !== 'wide' && !headerLike) return true;
    if (r.tokens.length === 0 || current === null) return false;
    if (current.def.layout !== 'wide')
      return !headerLike && Boolean(r.label && findRow(current, r.lastLabel, r.label));
    const blockWidth = current.def.rows[0]!.columns.length;
    return (
      r.tokens.length >= blockWidth &&
      (!r.label || (r.tokens.length <= blockWidth + 2 && Boolean(findRow(current, r.lastLabel, r.label))))
    );
  }

  /** A header, caption, group label or a wrapped label: remembered, and a header's columns, unit and positions. */
  private remember(r: LogicalRow): void {
    if (!r.label) return;
    this.pending.push({ label: r.label, source: r.source, used: false, row: r });
    const current = this.current;
    if (!current) return;
    if (current.blockMark && r.label.includes(current.blockMark)) {
      // A new block of table 2: its columns, unit and column positions are its own.
      this.columnOrder = [];
      this.unit = undefined;
      this.headerX.delete(r.tableIndex);
      this.headerCol.delete(r.tableIndex);
    }
    this.recordHeaderPositions(current, r);
    const cols = headerColumns(current, r.label);
    if (
      cols.length >= 2 ||
      (cols.length === 1 && current.labelHeader && r.label.includes(current.labelHeader))
    )
      this.columnOrder = cols;
    this.unit = headerUnit(r.label) ?? this.unit;
    this.header += r.label;
  }

  private recordHeaderPositions(table: CompiledTable, r: LogicalRow): void {
    for (const c of r.cells) {
      const keys = columnsNamed(table, c.text);
      if (keys.length !== 1) continue;
      if (c.x === undefined || c.xEnd === undefined) {
        const m = this.headerCol.get(r.tableIndex) ?? new Map<string, number>();
        m.set(keys[0]!, c.col);
        this.headerCol.set(r.tableIndex, m);
        continue;
      }
      const m = this.headerX.get(r.tableIndex) ?? new Map<string, number>();
      m.set(keys[0]!, (c.x + c.xEnd) / 2);
      this.headerX.set(r.tableIndex, m);
      this.headerAll.set(r.tableIndex, [...(this.headerAll.get(r.tableIndex) ?? []), (c.x + c.xEnd) / 2]);
    }
  }

  /** The format row a data row's label names: in the current table, in another one, or wrapped over its neighbours. */
  private rowOf(
    r: LogicalRow,
    next: LogicalRow | undefined,
  ): { table: CompiledTable | null; row: CompiledRow | null } {
    let table = this.current;
    let row = table ? findRow(table, r.lastLabel, r.label) : null;
    if (!row && r.label) {
      // A row of another table (a table without its header or section heading) — not a header of a third one
      // (table 4's "…尚未审结总计" is no （七）总计 of table 3).
      const headerOf = vocabularyTable(this.tables, r.label);
      for (const t of this.tables) {
        if (headerOf && headerOf !== t) continue;
        const found = findRow(t, r.lastLabel, r.label);
        if (found && (t.def.layout !== 'wide' || r.tokens.length <= found.def.columns.length + 2)) {
          table = t;
          row = found;
          this.current = t;
          break;
        }
      }
    }
    if (!row && table) row = this.wrapped(table, r, next);
    if (!row && table && r.tokens.some((t) => t.figure.kind === 'number')) row = this.cut(table, r);
    return { table, row };
  }

  /**
   * A wrapped label: joined with the label-only rows just above, or the one just below. Header rows (they carry
   * the table's vocabulary) are not halves of a label.
   */
  private wrapped(table: CompiledTable, r: LogicalRow, next: LogicalRow | undefined): CompiledRow | null {
    const above = this.pending.filter((p) => !p.used && !vocabularyTable(this.tables, p.label));
    const tail = above.slice(-2);
    for (let k = tail.length - 1; k >= 0; k--) {
      const joined =
        tail
          .slice(k)
          .map((p) => p.label)
          .join('') + r.label;
      const found = findRow(table, '', joined);
      if (found && !this.seen.has(`${table.def.key}.${found.id}`)) {
        tail.slice(k).forEach((p) => (p.used = true));
        return found;
      }
    }
    if (next && next.tokens.length === 0 && next.label)
      // The innermost cells first: a group label wrapped beside the row label wraps in its own cell.
      return findRow(table, '', r.lastLabel + next.lastLabel) ?? findRow(table, '', r.label + next.label);
    return null;
  }

  /**
   * A numbered label cut short by a page break or a narrow cell, on the line of its figures ("3.危及“三  0 0 0…"),
   * or, where the figure line holds only a group's fragment ("（五）  0 0 0…"), on the label-only line just above it
   * ("3.要求提供公开出"). The cut start must name one row not read yet.
   */
  private cut(table: CompiledTable, r: LogicalRow): CompiledRow | null {
    const unseen = (found: CompiledRow | null) =>
      found && !this.seen.has(`${table.def.key}.${found.id}`) ? found : null;
    const own = unseen(cutShort(table, r.lastLabel || r.label));
    if (own || /\d\./.test(r.label)) return own;
    const above = this.pending[this.pending.length - 1];
    if (!above || above.used || vocabularyTable(this.tables, above.label)) return null;
    const found = unseen(cutShort(table, above.label));
    if (found) above.used = true;
    return found;
  }

  private accept(table: CompiledTable, row: CompiledRow, logical: LogicalRow): void {
    const id = `${table.def.key}.${row.id}`;
    if (this.seen.has(id)) {
      this.diagnostics.push(
        finding(
          'extract/duplicate-row',
          'duplicateRow',
          { row: row.def.label },
          { path: [table.def.key, ...row.def.path], source: logical.source },
        ),
      );
      return;
    }
    this.seen.add(id);
    const order = this.columnOrder.filter((k) => row.def.columns.some((c) => c.key === k));
    this.matches.push({
      row,
      logical,
      table,
      ...(order.length === row.def.columns.length ? { columnOrder: order } : {}),
      ...(this.unit ? { headerUnit: this.unit } : {}),
      headers: { x: this.headerX.get(logical.tableIndex), col: this.headerCol.get(logical.tableIndex) },
    });
  }

  /** Label-only rows of an aligned layout naming rows of `table`: rows whose cells are all blank. */
  private flushBlankRows(table: CompiledTable, layout: string): void {
    const list = this.pending;
    this.pending = [];
    for (const p of list) {
      // Header rows name columns, not rows: by the table's vocabulary, or by two cells naming columns ("科研 法律服务 总计").
      if (p.used || vocabularyTable(this.tables, p.label) || namesColumns(table, p.row) >= 2) continue;
      const found = findRow(table, '', p.label);
      if (!found || this.seen.has(`${table.def.key}.${found.id}`)) continue;
      if (table.def.layout === 'wide') continue;
      // In text aligned by spaces a row whose cells are all blank shows only its label.
      if (layout === 'aligned' || p.row.layout === 'aligned') {
        this.seen.add(`${table.def.key}.${found.id}`);
        this.matches.push({ row: found, logical: { ...p.row, tokens: [] }, table });
      }
    }
  }
}

/** The columns of `table` a cell's text names ("法律服务" → legalService). */
function columnsNamed(table: CompiledTable, cell: string): string[] {
  if (cell === '') return [];
  const text = normalizeLabel(cell);
  return table.columns.filter((col) => matchPosition(text, col.match) >= 0).map((col) => col.key);
}

/** How many cells of a row name exactly one column each. */
function namesColumns(table: CompiledTable, r: LogicalRow): number {
  return r.cells.filter((c) => columnsNamed(table, c.text).length === 1).length;
}
