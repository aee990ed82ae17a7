// Test table of T3-1: 一 + 二 = （七） + 四 in every column, reported on the applicant column at fault (T3-8).
import { rule } from './T3-1.ts';
import { testRule, validReport, withCells } from '../../test/support/rule-tester.ts';

const base = validReport('2019');
testRule(rule, {
  valid: [
    { name: 'all zeros', report: base },
    {
      name: 'received and carried over equal handled and carried forward',
      report: withCells(base, {
        'requests.newlyReceived.naturalPerson': 5,
        'requests.newlyReceived.total': 5,
        'requests.carriedOver.naturalPerson': 1,
        'requests.carriedOver.total': 1,
        'requests.totalHandled.naturalPerson': 4,
        'requests.totalHandled.total': 4,
        'requests.carriedForward.naturalPerson': 2,
        'requests.carriedForward.total': 2,
      }),
    },
  ],
  invalid: [
    {
      name: 'the applicant column is named, not 总计, when the rows add up (T3-8)',
      report: withCells(base, {
        'requests.newlyReceived.naturalPerson': 5,
        'requests.newlyReceived.total': 5,
      }),
      errors: [{ messageId: 'balance', path: 'requests.newlyReceived.naturalPerson' }],
    },
    {
      name: '总计 is named when only it fails',
      report: withCells(base, { 'requests.carriedOver.total': 2 }),
      errors: [
        {
          messageId: 'balance',
          path: 'requests.newlyReceived.total',
          suggestions: ['requests.carriedOver.total=0'],
        },
      ],
    },
    {
      name: 'blanks counted as 0',
      report: withCells(base, {
        'requests.carriedOver.commercial': null,
        'requests.newlyReceived.commercial': 1,
        'requests.newlyReceived.total': 1,
      }),
      errors: [{ messageId: 'balanceBlanks', path: 'requests.newlyReceived.commercial' }],
    },
  ],
});
