// Test tables of T2-1, T3-4 and T4-4: figures are whole and not negative; 本年增/减 may be negative; amounts decimal.
import { rule as T2_1 } from './T2-1.ts';
import { rule as T3_4 } from './T3-4.ts';
import { rule as T4_4 } from './T4-4.ts';
import { testRule, validReport, withCells } from '../../test/support/rule-tester.ts';

testRule(T2_1, {
  valid: [
    { name: '2021 zeros', report: validReport('2021') },
    {
      name: '2019 本年增/减 may be negative',
      report: withCells(validReport('2019'), { 'proactive.licensing.change': -8 }),
    },
    {
      name: '2021 收费金额 in 万元 with decimals',
      report: withCells(validReport('2021'), { 'proactive.fees.amount': 1.2345 }),
    },
  ],
  invalid: [
    {
      name: 'a negative count',
      report: withCells(validReport('2021'), { 'proactive.regulations.issued': -1 }),
      errors: [{ messageId: 'negative', path: 'proactive.regulations.issued' }],
    },
    {
      name: 'a fraction of a decision',
      report: withCells(validReport('2021'), { 'proactive.licensing.decisions': 2.5 }),
      errors: [{ messageId: 'fraction', path: 'proactive.licensing.decisions' }],
    },
    {
      name: 'a negative amount',
      report: withCells(validReport('2019'), { 'proactive.procurement.amount': -3 }),
      errors: [{ messageId: 'negativeAmount', path: 'proactive.procurement.amount' }],
    },
  ],
});

testRule(T3_4, {
  valid: [{ name: 'zeros', report: validReport('2019') }],
  invalid: [
    {
      name: 'a negative count',
      report: withCells(validReport('2019'), { 'requests.granted.research': -2 }),
      errors: [{ messageId: 'negative', path: 'requests.granted.research' }],
    },
    {
      name: 'a fraction',
      report: withCells(validReport('2019'), { 'requests.carriedOver.total': 0.5 }),
      errors: [{ messageId: 'fraction', path: 'requests.carriedOver.total' }],
    },
  ],
});

testRule(T4_4, {
  valid: [{ name: 'zeros', report: validReport('2021') }],
  invalid: [
    {
      name: 'a negative count',
      report: withCells(validReport('2021'), { 'reviewLitigation.review.upheld': -1 }),
      errors: [{ messageId: 'negative', path: 'reviewLitigation.review.upheld' }],
    },
    {
      name: 'a fraction',
      report: withCells(validReport('2021'), { 'reviewLitigation.review.total': 1.5 }),
      errors: [{ messageId: 'fraction', path: 'reviewLitigation.review.total' }],
    },
  ],
});
