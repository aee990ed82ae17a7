// Test table of T4-2: the "litigationDirect" block of table 4 totals its outcomes.
import { rule } from './T4-2.ts';
import { testRule, validReport, withCells } from '../../test/support/rule-tester.ts';

const base = validReport('2021');
testRule(rule, {
  valid: [
    { name: 'all zeros', report: base },
    {
      name: 'outcomes that add up',
      report: withCells(base, {
        'reviewLitigation.litigationDirect.upheld': 2,
        'reviewLitigation.litigationDirect.pending': 1,
        'reviewLitigation.litigationDirect.total': 3,
      }),
    },
  ],
  invalid: [
    {
      name: 'a total that is not the sum',
      report: withCells(base, {
        'reviewLitigation.litigationDirect.corrected': 2,
        'reviewLitigation.litigationDirect.total': 1,
      }),
      errors: [{ messageId: 'blockSum', path: 'reviewLitigation.litigationDirect.total' }],
    },
    {
      name: 'blank outcomes counted as 0',
      report: withCells(base, {
        'reviewLitigation.litigationDirect.other': null,
        'reviewLitigation.litigationDirect.total': 1,
      }),
      errors: [{ messageId: 'blockSumBlanks', path: 'reviewLitigation.litigationDirect.total' }],
    },
  ],
});
