// A test writer: renders a Report as plain text in the five table layouts real reports come in, recording where each figure went.
import type { ColumnDef, ColumnKind, FormatDef, RowDef, TableDef, TableKey } from '../../src/model/format.ts';
import { formatOf } from '../../src/model/formats/index.ts';
import { rowValues, type Report } from '../../src/model/report.ts';

/**
 * How the tables are laid out in the text: `cell-per-line` (a DOCX saved as text: one TAB-prefixed cell per line,
 * rows separated by a blank line), `tab` (one row per line, cells separated by TABs), `pipe` (Markdown), `aligned`
 * (`pdftotext -layout`: cells separated by runs of spaces, figures under their column), `run-together` (an HTML
 * page's textContent: each row's cell texts concatenated with no separator).
 */
export type Layout = 'cell-per-line' | 'tab' | 'pipe' | 'aligned' | 'run-together';

/** Every layout, in the order the tests run them. */
export const LAYOUTS: readonly Layout[] = ['cell-per-line', 'tab', 'pipe', 'aligned', 'run-together'];

/** The layouts in which a blank cell stays a cell, so blanks can round-trip as null. */
export const CELL_LAYOUTS: readonly Layout[] = ['cell-per-line', 'tab', 'pipe'];

/** Choices of the writer; every choice not fixed here is drawn from `seed`, so the output is deterministic. */
export interface WriteOptions {
  /** Seed of every random choice (label wrapping, placeholders, separators, spacing); default 0. */
  seed?: number;
  /** Line ending; by default "\r\n" for one seed in five. */
  eol?: '\n' | '\r\n';
  /** `tab`: write a merged cell as the cell plus empty cells for the columns it spans; by default per table. */
  padSpans?: boolean;
  /** Probability that a long label is wrapped (cell-per-line, aligned); default 0.2. */
  wrap?: number;
  /** Probability that a table writes figures ≥ 1000 with thousands separators (cell layouts); default 0.3. */
  thousands?: number;
  /** Probability that a blank cell is written as a placeholder ("/", "-", "—", "无") in cell layouts; default 0.2. */
  placeholders?: number;
  /** Probability that a label is written in a variant or half-width form; default 0.2. */
  variants?: number;
}

/** Where a figure was written: 1-based line and column (in UTF-16 units, all BMP here) and its exact text. */
export interface CellLocation {
  line: number;
  column: number;
  text: string;
}

/** A written report: the text and, for every non-null cell, where its figure starts. */
export interface WrittenReport {
  text: string;
  /** Dotted model path ("requests.denied.stateSecret.naturalPerson") → location of the figure. */
  cells: Map<string, CellLocation>;
}

// ---------------------------------------------------------------------------------------------------------------
// Deterministic choices

/**
 * Random choices keyed by name: each decision hashes (seed, name), so changing one cell of a report changes no
 * other choice and the text differs only where the cell is.
 */
class Dice {
  constructor(private readonly seed: number) {}

  /** A uniform number in [0, 1) for the named decision. */
  u(key: string): number {
    let h = (2166136261 ^ this.seed) >>> 0;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  }

  chance(key: string, p: number): boolean {
    return this.u(key) < p;
  }

  pick<T>(key: string, xs: readonly T[]): T {
    return xs[Math.floor(this.u(key) * xs.length)]!;
  }

