// T2-2: 2021 format, 现行有效件数 follows from last year's, plus 本年制发, minus 本年废止 (format-spec §8.3 T2-2).
import { exactSum } from '../aggregate/sum.ts';
import { cellAt, nameOf } from '../model/cells.ts';
import { carryOverRows, previousYear } from './previous.ts';
import type { Rule } from './types.ts';

/**
 * T2-2: for 规章 and 行政规范性文件 of 第二十条第（一）项, 现行有效件数(N) = 现行有效件数(N − 1) + 本年制发件数(N) −
 * 本年废止件数(N). Only between two reports whose format has these columns, i.e. two 2021-format reports (no 2021
 * baseline exists before 2021, §8.3); a warning, as amendments and reorganisations break it ([S]). Runs only with
 * the previous year's report.
 */
const COLUMNS = ['inForce', 'issued', 'repealed'];

export const rule: Rule = {
  meta: {
    id: 'T2-2',
    severity: 'warning',
    title: {
      zh: '表二现行有效件数与上一年度衔接（2021年版格式）',
      en: 'Table 2: documents in force follow on from last year (2021 format)',
    },
    basis:
      'format-spec §8.3 T2-2（现行有效件数(N) ≈ 现行有效件数(N−1) + 本年制发件数(N) − 本年废止件数(N)，[S]）',
    messages: {
      mismatch: {
        zh: '{row}：现行有效件数 {inForce} 不等于上一年度（{previousYear}年）现行有效件数 {previousInForce} 加本年制发件数 {issued} 减本年废止件数 {repealed}，即 {expected}',
        en: '{rowEn}: {inForce} in force, but last year’s {previousInForce} plus {issued} issued minus {repealed} repealed is {expected}',
      },
    },
  },
  check(ctx) {
    const previous = previousYear(ctx);
    if (!previous) return;
    // The rows of table 2 with the three columns (2021's 第二十条第（一）项); last year's report must have them too.
    for (const { path } of carryOverRows(ctx.format, COLUMNS)) {
      const rowPath = ['proactive', ...path];
      const at = (r: typeof ctx.report, column: string) => cellAt(r, [...rowPath, column]);
      const inForce = at(ctx.report, 'inForce');
      const issued = at(ctx.report, 'issued');
      const repealed = at(ctx.report, 'repealed');
      const previousInForce = at(previous, 'inForce');
      if (
        typeof inForce !== 'number' ||
        typeof issued !== 'number' ||
        typeof repealed !== 'number' ||
        typeof previousInForce !== 'number'
      )
        continue;
      const expected = exactSum([previousInForce, issued, -repealed]);
      if (expected === inForce) continue;
      ctx.add({
        messageId: 'mismatch',
        data: {
          row: nameOf(ctx.format, rowPath),
          rowEn: nameOf(ctx.format, rowPath, 'en'),
          inForce,
          issued,
          repealed,
          previousInForce,
          expected,
          previousYear: previous.year ?? '上一',
        },
        path: [...rowPath, 'inForce'],
        related: [
          [...rowPath, 'issued'],
          [...rowPath, 'repealed'],
        ],
        expected,
        actual: inForce,
      });
    }
  },
};
