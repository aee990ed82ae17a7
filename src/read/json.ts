// A report given as JSON (report-json.md, as `extract` writes it) is an input kind like any other: read as a
// document that already holds its report, which extraction passes on as it is.
import type { Document } from '../model/document.ts';
import { ReportSchema, type Report } from '../model/report.ts';
import { finding } from '../findings/index.ts';
import { readText, type ReadTextOptions } from './text.ts';

/**
 * The report itself, one `{ file, report, diagnostics }` entry of `extract`, or a list of exactly one. Bytes that
 * are not JSON after all are read as text; JSON that is not a report is a read/broken error naming the first problem.
 */
export function readJson(bytes: Uint8Array, options: ReadTextOptions = {}): Document {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes.subarray(start)));
  } catch {
    return readText(bytes, options);
  }
  const broken = (reason: string): Document => ({
    kind: 'json',
    blocks: [],
    diagnostics: [finding('read/broken', 'broken', { file: options.path ?? '', kind: 'JSON', reason })],
  });
  if (Array.isArray(value)) {
    if (value.length !== 1) return broken(`the list holds ${value.length} reports; give one report per file`);
    value = value[0];
  }
  const candidate =
    value && typeof value === 'object' && 'report' in value ? (value as { report: unknown }).report : value;
  const parsed = ReportSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return broken(
      `not a report (report-json.md): ${issue.path.join('.') || '(top level)'}: ${issue.message}`,
    );
  }
  return { kind: 'json', blocks: [], diagnostics: [], report: parsed.data as Report };
}
