// Lines and words: chunks grouped by baseline, and the page furniture (page numbers, running headers and footers)
// dropped from the lines of each page.
import { UNSURE_MARK } from '../../model/document.ts';
import type { SourceSpan } from '../../model/source.ts';
import { CJK, pdfSpan, type Chunk, type PageData } from './geometry.ts';

/** A line of text: chunks on one baseline, left to right. */
export interface Line {
  page: PageData;
  chunks: Chunk[];
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
  /** Words: runs of chunks separated by gaps of a column (see WORD_GAP). */
  words: Chunk[];
}

/** A gap this wide (in ems) between two pieces of text on a line separates columns, not characters. */
const WORD_GAP = 0.8;

/** Groups chunks into lines by baseline; two chunks that overlap are never on the same line. */
export function buildLines(chunks: readonly Chunk[], page?: PageData): Line[] {
  const sorted = [...chunks].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const groups: { y: number; size: number; chunks: Chunk[] }[] = [];
  for (const c of sorted) {
    let target: (typeof groups)[number] | undefined;
    for (let i = groups.length - 1; i >= 0 && i >= groups.length - 8; i--) {
      const g = groups[i]!;
      if (Math.abs(g.y - c.y) > 0.45 * Math.max(g.size, c.size)) continue;
      const overlap = g.chunks.some(
        (o) => Math.min(o.x1, c.x1) - Math.max(o.x0, c.x0) > 0.3 * Math.min(o.x1 - o.x0, c.x1 - c.x0),
      );
      if (!overlap) {
        target = g;
        break;
      }
    }
    if (target) {
      target.chunks.push(c);
      target.size = Math.max(target.size, c.size);
    } else groups.push({ y: c.y, size: c.size, chunks: [c] });
  }
  return groups.map((g) => lineOf(g.chunks, page)).sort((a, b) => a.y - b.y || a.x0 - b.x0);
}

function lineOf(chunks: Chunk[], page: PageData | undefined): Line {
  const cs = [...chunks].sort((a, b) => a.x0 - b.x0);
  const size = Math.max(...cs.map((c) => c.size));
  const words: Chunk[] = [];
  let text = '';
  for (const c of cs) {
    const last = words[words.length - 1];
    const gap = last ? c.x0 - last.x1 : 0;
    if (last && gap < WORD_GAP * Math.max(last.size, c.size)) {
      const sep = joiner(last.text, c.text, gap / Math.max(last.size, c.size));
      words[words.length - 1] = {
        text: last.text + sep + c.text,
        x0: last.x0,
        x1: Math.max(last.x1, c.x1),
        y: last.y,
        size: Math.max(last.size, c.size),
      };
      text += sep + c.text;
    } else {
      words.push({ ...c });
      text += (last ? ' ' : '') + c.text;
    }
  }
  const ys = cs.map((c) => c.y).sort((a, b) => a - b);
  return {
    page: page!,
    chunks: cs,
    x0: cs[0]!.x0,
    x1: Math.max(...cs.map((c) => c.x1)),
    y: ys[Math.floor(ys.length / 2)]!,
    size,
    text,
    words,
  };
}

/** What joins two pieces of a word: nothing next to Chinese or where they touch, a space between Latin words. */
function joiner(left: string, right: string, gapEm: number): string {
  if (gapEm < 0.15) return '';
  if (CJK.test(left[left.length - 1] ?? '') || CJK.test(right[0] ?? '')) return '';
  return ' ';
}

// ---------------------------------------------------------------------------------------------------------------
// Page furniture: page numbers and running headers and footers

const PAGE_NUMBER =
  /^(?:[-—–－·•\s]*\d{1,4}[-—–－·•\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

/** Removes page numbers and the headers and footers repeated on the pages from each page's lines. */
export function dropFurniture(pages: { page: PageData; lines: Line[] }[]): void {
  const margin = (l: Line, p: PageData): 'top' | 'bottom' | null =>
    l.y - l.size < p.height * 0.12 ? 'top' : l.y > p.height * 0.88 ? 'bottom' : null;
  const key = (l: Line, zone: string) =>
    `${zone}:${l.text.split(UNSURE_MARK).join('').replace(/\s+/g, '').replace(/\d+/g, '#')}`;
  // Candidates: the first two and last two lines of a page, in its top or bottom margin.
  const candidates = pages.map(({ page, lines }) => {
    const out: { line: Line; zone: 'top' | 'bottom' }[] = [];
    const ends = [...lines.slice(0, 2), ...lines.slice(-2)];
    for (const l of new Set(ends)) {
      const zone = margin(l, page);
      if (zone) out.push({ line: l, zone });
    }
    return out;
  });
  const counts = new Map<string, number>();
  for (const list of candidates) {
    const keys = new Set(list.map((c) => key(c.line, c.zone)));
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const repeated = Math.max(2, Math.ceil(pages.length * 0.4));
  // A page number stands apart: no other line within a line and a half of it (a lone figure of a table does not).
  const apart = (l: Line, lines: readonly Line[]) =>
    lines.every((o) => o === l || Math.abs(o.y - l.y) >= 1.5 * Math.max(o.size, l.size));
  pages.forEach((p, i) => {
    const drop = new Set<Line>();
    for (const c of candidates[i]!) {
      const t = c.line.text.split(UNSURE_MARK).join('').trim();
      if (
        (PAGE_NUMBER.test(t) && apart(c.line, p.lines)) ||
        (pages.length >= 2 && (counts.get(key(c.line, c.zone)) ?? 0) >= repeated)
      )
        drop.add(c.line);
    }
    if (drop.size > 0) p.lines = p.lines.filter((l) => !drop.has(l));
  });
}

/** The box of a line, from a little above its type to a little below its baseline. */
export const lineSpan = (l: Line) => pdfSpan(l.page, l.x0, l.y - l.size * 0.85, l.x1, l.y + l.size * 0.2);

/** The box of lines on one page (the first line's). */
export function boxSpan(lines: readonly Line[]): SourceSpan {
  const first = lines[0]!;
  const x0 = Math.min(...lines.map((l) => l.x0));
  const x1 = Math.max(...lines.map((l) => l.x1));
  const y0 = Math.min(...lines.map((l) => l.y - l.size * 0.85));
  const y1 = Math.max(...lines.map((l) => l.y + l.size * 0.2));
  return pdfSpan(first.page, x0, y0, x1, y1);
}

/** The start of a numbered heading or row label: "一、", "（六）", "3、", "2." (not "2.5"). */
export const HEADING_START =
  /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、．]|\d{1,2}\.(?!\d))/;
