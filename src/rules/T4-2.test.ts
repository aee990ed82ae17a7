// Test table of T4-2: the "litigationDirect" block of table 4 totals its outcomes.
import { rule } from './T4-2.ts';
import { testTableRule } from '../../test/support/rule-tester.ts';

testTableRule(rule, {
  version: '2021',
  valid: [
    {
      name: 'outcomes that add up',
      cells: {
        'reviewLitigation.litigationDirect.upheld': 2,
        'reviewLitigation.litigationDirect.pending': 1,
        'reviewLitigation.litigationDirect.total': 3,
      },
    },
  ],
  invalid: [
    {
      name: 'a total that is not the sum',
      cells: {
        'reviewLitigation.litigationDirect.corrected': 2,
        'reviewLitigation.litigationDirect.total': 1,
      },
      errors: [
        {
          messageId: 'blockSum',
          data: { block: '行政诉讼·未经复议直接起诉', actual: 1, expected: 2, blanks: 0 },
          path: 'reviewLitigation.litigationDirect.total',
        },
      ],
    },
    {
      name: 'blank outcomes counted as 0',
      cells: {
        'reviewLitigation.litigationDirect.other': null,
        'reviewLitigation.litigationDirect.total': 1,
      },
      errors: [
        {
          messageId: 'blockSumBlanks',
          data: { block: '行政诉讼·未经复议直接起诉', actual: 1, expected: 0, blanks: 1 },
          path: 'reviewLitigation.litigationDirect.total',
        },
      ],
    },
  ],
});
