// A report given as JSON (report-json.md, as `extract` writes it) is an input kind like any other: read as a
// document that already holds its report, which extraction passes on as it is.
import type { Document } from '../model/document.ts';
import type { Report } from '../model/report.ts';
import { ReportSchema } from '../model/schemas.ts';
import { finding } from '../findings/index.ts';
import { readText, type ReadTextOptions } from './text.ts';

/**
 * The report itself, one `{ file, report, diagnostics }` entry of `extract`, or a list of exactly one. Bytes that
 * are not JSON after all are read as text; JSON that is not a report is a read/not-report-json error naming its
 * first problem in words.
 */
export function readJson(bytes: Uint8Array, options: ReadTextOptions = {}): Document {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes.subarray(start)));
  } catch {
    return readText(bytes, options);
  }
  const file = options.path ?? '';
  const notReport = (messageId: NotReport, data: Record<string, unknown> = {}): Document => ({
    kind: 'json',
    blocks: [],
    diagnostics: [finding('read/not-report-json', messageId, { file, ...data })],
  });
  if (Array.isArray(value)) {
    if (value.length !== 1) return notReport('severalReports', { count: value.length });
    value = value[0];
  }
  const candidate =
    value && typeof value === 'object' && 'report' in value ? (value as { report: unknown }).report : value;
  if (!candidate || typeof candidate !== 'object' || Array.isArray(candidate))
    return notReport('notAnObject');
  const parsed = ReportSchema.safeParse(candidate);
  if (!parsed.success) {
    // The first problem, in words: a missing key, an unknown version, or a value of the wrong shape.
    const issue = parsed.error.issues[0]!;
    const key = issue.path.join('.') || 'formatVersion';
    const given = (candidate as Record<string, unknown>)[String(issue.path[0])];
    if (issue.path.length === 1 && given === undefined) return notReport('missingKey', { key });
    if (key === 'formatVersion') return notReport('badVersion', { value: JSON.stringify(given) });
    return notReport('badValue', { key, expected: issue.message });
  }
  return { kind: 'json', blocks: [], diagnostics: [], report: parsed.data as Report };
}

type NotReport = 'notAnObject' | 'missingKey' | 'badVersion' | 'badValue' | 'severalReports';
