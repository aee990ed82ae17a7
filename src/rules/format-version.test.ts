// Test table of format-version: the format version must fit the year reported on.
import { expect, it } from 'vitest';
import type { Report } from '../model/report.ts';
import { rule } from './format-version.ts';
import { runRule, testRule, validReport } from '../../test/support/rule-tester.ts';

const ofYear = (version: '2019' | '2021', year: number | null): Report => ({ ...validReport(version), year });

testRule(rule, {
  valid: [
    { name: '2019 format for 2019', report: ofYear('2019', 2019) },
    { name: '2019 format for 2020', report: ofYear('2019', 2020) },
    { name: '2021 format for 2021', report: ofYear('2021', 2021) },
    { name: '2021 format for 2024', report: ofYear('2021', 2024) },
    { name: 'year unknown', report: ofYear('2021', null) },
    { name: 'a year before any national format (2018)', report: ofYear('2019', 2018) },
  ],
  invalid: [
    {
      name: 'the old template used for 2021',
      report: ofYear('2019', 2021),
      errors: [
        {
          messageId: 'mismatch',
          data: {
            year: 2021,
            expected: '2021',
            expectedDocument: '国办公开办函〔2021〕30号',
            actual: '2019',
            actualDocument: '国办公开办函〔2019〕60号',
          },
          path: 'formatVersion',
        },
      ],
    },
    {
      name: 'the old template used for 2023',
      report: ofYear('2019', 2023),
      errors: [
        {
          messageId: 'mismatch',
          data: {
            year: 2023,
            expected: '2021',
            expectedDocument: '国办公开办函〔2021〕30号',
            actual: '2019',
            actualDocument: '国办公开办函〔2019〕60号',
          },
          path: 'formatVersion',
        },
      ],
    },
    {
      name: 'the 2021 format used for 2020',
      report: ofYear('2021', 2020),
      errors: [
        {
          messageId: 'mismatch',
          data: {
            year: 2020,
            expected: '2019',
            expectedDocument: '国办公开办函〔2019〕60号',
            actual: '2021',
            actualDocument: '国办公开办函〔2021〕30号',
          },
          path: 'formatVersion',
        },
      ],
    },
  ],
});

it('format-version names both formats by their documents', () => {
  const [d] = runRule(rule, ofYear('2019', 2022));
  expect(d!.message).toBe(
    '2022年度报告应使用国办公开办函〔2021〕30号印发的2021版格式，但本报告的统计表使用的是国办公开办函〔2019〕60号印发的2019版格式',
  );
  expect(d!).toMatchObject({ severity: 'warning', expected: '2021', actual: '2019' });
});
