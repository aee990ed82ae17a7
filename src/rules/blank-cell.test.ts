// Test table of blank-cell: blank cells of tables 2, 3 and 4 other than the totals, one finding per row.
import { expect, it } from 'vitest';
import type { Diagnostic } from '../model/diagnostic.ts';
import { blankReport, blankTable, tableDef } from '../model/report.ts';
import { rule } from './blank-cell.ts';
import { runRule, testRule, validReport, withCells } from '../../test/support/rule-tester.ts';

const v21 = validReport('2021');
const v19 = validReport('2019');
const extraction = (messageId: string, path: string[]): Diagnostic => ({
  ruleId: 'extract/x',
  severity: 'warning',
  messageId,
  message: '',
  data: {},
  path,
});
const noRequests = { ...structuredClone(v21), requests: blankTable(tableDef('2021', 'requests')) };

testRule(rule, {
  valid: [
    { name: 'every cell filled (2021)', report: v21 },
    // 2019 （八）/（九） have two columns by design (format-spec §4.1): no third cell to be blank.
    { name: 'every cell filled (2019, two-column rows included)', report: v19 },
    { name: 'a blank 总计 is blank-total’s', report: withCells(v21, { 'requests.granted.total': null }) },
    {
      name: 'a blank table-4 总计 is blank-total’s',
      report: withCells(v19, { 'reviewLitigation.review.total': null }),
    },
    {
      name: 'a table extraction did not find is left to extraction',
      report: noRequests,
      options: { extraction: [extraction('missingTable', ['requests'])] },
    },
    {
      name: 'a row extraction could not place is left to extraction',
      report: withCells(v21, {
        'requests.carriedForward.naturalPerson': null,
        'requests.carriedForward.total': null,
      }),
      options: { extraction: [extraction('ambiguousCells', ['requests', 'carriedForward'])] },
    },
    {
      name: 'a figure OCR could not read is left to extraction (extract/unreadable-figure)',
      report: withCells(v21, { 'requests.granted.naturalPerson': null }),
      options: {
        extraction: [extraction('unreadableFigure', ['requests', 'granted', 'naturalPerson'])],
      },
    },
  ],
  invalid: [
    {
      name: 'a blank cell (sample 003: 四、结转下年度继续办理 自然人)',
      report: withCells(v19, { 'requests.carriedForward.naturalPerson': null }),
      errors: [
        {
          messageId: 'blankRow',
          data: {
            row: '表三（依申请公开）“四、结转下年度继续办理”行',
            rowEn: 'table 3 (requests), row "四、结转下年度继续办理"',
            count: 1,
            columns: '自然人',
          },
          path: 'requests.carriedForward',
        },
      ],
    },
    {
      name: 'a row whose figures were placed by the grid keeps its blanks (missingCellsPlaced)',
      report: withCells(v19, { 'requests.carriedForward.naturalPerson': null }),
      options: { extraction: [extraction('missingCellsPlaced', ['requests', 'carriedForward'])] },
      errors: [
        {
          messageId: 'blankRow',
          data: {
            row: '表三（依申请公开）“四、结转下年度继续办理”行',
            rowEn: 'table 3 (requests), row "四、结转下年度继续办理"',
            count: 1,
            columns: '自然人',
          },
          path: 'requests.carriedForward',
        },
      ],
    },
    {
      name: 'several blanks in one row give one finding',
      report: withCells(v21, {
        'requests.denied.stateSecret.commercial': null,
        'requests.denied.stateSecret.research': null,
        'requests.denied.stateSecret.total': null,
      }),
      errors: [
        {
          messageId: 'blankRow',
          data: {
            row: '表三（依申请公开）“1.属于国家秘密”行',
            rowEn: 'table 3 (requests), row "1.属于国家秘密"',
            count: 2,
            columns: '商业企业、科研机构',
          },
          path: 'requests.denied.stateSecret',
        },
      ],
    },
    {
      name: 'blanks in two rows give two findings, in table order',
      report: withCells(v21, {
        'requests.carriedOver.otherOrg': null,
        'requests.newlyReceived.research': null,
      }),
      errors: [
        {
          messageId: 'blankRow',
          data: {
            row: '表三（依申请公开）“一、本年新收政府信息公开申请数量”行',
            rowEn: 'table 3 (requests), row "一、本年新收政府信息公开申请数量"',
            count: 1,
            columns: '科研机构',
          },
          path: 'requests.newlyReceived',
        },
        {
          messageId: 'blankRow',
          data: {
            row: '表三（依申请公开）“二、上年结转政府信息公开申请数量”行',
            rowEn: 'table 3 (requests), row "二、上年结转政府信息公开申请数量"',
            count: 1,
            columns: '其他',
          },
          path: 'requests.carriedOver',
        },
      ],
    },
    {
      name: 'a blank in table 2 (2019 对外公开总数量)',
      report: withCells(v19, { 'proactive.normativeDocuments.totalPublished': null }),
      errors: [
        {
          messageId: 'blankRow',
          data: {
            row: '表二（主动公开）“规范性文件”行',
            rowEn: 'table 2 (proactive disclosure), row "规范性文件"',
            count: 1,
            columns: '对外公开总数量',
          },
          path: 'proactive.normativeDocuments',
        },
      ],
    },
    {
      name: 'a blank in table 2 (2021 本年收费金额)',
      report: withCells(v21, { 'proactive.fees.amount': null }),
      errors: [
        {
          messageId: 'blankRow',
          data: {
            row: '表二（主动公开）“行政事业性收费”行',
            rowEn: 'table 2 (proactive disclosure), row "行政事业性收费"',
            count: 1,
            columns: '本年收费金额（单位：万元）',
          },
          path: 'proactive.fees',
        },
      ],
    },
    {
      name: 'a blank in table 4',
      report: withCells(v21, { 'reviewLitigation.litigationDirect.pending': null }),
      errors: [
        {
          messageId: 'blankRow',
          data: {
            row: '表四（复议诉讼）“行政诉讼·未经复议直接起诉”行',
            rowEn: 'table 4 (review and litigation), row "行政诉讼·未经复议直接起诉"',
            count: 1,
            columns: '尚未审结',
          },
          path: 'reviewLitigation.litigationDirect',
        },
      ],
    },
    {
      name: 'a table with no figure at all: one finding for the table',
      report: noRequests,
      errors: [
        {
          messageId: 'emptyTable',
          data: { table: '表三（依申请公开）', tableEn: 'table 3 (requests)' },
          path: 'requests',
        },
      ],
    },
    {
      name: 'a report with no figure at all: one finding per table',
      report: blankReport('2019'),
      errors: [
        {
          messageId: 'emptyTable',
          data: { table: '表二（主动公开）', tableEn: 'table 2 (proactive disclosure)' },
          path: 'proactive',
        },
        {
          messageId: 'emptyTable',
          data: { table: '表三（依申请公开）', tableEn: 'table 3 (requests)' },
          path: 'requests',
        },
        {
          messageId: 'emptyTable',
          data: { table: '表四（复议诉讼）', tableEn: 'table 4 (review and litigation)' },
          path: 'reviewLitigation',
        },
      ],
    },
  ],
});

it('blank-cell lists the blank columns of the row and relates their cells', () => {
  const report = withCells(v21, {
    'requests.granted.commercial': null,
    'requests.granted.otherOrg': null,
    'requests.granted.total': null,
  });
  const [d] = runRule(rule, report);
  expect(d!.severity).toBe('warning');
  expect(d!.message).toBe(
    '表三（依申请公开）“（一）予以公开”行有 2 个单元格为空（商业企业、其他）：应填写数字，没有的填 0',
  );
  expect(d!.related).toEqual([
    ['requests', 'granted', 'commercial'],
    ['requests', 'granted', 'otherOrg'],
  ]);
  const [en] = runRule(rule, report, { lang: 'en' });
  expect(en!.message).toContain(
    'Blank cells in table 3 (requests), row "（一）予以公开" (2: 商业企业、其他)',
  );
});
