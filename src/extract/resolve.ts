// Placing a row's figures in its columns when the row has too many or too few cells: by the grid, by the row's
// own arithmetic (总计 = the parts), or not at all — never by guessing.
import type { SourceSpan } from '../model/source.ts';
import type { Figure } from './numbers.ts';

/** A figure-or-blank cell of a row, in source order. */
export interface Token {
  readonly text: string;
  readonly figure: Figure;
  readonly source?: SourceSpan;
  /** Grid column (index in the row) and horizontal position, when the layout has them. */
  readonly col: number;
  readonly x?: number;
  readonly xEnd?: number;
}

/** What the table taught about where its figures sit: the grid column of the first figure, or column centres. */
export interface Grid {
  startCol?: number;
  centers?: readonly number[];
}

/** How a row's cells were placed. */
export interface Resolution {
  /** One entry per column: the token placed there, or null (blank). */
  values: (Token | null)[];
  /** How the placement was inferred, when it was. */
  inferred?: 'split' | 'grid' | 'arithmetic';
  /** What was wrong with the row. */
  problem?: 'extra' | 'missing' | 'ambiguous' | 'split' | 'unsplittable';
  /** Tokens left out (extra cells). */
  dropped?: Token[];
}

/** Checks the row's identities on a full vector of values (null where blank). */
export type Holds = (values: readonly (number | null)[]) => boolean;

const isWritten = (t: Token) =>
  t.figure.kind === 'number' || (t.figure.kind === 'blank' && t.figure.placeholder);
const valueOf = (t: Token | null): number | null => (t && t.figure.kind === 'number' ? t.figure.value : null);
const MAX_CANDIDATES = 20_000;

/**
 * Places `tokens` in `n` columns. Exact counts are taken as they are; extra blank cells are trimmed where only one
 * window fits; extra figures are dropped only where exactly one choice satisfies the row's identities;
 * run-together digits are split only where exactly one split satisfies them; missing cells are placed by the grid.
 */
export function resolveRow(
  tokens: readonly Token[],
  n: number,
  holds: Holds,
  options: { grid?: Grid; identities: boolean; splittable: boolean },
): Resolution {
  if (tokens.length === n) return { values: [...tokens] };
  const written = tokens.filter(isWritten);
  if (tokens.length > n) {
    if (written.length <= n) return trimWindow(tokens, n, options.grid);
    if (!options.identities) return { values: Array(n).fill(null), problem: 'ambiguous' };
    return dropExtra(written, n, holds);
  }
  if (options.splittable || options.identities) {
    const split = splitRuns(tokens, n, holds, options.identities);
    if (split) return split;
  }
  return placeByGrid(tokens, n, options.grid);
}

/** Chooses the contiguous window of n cells that holds every written cell. */
function trimWindow(tokens: readonly Token[], n: number, grid: Grid | undefined): Resolution {
  let first = tokens.length;
  let last = -1;
  tokens.forEach((t, i) => {
    if (isWritten(t)) {
      first = Math.min(first, i);
      last = Math.max(last, i);
    }
  });
  const starts: number[] = [];
  for (let s = 0; s + n <= tokens.length; s++)
    if (first === tokens.length || (s <= first && last < s + n)) starts.push(s);
  let start: number | undefined = starts.length === 1 ? starts[0] : undefined;
  if (start === undefined && grid?.startCol !== undefined) {
    const byGrid = starts.filter((s) => tokens[s]!.col === grid.startCol);
    if (byGrid.length === 1) start = byGrid[0];
  }
  if (start === undefined) {
    // Every written cell is blank (an all-blank row): the placement does not matter.
    if (first === tokens.length) return { values: Array(n).fill(null) };
    return { values: Array(n).fill(null), problem: 'ambiguous' };
  }
  const values = tokens.slice(start, start + n);
  // A blank cell at the edge of the window stands where the row has no figure of its own: the row is short.
  if (!isWritten(values[0]!) || !isWritten(values[n - 1]!))
    return { values, inferred: 'grid', problem: 'missing' };
  return { values };
}

/** Drops extra figures where exactly one choice of n figures satisfies the identities. */
function dropExtra(written: readonly Token[], n: number, holds: Holds): Resolution {
  const solutions = new Map<string, number[]>();
  let tried = 0;
  const pick: number[] = [];
  const walk = (from: number) => {
    if (tried > MAX_CANDIDATES || solutions.size > 1) return;
    if (pick.length === n) {
      tried++;
      const vals = pick.map((i) => valueOf(written[i]!));
      if (holds(vals)) solutions.set(vals.join(','), [...pick]);
      return;
    }
    for (let i = from; i <= written.length - (n - pick.length); i++) {
      pick.push(i);
      walk(i + 1);
      pick.pop();
    }
  };
  walk(0);
  if (solutions.size !== 1) return { values: Array(n).fill(null), problem: 'ambiguous' };
  const chosen = [...solutions.values()][0]!;
  const keep = new Set(chosen);
  return {
    values: chosen.map((i) => written[i]!),
    inferred: 'arithmetic',
    problem: 'extra',
    dropped: written.filter((_, i) => !keep.has(i)),
  };
}

