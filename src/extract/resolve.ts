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
  options: { grid?: Grid; identities: readonly IndexIdentity[]; splittable: boolean },
): Resolution {
  if (tokens.length === n) return { values: [...tokens] };
  const written = tokens.filter(isWritten);
  if (tokens.length > n) {
    if (written.length <= n) return trimWindow(tokens, n, options.grid);
    if (options.identities.length === 0) return { values: Array(n).fill(null), problem: 'ambiguous' };
    return dropExtra(written, n, holds);
  }
  // Digits run together are split where the layout runs cells together (a stream of text); in a gridded layout a
  // short row is missing cells, which the grid places, and only a row held whole in one cell is split.
  if (options.splittable) {
    const split = splitRuns(tokens, n, holds, options.identities);
    if (split) return split;
  }
  const placed = placeByGrid(tokens, n, options.grid);
  if (placed.inferred || options.splittable || tokens.length !== 1 || options.identities.length === 0)
    return placed;
  return splitRuns(tokens, n, holds, options.identities) ?? placed;
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
    figure: {
      kind: 'number',
      value: Number(digits.replace('−', '-')),
      digits: digits.replace(/^[+\-−]/, ''),
    },
    ...(narrowed ? { source: narrowed } : {}),
    col: t.col,
  };
}

/** An identity over positions of the row vector: values[total] = Σ values[parts]. */
export interface IndexIdentity {
  readonly total: number;
  readonly parts: readonly number[];
}

/**
 * Splits cells that hold several figures run together ("7000007") where exactly one split fits the arithmetic.
 * Positions are filled from the right, so each total is known before its parts and every part is bounded by what
 * is left of its total: the search stays small even for long runs.
 */
function splitRuns(
  tokens: readonly Token[],
  n: number,
  holds: Holds,
  identities: readonly IndexIdentity[],
): Resolution | null {
  // Only bare digits can be split: a sign, separator, decimal point or unit belongs to one figure.
  // Without an identity every split "fits": the row cannot be split, since blanks may have vanished too.
  if (identities.length === 0) return { values: Array(n).fill(null), problem: 'unsplittable' };
  // A leading sign stays with the first figure ("-99896286" may be "-9989" and "6286").
  const signs = tokens.map((t) => (/^[+\-−]/.test(t.text.trim()) ? t.text.trim()[0]! : ''));
  const runs = tokens.map((t, i) =>
    t.figure.kind === 'number' && /^\d{2,}$/.test(t.text.trim().slice(signs[i]!.length))
      ? t.text.trim().slice(signs[i]!.length)
      : null,
  );
  if (!runs.some((r) => r !== null)) return null;
  const capacity = tokens.reduce((s, _t, i) => s + (runs[i] ? runs[i]!.length : 1), 0);
  if (capacity < n || tokens.length > n) return null;
  const totalOf = new Map<number, IndexIdentity>();
  const partOf = new Map<number, IndexIdentity[]>();
  const ordered = identities.every((id) => id.parts.every((p) => p < id.total));
  for (const id of identities) {
    totalOf.set(id.total, id);
    for (const p of id.parts) partOf.set(p, [...(partOf.get(p) ?? []), id]);
  }
  const remaining = new Map<IndexIdentity, number>();
  const acc: (Token | null)[] = Array(n).fill(null);
  const solutions = new Map<string, Token[]>();
  let steps = 0;
  let exhausted = false;
  // Fill position `pos` (right to left) from token `ti`, whose run is still unused before `end`.
  const walk = (pos: number, ti: number, end: number) => {
    if (exhausted || solutions.size > 1) return;
    if (++steps > MAX_CANDIDATES * 10) {
      exhausted = true;
      return;
    }
    if (pos < 0) {
      if (ti >= 0) return;
      const vals = acc.map(valueOf);
      if (holds(vals))
        solutions.set(
          vals.join(','),
          acc.map((t) => t!),
        );
      return;
    }
    if (ti < 0) return;
    // Each remaining position needs a digit at least.
    let left = end;
    for (let k = ti - 1; k >= 0; k--) left += runs[k] ? runs[k]!.length : 1;
    if (left < pos + 1) return;
    const t = tokens[ti]!;
    const run = runs[ti];
    const take = (tok: Token, nextTi: number, nextEnd: number) => {
      const v = valueOf(tok);
      const ids = ordered ? partOf.get(pos) : undefined;
      if (ids && v !== null && ids.some((id) => (remaining.get(id) ?? Infinity) < v)) return;
      const id = ordered ? totalOf.get(pos) : undefined;
      if (ids && v !== null) for (const x of ids) remaining.set(x, remaining.get(x)! - v);
      if (id && v !== null) remaining.set(id, v);
      acc[pos] = tok;
      // A total's parts must use up exactly the total.
      const closed =
        ordered &&
        id === undefined &&
        ids?.some((x) => Math.min(...x.parts) === pos && remaining.get(x) !== 0);
      if (!closed) walk(pos - 1, nextTi, nextEnd);
      acc[pos] = null;
      if (id) remaining.delete(id);
      if (ids && v !== null) for (const x of ids) remaining.set(x, remaining.get(x)! + v);
    };
    if (!run) {
      take(t, ti - 1, ti > 0 ? (runs[ti - 1]?.length ?? 1) : 0);
      return;
    }
    const sign = signs[ti]!;
    const base = Math.max(0, t.text.indexOf(run));
    for (let start = end - 1; start >= 0; start--) {
      if (run[start] === '0' && start !== end - 1) continue; // no leading zeros
      const digits = run.slice(start, end);
      const tok =
        start === 0 && sign ? piece(t, sign + digits, base - sign.length) : piece(t, digits, base + start);
      if (start === 0) take(tok, ti - 1, ti > 0 ? (runs[ti - 1]?.length ?? 1) : 0);
      else take(tok, ti, start);
    }
  };
  const last = tokens.length - 1;
  walk(n - 1, last, runs[last]?.length ?? 1);
  if (exhausted || solutions.size > 1) return { values: Array(n).fill(null), problem: 'unsplittable' };
  if (solutions.size === 1)
    return { values: [...solutions.values()][0]!, inferred: 'split', problem: 'split' };
  return identities.length > 0 ? null : { values: Array(n).fill(null), problem: 'unsplittable' };
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
