// T3-6: this year's 上年结转 equals last year's 结转下年度继续办理, column by column (format-spec §8.1 T3-6).
import { APPLICANT_COLUMNS } from '../model/formats/common.ts';
import { cellAt, nameOf } from '../model/cells.ts';
import { previousYear } from './previous.ts';
import type { Rule } from './types.ts';

/**
 * T3-6: the applications carried over into year N (表三“二、上年结转”) are those year N − 1 carried forward (“四、
 * 结转下年度继续办理”), in each of the seven columns; both formats have both rows, so 2020 → 2021 is compared too.
 * Runs only with the previous year's report (`--previous`); a warning, as format-spec marks it [S]: a change of scope
 * (机构改革) legitimately breaks it. A report given as last year's that is for another year is named, not compared.
 */
export const rule: Rule = {
  meta: {
    id: 'T3-6',
    severity: 'warning',
    title: {
      zh: '表三本年“上年结转”等于上一年度“结转下年度继续办理”',
      en: 'Table 3: carried over this year equals carried forward last year',
    },
    basis: 'format-spec §8.1 T3-6（跨年度：T3[二][c](N) = T3[四][c](N−1)，[S]）',
    messages: {
      mismatch: {
        zh: '{cell}为 {actual}，但上一年度（{previousYear}年）报告“四、结转下年度继续办理”行“{column}”列为 {expected}，二者应相等',
        en: '{cellEn} is {actual}, but the {previousYear} report carried {expected} forward in column "{column}"; they should be equal',
      },
      wrongYear: {
        zh: '作为上一年度报告提供的是 {previousYear} 年度的报告，不是 {expectedYear} 年度的，跨年度核对未进行',
        en: 'The report given as last year’s is for {previousYear}, not {expectedYear}; the cross-year checks were not run',
      },
    },
  },
  check(ctx) {
    const { report } = ctx;
    if (!ctx.previous) return;
    const previous = previousYear(ctx);
    if (!previous) {
      ctx.add({
        messageId: 'wrongYear',
        data: { previousYear: ctx.previous.year, expectedYear: report.year! - 1 },
        path: ['year'],
      });
      return;
    }
    for (const column of APPLICANT_COLUMNS) {
      const path = ['requests', 'carriedOver', column.key];
      const actual = cellAt(report, path);
      const expected = cellAt(previous, ['requests', 'carriedForward', column.key]);
      if (typeof actual !== 'number' || typeof expected !== 'number' || actual === expected) continue;
      ctx.add({
        messageId: 'mismatch',
        data: {
          cell: nameOf(ctx.format, path),
          cellEn: nameOf(ctx.format, path, 'en'),
          column: column.label,
          actual,
          expected,
          previousYear: previous.year ?? '上一',
        },
        path,
        expected,
        actual,
      });
    }
  },
};
