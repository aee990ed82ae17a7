// Test table of T4-1: the "review" block of table 4 totals its outcomes.
import { rule } from './T4-1.ts';
import { testTableRule } from '../../test/support/rule-tester.ts';

testTableRule(rule, {
  version: '2021',
  valid: [
    {
      name: 'outcomes that add up',
      cells: {
        'reviewLitigation.review.upheld': 2,
        'reviewLitigation.review.pending': 1,
        'reviewLitigation.review.total': 3,
      },
    },
  ],
  invalid: [
    {
      name: 'a total that is not the sum',
      cells: { 'reviewLitigation.review.corrected': 2, 'reviewLitigation.review.total': 1 },
      errors: [
        {
          messageId: 'blockSum',
          data: { block: '行政复议', actual: 1, expected: 2, blanks: 0 },
          path: 'reviewLitigation.review.total',
        },
      ],
    },
    {
      name: 'blank outcomes counted as 0',
      cells: { 'reviewLitigation.review.other': null, 'reviewLitigation.review.total': 1 },
      errors: [
        {
          messageId: 'blockSumBlanks',
          data: { block: '行政复议', actual: 1, expected: 0, blanks: 1 },
          path: 'reviewLitigation.review.total',
        },
      ],
    },
  ],
});
