// Placing a row's figures in its cells when they came as a stream: spaces are cell boundaries, glued digits are
// split only where exactly one split satisfies every identity of the row — or where only one split exists at all.
import type { Token } from './tokens.ts';

/** A figure (or placeholder) of one cell, with its place in the stream. */
export interface Piece {
  readonly text: string;
  /** null for a placeholder ("/", "—"). */
  readonly value: number | null;
  readonly unit?: '元' | '万元';
  /** A figure the reader could not read with confidence. */
  readonly unreadable?: true;
  readonly start: number;
  readonly end: number;
}

/** How a run of tokens fills n cells. */
export type Placement =
  | { readonly kind: 'exact'; readonly cells: readonly Piece[] }
  | { readonly kind: 'split'; readonly cells: readonly Piece[] }
  | { readonly kind: 'candidates'; readonly options: readonly (readonly Piece[])[] }
  /** Extra figures left out: the only choice that satisfies the row's identities. */
  | { readonly kind: 'extra'; readonly cells: readonly Piece[] }
  | { readonly kind: 'none'; readonly problem: 'missing' | 'extra' | 'unsplittable' };

/** Checks the identities of a row on a full vector of values (null where blank). */
export type RowCheck = (values: readonly (number | null)[]) => boolean;

const LIMIT = 3_000;
const KEEP = 64;

function whole(t: Exclude<Token, { kind: 'word' }>): Piece {
  if (t.kind === 'ph')
    return {
      text: t.text,
      value: null,
      ...(t.unreadable ? { unreadable: true as const } : {}),
      start: t.start,
      end: t.end,
    };
  const v = Number(t.digits);
  return {
    text: t.text,
    value: t.sign === '-' ? -v : v,
    ...(t.unit ? { unit: t.unit } : {}),
    start: t.start,
    end: t.end,
  };
}

/** The ways to cut a run of digits into k figures, none with a leading zero; the decimal part stays with the last. */
function cuts(digits: string, k: number): number[][] {
  const dot = digits.indexOf('.');
  const int = dot >= 0 ? digits.slice(0, dot) : digits;
  const out: number[][] = [];
  const at: number[] = [];
  const walk = (from: number, left: number) => {
    if (out.length > LIMIT) return;
    if (left === 1) {
      if (int.length - from >= 1 && (int[from] !== '0' || int.length - from === 1)) out.push([...at]);
      return;
    }
    if (int[from] === '0') {
      // A zero starts a figure only as the figure 0.
      at.push(from + 1);
      walk(from + 1, left - 1);
      at.pop();
      return;
    }
    for (let e = from + 1; e <= int.length - (left - 1); e++) {
      at.push(e);
      walk(e, left - 1);
      at.pop();
    }
  };
  walk(0, k);
  return out;
}

/** The pieces of token t cut at the given ends (offsets in its digits). */
function piecesOf(t: Extract<Token, { kind: 'num' }>, ends: readonly number[]): Piece[] {
  const lead = t.sign ? 1 : 0;
  const out: Piece[] = [];
  let from = 0;
  const bounds = [...ends, t.digits.length];
  bounds.forEach((to, i) => {
    const last = i === bounds.length - 1;
    const d = t.digits.slice(from, to);
    const v = Number(d);
    const start = t.start + lead + from - (i === 0 ? lead : 0);
    const end = last ? t.end : t.start + lead + to;
    out.push({
      text: (i === 0 && t.sign ? t.sign : '') + d + (last && t.unit ? t.unit : ''),
      value: i === 0 && t.sign === '-' ? -v : v,
      ...(last && t.unit ? { unit: t.unit } : {}),
      start,
      end,
    });
    from = to;
  });
  return out;
}

