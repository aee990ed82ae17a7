// Test table of T2-2: 2021 现行有效件数 = last year's + 本年制发 − 本年废止.
import { expect, it } from 'vitest';
import { rule } from './T2-2.ts';
import { runRule, testRule, validReport, withCells } from '../../test/support/rule-tester.ts';

const lastYear = withCells(
  { ...validReport('2021'), year: 2021 },
  { 'proactive.normativeDocuments.inForce': 12 },
);
const docs = (issued: number | null, repealed: number | null, inForce: number | null) =>
  withCells(validReport('2021'), {
    'proactive.normativeDocuments.issued': issued,
    'proactive.normativeDocuments.repealed': repealed,
    'proactive.normativeDocuments.inForce': inForce,
  });

testRule(rule, {
  valid: [
    { name: 'no previous report', report: docs(3, 1, 99) },
    { name: '12 + 3 − 1 = 14', report: docs(3, 1, 14), options: { previous: lastYear } },
    { name: 'a blank: not compared', report: docs(3, null, 99), options: { previous: lastYear } },
    {
      name: 'last year in the 2019 format: no baseline (§8.3)',
      report: docs(3, 1, 99),
      options: { previous: { ...validReport('2019'), year: 2021 } },
    },
  ],
  invalid: [
    {
      name: 'in force not carried on',
      report: docs(3, 1, 3),
      options: { previous: lastYear },
      errors: [
        {
          messageId: 'mismatch',
          data: {
            row: '表二（主动公开）“行政规范性文件”行',
            rowEn: 'table 2 (proactive disclosure), row "行政规范性文件"',
            inForce: 3,
            issued: 3,
            repealed: 1,
            previousInForce: 12,
            expected: 14,
            previousYear: 2021,
          },
          path: 'proactive.normativeDocuments.inForce',
        },
      ],
    },
    {
      name: '规章 made although none was in force and none issued',
      report: withCells(docs(0, 0, 12), { 'proactive.regulations.inForce': 2 }),
      options: { previous: lastYear },
      errors: [
        {
          messageId: 'mismatch',
          data: {
            row: '表二（主动公开）“规章”行',
            rowEn: 'table 2 (proactive disclosure), row "规章"',
            inForce: 2,
            issued: 0,
            repealed: 0,
            previousInForce: 0,
            expected: 0,
            previousYear: 2021,
          },
          path: 'proactive.regulations.inForce',
        },
      ],
    },
  ],
});

it('T2-2 gives the arithmetic', () => {
  const [d] = runRule(rule, docs(3, 1, 3), { previous: lastYear });
  expect(d!.message).toBe(
    '表二（主动公开）“行政规范性文件”行：现行有效件数 3 不等于上一年度（2021年）现行有效件数 12 加本年制发件数 3 减本年废止件数 1，即 14',
  );
});
