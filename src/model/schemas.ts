// The zod schemas of the model: a report (report-json.md, derived from the format data), a diagnostic, a source
// span. The types are in report.ts, diagnostic.ts and source.ts, inferred from these schemas by type imports, so
// that only what validates input (a report given as JSON, the HTTP API) loads zod: about a tenth of a second of CPU
// at every start of the command, and 95 of the modules it loaded for a `check`.
import { z } from 'zod';
import type { FormatDef, TableDef, TableKey } from './format.ts';
import { fromFormats } from './formats/index.ts';
import { SECTION_KEYS, type TableValues } from './report.ts';

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

/** Severity of a finding. */
export const Severity = z.enum(['error', 'warning', 'info']);

/** A path into the report JSON, e.g. ["requests", "carriedForward", "naturalPerson"]. */
export const ModelPath = z.array(z.string());

/** One finding. `message` is the rendered text (zh-CN by default); `data` fills the message template. */
export const Diagnostic = z.object({
  ruleId: z.string(),
  severity: Severity,
  messageId: z.string(),
  message: z.string(),
  data: z.record(z.string(), z.unknown()).default({}),
  path: ModelPath.optional(),
  related: z.array(ModelPath).optional(),
  source: SourceSpan.optional(),
  expected: z.unknown().optional(),
  actual: z.unknown().optional(),
  /** One-cell repairs the checker proposes, with the equations they satisfy; never applied silently. */
  suggestions: z
    .array(
      z.object({ path: ModelPath, value: z.number(), message: z.string(), satisfies: z.array(z.string()) }),
    )
    .optional(),
  /** The rule's documentation, relative to the project root. */
  docs: z.string().optional(),
});

const CellSchema = z.number().nullable();

function tableSchema(t: TableDef): z.ZodType<TableValues> {
  // Build the nested object of rows from their paths.
  type Node = { [k: string]: Node | z.ZodType };
  const root: Node = {};
  for (const r of t.rows) {
    let node = root;
    for (const k of r.path.slice(0, -1)) node = (node[k] ??= {}) as Node;
    node[r.path[r.path.length - 1]!] = z.strictObject(
      Object.fromEntries(r.columns.map((c) => [c.key, CellSchema])),
    );
  }
  const toSchema = (n: Node): z.ZodType =>
    z.strictObject(
      Object.fromEntries(Object.entries(n).map(([k, v]) => [k, v instanceof z.ZodType ? v : toSchema(v)])),
    );
  return toSchema(root) as z.ZodType<TableValues>;
}

const ProvenanceSchema = z.object({
  source: SourceSpan.optional(),
  text: z.string().optional(),
  inferred: z.enum(['split', 'grid', 'arithmetic']).optional(),
  unitFrom: z.string().optional(),
});

function reportSchema(f: FormatDef) {
  const table = (k: TableKey) => tableSchema(f.tables.find((t) => t.key === k)!);
  return z.object({
    formatVersion: z.literal(f.version),
    agency: z.string().nullable(),
    year: z.number().int().nullable(),
    sections: z.object(Object.fromEntries(SECTION_KEYS.map((k) => [k, z.string().nullable()]))),
    proactive: table('proactive'),
    requests: table('requests'),
    reviewLitigation: table('reviewLitigation'),
    provenance: z.record(z.string(), ProvenanceSchema).optional(),
    outline: z
      .array(
        z.object({
          section: z.string(),
          text: z.string(),
          number: z.string(),
          source: SourceSpan.optional(),
        }),
      )
      .optional(),
    aggregate: z.object({ members: z.number().int().nonnegative() }).optional(),
  });
}

/** The union of every registered format's report schema, built again when a version is registered. */
const reportUnion = fromFormats((formats) =>
  z.discriminatedUnion(
    'formatVersion',
    formats.map(reportSchema) as unknown as [
      ReturnType<typeof reportSchema>,
      ...ReturnType<typeof reportSchema>[],
    ],
  ),
);

/** The zod schema of a report, discriminated by `formatVersion` (every registered version's). */
export const ReportSchema = z.lazy(reportUnion);
