// The rule tester fails what ESLint's RuleTester fails: checked on T3-2 (a row's total) and its findings.
import { describe, expect, it } from 'vitest';
import { rule } from '../../src/rules/T3-2.ts';
import { compared, duplicateCases, malformed, runRule, validReport, withCells } from './rule-tester.ts';

const base = validReport('2021');
const wrongTotal = withCells(base, { 'requests.granted.naturalPerson': 3, 'requests.granted.total': 4 });
const DATA = { row: '（一）予以公开', actual: 4, expected: 3, blanks: 0 };
const equal = (c: ReturnType<typeof compared>) => JSON.stringify(c.actual) === JSON.stringify(c.expected);

describe('the rule tester', () => {
  it('refuses an invalid case without findings, a valid one with, and an unknown messageId', () => {
    expect(
      malformed(rule, {
        valid: [{ name: 'v', report: base, errors: [{ messageId: 'rowSum' }] }],
        invalid: [
          { name: 'none', report: wrongTotal },
          { name: 'empty', report: wrongTotal, errors: [] },
          { name: 'unknown', report: wrongTotal, errors: [{ messageId: 'rowsum' }] },
        ],
      }),
    ).toEqual([
      'valid case "v" states errors',
      'invalid case "none" states no expected finding',
      'invalid case "empty" states no expected finding',
      'invalid case "unknown": T3-2 has no message "rowsum"',
    ]);
    expect(malformed(rule, { valid: [{ name: 'v', report: base }], invalid: [] })).toEqual([]);
  });

  it('finds the same input given twice, under any name', () => {
    const again = withCells(base, { 'requests.granted.total': 4, 'requests.granted.naturalPerson': 3 });
    expect(
      duplicateCases([
        { name: 'a', report: wrongTotal },
        { name: 'b', report: base },
        { name: 'c', report: again },
        { name: 'd', report: base, options: { lang: 'en' } },
      ]),
    ).toEqual(['"c" repeats "a"']);
  });

  it('compares the messageId and each field stated: data exactly, path, source', () => {
    const got = runRule(rule, wrongTotal);
    expect(equal(compared(got, [{ messageId: 'rowSum' }]))).toBe(true);
    expect(equal(compared(got, [{ messageId: 'rowSumBlanks' }]))).toBe(false);
    expect(equal(compared(got, [{ messageId: 'rowSum', data: DATA, path: 'requests.granted.total' }]))).toBe(
      true,
    );
    expect(equal(compared(got, [{ messageId: 'rowSum', data: { ...DATA, expected: 4 } }]))).toBe(false);
    const fewer: Record<string, unknown> = { ...DATA };
    delete fewer.blanks;
    expect(equal(compared(got, [{ messageId: 'rowSum', data: fewer }]))).toBe(false);
    expect(equal(compared(got, [{ messageId: 'rowSum', path: 'requests.granted.naturalPerson' }]))).toBe(
      false,
    );
    const source = { kind: 'text', line: 1, column: 1, endLine: 1, endColumn: 2 } as const;
    expect(equal(compared(got, [{ messageId: 'rowSum', source }]))).toBe(false);
  });

  it('fails a finding more or fewer than stated', () => {
    const got = runRule(rule, wrongTotal);
    expect(equal(compared(got, []))).toBe(false);
    expect(equal(compared(got, [{ messageId: 'rowSum' }, { messageId: 'rowSum' }]))).toBe(false);
  });

  it('requires the suggestions wherever the engine proposes some, and compares them', () => {
    const blanks = withCells(base, {
      'requests.denied.stateSecret.naturalPerson': null,
      'requests.denied.stateSecret.total': 1,
    });
    const got = runRule(rule, blanks);
    expect(got[0]!.suggestions).toHaveLength(1);
    expect(equal(compared(got, [{ messageId: 'rowSumBlanks' }]))).toBe(false);
    const suggestions = ['requests.denied.stateSecret.total=0'];
    expect(equal(compared(got, [{ messageId: 'rowSumBlanks', suggestions }]))).toBe(true);
    expect(
      equal(
        compared(got, [{ messageId: 'rowSumBlanks', suggestions: ['requests.denied.stateSecret.total=1'] }]),
      ),
    ).toBe(false);
    // A finding without suggestions may state none.
    expect(equal(compared(runRule(rule, wrongTotal), [{ messageId: 'rowSum', suggestions: [] }]))).toBe(true);
  });
});
