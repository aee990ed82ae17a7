// Test table of T4-3: the "litigationAfterReview" block of table 4 totals its outcomes.
import { rule } from './T4-3.ts';
import { testRule, validReport, withCells } from '../../test/support/rule-tester.ts';

const base = validReport('2021');
testRule(rule, {
  valid: [
    { name: 'all zeros', report: base },
    {
      name: 'outcomes that add up',
      report: withCells(base, {
        'reviewLitigation.litigationAfterReview.upheld': 2,
        'reviewLitigation.litigationAfterReview.pending': 1,
        'reviewLitigation.litigationAfterReview.total': 3,
      }),
    },
  ],
  invalid: [
    {
      name: 'a total that is not the sum',
      report: withCells(base, {
        'reviewLitigation.litigationAfterReview.corrected': 2,
        'reviewLitigation.litigationAfterReview.total': 1,
      }),
      errors: [{ messageId: 'blockSum', path: 'reviewLitigation.litigationAfterReview.total' }],
    },
    {
      name: 'blank outcomes counted as 0',
      report: withCells(base, {
        'reviewLitigation.litigationAfterReview.other': null,
        'reviewLitigation.litigationAfterReview.total': 1,
      }),
      errors: [{ messageId: 'blockSumBlanks', path: 'reviewLitigation.litigationAfterReview.total' }],
    },
  ],
});
