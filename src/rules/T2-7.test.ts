// Test table of T2-7: a 2021 行政事业性收费 amount (万元) that looks entered in 元.
import { expect, it } from 'vitest';
import { feeScale, rule } from './T2-7.ts';
import { runRule, testRule, validReport, withCells } from '../../test/support/rule-tester.ts';

const fee = (agency: string | null, amount: number | null) => ({
  ...withCells(validReport('2021'), { 'proactive.fees.amount': amount }),
  agency,
});

testRule(rule, {
  valid: [
    { name: 'no fees', report: fee('某县财政局', 0) },
    { name: 'blank', report: fee('某县财政局', null) },
    { name: 'a small decimal', report: fee('某县财政局', 12.35) },
    { name: 'a county body, a whole number below 1000', report: fee('某县财政局', 999) },
    { name: 'a county body, a large amount with decimals', report: fee('兖州区审计局', 1200.5) },
    { name: 'a city body, a whole number below 1亿', report: fee('某市自然资源和规划局', 9999) },
    { name: 'a province government, above 1亿', report: fee('河南省人民政府', 52000) },
    { name: 'a national body, above 1亿', report: fee('国家知识产权局', 3500000) },
    // The fees of a whole region run to 亿元: 18651 万元 is a region's real figure, written in 万元.
    { name: 'a district government, 18651 万元 for its region', report: fee('某市某区人民政府', 18651) },
    { name: 'a city government, 18651 万元', report: fee('三门峡市人民政府', 18651) },
    { name: 'a county government, 3.6亿元', report: fee('某县人民政府', 36000) },
    {
      name: 'a county government, a whole number ≥ 1000 (a region rounds to 万元)',
      report: fee('某县人民政府', 1500),
    },
    { name: 'a region-wide report named after the region', report: fee('平潭综合实验区', 18651) },
    { name: 'a development zone’s 管委会 governs its zone', report: fee('某市高新区管委会', 18651) },
    { name: 'a province-level region-wide report (上海市)', report: fee('上海市', 5200000) },
    {
      name: 'the 2019 format counts items, not money',
      report: { ...validReport('2019'), agency: '某县财政局' },
    },
  ],
  invalid: [
    {
      name: 'a city department, ≥ 1亿元',
      report: fee('某市民政局', 12000),
      errors: [
        {
          messageId: 'tooLarge',
          data: {
            cell: '表二（主动公开）“行政事业性收费”行“本年收费金额（单位：万元）”列',
            cellEn:
              'table 2 (proactive disclosure), row "行政事业性收费", column "本年收费金额（单位：万元）"',
            value: 12000,
            yi: 1.2,
          },
          path: 'proactive.fees.amount',
        },
      ],
    },
    {
      name: 'a province department, ≥ 1亿元',
      report: fee('河南省机关事务管理局', 10000),
      errors: [
        {
          messageId: 'tooLarge',
          data: {
            cell: '表二（主动公开）“行政事业性收费”行“本年收费金额（单位：万元）”列',
            cellEn:
              'table 2 (proactive disclosure), row "行政事业性收费", column "本年收费金额（单位：万元）"',
            value: 10000,
            yi: 1,
          },
          path: 'proactive.fees.amount',
        },
      ],
    },
    {
      name: 'agency unknown, ≥ 1亿元',
      report: fee(null, 250000),
      errors: [
        {
          messageId: 'tooLarge',
          data: {
            cell: '表二（主动公开）“行政事业性收费”行“本年收费金额（单位：万元）”列',
            cellEn:
              'table 2 (proactive disclosure), row "行政事业性收费", column "本年收费金额（单位：万元）"',
            value: 250000,
            yi: 25,
          },
          path: 'proactive.fees.amount',
        },
      ],
    },
    {
      name: 'a county department, a whole number ≥ 1000',
      report: fee('兖州区审计局', 1500),
      errors: [
        {
          messageId: 'wholeYuan',
          data: {
            cell: '表二（主动公开）“行政事业性收费”行“本年收费金额（单位：万元）”列',
            cellEn:
              'table 2 (proactive disclosure), row "行政事业性收费", column "本年收费金额（单位：万元）"',
            value: 1500,
            wan: 0.15,
          },
          path: 'proactive.fees.amount',
        },
      ],
    },
    {
      name: 'a town government, exactly 1000',
      report: fee('某县某镇人民政府', 1000),
      errors: [
        {
          messageId: 'wholeYuan',
          data: {
            cell: '表二（主动公开）“行政事业性收费”行“本年收费金额（单位：万元）”列',
            cellEn:
              'table 2 (proactive disclosure), row "行政事业性收费", column "本年收费金额（单位：万元）"',
            value: 1000,
            wan: 0.1,
          },
          path: 'proactive.fees.amount',
        },
      ],
    },
    {
      name: 'a county department with a region’s figure (18651 万元)',
      report: fee('某县财政局', 18651),
      errors: [
        {
          messageId: 'tooLarge',
          data: {
            cell: '表二（主动公开）“行政事业性收费”行“本年收费金额（单位：万元）”列',
            cellEn:
              'table 2 (proactive disclosure), row "行政事业性收费", column "本年收费金额（单位：万元）"',
            value: 18651,
            yi: 1.8651,
          },
          path: 'proactive.fees.amount',
        },
      ],
    },
    {
      name: 'a department of a development zone, 18651 万元',
      report: fee('平潭综合实验区财政金融局', 18651),
      errors: [
        {
          messageId: 'tooLarge',
          data: {
            cell: '表二（主动公开）“行政事业性收费”行“本年收费金额（单位：万元）”列',
            cellEn:
              'table 2 (proactive disclosure), row "行政事业性收费", column "本年收费金额（单位：万元）"',
            value: 18651,
            yi: 1.8651,
          },
          path: 'proactive.fees.amount',
        },
      ],
    },
    {
      name: 'a town government, 18651 万元: a township is no region of that scale',
      report: fee('某县某镇人民政府', 18651),
      errors: [
        {
          messageId: 'tooLarge',
          data: {
            cell: '表二（主动公开）“行政事业性收费”行“本年收费金额（单位：万元）”列',
            cellEn:
              'table 2 (proactive disclosure), row "行政事业性收费", column "本年收费金额（单位：万元）"',
            value: 18651,
            yi: 1.8651,
          },
          path: 'proactive.fees.amount',
        },
      ],
    },
    {
      name: 'a 街道办事处, 18651 万元',
      report: fee('某区某街道办事处', 18651),
      errors: [
        {
          messageId: 'tooLarge',
          data: {
            cell: '表二（主动公开）“行政事业性收费”行“本年收费金额（单位：万元）”列',
            cellEn:
              'table 2 (proactive disclosure), row "行政事业性收费", column "本年收费金额（单位：万元）"',
            value: 18651,
            yi: 1.8651,
          },
          path: 'proactive.fees.amount',
        },
      ],
    },
    {
      name: 'a district government whose 18651 万元 were entered in 元 (186510000)',
      report: fee('某市某区人民政府', 186510000),
      errors: [
        {
          messageId: 'tooLarge',
          data: {
            cell: '表二（主动公开）“行政事业性收费”行“本年收费金额（单位：万元）”列',
            cellEn:
              'table 2 (proactive disclosure), row "行政事业性收费", column "本年收费金额（单位：万元）"',
            value: 186510000,
            yi: 18651,
          },
          path: 'proactive.fees.amount',
        },
      ],
    },
    {
      name: 'a city government from 100亿元 (1000000 万元)',
      report: fee('三门峡市人民政府', 1000000),
      errors: [
        {
          messageId: 'tooLarge',
          data: {
            cell: '表二（主动公开）“行政事业性收费”行“本年收费金额（单位：万元）”列',
            cellEn:
              'table 2 (proactive disclosure), row "行政事业性收费", column "本年收费金额（单位：万元）"',
            value: 1000000,
            yi: 100,
          },
          path: 'proactive.fees.amount',
        },
      ],
    },
  ],
});

