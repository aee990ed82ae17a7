// RuleTester (ESLint's): minimal valid reports to build cases from, and a table-driven runner for rule tests.
import { describe, expect, it } from 'vitest';
import { check, type CheckOptions } from '../check.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Report } from '../model/report.ts';
import type { Rule } from './types.ts';

export { validReport, withCells } from './valid-report.ts';

/** The diagnostics of one rule on a report. */
export function runRule(
  rule: Rule,
  report: Report,
  options: Omit<CheckOptions, 'ruleSet'> = {},
): Diagnostic[] {
  return check(report, { ...options, ruleSet: [rule] });
}

/** A test case: a report, and the findings expected (none for a valid case). */
export interface RuleCase {
  name: string;
  report: Report;
  options?: Omit<CheckOptions, 'ruleSet'>;
  /** Expected findings, in order: messageId and, where given, the dotted path. */
  errors?: { messageId: string; path?: string }[];
}

/** Registers the table of valid and invalid cases of a rule with vitest. */
export function testRule(rule: Rule, cases: { valid: RuleCase[]; invalid: RuleCase[] }): void {
  describe(`rule ${rule.meta.id}`, () => {
    for (const c of cases.valid)
      it(`valid: ${c.name}`, () => {
        expect(runRule(rule, c.report, c.options).map((d) => d.message)).toEqual([]);
      });
    for (const c of cases.invalid)
      it(`invalid: ${c.name}`, () => {
        const got = runRule(rule, c.report, c.options);
        expect(
          got.map((d) => ({
            messageId: d.messageId,
            ...(c.errors?.some((e) => e.path) ? { path: d.path?.join('.') } : {}),
          })),
        ).toEqual(
          (c.errors ?? []).map((e) => ({ messageId: e.messageId, ...(e.path ? { path: e.path } : {}) })),
        );
        for (const d of got) {
          expect(d.message).not.toMatch(/\{\w+\}/); // every placeholder filled
          expect(runRule(rule, c.report, { ...c.options, lang: 'en' }).map((x) => x.message)).not.toContain(
            '',
          );
        }
      });
  });
}
