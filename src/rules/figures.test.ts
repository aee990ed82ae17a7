// Test tables of T2-1, T3-4 and T4-4: figures are whole and not negative; 本年增/减 may be negative; amounts decimal.
import { rule as T2_1 } from './T2-1.ts';
import { rule as T3_4 } from './T3-4.ts';
import { rule as T4_4 } from './T4-4.ts';
import { testRule, validReport, withCells } from '../../test/support/rule-tester.ts';

testRule(T2_1, {
  valid: [
    { name: '2021 zeros', report: validReport('2021') },
    {
      name: '2019 本年增/减 may be negative',
      report: withCells(validReport('2019'), { 'proactive.licensing.change': -8 }),
    },
    {
      name: '2021 收费金额 in 万元 with decimals',
      report: withCells(validReport('2021'), { 'proactive.fees.amount': 1.2345 }),
    },
  ],
  invalid: [
    {
      name: 'a negative count',
      report: withCells(validReport('2021'), { 'proactive.regulations.issued': -1 }),
      errors: [
        {
          messageId: 'negative',
          data: { cell: '表二（主动公开）“规章”行“本年制发件数”列', value: -1 },
          path: 'proactive.regulations.issued',
        },
      ],
    },
    {
      name: 'a fraction of a decision',
      report: withCells(validReport('2021'), { 'proactive.licensing.decisions': 2.5 }),
      errors: [
        {
          messageId: 'fraction',
          data: { cell: '表二（主动公开）“行政许可”行“本年处理决定数量”列', value: 2.5 },
          path: 'proactive.licensing.decisions',
        },
      ],
    },
    {
      name: 'a negative amount',
      report: withCells(validReport('2019'), { 'proactive.procurement.amount': -3 }),
      errors: [
        {
          messageId: 'negativeAmount',
          data: { cell: '表二（主动公开）“政府集中采购”行“采购总金额”列', value: -3 },
          path: 'proactive.procurement.amount',
        },
      ],
    },
  ],
});

testRule(T3_4, {
  valid: [{ name: 'zeros', report: validReport('2019') }],
  invalid: [
    {
      name: 'a negative count',
      report: withCells(validReport('2019'), { 'requests.granted.research': -2 }),
      errors: [
        {
          messageId: 'negative',
          data: { cell: '表三（依申请公开）“（一）予以公开”行“科研机构”列', value: -2 },
          path: 'requests.granted.research',
        },
      ],
    },
    {
      name: 'a fraction',
      report: withCells(validReport('2019'), { 'requests.carriedOver.total': 0.5 }),
      errors: [
        {
          messageId: 'fraction',
          data: { cell: '表三（依申请公开）“二、上年结转政府信息公开申请数量”行“总计”列', value: 0.5 },
          path: 'requests.carriedOver.total',
        },
      ],
    },
  ],
});

testRule(T4_4, {
  valid: [{ name: 'zeros', report: validReport('2021') }],
  invalid: [
    {
      name: 'a negative count',
      report: withCells(validReport('2021'), { 'reviewLitigation.review.upheld': -1 }),
      errors: [
        {
          messageId: 'negative',
          data: { cell: '表四（复议诉讼）“行政复议”行“结果维持”列', value: -1 },
          path: 'reviewLitigation.review.upheld',
        },
      ],
    },
    {
      name: 'a fraction',
      report: withCells(validReport('2021'), { 'reviewLitigation.review.total': 1.5 }),
      errors: [
        {
          messageId: 'fraction',
          data: { cell: '表四（复议诉讼）“行政复议”行“总计”列', value: 1.5 },
          path: 'reviewLitigation.review.total',
        },
      ],
    },
  ],
});
