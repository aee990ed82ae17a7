// Test table of T3-2: each row of table 3 totals its applicant columns.
import { rule } from './T3-2.ts';
import { testTableRule, validReport } from '../../test/support/rule-tester.ts';

testTableRule(rule, {
  version: '2021',
  valid: [
    {
      name: 'a row that adds up',
      cells: {
        'requests.granted.naturalPerson': 3,
        'requests.granted.commercial': 2,
        'requests.granted.total': 5,
      },
    },
    {
      name: 'a blank total is blank-total’s business, not a sum',
      cells: { 'requests.granted.total': null },
    },
    { name: 'the 2019 format', report: validReport('2019') },
  ],
  invalid: [
    {
      name: 'a total that is not the sum',
      cells: { 'requests.granted.naturalPerson': 3, 'requests.granted.total': 4 },
      errors: [
        {
          messageId: 'rowSum',
          data: { row: '（一）予以公开', actual: 4, expected: 3, blanks: 0 },
          path: 'requests.granted.total',
        },
      ],
    },
    {
      name: 'blank parts counted as 0 and said so',
      cells: {
        'requests.denied.stateSecret.naturalPerson': null,
        'requests.denied.stateSecret.total': 1,
      },
      errors: [
        {
          messageId: 'rowSumBlanks',
          data: { row: '1.属于国家秘密', actual: 1, expected: 0, blanks: 1 },
          path: 'requests.denied.stateSecret.total',
          suggestions: ['requests.denied.stateSecret.total=0'],
        },
      ],
    },
  ],
});
