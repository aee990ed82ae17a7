// format-version: the format version a report uses does not fit the year it reports on (format-spec §2, §10.3 9).
import { formatOf, versionForYear } from '../model/formats/index.ts';
import type { Rule } from './types.ts';

/**
 * format-version: 2019 and 2020 reports use the 2019 试行 format (国办公开办函〔2019〕60号), reports from 2021 on the
 * 2021 format (国办公开办函〔2021〕30号) — format-spec §2 says to flag a report whose detected format and year
 * disagree (an old template used after 2021, or the reverse). The years come from the format data.
 */
export const rule: Rule = {
  meta: {
    id: 'format-version',
    severity: 'warning',
    title: { zh: '报告格式版本与报告年度不符', en: 'The format version does not fit the year' },
    basis: 'format-spec §2（格式版本与适用年度）、§10.3 第9项；国办公开办函〔2019〕60号、〔2021〕30号',
    messages: {
      mismatch: {
        zh: '{year}年度报告应使用{expectedDocument}印发的{expected}版格式，但本报告的统计表使用的是{actualDocument}印发的{actual}版格式',
        en: 'A report on {year} should use the {expected} format ({expectedDocument}), but its tables follow the {actual} format ({actualDocument})',
      },
    },
  },
  check(ctx) {
    const year = ctx.report.year;
    if (year === null) return;
    const expected = versionForYear(year);
    // Before 2019 no national format applies (the old reports had their own tables): nothing to compare with.
    if (!expected || expected === ctx.report.formatVersion) return;
    ctx.add({
      messageId: 'mismatch',
      data: {
        year,
        expected,
        expectedDocument: formatOf(expected).document,
        actual: ctx.report.formatVersion,
        actualDocument: ctx.format.document,
      },
      path: ['formatVersion'],
      expected,
      actual: ctx.report.formatVersion,
    });
  },
};
