// Test table of T3-3: （七）总计 is the sum of the outcome rows in every column.
import { rule } from './T3-3.ts';
import { testRule, validReport, withCells } from '../../test/support/rule-tester.ts';

const base = validReport('2021');
testRule(rule, {
  valid: [
    { name: 'all zeros', report: base },
    {
      name: 'outcomes that add up, 2021 （六） sub-rows included',
      report: withCells(base, {
        'requests.granted.naturalPerson': 2,
        'requests.otherHandling.overdueFee.naturalPerson': 1,
        'requests.totalHandled.naturalPerson': 3,
      }),
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
      report: withCells(base, {
        'requests.unableToProvide.notHeld.research': 2,
        'requests.totalHandled.research': 1,
      }),
      errors: [{ messageId: 'columnSum', path: 'requests.totalHandled.research' }],
    },
    {
      name: 'blank outcomes counted as 0',
      report: withCells(base, { 'requests.granted.otherOrg': null, 'requests.totalHandled.otherOrg': 1 }),
      errors: [
        {
          messageId: 'columnSumBlanks',
          path: 'requests.totalHandled.otherOrg',
          suggestions: ['requests.totalHandled.otherOrg=0'],
        },
      ],
    },
  ],
});
