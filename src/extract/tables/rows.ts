// A row of the document split into its label and its figure cells, and where each figure came from.
import type { TableCell } from '../../model/document.ts';
import type { TableKey } from '../../model/format.ts';
import type { SourceSpan } from '../../model/source.ts';
import { normalizeLabel } from '../labels.ts';
import { parseFigure, type Figure } from '../numbers.ts';
import type { Token } from '../resolve.ts';
import type { CompiledRow, CompiledTable } from './compile.ts';

/** A row of the document split into its label and its figure cells. */
export interface LogicalRow {
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
export function logicalRow(
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

export interface Pending {
  label: string;
  source: SourceSpan;
  used: boolean;
  row: LogicalRow;
}

export interface Match {
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
