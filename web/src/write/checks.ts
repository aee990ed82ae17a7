// The checks of a report being written, in the browser: the same engine `nianbao check` runs (src/check.ts, every
// rule of src/rules), timed, with each cell marked by its worst finding.
import { check } from '../../../src/check.ts';
import type { Diagnostic, Lang } from '../../../src/model/diagnostic.ts';
import type { Report } from '../../../src/model/report.ts';
import type { Mark } from '../components/OfficialTables.tsx';

const RANK: Record<Mark, number> = { error: 3, warning: 2, info: 1 };

/** The name of the performance measure of one check (performance.getEntriesByName). */
export const CHECK_MEASURE = 'nianbao-check';

export interface Checked {
  diagnostics: Diagnostic[];
  /** The worst finding on each dotted path. */
  marks: Map<string, Mark>;
  /** How long check() took, in milliseconds. */
  ms: number;
}

/** The worst severity of the findings on each dotted path. */
export function marksOf(diagnostics: readonly Diagnostic[]): Map<string, Mark> {
  const marks = new Map<string, Mark>();
  for (const d of diagnostics) {
    if (!d.path) continue;
    const key = d.path.join('.');
    const had = marks.get(key);
    if (!had || RANK[d.severity] > RANK[had]) marks.set(key, d.severity);
  }
  return marks;
}

/** Checks a report as `nianbao check` would a report JSON, timed by performance.now (and a performance measure). */
export function runChecks(report: Report, lang: Lang): Checked {
  const start = performance.now();
  const diagnostics = check(report, { lang });
  const end = performance.now();
  try {
    performance.measure(CHECK_MEASURE, { start, end });
  } catch {
    // a browser without User Timing level 3: the time is still returned
  }
  return { diagnostics, marks: marksOf(diagnostics), ms: end - start };
}

/** The order of the findings listed: errors, then warnings, then the rest; in the engine's order within each. */
export function bySeverity(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => RANK[b.d.severity] - RANK[a.d.severity] || a.i - b.i)
    .map(({ d }) => d);
}
