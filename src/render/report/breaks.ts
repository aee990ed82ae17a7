// Where the printed page may break a line of Chinese: between words, never inside one ("工作年 / 度报告", "商业企 /
// 业"). Words come from the ICU word segmenter Node carries (Intl.Segmenter, with its Chinese dictionary); a
// character it leaves alone (a place name's 义|马|市, the 室 of 办公|室, a 、 or a closing bracket) is joined to the
// word before it, and an opening bracket to the word after it. The DOCX writer places its breaks from these words
// by width (Word breaks Chinese anywhere); the HTML page marks them <wbr> and lets the browser choose among them.
import type { Report } from '../../model/report.ts';
import { reportTitle } from '../layout.ts';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Characters that never begin a line: closing brackets and quotes, 、，。：；！？ and a per cent sign. */
const CLOSING = /^[）)」』”’〕】》、，。：；！？%％]/u;
/** Characters that never end a line: opening brackets and quotes. */
const OPENING = /[（(「『“‘〔【《]$/u;

/** Numerals: a number is one word (第二十条, not 第二 | 十条). */
const NUMERAL = /[〇一二三四五六七八九十百千万0-9]/u;
/** A prefix that never ends a line: 第 (第一项). */
const PREFIX = /^第$/u;

/** The words of a text in order; joined, they are the text exactly. */
export function words(text: string): string[] {
  const out: string[] = [];
  let glue = false;
  for (const { segment } of segmenter.segment(text)) {
    const last = out[out.length - 1];
    const joins =
      last !== undefined &&
      (glue ||
        CLOSING.test(segment) ||
        ([...segment].length === 1 && !OPENING.test(segment) && !PREFIX.test(segment)) ||
        (NUMERAL.test(last.slice(-1)) && NUMERAL.test(segment[0]!)));
    if (joins) out[out.length - 1] += segment;
    else out.push(segment);
    glue = OPENING.test(segment) || PREFIX.test(segment);
  }
  return out;
}

/**
 * The width of a text in em of its type size: a Chinese character or full-width sign is 1 em, a Latin letter, a
 * figure or an ASCII sign about half (0.55 em in Noto Serif SC, Times New Roman and SimSun alike, rounded up).
 */
export function emWidth(text: string): number {
  let w = 0;
  for (const c of text) w += c.charCodeAt(0) < 0x2000 ? 0.55 : 1;
  return w;
}

/**
 * The lines a text takes in a column `widthEm` wide when it breaks only between words: as many words to a line as
 * fit. A word wider than the column is broken between characters, as it must be.
 */
export function lines(text: string, widthEm: number): string[] {
  const out: string[] = [];
  let line = '';
  const push = (piece: string) => {
    if (line !== '' && emWidth(line + piece) > widthEm) {
      out.push(line);
      line = '';
    }
    line += piece;
  };
  for (const word of words(text)) {
    if (emWidth(word) <= widthEm) push(word);
    else for (const c of word) push(c);
  }
  if (line !== '' || out.length === 0) out.push(line);
  return out;
}

/**
 * The report's title in its lines, for a line `widthEm` wide: one line when it fits; else the body's name (in
 * lines of whole words when it is itself too long), then "<year>年政府信息公开工作年度报告" on a line of its own.
 */
export function titleLines(report: Report, widthEm: number): string[] {
  const title = reportTitle(report);
  const agency = report.agency ?? '';
  if (emWidth(title) <= widthEm || agency === '') return [title];
  return [...lines(agency, widthEm), title.slice(agency.length)];
}
