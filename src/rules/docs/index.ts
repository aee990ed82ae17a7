// The registry of the rules' documentation: the docs beside each rule (src/rules/<id>.docs.ts) and those of the
// reading and extraction findings (src/rules/docs/read.ts, extract.ts, internal.ts, aggregate.ts). scripts/rule-docs.ts writes docs/rules/ from
// it; test/rules-docs.test.ts fails when a registered rule has no docs here, or docs name no registered rule.
import { docs as T2_1 } from '../T2-1.docs.ts';
import { docs as T2_2 } from '../T2-2.docs.ts';
import { docs as T2_3 } from '../T2-3.docs.ts';
import { docs as T2_4 } from '../T2-4.docs.ts';
import { docs as T2_5 } from '../T2-5.docs.ts';
import { docs as T2_7 } from '../T2-7.docs.ts';
import { docs as T3_1 } from '../T3-1.docs.ts';
import { docs as T3_2 } from '../T3-2.docs.ts';
import { docs as T3_3 } from '../T3-3.docs.ts';
import { docs as T3_4 } from '../T3-4.docs.ts';
import { docs as T3_6 } from '../T3-6.docs.ts';
import { docs as T4_1 } from '../T4-1.docs.ts';
import { docs as T4_2 } from '../T4-2.docs.ts';
import { docs as T4_3 } from '../T4-3.docs.ts';
import { docs as T4_4 } from '../T4-4.docs.ts';
import { docs as X_1 } from '../X-1.docs.ts';
import { docs as X_3 } from '../X-3.docs.ts';
import { docs as X_4 } from '../X-4.docs.ts';
import { docs as X_5 } from '../X-5.docs.ts';
import { docs as aggregate_mismatch } from '../aggregate-mismatch.docs.ts';
import { docs as blank_cell } from '../blank-cell.docs.ts';
import { docs as blank_total } from '../blank-total.docs.ts';
import { docs as format_version } from '../format-version.docs.ts';
import { docs as late_publication } from '../late-publication.docs.ts';
import { docs as section_missing } from '../section-missing.docs.ts';
import { docs as section_number } from '../section-number.docs.ts';
import { docs as section_order } from '../section-order.docs.ts';
import { docs as aggregate } from './aggregate.ts';
import { docs as extract } from './extract.ts';
import { docs as internal } from './internal.ts';
import type { RuleDocs } from './kit.ts';
import { docs as read } from './read.ts';

/** The documentation of every rule, in no particular order (the pages follow RULES). */
export const RULE_DOCS: readonly RuleDocs[] = [
  ...read,
  ...extract,
  ...internal,
  ...aggregate,
  T2_1,
  T2_2,
  T2_3,
  T2_4,
  T2_5,
  T2_7,
  T3_1,
  T3_2,
  T3_3,
  T3_4,
  T3_6,
  T4_1,
  T4_2,
  T4_3,
  T4_4,
  X_1,
  X_3,
  X_4,
  X_5,
  aggregate_mismatch,
  blank_cell,
  blank_total,
  format_version,
  late_publication,
  section_missing,
  section_number,
  section_order,
];

/** The documentation of each rule, by id. */
export const DOCS_BY_ID: ReadonlyMap<string, RuleDocs> = new Map(RULE_DOCS.map((d) => [d.id, d]));
