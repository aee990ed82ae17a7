// One input file through the pipeline (design.md: "one object, a ReportFile, carries a document through the
// stages"): what every caller — the CLI commands, the library API, the worker threads — gets back.
import type { Diagnostic } from './diagnostic.ts';
import type { InputKind } from './document.ts';
import type { Report } from './report.ts';

/** One input file: the path as given, the kind its bytes were read as, its report (null if none) and every finding. */
export interface ReportFile {
  /** The file's path or name as given (named in its findings). */
  file: string;
  /** The kind its bytes were read as; absent when the file could not be opened. */
  kind?: InputKind;
  /** The sha256 of its bytes, hex (set by whoever read them from disk): which file it was, whatever its name. */
  sha256?: string;
  report: Report | null;
  /** Every finding of every stage, in order: reading, extraction, then the rules (when checked). */
  diagnostics: Diagnostic[];
  /**
   * The entry already serialised as JSON, when a worker thread made it: the main thread then only writes it
   * (serialising 200 cells of provenance per report on one thread was the bottleneck of a parallel batch).
   */
  json?: string;
}
