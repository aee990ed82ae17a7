// What a report covers (format-spec §8.5): the region as a whole, the body's own work (本级), or a department's.

/** `region`: the region as a whole; `own`: the body's own work (本级); `department`: a department's report. */
export type ReportScope = 'region' | 'own' | 'department';

/** Every scope, in the order they are listed. */
export const REPORT_SCOPES: readonly ReportScope[] = ['region', 'own', 'department'];

/** How a report's scope was decided: given by a person, said by the report's text, or its body a department. */
export type ScopeBasis = 'set' | 'text' | 'kind';
