// Source locations: where in the input a paragraph, cell or figure came from (design.md principle 3).
import { z } from 'zod';

/**
 * A span of a text or HTML input, or of the text of a .doc file as extracted: 1-based line and column (in
 * characters), end exclusive.
 */
export const TextSpan = z.object({
  kind: z.enum(['text', 'html', 'doc']),
  line: z.number().int(),
  column: z.number().int(),
  endLine: z.number().int(),
  endColumn: z.number().int(),
  /**
   * A web page's table cell, 0-based: the page's n-th <table> in document order, the row among the table's rows and
   * the cell among the row's cells — what a reviewer finds in the browser when the page is minified to a few lines.
   */
  table: z.number().int().optional(),
  row: z.number().int().optional(),
  cell: z.number().int().optional(),
});
/** A DOCX location: paragraph index, or table/row/cell indexes (0-based). */
export const DocxSpan = z.object({
  kind: z.literal('docx'),
  paragraph: z.number().int().optional(),
  table: z.number().int().optional(),
  row: z.number().int().optional(),
  cell: z.number().int().optional(),
});
/**
 * A PDF location: 1-based page and a box [x0, y0, x1, y1] in PDF points; `ocr`, on a page read by OCR, is the
 * recognition confidence (0–100) of the least sure word in the box — the figure must be checked against the image.
 */
export const PdfSpan = z.object({
  kind: z.literal('pdf'),
  page: z.number().int(),
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  ocr: z.number().min(0).max(100).optional(),
});
/** A spreadsheet cell: sheet name and A1 reference. */
export const XlsxSpan = z.object({ kind: z.literal('xlsx'), sheet: z.string(), cell: z.string() });

/** Any source location. */
export const SourceSpan = z.discriminatedUnion('kind', [TextSpan, DocxSpan, PdfSpan, XlsxSpan]);
export type SourceSpan = z.infer<typeof SourceSpan>;
export type TextSpan = z.infer<typeof TextSpan>;

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
