// Test table of T3-2: each row of table 3 totals its applicant columns.
import { rule } from './T3-2.ts';
import { testRule, validReport, withCells } from '../../test/support/rule-tester.ts';

const base = validReport('2021');
testRule(rule, {
  valid: [
    { name: 'all zeros', report: base },
    {
      name: 'a row that adds up',
      report: withCells(base, {
        'requests.granted.naturalPerson': 3,
        'requests.granted.commercial': 2,
        'requests.granted.total': 5,
      }),
    },
    {
      name: 'a blank total is blank-total’s business, not a sum',
      report: withCells(base, { 'requests.granted.total': null }),
    },
    { name: 'the 2019 format', report: validReport('2019') },
  ],
  invalid: [
    {
      name: 'a total that is not the sum',
      report: withCells(base, { 'requests.granted.naturalPerson': 3, 'requests.granted.total': 4 }),
      errors: [{ messageId: 'rowSum', path: 'requests.granted.total' }],
    },
    {
      name: 'blank parts counted as 0 and said so',
      report: withCells(base, {
        'requests.denied.stateSecret.naturalPerson': null,
        'requests.denied.stateSecret.total': 1,
      }),
      errors: [
        {
          messageId: 'rowSumBlanks',
          path: 'requests.denied.stateSecret.total',
          suggestions: ['requests.denied.stateSecret.total=0'],
        },
      ],
    },
  ],
});
