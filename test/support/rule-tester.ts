// RuleTester (ESLint's, as strict): a table of valid and invalid cases per rule, run with vitest. A valid case must
// give no finding; an invalid case states every finding it expects, in order — its messageId, and where the case
// gives them its exact data, path, source and suggestions (a finding with suggestions must state them) — and any
// other finding fails it. The same input twice fails, and so does a messageId the rule does not have.
import { describe, expect, it } from 'vitest';
import { check, type CheckOptions } from '../../src/check.ts';
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import type { FormatVersion } from '../../src/model/format.ts';
import type { Report } from '../../src/model/report.ts';
import type { SourceSpan } from '../../src/model/source.ts';
import { validReport, withCells } from '../../src/rules/valid-report.ts';
import type { Rule } from '../../src/rules/types.ts';

export { validReport, withCells };

/** The diagnostics of one rule on a report. */
export function runRule(
  rule: Rule,
  report: Report,
  options: Omit<CheckOptions, 'ruleSet'> = {},
): Diagnostic[] {
  return check(report, { ...options, ruleSet: [rule] });
}

/** One finding an invalid case expects. */
export interface ExpectedError {
  messageId: string;
  /** The message's data, exactly (every key), when given. */
  data?: Record<string, unknown>;
  /** The dotted model path of the finding, when given. */
  path?: string;
  /** Where in the document, when given. */
  source?: SourceSpan;
  /** The repairs the engine proposes, as "path=value"; required when the finding has any. */
  suggestions?: string[];
}

/** A case: a report, and (invalid cases) the findings expected. */
export interface RuleCase {
  name: string;
  report: Report;
  options?: Omit<CheckOptions, 'ruleSet'>;
  /** Expected findings, in order; at least one for an invalid case, none for a valid one. */
  errors?: ExpectedError[];
}

/** A case given by the cells it sets on validReport(version) (the table rules' cases). */
export interface CellCase {
  name: string;
  cells: Record<string, number | null>;
  errors?: ExpectedError[];
}

/** The input of a case, to find the same input given twice. */
const inputOf = (c: RuleCase) => JSON.stringify([c.report, c.options ?? {}]);

/** The cases that are wrong before they run: unknown messageIds, a valid case with errors, an invalid one without. */
export function malformed(rule: Rule, cases: { valid: RuleCase[]; invalid: RuleCase[] }): string[] {
  const wrong: string[] = [];
  for (const c of cases.valid) if (c.errors?.length) wrong.push(`valid case "${c.name}" states errors`);
  for (const c of cases.invalid) {
    if (!c.errors?.length) wrong.push(`invalid case "${c.name}" states no expected finding`);
    for (const e of c.errors ?? [])
      if (!(e.messageId in rule.meta.messages))
        wrong.push(`invalid case "${c.name}": ${rule.meta.id} has no message "${e.messageId}"`);
  }
  return wrong;
}

/**
 * What of a finding a case compares: the messageId, each other field the expectation states, and the suggestions
 * whenever there are some; a finding beyond those expected shows its data and path too.
 */
function comparable(d: Diagnostic, e: ExpectedError | undefined): Record<string, unknown> {
  const suggestions = d.suggestions?.map((s) => `${s.path.join('.')}=${s.value}`);
  return {
    messageId: d.messageId,
    ...(!e || e.data !== undefined ? { data: d.data } : {}),
    ...(!e || e.path !== undefined ? { path: d.path?.join('.') } : {}),
    ...(e?.source !== undefined ? { source: d.source } : {}),
    ...(e?.suggestions !== undefined || suggestions?.length ? { suggestions: suggestions ?? [] } : {}),
  };
}

/** The names of the cases that repeat the input (report and options) of an earlier one. */
export function duplicateCases(cases: readonly RuleCase[]): string[] {
  const seen = new Map<string, string>();
  const twice: string[] = [];
  for (const c of cases) {
    const input = inputOf(c);
    const first = seen.get(input);
    if (first !== undefined) twice.push(`"${c.name}" repeats "${first}"`);
    else seen.set(input, c.name);
  }
  return twice;
}

/** The findings of an invalid case as compared (actual) against what it states (expected): equal when it passes. */
export function compared(
  got: readonly Diagnostic[],
  expected: readonly ExpectedError[],
): { actual: Record<string, unknown>[]; expected: Record<string, unknown>[] } {
  return {
    actual: got.map((d, i) => comparable(d, expected[i])),
    expected: expected.map((e) => ({
      messageId: e.messageId,
      ...(e.data !== undefined ? { data: e.data } : {}),
      ...(e.path !== undefined ? { path: e.path } : {}),
      ...(e.source !== undefined ? { source: e.source } : {}),
      ...(e.suggestions !== undefined ? { suggestions: e.suggestions } : {}),
    })),
  };
}

/** Registers the table of valid and invalid cases of a rule with vitest. */
export function testRule(rule: Rule, cases: { valid: RuleCase[]; invalid: RuleCase[] }): void {
  const wrong = malformed(rule, cases);
  if (wrong.length) throw new Error(`testRule(${rule.meta.id}): ${wrong.join('; ')}`);
  describe(`rule ${rule.meta.id}`, () => {
    it('gives no input twice', () => {
      expect(duplicateCases([...cases.valid, ...cases.invalid]), 'duplicate cases').toEqual([]);
    });
    for (const c of cases.valid)
      it(`valid: ${c.name}`, () => {
        expect(runRule(rule, c.report, c.options).map((d) => `${d.messageId}: ${d.message}`)).toEqual([]);
      });
    for (const c of cases.invalid)
      it(`invalid: ${c.name}`, () => {
        const got = runRule(rule, c.report, c.options);
        const { actual, expected } = compared(got, c.errors ?? []);
        expect(actual).toEqual(expected);
        const english = runRule(rule, c.report, { ...c.options, lang: 'en' });
        for (const d of [...got, ...english]) {
          expect(d.message).not.toMatch(/\{\w+\}/); // every placeholder filled
          expect(d.message).not.toBe('');
        }
      });
  });
}

/**
 * The test table of a rule on the cells of tables 2–4 (T3-x, T4-x): a case gives the cells it sets on
 * validReport(version) — or a report of its own — and the all-zero report itself is the first valid case.
 */
export function testTableRule(
  rule: Rule,
  cases: { version?: FormatVersion; valid: (CellCase | RuleCase)[]; invalid: (CellCase | RuleCase)[] },
): void {
  const base = validReport(cases.version ?? '2021');
  const of = (c: CellCase | RuleCase): RuleCase =>
    'report' in c
      ? c
      : { name: c.name, report: withCells(base, c.cells), ...(c.errors ? { errors: c.errors } : {}) };
  testRule(rule, {
    valid: [{ name: 'all zeros', report: base }, ...cases.valid.map(of)],
    invalid: cases.invalid.map(of),
  });
}