  int(key: string, min: number, max: number): number {
    return min + Math.floor(this.u(key) * (max - min + 1));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Tables as grids of logical cells

/**
 * `label`: row labels, group labels, block captions, the table-3 note; `header`: column headers; `figure`: a
 * written number; `blank`: a null cell; `empty`: a cell covered by a merged cell, written as an empty cell.
 */
type Role = 'label' | 'header' | 'figure' | 'blank' | 'empty';

interface Cell {
  role: Role;
  text: string;
  /** Logical grid columns the cell spans. */
  span: number;
  /** Model path of a figure or blank cell. */
  path?: string;
  /** A column the row lacks by design (2019 收费, 采购 have two of three): written only when spans are padded. */
  optional?: boolean;
  /** A block caption (第二十条第（X）项): always padded in tab layout, as every copy seen does. */
  caption?: boolean;
}

interface Grid {
  table: TableKey;
  width: number;
  rows: Cell[][];
}

/** What a layout renders a grid to: lines, and the 0-based line and column of each figure inside them. */
interface Block {
  lines: string[];
  figures: { path: string; line: number; col: number; text: string }[];
}

interface Context {
  report: Report;
  layout: Layout;
  dice: Dice;
  options: Required<Omit<WriteOptions, 'seed' | 'eol' | 'padSpans'>> & Pick<WriteOptions, 'padSpans'>;
}

const HALF_WIDTH: Readonly<Record<string, string>> = { '（': '(', '）': ')', '，': ',', '：': ':' };

/** A label as written: the official one, sometimes a known variant, sometimes in half-width punctuation. */
function labelText(
  ctx: Context,
  table: TableKey,
  key: string,
  official: string,
  variants?: readonly string[],
): string {
  const { dice, options } = ctx;
  let text = official;
  if (variants?.length && dice.chance(`variant:${key}`, options.variants))
    text = dice.pick(`which:${key}`, variants);
  // Some converters (and sample 003) write "(一) 予以公开", "1. 属于国家秘密": per table, as a report does.
  if (dice.chance(`halfwidth:${table}`, options.variants)) {
    text = text
      .replace(/^（([一二三四五六七八九十]+)）/, '($1) ')
      .replace(/^(\d+)\./, '$1. ')
      .replace(/[（），：]/g, (c) => HALF_WIDTH[c]!);
  }
  return text;
}

/** "3119" → "3,119". */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A figure as written: integers as digits, amounts as decimals, thousands separators sometimes (cell layouts). */
function figureText(ctx: Context, table: TableKey, path: string, value: number, kind: ColumnKind): string {
  const { dice, layout, options } = ctx;
  const cellLayout = CELL_LAYOUTS.includes(layout);
  let text = String(value);
  // "保留4位小数" (sample 004's header): trailing zeros written out; the value read back is the same.
  if (kind === 'amount' && cellLayout && dice.chance(`fixed4:${path}`, 0.15)) text = value.toFixed(4);
  if (cellLayout && Math.abs(value) >= 1000 && dice.chance(`thousands:${table}`, options.thousands)) {
    const [int, frac] = text.split('.');
    text =
      (int!.startsWith('-') ? '-' + groupThousands(int!.slice(1)) : groupThousands(int!)) +
      (frac ? '.' + frac : '');
  }
  return text;
}

/** The cell of one figure, or of a blank (null) figure. */
function valueCell(ctx: Context, table: TableDef, row: RowDef, column: ColumnDef, span = 1): Cell {
  const path = [table.key, ...row.path, column.key].join('.');
  const value = rowValues(ctx.report[table.key], row)[column.key] ?? null;
  if (value !== null)
    return { role: 'figure', text: figureText(ctx, table.key, path, value, column.kind), span, path };
  const { dice, layout, options } = ctx;
  let text = '';
  if (CELL_LAYOUTS.includes(layout) && dice.chance(`placeholder:${path}`, options.placeholders))
    text = dice.pick(`which-placeholder:${path}`, ['/', '-', '—', '无']);
  else if (layout === 'cell-per-line') text = dice.pick(`blank:${path}`, ['', '', ' ', '　']); // as in sample 001
  return { role: 'blank', text, span, path };
}

/** Spreads a row's value cells over the grid's value columns: one cell spans them all, missing ones are optional. */
function spread(cells: Cell[], columns: number): Cell[] {
  if (cells.length === 1) return [{ ...cells[0]!, span: columns }];
  const out = [...cells];
  while (out.length < columns) out.push({ role: 'empty', text: '', span: 1, optional: true });
  return out;
}

/** Column header text; 2019 amounts sometimes state the unit, as sample 004 does. */
function headerText(ctx: Context, table: TableKey, row: RowDef, column: ColumnDef): string {
  const key = `${table}.${row.path.join('.')}.${column.key}`;
  if (column.kind === 'amount' && !column.label.includes('万元') && ctx.dice.chance(`unit:${key}`, 0.5))
    return (
      column.label + ctx.dice.pick(`which-unit:${key}`, ['（单位：万元）', '（单位：万元，保留4位小数）'])
    );
  return column.label;
}

/** Table 2 (format-spec §4): per block a caption row, a 信息内容 header row, then the data rows. */
function proactiveGrid(ctx: Context, table: TableDef): Grid {
  const width = 1 + Math.max(...table.rows.map((r) => r.columns.length));
  const rows: Cell[][] = [];
  let group: string | undefined;
  for (const row of table.rows) {
    const key = row.path.join('.');
    if (row.group !== group) {
      group = row.group;
      if (group)
        rows.push([
          {
            role: 'label',
            text: labelText(ctx, table.key, `caption:${key}`, group),
            span: width,
            caption: true,
          },
        ]);
      const headers = row.columns.map((c): Cell => ({
        role: 'header',
        text: headerText(ctx, table.key, row, c),
        span: 1,
      }));
      rows.push([{ role: 'header', text: table.labelHeader ?? '', span: 1 }, ...spread(headers, width - 1)]);
    }
    rows.push([
      { role: 'label', text: labelText(ctx, table.key, key, row.label, row.variants), span: 1 },
      ...spread(
        row.columns.map((c) => valueCell(ctx, table, row, c)),
        width - 1,
      ),
    ]);
  }
  return { table: table.key, width, rows };
}

/**
 * Table 3 (format-spec §5): the three header rows under the 勾稽关系 note, then one row per data row with its
 * label cells. Group labels (三、本年度办理结果, （三）不予公开 …) stand on the first row of their group and leave
 * empty cells on the following rows, as the samples do.
 */
function requestsGrid(ctx: Context, table: TableDef): Grid {
  const columns = table.rows[0]!.columns;
  const width = 3 + columns.length;
  const header = (c: ColumnDef): Cell => ({ role: 'header', text: c.label, span: 1 });
  const empty = (span = 1): Cell => ({ role: 'empty', text: '', span });
  const org = columns.slice(1, -1);
  const rows: Cell[][] = [
    [
      { role: 'label', text: labelText(ctx, table.key, 'note', table.note ?? ''), span: 3 },
      { role: 'header', text: '申请人情况', span: columns.length },
    ],
    [
      empty(3),
      header(columns[0]!),
      { role: 'header', text: '法人或其他组织', span: org.length },
      header(columns.at(-1)!),
    ],
    [empty(3), empty(), ...org.map(header), empty()],
  ];
  // The top group (三、本年度办理结果) spans every row from the first to the last with a group.
  const grouped = table.rows.map((r) => r.group !== undefined);
  const top = table.rows.find((r) => r.group)?.group;
  const first = grouped.indexOf(true);
  const last = grouped.lastIndexOf(true);
  table.rows.forEach((row, i) => {
    const key = row.path.join('.');
    const label = (span: number): Cell => ({
      role: 'label',
      text: labelText(ctx, table.key, key, row.label, row.variants),
      span,
    });
    const groupCell = (text: string, firstOfGroup: boolean): Cell =>
      firstOfGroup
        ? { role: 'label', text: labelText(ctx, table.key, `group:${key}`, text), span: 1 }
        : empty();
    const cells: Cell[] = [];
    if (!row.group || i < first || i > last) cells.push(label(3));
    else {
      cells.push(groupCell(top!, i === first));
      if (row.group === top) cells.push(label(2));
      else cells.push(groupCell(row.group, table.rows[i - 1]?.group !== row.group), label(1));
    }
    for (const c of row.columns) cells.push(valueCell(ctx, table, row, c));
    rows.push(cells);
  });
  return { table: table.key, width, rows };
}

/**
 * Table 4 (format-spec §6, layout 'wide'): 行政复议 | 行政诉讼 over 未经复议直接起诉 | 复议后起诉 over the outcome
 * columns, then ONE data row with every block's figures side by side.
 */
function wideGrid(ctx: Context, table: TableDef): Grid {
  const width = table.rows.reduce((n, r) => n + r.columns.length, 0);
  const h1: Cell[] = [];
  const h2: Cell[] = [];
  const h3: Cell[] = [];
  table.rows.forEach((row, i) => {
    const n = row.columns.length;
    const columnHeaders = row.columns.map((c): Cell => ({ role: 'header', text: c.label, span: 1 }));
    if (!row.group) {
      h1.push({ role: 'header', text: row.label, span: n });
      h2.push(...columnHeaders);
      // Cells under a rowspan-2 header: written as empty cells, one per column, as in samples 000 and 003.
      h3.push(...row.columns.map((): Cell => ({ role: 'empty', text: '', span: 1 })));
    } else {
      if (table.rows[i - 1]?.group === row.group) h1.at(-1)!.span += n;
      else h1.push({ role: 'header', text: row.group, span: n });
      h2.push({ role: 'header', text: row.label, span: n });
      h3.push(...columnHeaders);
    }
  });
  const data = table.rows.flatMap((row) => row.columns.map((c) => valueCell(ctx, table, row, c)));
  const hasGroups = table.rows.some((r) => r.group);
  return { table: table.key, width, rows: hasGroups ? [h1, h2, h3, data] : [h1, h2, data] };
}

function gridOf(ctx: Context, table: TableDef): Grid {
  if (table.layout === 'wide') return wideGrid(ctx, table);
  return table.key === 'requests' ? requestsGrid(ctx, table) : proactiveGrid(ctx, table);
}

// ---------------------------------------------------------------------------------------------------------------
// Layouts

/** Splits a text in two at a point that leaves no digit at the start of the continuation. */
function wrapPoint(text: string, u: number): number | null {
  if (text.length < 6) return null;
  const at = 3 + Math.floor(u * (text.length - 4));
  return /\d/.test(text[at]!) ? null : at;
}

/** Samples 000–002: each cell on its own TAB-prefixed line, a wrapped label continuing on a line with no TAB. */
function renderCellPerLine(ctx: Context, grid: Grid): Block {
  const { dice, options } = ctx;
  const lines: string[] = [];
  const figures: Block['figures'] = [];
  grid.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell.optional) return;
      const key = `${grid.table}:${r}:${c}`;
      if (cell.role === 'figure') {
        const pad = dice.chance(`figpad:${cell.path}`, 0.15)
          ? dice.pick(`which-figpad:${cell.path}`, [' ', '　', '　　'])
          : '';
        figures.push({ path: cell.path!, line: lines.length, col: 1 + pad.length, text: cell.text });
        lines.push('\t' + pad + cell.text);
        return;
      }
      const at =
        (cell.role === 'label' || cell.role === 'header') &&
        !cell.caption &&
        dice.chance(`wrap:${key}`, options.wrap)
          ? wrapPoint(cell.text, dice.u(`wrap-at:${key}`))
          : null;
      if (at === null) lines.push('\t' + cell.text);
      else lines.push('\t' + cell.text.slice(0, at), cell.text.slice(at));
    });
    lines.push('');
  });
  return { lines, figures };
}

