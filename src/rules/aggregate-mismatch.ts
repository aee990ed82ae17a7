// aggregate-mismatch: a region's published aggregate report against the sum of its members (format-spec §8.5).
import { compareReports } from '../aggregate/compare.ts';
import { aggregate } from '../aggregate/sum.ts';
import type { Rule } from './types.ts';

/**
 * aggregate-mismatch: every figure of a published regional report (本级政府 + 部门 + 下级政府, format-spec §8.5) equals
 * the sum of its members' reports: aggregate(members) compared cell by cell (compareReports; table 2 only when the
 * versions agree, table 3's （六） by T3-7). Cells blank on either side are left to blank-cell and to the
 * aggregate's own diagnostics. A warning: a member missing from the library, or a scope that differs, explains a
 * difference as well as an error does. Runs only with the members (`check(report, { members })`, compareAggregate).
 */
export const rule: Rule = {
  meta: {
    id: 'aggregate-mismatch',
    severity: 'warning',
    title: {
      zh: '汇总年报的数字等于所属单位年报之和',
      en: 'A regional aggregate report equals the sum of its members’ reports',
    },
    basis: 'format-spec §8.5（区域汇总：全部单位在列时，汇总数 = 各单位之和）',
    messages: {
      differs: {
        zh: '{cell}为 {published}，{members} 份所属单位报告之和为 {sum}（相差 {delta}）',
        en: '{cellEn} is {published}; the sum of the {members} member reports is {sum} (a difference of {delta})',
      },
    },
  },
  check(ctx) {
    const members = ctx.members;
    if (!members || members.length === 0) return;
    const { report: sum } = aggregate(members, ctx.report.year === null ? {} : { year: ctx.report.year });
    const zh = compareReports(sum, ctx.report).cells;
    const en = compareReports(sum, ctx.report, { lang: 'en' }).cells;
    zh.forEach((d, i) => {
      if (d.a === null || d.b === null) return;
      ctx.add({
        messageId: 'differs',
        data: {
          cell: d.label,
          cellEn: en[i]!.label,
          published: d.b,
          sum: d.a,
          delta: d.delta! > 0 ? `+${d.delta}` : d.delta,
          members: members.length,
        },
        path: d.path.split('.'),
        expected: d.a,
        actual: d.b,
      });
    });
  },
};
