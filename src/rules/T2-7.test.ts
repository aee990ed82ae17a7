// Test table of T2-7: a 2021 行政事业性收费 amount (万元) that looks entered in 元.
import { expect, it } from 'vitest';
import { rule } from './T2-7.ts';
import { runRule, testRule, validReport, withCells } from './tester.ts';

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
    {
      name: 'the 2019 format counts items, not money',
      report: { ...validReport('2019'), agency: '某县财政局' },
    },
  ],
  invalid: [
    {
      name: 'a city department, ≥ 1亿元',
      report: fee('某市民政局', 12000),
      errors: [{ messageId: 'tooLarge', path: 'proactive.fees.amount' }],
    },
    {
      name: 'a province department, ≥ 1亿元',
      report: fee('河南省机关事务管理局', 10000),
      errors: [{ messageId: 'tooLarge', path: 'proactive.fees.amount' }],
    },
    {
      name: 'agency unknown, ≥ 1亿元',
      report: fee(null, 250000),
      errors: [{ messageId: 'tooLarge', path: 'proactive.fees.amount' }],
    },
    {
      name: 'a county department, a whole number ≥ 1000',
      report: fee('兖州区审计局', 1500),
      errors: [{ messageId: 'wholeYuan', path: 'proactive.fees.amount' }],
    },
    {
      name: 'a town government, exactly 1000',
      report: fee('某县某镇人民政府', 1000),
      errors: [{ messageId: 'wholeYuan', path: 'proactive.fees.amount' }],
    },
    {
      name: 'a county government above 1亿: one finding',
      report: fee('某县人民政府', 36000),
      errors: [{ messageId: 'tooLarge', path: 'proactive.fees.amount' }],
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
