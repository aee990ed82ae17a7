// The six sections: headings found by number and wording, tolerating "1、" for "一、", repeated headings and
// sub-headings numbered like sections.
import type { SectionDef, SectionKey } from '../model/format.ts';
import { fromFormats } from '../model/formats/index.ts';
import type { HeadingInfo } from '../model/report.ts';
import type { Item } from './items.ts';
import { foldWidth, normalizeLabel } from './labels.ts';

const CN = ['一', '二', '三', '四', '五', '六'];
const HEADING = /^(?:第)?([一二三四五六]|[1-6])([\s、.,]*)(.+)$/s;

interface Compiled {
  def: SectionDef;
  keys: string[];
  exact: Set<string>;
}

function compile(sections: readonly SectionDef[]): Compiled[] {
  return sections.map((def) => ({
    def,
    keys: def.match.map(normalizeLabel),
    exact: new Set(
      [def.heading, ...def.variants].map((h) =>
        normalizeLabel(h).replace(/^(?:[一二三四五六]|[1-6])[、.,]/, ''),
      ),
    ),
  }));
}

const cache = new WeakMap<readonly SectionDef[], Compiled[]>();
function compiledFor(sections: readonly SectionDef[]): Compiled[] {
  let c = cache.get(sections);
  if (!c) cache.set(sections, (c = compile(sections)));
  return c;
}

/** The section a line heads, if it is a heading: its number must agree, or its wording must be the official one. */
export function headingOf(
  text: string,
  sections: readonly SectionDef[],
): { key: SectionKey; number: string } | null {
  if (text.length > 80) return null;
  const t = foldWidth(text).trim();
  if (t.length > 60) return null;
  const m = HEADING.exec(t);
  if (!m) return null;
  const number = m[1]!;
  // The heading may run into its first sentence: "一、总体情况。2019年……".
  const rest = normalizeLabel(m[3]!.split(/[。:：]/)[0]!);
  if (rest.length === 0 || rest.length > 30) return null;
  const idx = /\d/.test(number) ? Number(number) - 1 : CN.indexOf(number);
  const compiled = compiledFor(sections);
  const own = compiled[idx];
  // A number run into its words ("一总体情况") is a heading only in the official wording.
  if (own && m[2] !== '' && own.keys.some((k) => rest.includes(k)) && !/^\d/.test(m[3]!))
    return { key: own.def.key, number };
  for (const c of compiled) if (c.exact.has(rest)) return { key: c.def.key, number };
  return null;
}

/** Finds the headings among the items and marks every item with the section it lies in. */
export function assignSections(items: Item[], sections: readonly SectionDef[]): HeadingInfo[] {
  const outline: HeadingInfo[] = [];
  let current: SectionKey | null = null;
  const seen = new Set<SectionKey>();
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const text = headingText(it);
    if (text !== null) {
      const h = headingOf(text, sections);
      // A section's heading counts once (or again right away, repeated); a heading of a section already passed is
      // a sub-heading ("三、下一步打算" inside 五). A section out of order is still a section: section-order says so.
      if (h && (!seen.has(h.key) || h.key === current)) {
        seen.add(h.key);
        outline.push({ section: h.key, text, number: h.number, source: it.source });
        current = h.key;
        items[i] = { ...it, section: current, heading: true };
        continue;
      }
    }
    items[i] = { ...it, section: current };
  }
  return outline;
}

/** The text of an item that could be a heading: a paragraph, or a one-cell row of space-aligned text. */
function headingText(it: Item): string | null {
  if (it.kind === 'para') return it.text;
  if (it.layout === 'aligned' && it.cells.length === 1) return it.cells[0]!.text;
  return null;
}

/** The official table titles of every format ("主动公开政府信息情况" …), normalised. */
const tableTitles = fromFormats(
  (formats) => new Set(formats.flatMap((f) => f.tables.map((t) => normalizeLabel(t.title)))),
);

/**
 * The text of each section: its paragraphs joined by line breaks, headings excluded, and table captions excluded:
 * a paragraph that is a table's official title right above a table is the table's caption, not report text (Word
 * documents, nianbao's own DOCX among them, print the title above each table).
 */
export function sectionTexts(items: readonly Item[]): Partial<Record<SectionKey, string>> {
  const out: Partial<Record<SectionKey, string[]>> = {};
  for (const [i, it] of items.entries()) {
    if (it.kind !== 'para' || !it.section || it.heading) continue;
    if (items[i + 1]?.kind === 'row' && tableTitles().has(normalizeLabel(it.text))) continue;
    (out[it.section] ??= []).push(it.text);
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v!.join('\n')]));
}
