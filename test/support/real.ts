// The hand truth of the real published reports (test/fixtures/real/expected) and scoring against it.
import type { Report } from '../../src/model/report.ts';

/** A hand transcription: the report-json tables, with the runs that cannot be split listed in `uncertain`. */
export interface Truth {
  file: string;
  formatVersion: '2019' | '2021';
  agency: string | null;
  year: number | null;
  proactive: Record<string, unknown>;
  requests: Record<string, unknown>;
  reviewLitigation: Record<string, unknown>;
  uncertain: { cells: string[]; run: string }[];
  sectionHeadings: (string | null)[];
  realProblems: { rule: string; path: string; why: string }[];
}

function flatten(o: unknown, prefix: string, out: Map<string, unknown>) {
  if (o !== null && typeof o === 'object')
    for (const [k, v] of Object.entries(o)) flatten(v, `${prefix}.${k}`, out);
  else out.set(prefix, o);
}

/** Every scored cell of a report or truth: the table cells, formatVersion, agency and year. */
export function cellsOf(
  r: Pick<Report, 'formatVersion' | 'agency' | 'year' | 'proactive' | 'requests' | 'reviewLitigation'>,
): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const k of ['proactive', 'requests', 'reviewLitigation'] as const) flatten(r[k], k, out);
  out.set('formatVersion', r.formatVersion);
  out.set('agency', r.agency);
  out.set('year', r.year);
  return out;
}

/** Cells right, blank where the truth has a figure, wrong (a figure other than the truth's), and missed blanks. */
export function scoreAgainstTruth(report: Report | null, truth: Truth) {
  const want = cellsOf(truth as unknown as Report);
  const got = report ? cellsOf(report) : new Map<string, unknown>();
  let right = 0;
  let blank = 0;
  const wrong: string[] = [];
  const missedNull: string[] = [];
  for (const [k, v] of want) {
    const g = got.get(k) ?? null;
    if (g === v || (typeof g === 'number' && typeof v === 'number' && Math.abs(g - v) < 1e-9)) right++;
    else if (g === null) blank++;
    else if (v === null) {
      missedNull.push(`${k}=${String(g)}`);
      wrong.push(`${k}: ${String(g)} for blank`);
    } else wrong.push(`${k}: ${String(g)} for ${String(v)}`);
  }
  return { right, blank, wrong, missedNull, total: want.size };
}
