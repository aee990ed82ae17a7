// Test table of blank-total: blank 总计 cells of tables 3 and 4.
import { expect, it } from 'vitest';
import type { Diagnostic } from '../model/diagnostic.ts';
import { FORMAT_2019 } from '../model/formats/index.ts';
import { blankReport } from '../model/report.ts';
import { rule } from './blank-total.ts';
import { runRule, testRule, validReport, withCells } from '../../test/support/rule-tester.ts';

const v21 = validReport('2021');
const v19 = validReport('2019');
const requests19 = FORMAT_2019.tables.find((t) => t.key === 'requests')!;
/** Sample 001: only 自然人 filled in, the 总计 column blank all the way down. */
const totalColumnBlank = withCells(
  v19,
  Object.fromEntries(requests19.rows.map((r) => [['requests', ...r.path, 'total'].join('.'), null])),
);
const missingRow: Diagnostic = {
  ruleId: 'extract/missing-row',
  severity: 'warning',
  messageId: 'missingRow',
  message: '',
  data: {},
  path: ['requests', 'granted'],
};

testRule(rule, {
  valid: [
    { name: 'every total filled (2021)', report: v21 },
    { name: 'every total filled (2019)', report: v19 },
    {
      name: 'a blank applicant cell is blank-cell’s',
      report: withCells(v21, { 'requests.granted.commercial': null }),
    },
    { name: 'a table with no figure at all is not a table of blank totals', report: blankReport('2021') },
    {
      name: 'a row extraction could not read is left to extraction',
      report: withCells(
        v21,
        Object.fromEntries(requests19.rows[0]!.columns.map((c) => [`requests.granted.${c.key}`, null])),
      ),
      options: { extraction: [missingRow] },
    },
    {
      name: 'a total OCR could not read is left to extraction (extract/unreadable-figure)',
      report: withCells(v21, { 'requests.granted.total': null }),
      options: {
        extraction: [
          {
            ruleId: 'extract/unreadable-figure',
            severity: 'warning',
            messageId: 'unreadableFigure',
            message: '',
            data: { text: '了' },
            path: ['requests', 'granted', 'total'],
          },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'a blank total in table 3',
      report: withCells(v21, { 'requests.granted.total': null }),
      errors: [
        {
          messageId: 'blankTotal',
          data: {
            cell: '表三（依申请公开）“（一）予以公开”行“总计”列',
            cellEn: 'table 3 (requests), row "（一）予以公开", column "总计"',
          },
          path: 'requests.granted.total',
        },
      ],
    },
    {
      name: 'a blank total in a nested row of table 3 (2021 （六）3)',
      report: withCells(v21, { 'requests.otherHandling.other.total': null }),
      errors: [
        {
          messageId: 'blankTotal',
          data: {
            cell: '表三（依申请公开）“3.其他”行“总计”列',
            cellEn: 'table 3 (requests), row "3.其他", column "总计"',
          },
          path: 'requests.otherHandling.other.total',
        },
      ],
    },
    {
      name: 'a blank total in table 4',
      report: withCells(v21, { 'reviewLitigation.litigationAfterReview.total': null }),
      errors: [
        {
          messageId: 'blankTotal',
          data: {
            cell: '表四（复议诉讼）“行政诉讼·复议后起诉”行“总计”列',
            cellEn: 'table 4 (review and litigation), row "行政诉讼·复议后起诉", column "总计"',
          },
          path: 'reviewLitigation.litigationAfterReview.total',
        },
      ],
    },
    {
      name: 'the whole 总计 column blank (sample 001): one finding per cell',
      report: totalColumnBlank,
      errors: requests19.rows.map((r) => ({
        messageId: 'blankTotal',
        data: {
          cell: `表三（依申请公开）“${r.label}”行“总计”列`,
          cellEn: `table 3 (requests), row "${r.label}", column "总计"`,
        },
        path: ['requests', ...r.path, 'total'].join('.'),
      })),
    },
    {
      name: 'a row entirely blank still has a blank total',
      report: withCells(v19, {
        'reviewLitigation.review.upheld': null,
        'reviewLitigation.review.corrected': null,
        'reviewLitigation.review.other': null,
        'reviewLitigation.review.pending': null,
        'reviewLitigation.review.total': null,
      }),
      errors: [
        {
          messageId: 'blankTotal',
          data: {
            cell: '表四（复议诉讼）“行政复议”行“总计”列',
            cellEn: 'table 4 (review and litigation), row "行政复议", column "总计"',
          },
          path: 'reviewLitigation.review.total',
        },
      ],
    },
  ],
});

it('blank-total names the cell as a reviewer reads it', () => {
  const [d] = runRule(rule, withCells(v21, { 'requests.granted.total': null }));
  expect(d!.message).toBe('表三（依申请公开）“（一）予以公开”行“总计”列为空：总计应填写数字，没有的填 0');
  expect(d!.severity).toBe('error');
  const [en] = runRule(rule, withCells(v21, { 'requests.granted.total': null }), { lang: 'en' });
  expect(en!.message).toContain('Blank total in table 3 (requests), row "（一）予以公开", column "总计"');
});
