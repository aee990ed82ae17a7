// Test table of aggregate-mismatch, and the rule run alone (a published aggregate against the sum of its members).
import { expect, it } from 'vitest';
import { check } from '../check.ts';
import type { Lang } from '../model/diagnostic.ts';
import type { Report } from '../model/report.ts';
import { rule } from './aggregate-mismatch.ts';
import { testRule, validReport, withCells } from '../../test/support/rule-tester.ts';

const compareAggregate = (published: Report, members: Report[], options: { lang?: Lang } = {}) =>
  check(published, { ruleSet: [rule], members, ...options });

const member = (granted: number) =>
  withCells(validReport('2021'), {
    'requests.granted.naturalPerson': granted,
    'requests.granted.total': granted,
    'proactive.fees.amount': 0.1,
  });
const members = [member(2), member(3)];
const published = (granted: number, fees = 0.2) =>
  withCells(validReport('2021'), {
    'requests.granted.naturalPerson': granted,
    'requests.granted.total': granted,
    'proactive.fees.amount': fees,
  });

testRule(rule, {
  valid: [
    { name: 'no members given', report: published(9) },
    { name: 'the sum of the members', report: published(5), options: { members } },
    {
      name: 'a blank published cell is blank-cell’s',
      report: withCells(published(5), { 'reviewLitigation.review.upheld': null }),
      options: { members },
    },
  ],
  invalid: [
    {
      name: 'one member left out of two cells',
      report: published(3),
      options: { members },
      errors: [
        {
          messageId: 'differs',
          data: {
            cell: '表三（依申请公开）“（一）予以公开”行“自然人”列',
            cellEn: 'table 3 (requests), row "（一）予以公开", column "自然人"',
            published: 3,
            sum: 5,
            delta: -2,
            members: 2,
          },
          path: 'requests.granted.naturalPerson',
        },
        {
          messageId: 'differs',
          data: {
            cell: '表三（依申请公开）“（一）予以公开”行“总计”列',
            cellEn: 'table 3 (requests), row "（一）予以公开", column "总计"',
            published: 3,
            sum: 5,
            delta: -2,
            members: 2,
          },
          path: 'requests.granted.total',
        },
      ],
    },
    {
      name: 'an amount',
      report: published(5, 0.3),
      options: { members },
      errors: [
        {
          messageId: 'differs',
          data: {
            cell: '表二（主动公开）“行政事业性收费”行“本年收费金额（单位：万元）”列',
            cellEn:
              'table 2 (proactive disclosure), row "行政事业性收费", column "本年收费金额（单位：万元）"',
            published: 0.3,
            sum: 0.2,
            delta: '+0.1',
            members: 2,
          },
          path: 'proactive.fees.amount',
        },
      ],
    },
  ],
});

it('the rule run alone gives its findings', () => {
  const found = compareAggregate(published(3, 0.3), members);
  expect(found.map((d) => d.message)).toEqual([
    '表二（主动公开）“行政事业性收费”行“本年收费金额（单位：万元）”列为 0.3，2 份所属单位报告之和为 0.2（相差 +0.1）',
    '表三（依申请公开）“（一）予以公开”行“自然人”列为 3，2 份所属单位报告之和为 5（相差 -2）',
    '表三（依申请公开）“（一）予以公开”行“总计”列为 3，2 份所属单位报告之和为 5（相差 -2）',
  ]);
  expect(found.every((d) => d.ruleId === 'aggregate-mismatch' && d.severity === 'warning')).toBe(true);
  expect(compareAggregate(published(5), members, { lang: 'en' })).toEqual([]);
});
