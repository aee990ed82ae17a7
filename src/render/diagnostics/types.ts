// What the diagnostic formatters render: one checked file (its report and findings), and severity counts.
import type { Diagnostic, Severity } from '../../model/diagnostic.ts';
import type { Report } from '../../model/report.ts';

/** One checked input file: the path as given, its report (null when none could be read) and its findings. */
export interface CheckedFile {
  file: string;
  report: Report | null;
  diagnostics: readonly Diagnostic[];
}

/** The number of findings of each severity. */
export type SeverityCounts = Record<Severity, number>;

/** Counts the findings of each severity over a list of files. */
export function countSeverities(files: Iterable<CheckedFile>): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of files) for (const d of f.diagnostics) counts[d.severity]++;
  return counts;
}
