// The result of extraction: a report (or null when the document holds none) and the problems met.
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Report } from '../model/report.ts';

/** What `extract` returns. */
export interface Extraction {
  report: Report | null;
  diagnostics: Diagnostic[];
}