/** Cells of a row as written in a layout that keeps cells, with merged cells padded or not. */
function writtenCells(row: Cell[], pad: boolean): Cell[] {
  const out: Cell[] = [];
  for (const cell of row) {
    if (cell.optional && !pad) continue;
    out.push(cell);
    if (pad || cell.caption)
      for (let i = 1; i < cell.span; i++) out.push({ role: 'empty', text: '', span: 1 });
  }
  return out;
}

/** Joins cells with a separator, recording where each figure starts. */
function joinCells(
  cells: Cell[],
  before: string,
  sep: string,
  after: string,
  line: number,
  block: Block,
): string {
  let text = before;
  cells.forEach((cell, i) => {
    if (i > 0) text += sep;
    if (cell.role === 'figure')
      block.figures.push({ path: cell.path!, line, col: text.length, text: cell.text });
    text += cell.text;
  });
  return text + after;
}

/** Samples 003/004: one row per line, cells separated by TABs. */
function renderTab(ctx: Context, grid: Grid): Block {
  const pad = ctx.options.padSpans ?? ctx.dice.chance(`pad:${grid.table}`, 0.5);
  const block: Block = { lines: [], figures: [] };
  for (const row of grid.rows)
    block.lines.push(joinCells(writtenCells(row, pad), '', '\t', '', block.lines.length, block));
  return block;
}

