// Paragraphs: lines joined where they wrap (to the right edge of the text, or broken early before a long word).
import { UNSURE_MARK, type Paragraph } from '../../model/document.ts';
import { CJK } from './geometry.ts';
import { boxSpan, HEADING_START, type Line } from './lines.ts';

/**
 * True when `next` continues the paragraph whose last line is `prev`: `prev` runs to the right edge of the text,
 * `next` is not indented, not a numbered heading and in the same type size, and follows at line spacing (or at
 * the top of the next page).
 */
export function continuesParagraph(prev: Line, next: Line, bounds: { left: number; right: number }): boolean {
  const em = prev.size;
  if (next.x0 > bounds.left + 1.5 * em) return false;
  if (HEADING_START.test(next.text)) return false;
  if (Math.abs(next.size - prev.size) > 0.15 * em) return false;
  const gap = next.page === prev.page ? next.y - prev.y : next.page.no === prev.page.no + 1 ? 0 : -1;
  if (gap < 0 || (next.page === prev.page && gap <= 0)) return false;
  if (prev.x1 >= bounds.right - 2.2 * em) return gap <= 2 * em;
  // A line broken early (before a long Latin word or a URL) still runs on: it is well past the middle, does not end
  // a sentence, and the next line follows at line spacing.
  return (
    next.page === prev.page &&
    gap <= 1.6 * em &&
    prev.x1 >= bounds.left + 0.6 * (bounds.right - bounds.left) &&
    !/[。！？；：!?;:]$/.test(prev.text)
  );
}

/** Lines as one paragraph: joined without a space next to Chinese, OCR's unsure marks dropped. */
export function paragraph(lines: readonly Line[]): Paragraph {
  let text = '';
  for (const l of lines) {
    const t = l.text.trim();
    if (text && !CJK.test(text[text.length - 1]!) && !CJK.test(t[0] ?? '')) text += ' ';
    text += t;
  }
  const first = lines[0]!;
  // OCR's unsure mark is for figures in table cells (extraction leaves them blank); running text keeps its words.
  if (text.includes(UNSURE_MARK)) text = text.split(UNSURE_MARK).join('');
  return { kind: 'paragraph', text, source: boxSpan(lines.filter((l) => l.page === first.page)) };
}