/** The values of piecesOf(t, ends), without making the pieces: the walk over the splits needs only these. */
function valuesAt(t: Extract<Token, { kind: 'num' }>, ends: readonly number[]): number[] {
  const out: number[] = [];
  let from = 0;
  for (let i = 0; i <= ends.length; i++) {
    const to = i < ends.length ? ends[i]! : t.digits.length;
    const v = Number(t.digits.slice(from, to));
    out.push(i === 0 && t.sign === '-' ? -v : v);
    from = to;
  }
  return out;
}

/**
 * Places the figure tokens of a row in n cells. As many tokens as cells: one each. Fewer: the glued runs are cut in
 * every way that gives n figures; a single way (every digit a cell, say) is taken; several are narrowed to those the
 * row's identities allow — one is taken as a split, several are returned for the table's column identities to decide.
 */
export function place(
  tokens: readonly Exclude<Token, { kind: 'word' }>[],
  n: number,
  check: RowCheck | null,
): Placement {
  if (tokens.length === n) return { kind: 'exact', cells: tokens.map(whole) };
  if (tokens.length > n) return dropExtra(tokens, n, check);
  if (tokens.length === 0) return { kind: 'none', problem: 'missing' };
  // Ways to cut each token into k pieces, for every k it allows.
  // Without an identity to confirm a split, figures set apart by spaces stay whole: a short row there has a blank
  // cell, not glued digits ("39 3" is 39, 3 and a blank). Only a run that cannot be one figure ("00") is cut, or a
  // row that came as one run of digits.
  const keepWhole = check === null && tokens.length > 1;
  // Count the splits before making any: a long run has millions ("a crawler glued a whole table"), and then no
  // single one can be told apart anyway.
  if (countSplits(tokens, n, keepWhole) > LIMIT) return { kind: 'none', problem: 'unsplittable' };
  const maxOf = tokens.map((t) => {
    if (t.kind === 'ph') return 1;
    const int = intPart(t.digits);
    return keepWhole && (int.length === 1 || int[0] !== '0') ? 1 : int.length;
  });
  const maxAll = maxOf.reduce((a, b) => a + b, 0);
  const ways = tokens.map((t, ti) => {
    const m = new Map<number, number[][]>();
    if (t.kind === 'ph') m.set(1, [[]]);
    else {
      // Only the piece counts that leave the other tokens room: a lone run gives exactly n.
      const most = Math.min(maxOf[ti]!, n - (tokens.length - 1));
      const least = Math.max(1, n - (maxAll - maxOf[ti]!));
      for (let k = least; k <= most; k++) {
        const c = cuts(t.digits, k);
        if (c.length) m.set(k, c);
      }
    }
    return m;
  });
  const maxAfter: number[] = [];
  for (let i = tokens.length - 1, s = 0; i >= 0; i--) {
    maxAfter[i] = s;
    s += Math.max(...ways[i]!.keys());
  }
  const options: Piece[][] = [];
  let tried = 0;
  let all = 0;
  // The walk keeps values and the choice per token; pieces are made for the splits kept only.
  const values: (number | null)[] = new Array<number | null>(n).fill(null);
  const chosen: (readonly number[] | null)[] = new Array<readonly number[] | null>(tokens.length).fill(null);
  const valueCache = ways.map(() => new Map<readonly number[], number[]>());
  const valuesOf = (ti: number, ends: readonly number[]): number[] => {
    let v = valueCache[ti]!.get(ends);
    if (!v) {
      const t = tokens[ti]!;
      v = t.kind === 'ph' ? [NaN] : ends.length === 0 ? [whole(t).value!] : valuesAt(t, ends);
      valueCache[ti]!.set(ends, v);
    }
    return v;
  };
  const walk = (ti: number, at: number) => {
    if (tried > LIMIT) return;
    if (ti === tokens.length) {
      if (at !== n) return;
      tried++;
      all++;
      if (check && !check(values)) return;
      if (options.length < KEEP)
        options.push(
          tokens.flatMap((t, k) =>
            t.kind === 'ph' || chosen[k]!.length === 0 ? [whole(t)] : piecesOf(t, chosen[k]!),
          ),
        );
      else options.length = KEEP + 1;
      return;
    }
    const left = n - at;
    const restMin = tokens.length - ti - 1;
    for (const [k, list] of ways[ti]!) {
      if (k > left - restMin || k + maxAfter[ti]! < left) continue;
      for (const ends of list) {
        const vs = valuesOf(ti, ends);
        for (let q = 0; q < vs.length; q++) values[at + q] = Number.isNaN(vs[q]!) ? null : vs[q]!;
        chosen[ti] = ends;
        walk(ti + 1, at + vs.length);
      }
    }
  };
  walk(0, 0);
  if (tried > LIMIT) return { kind: 'none', problem: 'unsplittable' };
  if (all === 0) return { kind: 'none', problem: 'missing' };
  if (all === 1 && options.length === 0) return { kind: 'none', problem: 'unsplittable' };
  if (options.length === 1) return { kind: 'split', cells: options[0]! };
  if (options.length === 0 || options.length > KEEP) return { kind: 'none', problem: 'unsplittable' };
  return { kind: 'candidates', options };
}

