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

/** The finding on a column of 二、上年结转 that is not last year's carry-forward (data as the rule gives it). */
const carriedOver = (key: string, column: string, actual: number, expected: number) => ({
  messageId: 'mismatch',
  data: {
    cell: `表三（依申请公开）“二、上年结转政府信息公开申请数量”行“${column}”列`,
    cellEn: `table 3 (requests), row "二、上年结转政府信息公开申请数量", column "${column}"`,
    column,
    actual,
    expected,
    previousYear: 2021,
  },
  path: `requests.carriedOver.${key}`,
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
      errors: [carriedOver('naturalPerson', '自然人', 3, 4), carriedOver('total', '总计', 4, 5)],
    },
    {
      name: 'nothing carried over although last year carried 5 forward',
      report: validReport('2021'),
      options: { previous: lastYear() },
      errors: [
        carriedOver('naturalPerson', '自然人', 0, 4),
        carriedOver('legalService', '法律服务机构', 0, 1),
        carriedOver('total', '总计', 0, 5),
      ],
    },
    {
      name: 'the report given as last year’s is two years old',
      report: thisYear(4, 1, 5),
      options: { previous: lastYear('2021', 2020) },
      errors: [{ messageId: 'wrongYear', data: { previousYear: 2020, expectedYear: 2021 }, path: 'year' }],
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
