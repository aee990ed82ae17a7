// Test table of T2-4: 2019 本年新公开数量 ≤ 对外公开总数量.
import { expect, it } from 'vitest';
import { rule } from './T2-4.ts';
import { runRule, testRule, validReport, withCells } from '../../test/support/rule-tester.ts';

const v19 = validReport('2019');
const docs = (row: string, newly: number | null, total: number | null) =>
  withCells(v19, { [`proactive.${row}.newlyPublished`]: newly, [`proactive.${row}.totalPublished`]: total });

testRule(rule, {
  valid: [
    { name: 'all zero', report: v19 },
    { name: 'equal', report: docs('normativeDocuments', 4, 4) },
    { name: 'fewer published this year than in total', report: docs('normativeDocuments', 178, 646) },
    { name: 'total blank: blank-cell’s, nothing to compare', report: docs('regulations', 3, null) },
    { name: 'this year blank', report: docs('regulations', null, 0) },
    { name: '2021 format: no such columns', report: validReport('2021') },
  ],
  invalid: [
    {
      name: '规章 published this year exceed the total',
      report: docs('regulations', 3, 2),
      errors: [
        {
          messageId: 'exceeds',
          data: {
            row: '表二（主动公开）“规章”行',
            rowEn: 'table 2 (proactive disclosure), row "规章"',
            newly: 3,
            total: 2,
          },
          path: 'proactive.regulations.newlyPublished',
        },
      ],
    },
    {
      name: '规范性文件 published this year exceed a total of 0',
      report: docs('normativeDocuments', 4, 0),
      errors: [
        {
          messageId: 'exceeds',
          data: {
            row: '表二（主动公开）“规范性文件”行',
            rowEn: 'table 2 (proactive disclosure), row "规范性文件"',
            newly: 4,
            total: 0,
          },
          path: 'proactive.normativeDocuments.newlyPublished',
        },
      ],
    },
    {
      name: 'both rows',
      report: withCells(docs('regulations', 1, 0), {
        'proactive.normativeDocuments.newlyPublished': 9,
        'proactive.normativeDocuments.totalPublished': 8,
      }),
      errors: [
        {
          messageId: 'exceeds',
          data: {
            row: '表二（主动公开）“规章”行',
            rowEn: 'table 2 (proactive disclosure), row "规章"',
            newly: 1,
            total: 0,
          },
          path: 'proactive.regulations.newlyPublished',
        },
        {
          messageId: 'exceeds',
          data: {
            row: '表二（主动公开）“规范性文件”行',
            rowEn: 'table 2 (proactive disclosure), row "规范性文件"',
            newly: 9,
            total: 8,
          },
          path: 'proactive.normativeDocuments.newlyPublished',
        },
      ],
    },
  ],
});

it('T2-4 names the row and relates the total', () => {
  const [d] = runRule(rule, docs('normativeDocuments', 4, 0));
  expect(d!.message).toBe(
    '表二（主动公开）“规范性文件”行：本年新公开数量 4 大于对外公开总数量 0，本年新公开的文件应计入对外公开总数量',
  );
  expect(d!.related).toEqual([['proactive', 'normativeDocuments', 'totalPublished']]);
});
