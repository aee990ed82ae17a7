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
  const runs = digitRuns(tokens);
  if (!runs.runs.some((r) => r !== null)) return null;
  const capacity = runs.sizes.reduce((a, b) => a + b, 0);
  if (capacity < n || tokens.length > n) return null;
  const s = splitSearch(tokens, runs, n, holds, identities);
  const last = tokens.length - 1;
  walk(s, n - 1, last, runs.sizes[last]!);
  if (s.exhausted || s.count > 1) return { values: Array(n).fill(null), problem: 'unsplittable' };
  if (!s.found) return null;
  return { values: splitValues(tokens, runs, s.found), inferred: 'split', problem: 'split' };
}

/** The tokens of a row as runs of digits that may hold several figures. */
interface DigitRuns {
  /** A figure's digits when it has two or more of them, without its sign; null for any other token. */
  readonly runs: readonly (string | null)[];
  /** The leading sign of each token, or ''. */
  readonly signs: readonly string[];
  /** Digits per token: a run's length, 1 for any other token. */
  readonly sizes: readonly number[];
}

/** The runs of digits of a row's tokens. */
function digitRuns(tokens: readonly Token[]): DigitRuns {
  // A leading sign stays with the first figure ("-99896286" may be "-9989" and "6286").
  const texts = tokens.map((t) => t.text.trim());
  const signs = texts.map((t) => (/^[+\-−]/.test(t) ? t[0]! : ''));
  const runs = tokens.map((t, i) =>
    t.figure.kind === 'number' && /^\d{2,}$/.test(texts[i]!.slice(signs[i]!.length))
      ? texts[i]!.slice(signs[i]!.length)
      : null,
  );
  return { runs, signs, sizes: runs.map((r) => (r ? r.length : 1)) };
}

