// Writing a report out: one entry point over every output format, each loaded only when asked for (issue 5).
import type { Report } from '../../model/report.ts';
import type { PdfRenderer } from './pdf.ts';

/** Options of renderReport. */
export interface RenderOptions {
  /** The browser for PDF output, launched once for a batch (a fresh one is launched and closed otherwise). */
  pdf?: PdfRenderer;
  /** JSON: keep provenance and outline (nianbao's own keys) besides the contract. */
  provenance?: boolean;
  /** CSV: the file the report came from and the sha256 of its bytes (its columns file, sha256, reportId). */
  origin?: import('./csv.ts').CsvOrigin;
}

/** One output format: the extension it writes, whether it is text (standard output when no file is named), its renderer. */
export interface OutputDef {
  readonly extension: string;
  readonly text: boolean;
  /** Loaded on first use: docx, exceljs and the browser are not paid for by other formats. */
  render(report: Report, options: RenderOptions): Promise<string | Uint8Array>;
}

/** The output formats of `nianbao render`, in the order the CLI lists them: a new format is one entry here. */
export const OUTPUTS = {
  docx: { extension: '.docx', text: false, render: async (r) => (await import('./docx.ts')).renderDocx(r) },
  html: { extension: '.html', text: true, render: async (r) => (await import('./html.ts')).renderHtml(r) },
  pdf: {
    extension: '.pdf',
    text: false,
    render: async (r, o) => (o.pdf ? o.pdf.render(r) : (await import('./pdf.ts')).renderPdf(r)),
  },
  md: {
    extension: '.md',
    text: true,
    render: async (r) => (await import('./markdown.ts')).renderMarkdown(r),
  },
  xlsx: { extension: '.xlsx', text: false, render: async (r) => (await import('./xlsx.ts')).renderXlsx(r) },
  csv: {
    extension: '.csv',
    text: true,
    render: async (r, o) => (await import('./csv.ts')).renderCsv([r], o.origin ? [o.origin] : []),
  },
  json: {
    extension: '.json',
    text: true,
    render: async (r, o) => (await import('./json.ts')).renderJson(r, { provenance: o.provenance ?? false }),
  },
} as const satisfies Record<string, OutputDef>;

/** One output format. */
export type OutputFormat = keyof typeof OUTPUTS;

/** The output formats' names. */
export const OUTPUT_FORMATS = Object.keys(OUTPUTS) as OutputFormat[];

/** Renders a report in one output format: text for html, md, csv and json, bytes for docx, xlsx and pdf. */
export async function renderReport(
  report: Report,
  to: OutputFormat,
  options: RenderOptions = {},
): Promise<string | Uint8Array> {
  return (OUTPUTS[to] as OutputDef).render(report, options);
}
