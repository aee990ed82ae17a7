// Test table of T3-1: 一 + 二 = （七） + 四 in every column, reported on the applicant column at fault (T3-8).
import { rule } from './T3-1.ts';
import { testTableRule } from '../../test/support/rule-tester.ts';

testTableRule(rule, {
  version: '2019',
  valid: [
    {
      name: 'received and carried over equal handled and carried forward',
      cells: {
        'requests.newlyReceived.naturalPerson': 5,
        'requests.newlyReceived.total': 5,
        'requests.carriedOver.naturalPerson': 1,
        'requests.carriedOver.total': 1,
        'requests.totalHandled.naturalPerson': 4,
        'requests.totalHandled.total': 4,
        'requests.carriedForward.naturalPerson': 2,
        'requests.carriedForward.total': 2,
      },
    },
  ],
  invalid: [
    {
      name: 'the applicant column is named, not 总计, when the rows add up (T3-8)',
      cells: {
        'requests.newlyReceived.naturalPerson': 5,
        'requests.newlyReceived.total': 5,
      },
      errors: [
        {
          messageId: 'balance',
          data: { column: '自然人', lhs: 5, rhs: 0, blanks: 0 },
          path: 'requests.newlyReceived.naturalPerson',
        },
      ],
    },
    {
      name: '总计 is named when only it fails',
      cells: { 'requests.carriedOver.total': 2 },
      errors: [
        {
          messageId: 'balance',
          data: { column: '总计', lhs: 2, rhs: 0, blanks: 0 },
          path: 'requests.newlyReceived.total',
          suggestions: ['requests.carriedOver.total=0'],
        },
      ],
    },
    {
      name: 'blanks counted as 0',
      cells: {
        'requests.carriedOver.commercial': null,
        'requests.newlyReceived.commercial': 1,
        'requests.newlyReceived.total': 1,
      },
      errors: [
        {
          messageId: 'balanceBlanks',
          data: { column: '商业企业', lhs: 1, rhs: 0, blanks: 1 },
          path: 'requests.newlyReceived.commercial',
        },
      ],
    },
  ],
});
