// Test table of T2-3: 2019 format, 上一年项目数量(2020) = 上一年项目数量(2019) + 本年增/减(2019).
import { expect, it } from 'vitest';
import { rule } from './T2-3.ts';
import { runRule, testRule, validReport, withCells } from '../../test/support/rule-tester.ts';

const y2019 = withCells(validReport('2019'), {
  'proactive.licensing.previousItems': 58,
  'proactive.licensing.change': -3,
  'proactive.fees.previousItems': 6,
  'proactive.fees.change': 1,
});
const y2020 = (licensing: number | null, fees: number | null) =>
  withCells(
    { ...validReport('2019'), year: 2020 },
    {
      'proactive.licensing.previousItems': licensing,
      'proactive.fees.previousItems': fees,
    },
  );

testRule(rule, {
  valid: [
    { name: 'no previous report', report: y2020(1, 1) },
    { name: '58 − 3 = 55, 6 + 1 = 7', report: y2020(55, 7), options: { previous: y2019 } },
    { name: 'a blank: not compared', report: y2020(null, 7), options: { previous: y2019 } },
    {
      name: '2020 → 2021: the 2021 format has no such column',
      report: validReport('2021'),
      options: { previous: { ...y2019, year: 2021 } },
    },
  ],
  invalid: [
    {
      name: 'the change not carried on',
      report: y2020(58, 7),
      options: { previous: y2019 },
      errors: [
        {
          messageId: 'mismatch',
          data: {
            row: '表二（主动公开）“行政许可”行',
            rowEn: 'table 2 (proactive disclosure), row "行政许可"',
            actual: 58,
            previousItems: 58,
            change: -3,
            expected: 55,
            previousYear: 2019,
          },
          path: 'proactive.licensing.previousItems',
        },
      ],
    },
    {
      name: 'the fees row',
      report: y2020(55, 6),
      options: { previous: y2019 },
      errors: [
        {
          messageId: 'mismatch',
          data: {
            row: '表二（主动公开）“行政事业性收费”行',
            rowEn: 'table 2 (proactive disclosure), row "行政事业性收费"',
            actual: 6,
            previousItems: 6,
            change: 1,
            expected: 7,
            previousYear: 2019,
          },
          path: 'proactive.fees.previousItems',
        },
      ],
    },
  ],
});

it('T2-3 gives the arithmetic', () => {
  const [d] = runRule(rule, y2020(58, 7), { previous: y2019 });
  expect(d!.message).toBe(
    '表二（主动公开）“行政许可”行：上一年项目数量 58 不等于上一年度（2019年）报告的上一年项目数量 58 加本年增/减 -3，即 55',
  );
});
