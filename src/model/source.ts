// Source locations: where in the input a paragraph, cell or figure came from (design.md principle 3).
import type { z } from 'zod';
import type * as S from './schemas.ts';

/**
 * A span of a text or HTML input, or of the text of a .doc file as extracted: 1-based line and column (in
 * characters), end exclusive; in a web page's table cell, the table, row and cell too (0-based). The schema is in
 * schemas.ts, loaded only where input is validated (zod costs a tenth of a second at every start).
 */
export type TextSpan = z.infer<typeof S.TextSpan>;
/** Any source location: a text span, a DOCX paragraph or cell, a PDF page and box, a spreadsheet cell. */
export type SourceSpan = z.infer<typeof S.SourceSpan>;

/** A short human-readable form of a location, e.g. "12:3", "p.2", or "p.2 OCR 91" for a figure read by OCR. */
export function formatSpan(s: SourceSpan | undefined): string {
  if (!s) return '';
  switch (s.kind) {
    case 'text':
    case 'doc':
      return `${s.line}:${s.column}`;
    case 'html':
      return s.table === undefined
        ? `${s.line}:${s.column}`
        : `${s.line}:${s.column} table ${s.table + 1}${s.row === undefined ? '' : ` row ${s.row + 1}`}` +
            (s.cell === undefined ? '' : ` cell ${s.cell + 1}`);
    case 'docx':
      return s.table !== undefined
        ? `table ${s.table + 1} row ${(s.row ?? 0) + 1} cell ${(s.cell ?? 0) + 1}`
        : `paragraph ${(s.paragraph ?? 0) + 1}`;
    case 'pdf':
      return s.ocr === undefined ? `p.${s.page}` : `p.${s.page} OCR ${s.ocr}`;
    case 'xlsx':
      return `${s.sheet}!${s.cell}`;
  }
}