/**
 * More figures than cells: the one choice of n of them, in order, that satisfies the row's identities (the same
 * values whichever equal figure is left out), or none.
 */
function dropExtra(
  tokens: readonly Exclude<Token, { kind: 'word' }>[],
  n: number,
  check: RowCheck | null,
): Placement {
  if (!check || tokens.length - n > 3) return { kind: 'none', problem: 'extra' };
  const pieces = tokens.map(whole);
  const found = new Map<string, Piece[]>();
  const pick: number[] = [];
  const walk = (from: number) => {
    if (found.size > 1) return;
    if (pick.length === n) {
      const cells = pick.map((i) => pieces[i]!);
      const values = cells.map((p) => p.value);
      if (check(values)) found.set(values.join(','), cells);
      return;
    }
    for (let i = from; i <= pieces.length - (n - pick.length); i++) {
      pick.push(i);
      walk(i + 1);
      pick.pop();
    }
  };
  walk(0);
  return found.size === 1
    ? { kind: 'extra', cells: [...found.values()][0]! }
    : { kind: 'none', problem: 'extra' };
}

/** The number of ways a run of digits splits into k figures without leading zeros, for every k (index k). */
function splitCounts(int: string): number[] {
  const len = int.length;
  // f[pos][k]: ways to cut int[pos..] into k figures.
  const f: number[][] = Array.from({ length: len + 1 }, () => new Array<number>(len + 1).fill(0));
  f[len]![0] = 1;
  for (let pos = len - 1; pos >= 0; pos--)
    for (let end = pos + 1; end <= len; end++) {
      if (int[pos] === '0' && end > pos + 1) break;
      for (let k = 1; k <= len; k++) f[pos]![k]! += f[end]![k - 1]!;
    }
  return f[0]!;
}

/** How many ways the tokens give exactly n figures (capped far above the limit). */
function countSplits(
  tokens: readonly Exclude<Token, { kind: 'word' }>[],
  n: number,
  keepWhole: boolean,
): number {
  let acc = [1];
  for (const t of tokens) {
    let counts: number[];
    if (t.kind === 'ph') counts = [0, 1];
    else {
      const int = intPart(t.digits);
      const valid = int.length === 1 || int[0] !== '0';
      counts = int.length > 60 ? [0, 1] : keepWhole && valid ? [0, 1] : splitCounts(int);
    }
    const next = new Array<number>(Math.min(acc.length + counts.length, n + 2)).fill(0);
    for (let a = 0; a < acc.length; a++)
      for (let b = 1; b < counts.length; b++)
        if (a + b < next.length) next[a + b] = Math.min(1e12, next[a + b]! + acc[a]! * counts[b]!);
    acc = next;
  }
  return acc[n] ?? 0;
}

/** The integer part of a run of digits (before its point, if any), without String#split's arrays. */
function intPart(digits: string): string {
  const i = digits.indexOf('.');
  return i < 0 ? digits : digits.slice(0, i);
}
