// Test table of T4-3: the "litigationAfterReview" block of table 4 totals its outcomes.
import { rule } from './T4-3.ts';
import { testTableRule } from '../../test/support/rule-tester.ts';

testTableRule(rule, {
  version: '2021',
  valid: [
    {
      name: 'outcomes that add up',
      cells: {
        'reviewLitigation.litigationAfterReview.upheld': 2,
        'reviewLitigation.litigationAfterReview.pending': 1,
        'reviewLitigation.litigationAfterReview.total': 3,
      },
    },
  ],
  invalid: [
    {
      name: 'a total that is not the sum',
      cells: {
        'reviewLitigation.litigationAfterReview.corrected': 2,
        'reviewLitigation.litigationAfterReview.total': 1,
      },
      errors: [
        {
          messageId: 'blockSum',
          data: { block: '行政诉讼·复议后起诉', actual: 1, expected: 2, blanks: 0 },
          path: 'reviewLitigation.litigationAfterReview.total',
        },
      ],
    },
    {
      name: 'blank outcomes counted as 0',
      cells: {
        'reviewLitigation.litigationAfterReview.other': null,
        'reviewLitigation.litigationAfterReview.total': 1,
      },
      errors: [
        {
          messageId: 'blockSumBlanks',
          data: { block: '行政诉讼·复议后起诉', actual: 1, expected: 0, blanks: 1 },
          path: 'reviewLitigation.litigationAfterReview.total',
        },
      ],
    },
  ],
});
