// One page of a PDF read: its text items as chunks (split at spaces, turned upright, radicals folded) and its ruling
// lines, in layout space.
import {
  apply,
  CJK,
  invert,
  multiply,
  type Chunk,
  type Matrix,
  type PageData,
  type Segment,
} from './geometry.ts';
import type { PdfDocument, PdfJs } from './load.ts';
import { mergeSegments, rulings } from './rulings.ts';

/** One page: its text items as chunks and its ruling lines, in layout space. */
export async function readPage(doc: PdfDocument, no: number, OPS: PdfJs['OPS']): Promise<PageData> {
  const page = await doc.getPage(no);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items = content.items.filter(
      (i): i is Extract<(typeof content.items)[number], { str: string }> => 'str' in i && i.str.trim() !== '',
    );
    const seen = viewport.transform as Matrix;
    const { vt, width, height } = upright(
      seen,
      items.map((i) => ({ m: multiply(seen, i.transform as Matrix), weight: i.str.length })),
      viewport.width,
      viewport.height,
    );
    const chunks: Chunk[] = [];
    const drawn = new Set<string>();
    for (const item of items) {
      const m = multiply(vt, item.transform as Matrix);
      const size = Math.hypot(m[2], m[3]);
      // Text across the lines is a watermark or a stamp, not part of the report's flow.
      if (size <= 0 || Math.abs(m[1]) > 0.05 * size || Math.abs(m[2]) > 0.05 * size || m[0] <= 0) continue;
      for (const c of splitItem(item.str, m[4], item.width, m[5], size)) {
        // Text drawn twice a hair apart (fake bold) is read once.
        const key = `${c.text}@${Math.round(c.x0)},${Math.round(c.y)}`;
        if (drawn.has(key)) continue;
        drawn.add(key);
        chunks.push(c);
      }
    }
    const horizontal: Segment[] = [];
    const vertical: Segment[] = [];
    // Pages without text are not searched for lines: they are not read at all.
    if (chunks.length > 0) rulings(await page.getOperatorList(), OPS, vt, horizontal, vertical);
    return {
      no,
      width,
      height,
      toUser: invert(vt),
      chunks,
      horizontal: mergeSegments(horizontal, 'h'),
      vertical: mergeSegments(vertical, 'v'),
    };
  } finally {
    page.cleanup();
  }
}

/**
 * The layout space of a page: the page as seen, turned by quarter turns until most of its text runs left to right (a
 * wide table printed sideways on an upright page reads like any other).
 */
function upright(
  seen: Matrix,
  items: readonly { m: Matrix; weight: number }[],
  width: number,
  height: number,
): { vt: Matrix; width: number; height: number } {
  const votes = [0, 0, 0, 0];
  for (const { m, weight } of items) {
    const angle = Math.atan2(m[1], m[0]);
    const quarter = Math.round(angle / (Math.PI / 2));
    if (Math.abs(angle - quarter * (Math.PI / 2)) < 0.05) votes[(quarter + 4) % 4]! += weight;
  }
  const turn = votes.indexOf(Math.max(...votes));
  if (turn === 0 || votes[turn]! <= votes[0]!) return { vt: seen, width, height };
  // Turn the text's direction back to the x axis: a rotation by -turn quarters, then back into positive coordinates.
  const cos = Math.round(Math.cos((-turn * Math.PI) / 2));
  const sin = Math.round(Math.sin((-turn * Math.PI) / 2));
  const rotate: Matrix = [cos, sin, -sin, cos, 0, 0];
  const corners = [
    [0, 0],
    [width, 0],
    [0, height],
    [width, height],
  ].map(([x, y]) => apply(rotate, x!, y!));
  const minX = Math.min(...corners.map((c) => c[0]));
  const minY = Math.min(...corners.map((c) => c[1]));
  rotate[4] = -minX;
  rotate[5] = -minY;
  const odd = turn % 2 === 1;
  return { vt: multiply(rotate, seen), width: odd ? height : width, height: odd ? width : height };
}

/**
 * Radical code points some fonts map their glyphs to (Kangxi Radicals, CJK Radicals Supplement), for the ideographs
 * they look like: "⼯作" and "⺠政局" are read as "工作" and "民政局". Kangxi radicals fold by NFKC; the
 * supplement's simplified forms, which NFKC leaves alone, by this table.
 */
const RADICALS: Readonly<Record<string, string>> = Object.fromEntries(
  [
    '⺎兀⺐尢⺒巳⺓幺⺖忄⺘扌⺙攵⺛旡⺟母⺠民⺡氵⺢氺⺣灬⺤爫⺦丬⺨犭⺩王⺪疋⺫罒⺬示⺭礻⺮竹⺯糹⺰纟⺲罒⺹耂⺻聿⺼肉',
    '⺾艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻈讠⻉贝⻋车⻍辶⻏阝⻐钅⻑長⻒镸⻓长⻔门⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食',
    '⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟',
  ]
    .join('')
    .match(/../gu)!
    .map((pair) => [...pair] as [string, string]),
);
const RADICAL = /[\u2e80-\u2ef3\u2f00-\u2fd5]/;
const RADICALS_ALL = new RegExp(RADICAL.source, 'g');
const foldRadicals = (s: string) => s.replace(RADICALS_ALL, (c) => RADICALS[c] ?? c.normalize('NFKC'));

/** The usual advance of a character in ems: a full em for Chinese, about half for Latin letters and digits. */
const weight = (ch: string) => (CJK.test(ch) ? 1 : /\s/.test(ch) ? 0.3 : 0.55);

/** Splits a text item at its spaces, estimating each word's position from the characters' usual widths. */
function splitItem(str: string, x: number, width: number, y: number, size: number): Chunk[] {
  // Tabs and line breaks separate words; other control characters and soft hyphens are not text.
  let text = str.replace(/[\t\n\r\f\v]/g, ' ').replace(/[\p{Cc}\u00ad]/gu, '');
  if (RADICAL.test(text)) text = foldRadicals(text);
  if (!/\s/.test(text.trim())) {
    const t = text.trim();
    const lead = text.length - text.trimStart().length;
    if (lead === 0 && t.length === text.length) return [{ text: t, x0: x, x1: x + width, y, size }];
  }
  let total = 0;
  for (const ch of text) total += weight(ch);
  const unit = total > 0 ? width / total : 0;
  const out: Chunk[] = [];
  let pos = x;
  let word = '';
  let start = x;
  for (const ch of text) {
    const w = weight(ch) * unit;
    if (/\s/.test(ch)) {
      if (word) out.push({ text: word, x0: start, x1: pos, y, size });
      word = '';
    } else {
      if (!word) start = pos;
      word += ch;
    }
    pos += w;
  }
  if (word) out.push({ text: word, x0: start, x1: pos, y, size });
  return out;
}
