// Writing a report out: one entry point over every output format, each loaded only when asked for (issue 5).
import type { Report } from '../../model/report.ts';
import type { PdfRenderer } from './pdf.ts';

/** The output formats of `nianbao render`. */
export const OUTPUT_FORMATS = ['docx', 'html', 'pdf', 'md', 'xlsx', 'csv', 'json'] as const;
/** One output format. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The file extension written for each format. */
export const EXTENSIONS: Record<OutputFormat, string> = {
  docx: '.docx',
  html: '.html',
  pdf: '.pdf',
  md: '.md',
  xlsx: '.xlsx',
  csv: '.csv',
  json: '.json',
};

/** Formats whose output is text (written to standard output when no file is named). */
export const TEXT_FORMATS: ReadonlySet<OutputFormat> = new Set(['html', 'md', 'csv', 'json']);

/** Options of renderReport. */
export interface RenderOptions {
  /** The browser for PDF output, launched once for a batch (a fresh one is launched and closed otherwise). */
  pdf?: PdfRenderer;
  /** JSON: keep provenance and outline (nianbao's own keys) besides the contract. */
  provenance?: boolean;
}

/** Renders a report in one output format: text for html, md, csv and json, bytes for docx, xlsx and pdf. */
export async function renderReport(
  report: Report,
  to: OutputFormat,
  options: RenderOptions = {},
): Promise<string | Uint8Array> {
  switch (to) {
    case 'html':
      return (await import('./html.ts')).renderHtml(report);
    case 'md':
      return (await import('./markdown.ts')).renderMarkdown(report);
    case 'csv':
      return (await import('./csv.ts')).renderCsv([report]);
    case 'json':
      return (await import('./json.ts')).renderJson(report, { provenance: options.provenance ?? false });
    case 'docx':
      return (await import('./docx.ts')).renderDocx(report);
    case 'xlsx':
      return (await import('./xlsx.ts')).renderXlsx(report);
    case 'pdf':
      return options.pdf ? options.pdf.render(report) : (await import('./pdf.ts')).renderPdf(report);
  }
}