/** A figure carved out of a run of digits: same source, narrowed to its digits. */
function piece(t: Token, digits: string, offset: number): Token {
  const src = t.source;
  const narrowed: SourceSpan | undefined =
    src && (src.kind === 'text' || src.kind === 'html') && src.line === src.endLine
      ? { ...src, column: src.column + offset, endColumn: src.column + offset + digits.length }
      : src;
  return {
    text: digits,
    figure: { kind: 'number', value: Number(digits), digits },
    ...(narrowed ? { source: narrowed } : {}),
    col: t.col,
  };
}

/** Splits cells that hold several figures run together ("7000007") where exactly one split fits the arithmetic. */
function splitRuns(
  tokens: readonly Token[],
  n: number,
  holds: Holds,
  identities: boolean,
): Resolution | null {
  const runs = tokens.map((t) =>
    t.figure.kind === 'number' && /^\d{2,}$/.test(t.figure.digits) ? t.figure.digits : null,
  );
  if (!runs.some((r) => r !== null)) return null;
  const capacity = tokens.reduce((s, _t, i) => s + (runs[i] ? runs[i]!.length : 1), 0);
  if (capacity < n) return { values: Array(n).fill(null), problem: 'unsplittable' };
  const offsetIn = (t: Token, digits: string) => Math.max(0, t.text.indexOf(digits));
  const solutions = new Map<string, Token[]>();
  let tried = 0;
  const acc: Token[] = [];
  const walk = (ti: number) => {
    if (tried > MAX_CANDIDATES || solutions.size > 1) return;
    if (ti === tokens.length) {
      if (acc.length !== n) return;
      tried++;
      const vals = acc.map(valueOf);
      if (holds(vals)) solutions.set(vals.join(','), [...acc]);
      return;
    }
    const t = tokens[ti]!;
    const run = runs[ti];
    const remainingMin = tokens.length - ti - 1;
    if (!run) {
      acc.push(t);
      walk(ti + 1);
      acc.pop();
      return;
    }
    const base = offsetIn(t, run);
    // Split `run` into k ≥ 1 parts, no part with a leading zero.
    const parts = (pos: number, left: number) => {
      if (tried > MAX_CANDIDATES || solutions.size > 1) return;
      if (pos === run.length) {
        walk(ti + 1);
        return;
      }
      if (left <= 0) return;
      const maxLen = run[pos] === '0' ? 1 : run.length - pos;
      for (let len = 1; len <= maxLen; len++) {
        acc.push(piece(t, run.slice(pos, pos + len), base + pos));
        parts(pos + len, left - 1);
        acc.pop();
      }
    };
    parts(0, n - acc.length - remainingMin);
  };
  walk(0);
  if (solutions.size === 1)
    return { values: [...solutions.values()][0]!, inferred: 'split', problem: 'split' };
  if (solutions.size > 1 || (!identities && solutions.size === 0))
    return { values: Array(n).fill(null), problem: 'unsplittable' };
  return null;
}

/** Places the cells of a short row under the table's columns, by position or by grid column. */
function placeByGrid(tokens: readonly Token[], n: number, grid: Grid | undefined): Resolution {
  const values: (Token | null)[] = Array(n).fill(null);
  const centers = grid?.centers;
  if (centers && centers.length === n && tokens.every((t) => t.x !== undefined)) {
    const spacing = Math.min(...centers.slice(1).map((c, i) => c - centers[i]!));
    let prev = -1;
    for (const t of tokens) {
      const c = (t.x! + (t.xEnd ?? t.x!)) / 2;
      let best = 0;
      centers.forEach((cc, i) => {
        if (Math.abs(cc - c) < Math.abs(centers[best]! - c)) best = i;
      });
      if (best <= prev || Math.abs(centers[best]! - c) > Math.max(spacing * 0.75, 1)) return fail(n);
      values[best] = t;
      prev = best;
    }
    return { values, inferred: 'grid', problem: 'missing' };
  }
  if (grid?.startCol !== undefined) {
    let prev = -1;
    for (const t of tokens) {
      const p = t.col - grid.startCol;
      if (p <= prev || p >= n) return fail(n);
      if (p < 0) {
        if (isWritten(t)) return fail(n);
        continue;
      }
      values[p] = t;
      prev = p;
    }
    return { values, inferred: 'grid', problem: 'missing' };
  }
  return fail(n);
}

const fail = (n: number): Resolution => ({ values: Array(n).fill(null), problem: 'missing' });
