// The rule model (ESLint's): a rule has metadata and a check that reports findings; the engine does the rest.
import type { FindingMeta } from '../findings/types.ts';
import type { Diagnostic, ModelPath } from '../model/diagnostic.ts';
import type { FormatDef } from '../model/format.ts';
import type { Report } from '../model/report.ts';
import type { SourceSpan } from '../model/source.ts';
import type { Equation } from '../model/cells.ts';

export type { Equation } from '../model/cells.ts';
export type { Texts } from '../model/diagnostic.ts';

/** What a rule reports; the engine adds rule id, severity, message text, source and docs link. */
export interface Finding {
  messageId: string;
  data?: Record<string, unknown>;
  path?: ModelPath;
  related?: ModelPath[];
  expected?: unknown;
  actual?: unknown;
  /** The equation that fails, for arithmetic findings: the engine proposes one-cell repairs from these. */
  equation?: Equation;
  /** Where in the document, when the rule knows better than the cell's provenance (extraction findings). */
  source?: SourceSpan;
}

/** What a rule sees. */
export interface RuleContext {
  readonly report: Report;
  readonly format: FormatDef;
  /** Diagnostics of reading and extraction, which the extraction rules report under their own ids. */
  readonly extraction: readonly Diagnostic[];
  /** The same body's report on the year before, when the caller has it (cross-year rules do nothing without it). */
  readonly previous?: Report;
  /** The publication date, ISO "YYYY-MM-DD", when known. */
  readonly publishedAt?: string;
  /** A people's government's own report or a department's, when the caller says so. */
  readonly agencyKind?: AgencyKindOption;
  /** The members a published regional aggregate is compared with, when the caller has them. */
  readonly members?: readonly Report[];
  /** Reports a finding (ESLint's context.report). */
  add(finding: Finding): void;
}

/** What kind of body a report is from, as a caller states it: a people's government (政府) or a department (部门). */
export type AgencyKindOption = '政府' | '部门';

/** A rule's metadata: a registered finding id (src/findings/types.ts), and when it runs. */
export interface RuleMeta extends FindingMeta {
  /**
   * True for rules that judge one body's published document — its text, sections, publication, or figures
   * plausible for one body — which a computed aggregate (`report.aggregate`) does not have; they are not run on it.
   */
  readonly skipOnAggregate?: boolean;
}

/** A rule. */
export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): void;
}
