// The schemas of a report's source as the reader saw it (GET /api/reports/:id/view) and of its page images.
import { z } from 'zod';
import { IdParams } from './schemas.ts';

const Truncated = z
  .object({ at: z.number().int(), total: z.number().int(), note: z.string() })
  .optional()
  .describe('set when the answer was cut: the source is larger than the answer may be');

/** Text, a web page's source, or a .doc file's text: the lines TextSpans refer to (1-based line and column). */
export const LinesViewSchema = z.object({
  kind: z.enum(['text', 'html', 'doc']),
  lines: z
    .array(z.string())
    .describe(
      "the source's lines: a span (line, column)–(endLine, endColumn) is lines[line-1] from column-1 on",
    ),
  encoding: z.string().optional(),
  truncated: Truncated,
});

/** A DOCX file: paragraphs and tables as DocxSpans index them. */
export const DocxViewSchema = z.object({
  kind: z.literal('docx'),
  paragraphs: z.array(z.string()).describe('by DocxSpan.paragraph'),
  tables: z.array(z.array(z.array(z.string()))).describe('by DocxSpan.table, .row, .cell'),
  truncated: Truncated,
});

/** A PDF: its pages, for drawing a PdfSpan's box on GET /api/reports/:id/pages/:n.png. */
export const PdfViewSchema = z.object({
  kind: z.literal('pdf'),
  pages: z.array(
    z.object({
      n: z.number().int(),
      width: z.number().describe('the page as seen, in points'),
      height: z.number(),
      rotate: z.number().int(),
      view: z
        .tuple([z.number(), z.number(), z.number(), z.number()])
        .describe('the page box in PDF user space (y grows up)'),
      transform: z
        .tuple([z.number(), z.number(), z.number(), z.number(), z.number(), z.number()])
        .describe('PDF user space → the page as seen at 1 px/pt (origin top left, y down)'),
    }),
  ),
});

/** A workbook: its visible sheets' cells, bounded. */
export const XlsxViewSchema = z.object({
  kind: z.literal('xlsx'),
  sheets: z.array(
    z.object({
      name: z.string(),
      rows: z
        .array(z.array(z.string().nullable()))
        .describe('from A1: a cell as the reader reads it, null for one a merge covers'),
      merges: z.array(z.string()),
      rowCount: z.number().int(),
      columnCount: z.number().int(),
    }),
  ),
  truncated: Truncated,
});

/** GET /api/reports/:id/view. */
export const SourceViewSchema = z.discriminatedUnion('kind', [
  LinesViewSchema,
  DocxViewSchema,
  PdfViewSchema,
  XlsxViewSchema,
]);
export type SourceView = z.infer<typeof SourceViewSchema>;

/** GET /api/reports/:id/pages/:n.png's path. */
export const PageParams = IdParams.extend({ n: z.coerce.number().int().min(1).max(100_000) });

/** GET /api/reports/:id/pages/:n.png's query. */
export const PageQuery = z.object({
  scale: z.coerce
    .number()
    .positive()
    .max(100)
    .optional()
    .describe('pixels per point (default: the page 1,200 pixels wide)'),
});
