// T2-3: 2019 format, this year's 上一年项目数量 = last year's 上一年项目数量 + 本年增/减 (format-spec §8.3 T2-3).
import { cellAt, nameOf } from '../model/cells.ts';
import { carryOverRows, previousYear } from './previous.ts';
import type { Rule } from './types.ts';

/**
 * T2-3: in the rows of 第二十条第（五）（六）（八）项 (行政许可, 其他对外管理服务事项, 行政处罚, 行政强制, 行政事业性收费), the
 * items of the year before as this year's report states them equal last year's items plus last year's 本年增/减.
 * Only between two reports whose format has these columns, i.e. two 2019-format reports, 2019 → 2020 (§8.3); a
 * warning ([S]). Runs only with last year's report.
 */
export const rule: Rule = {
  meta: {
    id: 'T2-3',
    severity: 'warning',
    title: {
      zh: '表二上一年项目数量与上一年度报告衔接（2019年版格式）',
      en: 'Table 2: the items of the year before follow on from last year’s report (2019 format)',
    },
    basis:
      'format-spec §8.3 T2-3（上一年项目数量(N+1) = 上一年项目数量(N) + 本年增/减(N)，[S]，仅 2019 → 2020）',
    messages: {
      mismatch: {
        zh: '{row}：上一年项目数量 {actual} 不等于上一年度（{previousYear}年）报告的上一年项目数量 {previousItems} 加本年增/减 {change}，即 {expected}',
        en: '{rowEn}: {actual} items the year before, but last year’s report gives {previousItems} plus a change of {change}, that is {expected}',
      },
    },
  },
  check(ctx) {
    const previous = previousYear(ctx);
    if (!previous) return;
    // The rows of table 2 with the two columns (2019's 第二十条第（五）（六）（八）项); last year's report has them too.
    for (const row of carryOverRows(ctx.format, ['previousItems', 'change'])) {
      const rowPath = ['proactive', ...row.path];
      const actual = cellAt(ctx.report, [...rowPath, 'previousItems']);
      const previousItems = cellAt(previous, [...rowPath, 'previousItems']);
      const change = cellAt(previous, [...rowPath, 'change']);
      if (typeof actual !== 'number' || typeof previousItems !== 'number' || typeof change !== 'number')
        continue;
      const expected = previousItems + change;
      if (expected === actual) continue;
      ctx.add({
        messageId: 'mismatch',
        data: {
          row: nameOf(ctx.format, rowPath),
          rowEn: nameOf(ctx.format, rowPath, 'en'),
          actual,
          previousItems,
          change,
          expected,
          previousYear: previous.year ?? '上一',
        },
        path: [...rowPath, 'previousItems'],
        expected,
        actual,
      });
    }
  },
};
