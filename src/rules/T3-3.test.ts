// Test table of T3-3: （七）总计 is the sum of the outcome rows in every column.
import { rule } from './T3-3.ts';
import { testTableRule, validReport, withCells } from '../../test/support/rule-tester.ts';

testTableRule(rule, {
  version: '2021',
  valid: [
    {
      name: 'outcomes that add up, 2021 （六） sub-rows included',
      cells: {
        'requests.granted.naturalPerson': 2,
        'requests.otherHandling.overdueFee.naturalPerson': 1,
        'requests.totalHandled.naturalPerson': 3,
      },
    },
    {
      name: 'the 2019 single （六） row',
      report: withCells(validReport('2019'), {
        'requests.otherHandling.legalService': 4,
        'requests.totalHandled.legalService': 4,
      }),
    },
  ],
  invalid: [
    {
      name: 'an outcome left out of the total',
      cells: {
        'requests.unableToProvide.notHeld.research': 2,
        'requests.totalHandled.research': 1,
      },
      errors: [
        {
          messageId: 'columnSum',
          data: { column: '科研机构', actual: 1, expected: 2, blanks: 0 },
          path: 'requests.totalHandled.research',
        },
      ],
    },
    {
      name: 'blank outcomes counted as 0',
      cells: { 'requests.granted.otherOrg': null, 'requests.totalHandled.otherOrg': 1 },
      errors: [
        {
          messageId: 'columnSumBlanks',
          data: { column: '其他', actual: 1, expected: 0, blanks: 1 },
          path: 'requests.totalHandled.otherOrg',
          suggestions: ['requests.totalHandled.otherOrg=0'],
        },
      ],
    },
  ],
});
