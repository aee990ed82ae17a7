// Test table of late-publication: 1月31日 for departments, 3月31日 for a people's government (条例第四十九条).
import { describe, expect, it } from 'vitest';
import type { Report } from '../model/report.ts';
import { deadlineKind, rule } from './late-publication.ts';
import { runRule, testRule, validReport } from '../../test/support/rule-tester.ts';

const of = (agency: string | null, year = 2022): Report => ({ ...validReport('2021'), agency, year });

testRule(rule, {
  valid: [
    { name: 'no publication date', report: of('某市民政局') },
    { name: 'a department on 31 January', report: of('某市民政局'), options: { publishedAt: '2023-01-31' } },
    {
      name: 'a government on 31 March',
      report: of('三门峡市人民政府'),
      options: { publishedAt: '2023-03-31' },
    },
    {
      name: 'a township: no national deadline',
      report: of('渑池县城关镇人民政府'),
      options: { publishedAt: '2023-05-01' },
    },
    { name: 'no agency name, no kind given', report: of(null), options: { publishedAt: '2023-05-01' } },
    {
      name: 'a kind given overrides the name',
      report: of('三门峡市人民政府办公室'),
      options: { publishedAt: '2023-03-01', agencyKind: '政府' },
    },
  ],
  invalid: [
    {
      name: 'a department in February',
      report: of('某市民政局'),
      options: { publishedAt: '2023-02-15' },
      errors: [
        {
          messageId: 'late',
          data: {
            publishedAt: '2023-02-15',
            deadline: '2023-01-31',
            days: 15,
            who: '县级以上人民政府部门',
            whoEn: 'government departments',
            date: '1月31日',
            dateEn: '31 January',
          },
          path: 'year',
        },
      ],
    },
    {
      name: 'a government’s 办公室 is a department',
      report: of('三门峡市人民政府办公室'),
      options: { publishedAt: '2023-03-01' },
      errors: [
        {
          messageId: 'late',
          data: {
            publishedAt: '2023-03-01',
            deadline: '2023-01-31',
            days: 29,
            who: '县级以上人民政府部门',
            whoEn: 'government departments',
            date: '1月31日',
            dateEn: '31 January',
          },
        },
      ],
    },
    {
      name: 'a county government in April',
      report: of('义马市人民政府'),
      options: { publishedAt: '2023-04-01' },
      errors: [
        {
          messageId: 'late',
          data: {
            publishedAt: '2023-04-01',
            deadline: '2023-03-31',
            days: 1,
            who: '县级以上地方人民政府',
            whoEn: 'local governments',
            date: '3月31日',
            dateEn: '31 March',
          },
        },
      ],
    },
    {
      name: 'a date that does not exist',
      report: of('某市民政局'),
      options: { publishedAt: '2023-02-30' },
      errors: [{ messageId: 'invalidDate', data: { publishedAt: '2023-02-30' }, path: 'year' }],
    },
  ],
});

it('late-publication counts the days', () => {
  const [d] = runRule(rule, of('某市民政局'), { publishedAt: '2023-02-15' });
  expect(d!.message).toBe(
    '报告于 2023-02-15 发布，晚于法定期限 2023-01-31（县级以上人民政府部门应于每年1月31日前公布上一年度报告，条例第四十九条），逾期 15 天',
  );
});

describe('deadlineKind', () => {
  it('tells governments from departments by the name', () => {
    expect(
      ['河南省人民政府', '新乡市牧野区人民政府', '河南省民政厅', '民政局', '东风街道办事处', '人民政府'].map(
        (n) => deadlineKind(n),
      ),
    ).toEqual(['政府', '政府', '部门', '部门', null, '政府']);
  });
});
