// Test table of T4-1: the "review" block of table 4 totals its outcomes.
import { rule } from './T4-1.ts';
import { testRule, validReport, withCells } from '../../test/support/rule-tester.ts';

const base = validReport('2021');
testRule(rule, {
  valid: [
    { name: 'all zeros', report: base },
    {
      name: 'outcomes that add up',
      report: withCells(base, {
        'reviewLitigation.review.upheld': 2,
        'reviewLitigation.review.pending': 1,
        'reviewLitigation.review.total': 3,
      }),
    },
  ],
  invalid: [
    {
      name: 'a total that is not the sum',
      report: withCells(base, { 'reviewLitigation.review.corrected': 2, 'reviewLitigation.review.total': 1 }),
      errors: [{ messageId: 'blockSum', path: 'reviewLitigation.review.total' }],
    },
    {
      name: 'blank outcomes counted as 0',
      report: withCells(base, { 'reviewLitigation.review.other': null, 'reviewLitigation.review.total': 1 }),
      errors: [{ messageId: 'blockSumBlanks', path: 'reviewLitigation.review.total' }],
    },
  ],
});
