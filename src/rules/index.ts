// The rule registry: every rule nianbao checks, in the order their findings are listed.
import { rule as T2_1 } from './T2-1.ts';
import { rule as T3_1 } from './T3-1.ts';
import { rule as T3_2 } from './T3-2.ts';
import { rule as T3_3 } from './T3-3.ts';
import { rule as T3_4 } from './T3-4.ts';
import { rule as T4_1 } from './T4-1.ts';
import { rule as T4_2 } from './T4-2.ts';
import { rule as T4_3 } from './T4-3.ts';
import { rule as T4_4 } from './T4-4.ts';
import { rule as blankTotal } from './blank-total.ts';
import { rule as blankCell } from './blank-cell.ts';
import { rule as formatVersion } from './format-version.ts';
import { rule as T2_4 } from './T2-4.ts';
import { rule as T2_5 } from './T2-5.ts';
import { rule as T2_7 } from './T2-7.ts';
import { rule as sectionMissing } from './section-missing.ts';
import { rule as sectionOrder } from './section-order.ts';
import { rule as sectionNumber } from './section-number.ts';
import { rule as X1 } from './X-1.ts';
import { rule as X3 } from './X-3.ts';
import { rule as X4 } from './X-4.ts';
import { rule as T3_6 } from './T3-6.ts';
import { rule as T2_2 } from './T2-2.ts';
import { rule as T2_3 } from './T2-3.ts';
import { rule as X5 } from './X-5.ts';
import { rule as latePublication } from './late-publication.ts';
import { rule as aggregateMismatch } from './aggregate-mismatch.ts';
import { EXTRACTION_RULES } from './extraction.ts';
import { STAGE_FINDINGS, type FindingMeta } from '../findings/index.ts';
import type { Rule } from './types.ts';

/** Every registered rule, in the order their findings are listed: reading, structure, then the tables. */
export const RULES: readonly Rule[] = [
  ...EXTRACTION_RULES,
  formatVersion,
  sectionMissing,
  sectionOrder,
  sectionNumber,
  T2_1,
  T2_4,
  T2_5,
  T2_7,
  T3_1,
  T3_2,
  T3_3,
  T3_4,
  T4_1,
  T4_2,
  T4_3,
  T4_4,
  blankTotal,
  blankCell,
  X1,
  X3,
  X4,
  // Rules that need more than the report: last year's report, the publication date, the members of an aggregate.
  T3_6,
  T2_2,
  T2_3,
  X5,
  latePublication,
  aggregateMismatch,
];

/**
 * Every finding id nianbao reports, by id — the rules' metadata and the stages' (src/findings/: reading, extraction,
 * a regional sum, internal errors) — each with its one severity, its title and its messages in both languages.
 */
export const REGISTRY: ReadonlyMap<string, FindingMeta> = new Map([
  ...STAGE_FINDINGS.map((m) => [m.id, m] as const),
  ...RULES.map((r) => [r.meta.id, r.meta] as const),
]);
