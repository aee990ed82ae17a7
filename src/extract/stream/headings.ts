// Section headings inside running text: a page's textContent runs "…现编制完成本报告。 一、总体情况 2022年，我局…"
// on one line, so a heading is found where its number and its wording stand, and the paragraph is cut there.
import type { SectionDef } from '../../model/format.ts';
import type { SourceSpan } from '../../model/source.ts';
import type { Item } from '../items.ts';
import { foldWidth, normalizeLabel } from '../labels.ts';

const CN = '一二三四五六';
/**
 * A section number where a heading may start: not after "（" (a sub-heading) nor inside a word like "第一". The
 * character before it is white space only at the start of a run of it: a match can start nowhere else in a run, and
 * trying every position of a run of 900,000 spaces took minutes (fuzz seed 1, case 5285).
 */
export const NUMBER =
  /(^|[^第之十一二三四五六七八九（(\s]|(?<!\s)\s)\s*([一二三四五六]|(?<![\d.])[1-6](?=\s*[、.．]\D))\s*([、.．,，]?)\s*/g;

/** Cuts paragraphs at the section headings they hold, so that every heading is an item of its own. */
export function splitEmbeddedHeadings(items: readonly Item[], sections: readonly SectionDef[]): Item[] {
  const out: Item[] = [];
  for (const it of items) {
    if (it.kind !== 'para' || it.text.length <= 40) {
      out.push(it);
      continue;
    }
    const cuts = headingsIn(it.text, sections);
    if (cuts.length === 0) {
      out.push(it);
      continue;
    }
    let at = 0;
    for (const c of cuts) {
      if (c.start > at) pushPara(out, it, at, c.start);
      out.push({
        kind: 'para',
        text: it.text.slice(c.start, c.end),
        source: narrow(it.source, c.start, c.end),
        section: null,
      });
      at = c.end;
    }
    if (at < it.text.length) pushPara(out, it, at, it.text.length);
  }
  return out;
}

function pushPara(out: Item[], it: Extract<Item, { kind: 'para' }>, from: number, to: number) {
  const raw = it.text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (text)
    out.push({
      kind: 'para',
      text,
      source: narrow(it.source, from + lead, from + lead + text.length),
      section: null,
    });
}

function narrow(s: SourceSpan, from: number, to: number): SourceSpan {
  return s.kind === 'text' && s.line === s.endLine
    ? { ...s, column: s.column + from, endColumn: s.column + to }
    : s;
}

interface Cut {
  start: number;
  end: number;
}

/**
 * The headings in a long text: a section number followed by the section's wording (its official heading or a
 * variant, or a few characters holding one of its keys up to the next space or full stop), in increasing order.
 */
function headingsIn(raw: string, sections: readonly SectionDef[]): Cut[] {
  const text = foldWidth(raw);
  const cuts: Cut[] = [];
  let last = -1;
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const idx = /\d/.test(m[2]!) ? Number(m[2]) - 1 : CN.indexOf(m[2]!);
    const def = sections[idx];
    if (!def || idx <= last) continue;
    const start = m.index + m[0].indexOf(m[2]!, m[1]!.length);
    const bodyAt = m.index + m[0].length;
    const end = headingEnd(text, bodyAt, def, m[3] !== '');
    if (end < 0) continue;
    cuts.push({ start, end });
    last = idx;
    NUMBER.lastIndex = end;
  }
  // One heading alone in a long paragraph is more likely a sentence ("一、…" in a list) than a report's outline.
  return cuts.length >= 2 ? cuts : [];
}

/** Where the heading whose wording starts at `at` ends, or -1 when the text there is not the section's heading. */
function headingEnd(text: string, at: number, def: SectionDef, punctuated: boolean): number {
  const forms = formsOf(def);
  // The official wording or a variant, then anything up to a space ("（有关情况附表）" appended).
  const window = text.slice(at, at + 60);
  let compact = '';
  const pos: number[] = [];
  for (let i = 0; i < window.length; i++) {
    const ch = window[i]!;
    if (/[\s\u3000]/.test(ch)) {
      if (
        compact.length > 0 &&
        forms.some((f) => compact === f || (compact.startsWith(f) && /^[(（]/.test(compact.slice(f.length))))
      )
        break;
      continue;
    }
    compact += ch;
    pos.push(i);
  }
  for (const f of forms)
    if (compact.startsWith(f)) {
      let e = pos[f.length - 1]! + 1;
      // "（有关情况附表）" and the like, written right after the heading.
      const tail = /^[(（][^()（）]{1,12}[)）]/.exec(window.slice(e));
      if (tail && !/^[(（][一二三四五六七八九十\d]+[)）]$/.test(tail[0])) e += tail[0].length;
      return at + e;
    }
  // The wording with a character wrong, missing or added (行政法复议), glued to what follows.
  for (const f of forms) {
    if (f.length < 8) continue;
    const k = Math.max(1, Math.floor(f.length / 8));
    const longest = Math.min(f.length + k, compact.length);
    if (longest < f.length - k || !within(compact.slice(0, longest), f, k)) continue;
    const d = prefixDistances(compact.slice(0, longest), f);
    let best = -1;
    let bestD = k + 1;
    for (let len = f.length - k; len <= longest; len++) {
      if (d[len]! < bestD || (d[len] === bestD && d[len]! <= k)) {
        best = len;
        bestD = d[len]!;
      }
    }
    if (best > 0) return at + pos[best - 1]! + 1;
  }
  if (!punctuated) return -1;
  // A reworded heading holding a key of its section, ending at a space, a full stop or a digit within 30 characters.
  const m = /^[^\s\u3000。：:；;，,\d]{2,30}(?=[\s\u3000。：:；;\d]|$)/.exec(window);
  if (!m) return -1;
  // A sub-heading run into it ("…改进措施（一）主要问题") is not part of it.
  const words = normalizeLabel(m[0].replace(/[(（][一二三四五六七八九十][)）].*$/, ''));
  if (!def.match.some((k) => words.includes(normalizeLabel(k)))) return -1;
  return at + m[0].replace(/[(（][一二三四五六七八九十][)）].*$/, '').length;
}

/** A section's heading and variants as they are compared: normalised, their number taken off; made once a format. */
const FORMS = new WeakMap<SectionDef, string[]>();
function formsOf(def: SectionDef): string[] {
  let forms = FORMS.get(def);
  if (!forms) {
    forms = [def.heading, ...def.variants].map((h) =>
      normalizeLabel(h).replace(/^(?:[一二三四五六]|[1-6])[、.,]/, ''),
    );
    FORMS.set(def, forms);
  }
  return forms;
}

/**
 * Whether some prefix of `text` may be within `k` edits of `f`: each of f's characters that `text` lacks costs an
 * edit, whatever the prefix (a bound that skips the distances for nearly every number in running text).
 */
function within(text: string, f: string, k: number): boolean {
  const have = new Map<string, number>();
  for (let i = 0; i < text.length; i++) have.set(text[i]!, (have.get(text[i]!) ?? 0) + 1);
  let missing = 0;
  for (let i = 0; i < f.length; i++) {
    const ch = f[i]!;
    const n = have.get(ch) ?? 0;
    if (n > 0) have.set(ch, n - 1);
    else if (++missing > k) return false;
  }
  return true;
}

/** The Levenshtein distance of each prefix of `a` (index = its length) to `b`, in one pass. */
function prefixDistances(a: string, b: string): number[] {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  const out = [b.length];
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
    out.push(prev[b.length]!);
  }
  return out;
}