/** A Markdown pipe table: every row padded to the grid, a separator row after the first. */
function renderPipe(ctx: Context, grid: Grid): Block {
  const block: Block = { lines: [], figures: [] };
  const compact = ctx.dice.chance(`compact:${grid.table}`, 0.5);
  grid.rows.forEach((row, r) => {
    block.lines.push(joinCells(writtenCells(row, true), '| ', ' | ', ' |', block.lines.length, block));
    if (r === 0) block.lines.push('|' + (compact ? '---|' : ' --- |').repeat(grid.width));
  });
  return block;
}

/** Cuts a label into pieces of at most `width` characters. */
function chunks(text: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out.length ? out : [''];
}

/**
 * `pdftotext -layout`: every cell at the character column of its grid column, runs of ≥ 2 spaces between cells;
 * figures right-aligned under their column (centred under a merged one), headers centred; blanks are spaces;
 * labels longer than the label width wrap onto the next lines under their column.
 */
function renderAligned(ctx: Context, grid: Grid): Block {
  const { dice, options } = ctx;
  const gap = dice.pick(`gap:${grid.table}`, [2, 2, 3, 4]);
  // Labels wrap at this width only in tables that wrap; other tables have wide label columns.
  const wrapAt = dice.chance(`wrap:${grid.table}`, options.wrap * 2.5)
    ? dice.int(`wrap-at:${grid.table}`, 8, 20)
    : 1000;
  const placed = grid.rows.map((row) => {
    let col = 0;
    return row.map((cell) => {
      const at = col;
      col += cell.span;
      return { cell, col: at };
    });
  });
  const w = new Array<number>(grid.width).fill(1);
  for (const row of placed)
    for (const { cell, col } of row)
      if (cell.span === 1)
        w[col] = Math.max(
          w[col]!,
          cell.role === 'label' ? Math.min(cell.text.length, wrapAt) : cell.text.length,
        );
  const x = [0];
  for (let j = 0; j < grid.width; j++) x.push(x[j]! + w[j]! + gap);
  const end = (col: number, span: number) => x[col + span]! - gap;
  // Merged headers and figures must fit their columns: widen the last column they span (labels wrap instead).
  for (const row of placed)
    for (const { cell, col } of row) {
      const room = end(col, cell.span) - x[col]!;
      if (cell.span > 1 && cell.role !== 'label' && cell.text.length > room) {
        w[col + cell.span - 1]! += cell.text.length - room;
        for (let j = col + cell.span - 1; j < grid.width; j++) x[j + 1] = x[j]! + w[j]! + gap;
      }
    }
  const block: Block = { lines: [], figures: [] };
  const rowGap = dice.chance(`rowgap:${grid.table}`, 0.3);
  placed.forEach((row, r) => {
    if (rowGap && r > 0) block.lines.push('');
    const lines: string[][] = [];
    const put = (line: number, at: number, text: string) => {
      while (lines.length <= line) lines.push([]);
      const chars = lines[line]!;
      while (chars.length < at + text.length) chars.push(' ');
      for (let i = 0; i < text.length; i++) chars[at + i] = text[i]!;
    };
    for (const { cell, col } of row) {
      const from = x[col]!;
      const to = end(col, cell.span);
      if (cell.role === 'label')
        chunks(cell.text, Math.max(1, to - from)).forEach((piece, i) => put(i, from, piece));
      else if (cell.role === 'figure' || cell.role === 'header') {
        const at =
          cell.role === 'figure' && cell.span === 1
            ? to - cell.text.length
            : from + Math.floor((to - from - cell.text.length) / 2);
        put(0, at, cell.text);
        if (cell.role === 'figure')
          block.figures.push({ path: cell.path!, line: block.lines.length, col: at, text: cell.text });
      }
    }
    block.lines.push(...(lines.length ? lines : [[]]).map((chars) => chars.join('').trimEnd()));
  });
  return block;
}

