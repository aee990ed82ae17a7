// Test table of T3-6: this year's 上年结转 equals last year's 结转下年度继续办理, per column.
import { expect, it } from 'vitest';
import { rule } from './T3-6.ts';
import { runRule, testRule, validReport, withCells } from '../../test/support/rule-tester.ts';

const lastYear = (version: '2019' | '2021' = '2021', year = 2021) =>
  withCells(
    { ...validReport(version), year },
    {
      'requests.carriedForward.naturalPerson': 4,
      'requests.carriedForward.legalService': 1,
      'requests.carriedForward.total': 5,
    },
  );
const thisYear = (np: number | null, ls: number | null, total: number | null) =>
  withCells(validReport('2021'), {
    'requests.carriedOver.naturalPerson': np,
    'requests.carriedOver.legalService': ls,
    'requests.carriedOver.total': total,
  });

testRule(rule, {
  valid: [
    { name: 'no previous report: nothing to compare', report: thisYear(1, 0, 1) },
    { name: 'carried over as carried forward', report: thisYear(4, 1, 5), options: { previous: lastYear() } },
    {
      name: '2020 (2019 format) → 2021: both formats have both rows',
      report: thisYear(4, 1, 5),
      options: { previous: lastYear('2019', 2021) },
    },
    {
      name: 'a blank is blank-cell’s, not compared',
      report: thisYear(null, 1, 5),
      options: { previous: lastYear() },
    },
    {
      name: 'previous year unknown: taken as given',
      report: thisYear(4, 1, 5),
      options: { previous: { ...lastYear(), year: null } },
    },
  ],
  invalid: [
    {
      name: 'two columns carried over differently',
      report: thisYear(3, 1, 4),
      options: { previous: lastYear() },
      errors: [
        { messageId: 'mismatch', path: 'requests.carriedOver.naturalPerson' },
        { messageId: 'mismatch', path: 'requests.carriedOver.total' },
      ],
    },
    {
      name: 'nothing carried over although last year carried 5 forward',
      report: validReport('2021'),
      options: { previous: lastYear() },
      errors: [
        { messageId: 'mismatch', path: 'requests.carriedOver.naturalPerson' },
        { messageId: 'mismatch', path: 'requests.carriedOver.legalService' },
        { messageId: 'mismatch', path: 'requests.carriedOver.total' },
      ],
    },
    {
      name: 'the report given as last year’s is two years old',
      report: thisYear(4, 1, 5),
      options: { previous: lastYear('2021', 2020) },
      errors: [{ messageId: 'wrongYear', path: 'year' }],
    },
  ],
});

it('T3-6 names both figures and the year', () => {
  const [d] = runRule(rule, thisYear(3, 1, 5), { previous: lastYear() });
  expect(d!.message).toBe(
    '表三（依申请公开）“二、上年结转政府信息公开申请数量”行“自然人”列为 3，但上一年度（2021年）报告“四、结转下年度继续办理”行“自然人”列为 4，二者应相等',
  );
  expect([d!.expected, d!.actual, d!.severity]).toEqual([4, 3, 'warning']);
});