/** Where a split cut each position's figure: its token and the digits start..end of that token's run. */
interface Split {
  readonly ti: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/**
 * The state of the search for splits: the row, its identities by position, the figures placed so far and the
 * splits found. The search's steps are functions of this one state, not closures: a closure per step cost more
 * than the search itself.
 */
interface SplitSearch {
  readonly tokens: readonly Token[];
  readonly runs: DigitRuns;
  readonly holds: Holds;
  readonly identities: readonly IndexIdentity[];
  /** before[ti] = digits in tokens 0..ti-1. */
  readonly before: readonly number[];
  /** Every part precedes its total: filling from the right, each total is placed before its parts. */
  readonly ordered: boolean;
  /** The identity whose total is at each position, or -1. */
  readonly totalAt: readonly number[];
  /** The identities each position is a part of. */
  readonly partsAt: readonly (readonly number[])[];
  /** Each identity's leftmost part, where its parts must have used up its total. */
  readonly firstPart: readonly number[];
  /** What is left of each placed total for its parts still to place; NaN before its total is placed. */
  readonly rest: number[];
  /** The figure placed at each position: its token, its digits start..end in the token's run, its value. */
  readonly accTi: Int32Array;
  readonly accStart: Int32Array;
  readonly accEnd: Int32Array;
  readonly accVal: Float64Array;
  found: Split | null;
  foundKey: string;
  count: number;
  steps: number;
  exhausted: boolean;
}

/** A search over the n positions of a row, nothing placed yet. */
function splitSearch(
  tokens: readonly Token[],
  runs: DigitRuns,
  n: number,
  holds: Holds,
  identities: readonly IndexIdentity[],
): SplitSearch {
  const { sizes } = runs;
  const totalAt: number[] = Array(n).fill(-1);
  const partsAt: number[][] = Array.from({ length: n }, () => []);
  identities.forEach((id, k) => {
    totalAt[id.total] = k;
    for (const p of id.parts) partsAt[p]!.push(k);
  });
  return {
    tokens,
    runs,
    holds,
    identities,
    before: sizes.map((_, i) => sizes.slice(0, i).reduce((a, b) => a + b, 0)),
    ordered: identities.every((id) => id.parts.every((p) => p < id.total)),
    totalAt,
    partsAt,
    firstPart: identities.map((id) => Math.min(...id.parts)),
    rest: identities.map(() => NaN),
    accTi: new Int32Array(n),
    accStart: new Int32Array(n),
    accEnd: new Int32Array(n),
    accVal: new Float64Array(n),
    found: null,
    foundKey: '',
    count: 0,
    steps: 0,
    exhausted: false,
  };
}

/** The value of digits start..end of token ti: its own figure where it is no run, signed at a run's start. */
function valueAt(s: SplitSearch, ti: number, start: number, end: number): number {
  const run = s.runs.runs[ti];
  if (!run) {
    const f = s.tokens[ti]!.figure;
    return f.kind === 'number' ? f.value : NaN;
  }
  const v = Number(run.slice(start, end));
  const sign = s.runs.signs[ti];
  return start === 0 && sign && sign !== '+' ? -v : v;
}

/**
 * Fills position pos and those left of it from the digits of tokens 0..ti, token ti's taken up to `end`: every
 * figure the rightmost digits can end, a run's leftmost figure taking what it must so the positions before it can
 * still be filled. Stops at a second split or when the search is too long.
 */
function walk(s: SplitSearch, pos: number, ti: number, end: number): void {
  if (s.exhausted || s.count > 1) return;
  if (++s.steps > MAX_CANDIDATES) {
    s.exhausted = true;
    return;
  }
  if (pos < 0) {
    if (ti < 0) accept(s);
    return;
  }
  if (ti < 0) return;
  const left = s.before[ti]! + end; // digits available for positions 0..pos
  if (left < pos + 1) return;
  if (s.ordered && !fits(s, pos, left)) return;
  const prevEnd = ti > 0 ? s.runs.sizes[ti - 1]! : 0;
  const run = s.runs.runs[ti];
  if (!run) {
    take(s, pos, ti, end, valueAt(s, ti, 0, 1), 0, ti - 1, prevEnd);
    return;
  }
  for (let start = end - 1; start >= 0 && end - start <= 15; start--) {
    if (run[start] === '0' && start !== end - 1) continue; // no leading zeros
    if (start === 0) take(s, pos, ti, end, valueAt(s, ti, 0, end), 0, ti - 1, prevEnd);
    else take(s, pos, ti, end, valueAt(s, ti, start, end), start, ti, start);
  }
}

/** Whether `left` digits can still fill positions 0..pos within what is left of the open totals. */
function fits(s: SplitSearch, pos: number, left: number): boolean {
  // The digits left must fit: a part of an open total has at most as many digits as what is left of it.
  let room = 0;
  for (let p = 0; p <= pos; p++) {
    let cap = 15;
    for (const k of s.partsAt[p]!)
      if (!Number.isNaN(s.rest[k]!))
        cap = Math.min(cap, s.rest[k]! < 10 ? 1 : Math.floor(Math.log10(s.rest[k]!)) + 1);
    room += cap;
  }
  if (left > room) return false;
  // What is left of an open total must be reachable: k parts of d digits sum to less than 10^(d-k+1)+9k.
  for (let k = 0; k < s.identities.length; k++) {
    const r = s.rest[k]!;
    if (Number.isNaN(r) || s.firstPart[k]! > pos) continue;
    let open = 0;
    for (const p of s.identities[k]!.parts) if (p <= pos) open++;
    const digits = left - (pos + 1 - open);
    if (r > 10 ** (digits - open + 1) + 9 * open) return false;
  }
  return true;
}

/** Places `value` (digits start..end of token ti) at position pos and goes on to the left, then takes it back. */
function take(
  s: SplitSearch,
  pos: number,
  ti: number,
  end: number,
  value: number,
  start: number,
  nextTi: number,
  nextEnd: number,
) {
  const { ordered, rest } = s;
  const ids = s.partsAt[pos]!;
  if (ordered) for (const k of ids) if (!Number.isNaN(rest[k]!) && rest[k]! < value) return;
  const own = s.totalAt[pos]!;
  if (ordered) {
    for (const k of ids) if (!Number.isNaN(rest[k]!)) rest[k] = rest[k]! - value;
    if (own >= 0) rest[own] = value;
  }
  s.accTi[pos] = ti;
  s.accStart[pos] = start;
  s.accEnd[pos] = end;
  s.accVal[pos] = value;
  // A total's parts must use up exactly the total.
  let closed = false;
  if (ordered) for (const k of ids) if (s.firstPart[k] === pos && rest[k] !== 0) closed = true;
  if (!closed) walk(s, pos - 1, nextTi, nextEnd);
  if (ordered) {
    if (own >= 0) rest[own] = NaN;
    for (const k of ids) if (!Number.isNaN(rest[k]!)) rest[k] = rest[k]! + value;
  }
}

/** Every position filled and every digit used: a split, counted when the identities hold and it is a new one. */
function accept(s: SplitSearch): void {
  const vals = Array.from(s.accVal, (v) => (Number.isNaN(v) ? null : v));
  if (!s.holds(vals)) return;
  const key = vals.join(',');
  if (s.found && key === s.foundKey) return;
  s.count++;
  s.found = { ti: s.accTi.slice(), start: s.accStart.slice(), end: s.accEnd.slice() };
  s.foundKey = key;
}

/** The row's values of a split: each token as it is, or the piece of its run that the split cut. */
function splitValues(tokens: readonly Token[], runs: DigitRuns, split: Split): Token[] {
  const values: Token[] = [];
  for (let pos = 0; pos < split.ti.length; pos++) {
    const ti = split.ti[pos]!;
    const t = tokens[ti]!;
    const run = runs.runs[ti];
    if (!run) {
      values.push(t);
      continue;
    }
    const st = split.start[pos]!;
    const en = split.end[pos]!;
    const base = Math.max(0, t.text.indexOf(run));
    const sign = st === 0 ? runs.signs[ti]! : '';
    values.push(piece(t, sign + run.slice(st, en), base + st - sign.length));
  }
  return values;
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