it('T2-7 says what the figure would be in 万元', () => {
  const [d] = runRule(rule, fee('兖州区审计局', 1500));
  expect(d!.message).toBe(
    '表二（主动公开）“行政事业性收费”行“本年收费金额（单位：万元）”列为 1500 万元（整数），对县级、乡级机关而言过大：该栏单位为万元，请核实是否按元填写（1500 元即 0.15 万元）',
  );
  const [big] = runRule(rule, fee('某市民政局', 12000));
  expect(big!.message).toContain('即 1.2 亿元');
});

it('T2-7 judges by the scale of the body', () => {
  const scale = (name: string | null) => feeScale(name).scale;
  expect(['国家知识产权局', '河南省人民政府', '上海市'].map(scale)).toEqual([
    'unbounded',
    'unbounded',
    'unbounded',
  ]);
  expect(['三门峡市人民政府', '某市某区人民政府', '平潭综合实验区', '某市高新区管委会'].map(scale)).toEqual([
    'region',
    'region',
    'region',
    'region',
  ]);
  expect(
    [
      '某市民政局',
      '河南省机关事务管理局',
      '某县某镇人民政府',
      '某区某街道办事处',
      '某市某景区',
      '民政局',
      null,
    ].map(scale),
  ).toEqual(['unit', 'unit', 'unit', 'unit', 'unit', 'unit', 'unit']);
});
