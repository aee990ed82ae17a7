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
  /** The grid column of the first figure column's header, where the header names it. */
  headerStartCol?: number;
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
  for (const col of [grid?.startCol, grid?.headerStartCol]) {
    if (start !== undefined || col === undefined) continue;
    const byGrid = starts.filter((s) => tokens[s]!.col === col);
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
    src && (src.kind === 'text' || src.kind === 'html' || src.kind === 'doc') && src.line === src.endLine
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
 * is left of its total: the search stays small even for long runs. Tokens are built for the solution only.
 */
function splitRuns(
  tokens: readonly Token[],
  n: number,
  holds: Holds,
  identities: readonly IndexIdentity[],
): Resolution | null {
  // Without an identity every split "fits": the row cannot be split, since blanks may have vanished too.
  if (identities.length === 0) return { values: Array(n).fill(null), problem: 'unsplittable' };
  // A leading sign stays with the first figure ("-99896286" may be "-9989" and "6286").
  const texts = tokens.map((t) => t.text.trim());
  const signs = texts.map((t) => (/^[+\-−]/.test(t) ? t[0]! : ''));
  const runs = tokens.map((t, i) =>
    t.figure.kind === 'number' && /^\d{2,}$/.test(texts[i]!.slice(signs[i]!.length))
      ? texts[i]!.slice(signs[i]!.length)
      : null,
  );
  if (!runs.some((r) => r !== null)) return null;
  const sizes = runs.map((r) => (r ? r.length : 1));
  const capacity = sizes.reduce((a, b) => a + b, 0);
  if (capacity < n || tokens.length > n) return null;
  // before[ti] = digits in tokens 0..ti-1.
  const before = sizes.map((_, i) => sizes.slice(0, i).reduce((a, b) => a + b, 0));
  const ordered = identities.every((id) => id.parts.every((p) => p < id.total));
  const totalAt: number[] = Array(n).fill(-1);
  const partsAt: number[][] = Array.from({ length: n }, () => []);
  const firstPart = identities.map((id) => Math.min(...id.parts));
  identities.forEach((id, k) => {
    totalAt[id.total] = k;
    for (const p of id.parts) partsAt[p]!.push(k);
  });
  const rest: number[] = identities.map(() => NaN);
  const accTi = new Int32Array(n);
  const accStart = new Int32Array(n);
  const accEnd = new Int32Array(n);
  const accVal = new Float64Array(n);
  let found: { ti: Int32Array; start: Int32Array; end: Int32Array } | null = null;
  let foundKey = '';
  let count = 0;
  let steps = 0;
  let exhausted = false;
  const valueAt = (ti: number, start: number, end: number): number => {
    const run = runs[ti];
    if (!run) {
      const f = tokens[ti]!.figure;
      return f.kind === 'number' ? f.value : NaN;
    }
    const v = Number(run.slice(start, end));
    return start === 0 && signs[ti] && signs[ti] !== '+' ? -v : v;
  };
  function walk(pos: number, ti: number, end: number): void {
    if (exhausted || count > 1) return;
    if (++steps > MAX_CANDIDATES) {
      exhausted = true;
      return;
    }
    if (pos < 0) {
      if (ti >= 0) return;
      const vals = Array.from(accVal, (v) => (Number.isNaN(v) ? null : v));
      if (!holds(vals)) return;
      const key = vals.join(',');
      if (found && key === foundKey) return;
      count++;
      found = { ti: accTi.slice(), start: accStart.slice(), end: accEnd.slice() };
      foundKey = key;
      return;
    }
    if (ti < 0) return;
    const left = before[ti]! + end; // digits available for positions 0..pos
    if (left < pos + 1) return;
    if (ordered) {
      // The digits left must fit: a part of an open total has at most as many digits as what is left of it.
      let room = 0;
      for (let p = 0; p <= pos; p++) {
        let cap = 15;
        for (const k of partsAt[p]!)
          if (!Number.isNaN(rest[k]!))
            cap = Math.min(cap, rest[k]! < 10 ? 1 : Math.floor(Math.log10(rest[k]!)) + 1);
        room += cap;
      }
      if (left > room) return;
      // What is left of an open total must be reachable: k parts of d digits sum to less than 10^(d-k+1)+9k.
      for (let k = 0; k < identities.length; k++) {
        const r = rest[k]!;
        if (Number.isNaN(r) || firstPart[k]! > pos) continue;
        let open = 0;
        for (const p of identities[k]!.parts) if (p <= pos) open++;
        const digits = left - (pos + 1 - open);
        if (r > 10 ** (digits - open + 1) + 9 * open) return;
      }
    }
    const prevEnd = ti > 0 ? sizes[ti - 1]! : 0;
    const run = runs[ti];
    if (!run) {
      take(pos, ti, end, valueAt(ti, 0, 1), 0, ti - 1, prevEnd);
      return;
    }
    // The leftmost figure of a run takes what it must so the positions before it can still be filled.
    for (let start = end - 1; start >= 0 && end - start <= 15; start--) {
      if (run[start] === '0' && start !== end - 1) continue; // no leading zeros
      if (start === 0) take(pos, ti, end, valueAt(ti, 0, end), 0, ti - 1, prevEnd);
      else take(pos, ti, end, valueAt(ti, start, end), start, ti, start);
    }
  }
  // Places `value` (digits start..end of token ti) at position pos and goes on to the left. Declared once, not per
  // step: a closure per step cost more than the search itself.
  function take(
    pos: number,
    ti: number,
    end: number,
    value: number,
    start: number,
    nextTi: number,
    nextEnd: number,
  ) {
    const ids = partsAt[pos]!;
    if (ordered) for (const k of ids) if (!Number.isNaN(rest[k]!) && rest[k]! < value) return;
    const own = totalAt[pos]!;
    if (ordered) {
      for (const k of ids) if (!Number.isNaN(rest[k]!)) rest[k] = rest[k]! - value;
      if (own >= 0) rest[own] = value;
    }
    accTi[pos] = ti;
    accStart[pos] = start;
    accEnd[pos] = end;
    accVal[pos] = value;
    // A total's parts must use up exactly the total.
    let closed = false;
    if (ordered) for (const k of ids) if (firstPart[k] === pos && rest[k] !== 0) closed = true;
    if (!closed) walk(pos - 1, nextTi, nextEnd);
    if (ordered) {
      if (own >= 0) rest[own] = NaN;
      for (const k of ids) if (!Number.isNaN(rest[k]!)) rest[k] = rest[k]! + value;
    }
  }
  const last = tokens.length - 1;
  walk(n - 1, last, sizes[last]!);
  if (exhausted || count > 1) return { values: Array(n).fill(null), problem: 'unsplittable' };
  if (!found) return null;
  const sol = found as { ti: Int32Array; start: Int32Array; end: Int32Array };
  const values: Token[] = [];
  for (let pos = 0; pos < n; pos++) {
    const ti = sol.ti[pos]!;
    const t = tokens[ti]!;
    const run = runs[ti];
    if (!run) {
      values.push(t);
      continue;
    }
    const st = sol.start[pos]!;
    const en = sol.end[pos]!;
    const base = Math.max(0, t.text.indexOf(run));
    const sign = st === 0 ? signs[ti]! : '';
    values.push(piece(t, sign + run.slice(st, en), base + st - sign.length));
  }
  return { values, inferred: 'split', problem: 'split' };
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
  const startCol = grid?.startCol ?? grid?.headerStartCol;
  if (startCol !== undefined) {
    let prev = -1;
    for (const t of tokens) {
      const p = t.col - startCol;
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
