// compareAggregate: a published regional report checked against the sum of its members (rule aggregate-mismatch).
import { check } from '../check.ts';
import type { Diagnostic, Lang } from '../model/diagnostic.ts';
import type { Report } from '../model/report.ts';
import { rule } from '../rules/aggregate-mismatch.ts';

/** The findings of rule aggregate-mismatch: each figure of `published` that differs from the sum of `members`. */
export function compareAggregate(
  published: Report,
  members: readonly Report[],
  options: { lang?: Lang } = {},
): Diagnostic[] {
  return check(published, { ruleSet: [rule], members, ...(options.lang ? { lang: options.lang } : {}) });
}