/** An HTML page's textContent: each row's cell texts run together on one line; blanks vanish. */
function renderRunTogether(_ctx: Context, grid: Grid): Block {
  const block: Block = { lines: [], figures: [] };
  for (const row of grid.rows) {
    const cells = row.filter((c) => c.text !== '' && c.role !== 'blank');
    block.lines.push(joinCells(cells, '', '', '', block.lines.length, block));
  }
  return block;
}

const RENDER: Readonly<Record<Layout, (ctx: Context, grid: Grid) => Block>> = {
  'cell-per-line': renderCellPerLine,
  tab: renderTab,
  pipe: renderPipe,
  aligned: renderAligned,
  'run-together': renderRunTogether,
};

// ---------------------------------------------------------------------------------------------------------------
// The document

/**
 * Writes a whole report as plain text: the title line `${agency}${year}年政府信息公开工作年度报告`, then the six
 * official section headings each followed by its text, each table after its section's text, in `layout`.
 */
export function writeReport(report: Report, layout: Layout, options: WriteOptions = {}): WrittenReport {
  const seed = options.seed ?? 0;
  const dice = new Dice(seed);
  const ctx: Context = {
    report,
    layout,
    dice,
    options: {
      wrap: options.wrap ?? 0.2,
      thousands: options.thousands ?? 0.3,
      placeholders: options.placeholders ?? 0.2,
      variants: options.variants ?? 0.2,
      padSpans: options.padSpans,
    },
  };
  const format: FormatDef = formatOf(report.formatVersion);
  const lines: string[] = [];
  const cells = new Map<string, CellLocation>();
  const indent = (key: string, p: number) =>
    dice.chance(key, p) ? dice.pick(`${key}:which`, ['　　', '  ']) : '';
  const paragraphIndent = dice.chance('indent-paragraphs', 0.3) ? '　　' : '';
  const blankBetweenParagraphs = dice.chance('blank-paragraphs', 0.5);

  if (dice.chance('leading-blank', 0.3)) lines.push('');
  lines.push(`${report.agency ?? ''}${report.year ?? ''}年政府信息公开工作年度报告`);
  if (dice.chance('blank-after-title', 0.7)) lines.push('');
  for (const section of format.sections) {
    lines.push(indent('indent-headings', 0.2) + section.heading);
    if (blankBetweenParagraphs) lines.push('');
    for (const paragraph of (report.sections[section.key] ?? '').split('\n').filter((p) => p !== '')) {
      lines.push(paragraphIndent + paragraph);
      if (blankBetweenParagraphs) lines.push('');
    }
    for (const table of format.tables.filter((t) => t.section === section.key)) {
      // Markdown needs a blank line before a table; the other layouts sometimes have none.
      if (lines.at(-1) !== '' && (layout === 'pipe' || dice.chance(`blank-before:${table.key}`, 0.5)))
        lines.push('');
      const block = RENDER[layout](ctx, gridOf(ctx, table));
      const base = lines.length;
      lines.push(...block.lines);
      for (const f of block.figures)
        cells.set(f.path, { line: base + f.line + 1, column: f.col + 1, text: f.text });
      if (lines.at(-1) !== '') lines.push('');
    }
  }
  const eol = options.eol ?? (dice.chance('crlf', 0.2) ? '\r\n' : '\n');
  return { text: lines.join(eol) + eol, cells };
}
