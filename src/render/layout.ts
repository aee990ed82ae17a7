// The official printed layout of the three tables, derived from the format data: every renderer draws from it.
import type { ColumnDef, ColumnKind, TableDef, TableKey } from '../model/format.ts';
import { formatOf } from '../model/formats/index.ts';
import { rowValues, type Cell, type Report } from '../model/report.ts';

/** A cell of the printed table: where it starts in the grid, what it spans, and what it holds. */
export interface LayoutCell {
  /** Grid row and column (0-based) where the cell starts. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** `header` and `label` cells hold official text; `figure` cells hold one model cell. */
  role: 'header' | 'label' | 'figure';
  /** The text to print: the label, or the figure as written ('' for a blank). */
  text: string;
  /** Figures: the dotted model path ("requests.newlyReceived.total"), the value and the column's kind. */
  path?: string;
  value?: Cell;
  kind?: ColumnKind;
}

/** One table in its official layout: the cells, each listed once at the grid position where it starts. */
export interface TableLayout {
  key: TableKey;
  title: string;
  /** Grid size. */
  rows: number;
  cols: number;
  /** Header rows at the top (repeated on each printed page). */
  headerRows: number;
  cells: LayoutCell[];
}

/** A figure as the report writes it: integers plainly, amounts without trailing zeros, blank as ''. */
export function figureText(v: Cell | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

class Grid {
  cells: LayoutCell[] = [];
  row = 0;
  add(
    col: number,
    text: string,
    role: LayoutCell['role'],
    span: { rowSpan?: number; colSpan?: number } = {},
  ) {
    const cell: LayoutCell = {
      row: this.row,
      col,
      rowSpan: span.rowSpan ?? 1,
      colSpan: span.colSpan ?? 1,
      role,
      text,
    };
    this.cells.push(cell);
    return cell;
  }
  figure(col: number, path: string, value: Cell, kind: ColumnKind, colSpan = 1) {
    Object.assign(this.add(col, figureText(value), 'figure', { colSpan }), { path, value, kind });
  }
}

/**
 * A column's printed header: its official label, with the unit the figures are written in when the label does not
 * say it. The 2019 template prints 采购总金额 without a unit (format-spec §4.1) and reports write 元 or 万元; nianbao
 * holds amounts in 万元, so it says so rather than leave a reader to guess.
 */
function headerText(c: ColumnDef): string {
  return c.unit && !c.label.includes(c.unit) ? `${c.label}（${c.unit}）` : c.label;
}

/** Table 2: per block (第二十条第（X）项) a caption row, a header row and its data rows, four grid columns wide. */
function proactive(t: TableDef, report: Report): Grid {
  const g = new Grid();
  const width = 4;
  let block: string | undefined;
  for (const r of t.rows) {
    if (r.group !== block) {
      block = r.group;
      g.add(0, block ?? '', 'header', { colSpan: width });
      g.row++;
      g.add(0, t.labelHeader ?? '', 'header');
      r.columns.forEach((c, i, a) =>
        g.add(1 + i, headerText(c), 'header', { colSpan: i === a.length - 1 ? width - a.length : 1 }),
      );
      g.row++;
    }
    g.add(0, r.label, 'label');
    const v = rowValues(report.proactive, r);
    r.columns.forEach((c, i, a) =>
      g.figure(
        1 + i,
        `proactive.${r.path.join('.')}.${c.key}`,
        v[c.key] ?? null,
        c.kind,
        i === a.length - 1 ? width - a.length : 1,
      ),
    );
    g.row++;
  }
  return g;
}

/** Table 3: the 勾稽关系 note and the applicant header over three rows, then the data rows with their group labels. */
function requests(t: TableDef, report: Report): Grid {
  const g = new Grid();
  const columns = t.rows[0]!.columns;
  const labelCols = 3;
  g.add(0, t.note ?? '', 'header', { rowSpan: 3, colSpan: labelCols });
  g.add(labelCols, '申请人情况', 'header', { colSpan: columns.length });
  g.row++;
  columns.forEach((c, i) => {
    if (!c.group) g.add(labelCols + i, c.label, 'header', { rowSpan: 2 });
    else if (columns[i - 1]?.group !== c.group) {
      const n = columns.slice(i).findIndex((d) => d.group !== c.group);
      g.add(labelCols + i, c.group, 'header', { colSpan: n < 0 ? columns.length - i : n });
    }
  });
  g.row++;
  columns.forEach((c, i) => c.group && g.add(labelCols + i, c.label, 'header'));
  g.row++;
  // The outer label (三、本年度办理结果) spans the rows of every group inside it; a numbered group （三）… spans its rows.
  const outerOf = (r: TableDef['rows'][number]) =>
    r.parentGroup ?? (r.group && !r.group.startsWith('（') ? r.group : undefined);
  const rows = t.rows;
  rows.forEach((r, i) => {
    const outer = outerOf(r);
    if (outer) {
      if (i === 0 || outerOf(rows[i - 1]!) !== outer) {
        let n = 1;
        while (i + n < rows.length && outerOf(rows[i + n]!) === outer) n++;
        g.add(0, outer, 'label', { rowSpan: n });
      }
      if (r.parentGroup) {
        if (rows[i - 1]?.group !== r.group) {
          let n = 1;
          while (i + n < rows.length && rows[i + n]!.group === r.group) n++;
          g.add(1, r.group!, 'label', { rowSpan: n });
        }
        g.add(2, r.label, 'label');
      } else g.add(1, r.label, 'label', { colSpan: 2 });
    } else g.add(0, r.label, 'label', { colSpan: labelCols });
    const v = rowValues(report.requests, r);
    r.columns.forEach((c, j) =>
      g.figure(labelCols + j, `requests.${r.path.join('.')}.${c.key}`, v[c.key] ?? null, c.kind),
    );
    g.row++;
  });
  return g;
}

/** Table 4: 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉) over three header rows, the figures in one wide row. */
function reviewLitigation(t: TableDef, report: Report): Grid {
  const g = new Grid();
  const outcomes = t.rows[0]!.columns;
  const n = outcomes.length;
  let col = 0;
  // Row 0: a row without a group heads its own block; grouped rows share one group caption.
  t.rows.forEach((r, i) => {
    if (!r.group) g.add(col, r.label, 'header', { colSpan: n });
    else if (t.rows[i - 1]?.group !== r.group)
      g.add(col, r.group, 'header', { colSpan: n * t.rows.filter((s) => s.group === r.group).length });
    col += n;
  });
  g.row++;
  col = 0;
  for (const r of t.rows) {
    if (!r.group) outcomes.forEach((c, i) => g.add(col + i, c.label, 'header', { rowSpan: 2 }));
    else g.add(col, r.label, 'header', { colSpan: n });
    col += n;
  }
  g.row++;
  col = 0;
  for (const r of t.rows) {
    if (r.group) outcomes.forEach((c, i) => g.add(col + i, c.label, 'header'));
    col += n;
  }
  g.row++;
  col = 0;
  for (const r of t.rows) {
    const v = rowValues(report.reviewLitigation, r);
    r.columns.forEach((c, i) =>
      g.figure(col + i, `reviewLitigation.${r.path.join('.')}.${c.key}`, v[c.key] ?? null, c.kind),
    );
    col += n;
  }
  g.row++;
  return g;
}

/** The grid of each table, by its key. */
const GRIDS: Record<TableKey, (t: TableDef, report: Report) => Grid> = {
  proactive,
  requests,
  reviewLitigation,
};

/** The three tables of a report in the official layout of its format version. */
export function officialLayout(report: Report): TableLayout[] {
  const f = formatOf(report.formatVersion);
  return f.tables.map((t) => {
    const g = GRIDS[t.key](t, report);
    const cols = Math.max(...g.cells.map((c) => c.col + c.colSpan));
    const firstData = Math.min(...g.cells.filter((c) => c.role !== 'header').map((c) => c.row));
    return {
      key: t.key,
      title: t.title,
      rows: g.row,
      cols,
      headerRows: t.key === 'proactive' ? 0 : firstData,
      cells: g.cells,
    };
  });
}

/**
 * The table as a full grid: each position holds the cell covering it and whether it is that cell's origin
 * (DOCX vMerge continuations, XLSX merges and text renderers need every position).
 */
export function layoutGrid(t: TableLayout): { cell: LayoutCell; origin: boolean }[][] {
  const grid: { cell: LayoutCell; origin: boolean }[][] = Array.from({ length: t.rows }, () => []);
  for (const cell of t.cells)
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++)
      for (let c = cell.col; c < cell.col + cell.colSpan; c++)
        grid[r]![c] = { cell, origin: r === cell.row && c === cell.col };
  return grid;
}

/** The report's title as printed: "<agency><year>年政府信息公开工作年度报告". */
export function reportTitle(report: Report): string {
  return `${report.agency ?? ''}${report.year ?? ''}${report.year !== null ? '年' : ''}政府信息公开工作年度报告`;
}
