// Row labels found in a token stream: each row of the format anchored on its official label, a variant or a key,
// exactly or with a few characters missing, doubled or swapped, in the format's order.
import type { RowDef } from '../../model/format.ts';
import { normalizeLabel, stripNumbering } from '../labels.ts';
import type { Token } from './tokens.ts';

/** The label text of a stretch of tokens with figures as one mark each, and the token of every character. */
export interface Compact {
  readonly text: string;
  /** Token index of each character of `text`. */
  readonly token: readonly number[];
}

/** The mark a figure or placeholder leaves in the compact text. */
export const FIGURE = '\u0001';

/** Makes the compact text of tokens [from, to). */
export function compact(tokens: readonly Token[], from = 0, to = tokens.length): Compact {
  let text = '';
  const token: number[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') {
      text += FIGURE;
      token.push(i);
      continue;
    }
    const n = normalizeLabel(t.text);
    text += n;
    for (let k = 0; k < n.length; k++) token.push(i);
  }
  return { text, token };
}

/** The forms a row's label is found by, each with how much of the official label follows it. */
interface Form {
  readonly text: string;
  readonly score: number;
  /** Characters of the official label after this form (the rest of the label before its figures). */
  readonly rest: number;
}

/** A row label found in the compact text. */
export interface Anchor {
  readonly row: number;
  readonly start: number;
  readonly end: number;
  readonly score: number;
  readonly rest: number;
}

const formCache = new WeakMap<RowDef, Form[]>();

function formsOf(def: RowDef): Form[] {
  let forms = formCache.get(def);
  if (forms) return forms;
  const bare = stripNumbering(normalizeLabel(def.label));
  // A label as short as "其他" is found only with its numbering ("3.其他"), never bare ("其他处理" is another row).
  const short = (def.match.equals ?? []).length > 0;
  const list: Form[] = short ? [] : [{ text: bare, score: 3, rest: 0 }];
  for (const v of def.variants ?? [])
    list.push({ text: stripNumbering(normalizeLabel(v)), score: 3, rest: 0 });
  for (const k of def.match.contains ?? []) {
    const key = normalizeLabel(k);
    const at = bare.indexOf(key);
    list.push({ text: key, score: 2, rest: at >= 0 ? bare.length - at - key.length : 6 });
  }
  if (short) list.push({ text: normalizeLabel(def.label), score: 2, rest: 0 });
  forms = list.filter((f) => f.text.length >= 2);
  formCache.set(def, forms);
  return forms;
}

/** Every place in `c` where a row's label stands: exact forms, or the official label with few errors. */
export function findAnchors(c: Compact, rows: readonly RowDef[]): Anchor[] {
  const out: Anchor[] = [];
  const missing: number[] = [];
  rows.forEach((def, row) => {
    let exact = false;
    for (const f of formsOf(def)) {
      for (let at = c.text.indexOf(f.text); at >= 0; at = c.text.indexOf(f.text, at + 1)) {
        out.push({ row, start: at, end: at + f.text.length, score: f.score, rest: f.rest });
        exact = true;
      }
    }
    if (!exact) missing.push(row);
  });
  // A label with characters missing or changed, where no other row's label stands exactly ("上年结转…" is not
  // "本年新收…" with three characters changed).
  const exact = [...out];
  for (const row of missing) {
    const bare = stripNumbering(normalizeLabel(rows[row]!.label));
    if (bare.length < 5) continue;
    for (const m of approximate(c.text, bare, Math.ceil(bare.length / 4)))
      if (!exact.some((a) => a.start < m.end && m.start < a.end))
        out.push({ row, start: m.start, end: m.end, score: 1, rest: 0 });
  }
  return out;
}

/**
 * The places where `pattern` occurs in `text` with at most k edits (Sellers' algorithm), each the best-scoring
 * end of its stretch. Figures never take part in a label: a match may not cross one.
 */
function approximate(text: string, pattern: string, k: number): { start: number; end: number }[] {
  const m = pattern.length;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  const startPrev = new Int32Array(m + 1);
  const startCur = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  const hits: { start: number; end: number; d: number }[] = [];
  for (let j = 0; j < text.length; j++) {
    const ch = text[j]!;
    cur[0] = 0;
    startCur[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      if (ch === FIGURE) {
        cur[i] = m + 1;
        startCur[i] = j + 1;
        continue;
      }
      const sub = prev[i - 1]! + (pattern[i - 1] === ch ? 0 : 1);
      const del = cur[i - 1]! + 1; // a pattern character missing from the text
      const ins = prev[i]! + 1; // a text character not in the pattern
      let best = sub;
      let st = i - 1 === 0 ? j : startPrev[i - 1]!;
      if (del < best) {
        best = del;
        st = startCur[i - 1]!;
      }
      if (ins < best) {
        best = ins;
        st = startPrev[i]!;
      }
      cur[i] = best;
      startCur[i] = st;
    }
    if (cur[m]! <= k) {
      const last = hits[hits.length - 1];
      if (last && startCur[m]! <= last.end) {
        if (cur[m]! < last.d) hits[hits.length - 1] = { start: startCur[m]!, end: j + 1, d: cur[m]! };
      } else hits.push({ start: startCur[m]!, end: j + 1, d: cur[m]! });
    }
    [prev, cur] = [cur, prev];
    startPrev.set(startCur);
  }
  return hits.map(({ start, end }) => ({ start, end }));
}

/**
 * The anchors that make the best chain: rows in the format's order, labels not overlapping, as much label matched
 * as possible (a label followed by its figures counts more, so a row's label in a sentence loses to its table row).
 */
export function chain(anchors: readonly Anchor[], weight: (a: Anchor) => number): Anchor[] {
  const list = [...anchors].sort((a, b) => a.start - b.start || b.end - a.end);
  const best = new Float64Array(list.length);
  const back = new Int32Array(list.length).fill(-1);
  let top = -1;
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const w = weight(a); // once an anchor: the weight looks for the figures after the label
    best[i] = w;
    for (let j = 0; j < i; j++) {
      const b = list[j]!;
      if (b.end <= a.start && b.row < a.row && best[j]! + w > best[i]!) {
        best[i] = best[j]! + w;
        back[i] = j;
      }
    }
    if (top < 0 || best[i]! > best[top]!) top = i;
  }
  const out: Anchor[] = [];
  for (let i = top; i >= 0; i = back[i]!) out.push(list[i]!);
  return out.reverse();
}
