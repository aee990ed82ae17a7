// the figures the narrative states equal the tables (format-spec §8.4 X-1; the mismatch of §10.2). One concern
// per module in X-1/: patterns (how the narrative states a figure), narrative (its statements read), tables (the
// cells a statement is compared with and their figure), wording (what that figure was taken from, in words).
import type { Rule } from './types.ts';
import { narrativeFigures, type Statement } from './X-1/narrative.ts';
import type { Target } from './X-1/patterns.ts';
import { cellsOf, tableValue } from './X-1/tables.ts';
import { describe } from './X-1/wording.ts';

/** The figures the narrative of a report states (X-1/narrative.ts). */
export { narrativeFigures };
/** A figure the narrative states, and what it counts. */
export type { Statement, Target };

/** a figure the narrative states for the year equals the table. */
export const rule: Rule = {
  meta: {
    id: 'X-1',
    severity: 'warning',
    title: {
      zh: '正文所述数字与表格一致',
      en: 'Figures stated in the text agree with the tables',
    },
    basis:
      'format-spec §8.4 X-1（正文“总体情况”等处复述的新收、办结、复议诉讼件数应与表格一致）；§10.2 上海市政府办公厅2019年报“予以公开及部分公开258件”与表格275件不符（总计栏空白）',
    skipOnAggregate: true,
    messages: {
      mismatch: {
        zh: '正文称“{text}”（{stated}件），但{cell}为 {table}{note}，二者不一致',
        en: 'The text says "{text}" ({stated}), but {cellEn} is {table}{noteEn}',
      },
      mismatchNone: {
        zh: '正文称“{text}”，但{cell}为 {table}{note}，二者不一致',
        en: 'The text says "{text}" (none), but {cellEn} is {table}{noteEn}',
      },
      mismatchAtLeast: {
        zh: '正文称“{text}”（{stated}件），但{cell}至少为 {table}{note}，二者不一致',
        en: 'The text says "{text}" ({stated}), but {cellEn} is at least {table}{noteEn}',
      },
    },
  },
  check(ctx) {
    const byTarget = new Map<Target, Statement[]>();
    for (const s of narrativeFigures(ctx.report)) {
      const list = byTarget.get(s.target) ?? [];
      list.push(s);
      byTarget.set(s.target, list);
    }
    for (const [target, statements] of byTarget) {
      // Statements that disagree among themselves (收到30件…受理28件) say something the rule cannot read: skip.
      if (new Set(statements.map((s) => s.stated)).size > 1) continue;
      const cells = cellsOf(ctx.format, target);
      if (cells.length === 0) continue;
      const table = tableValue(ctx.report, ctx.format, cells);
      const s = statements[0]!;
      // A lower bound proves a mismatch only when it already exceeds the text's figure.
      if (table === null || (table.exact ? table.value === s.stated : table.value <= s.stated)) continue;
      // A group of rows (（三）不予公开…) is pointed at as a whole; otherwise the first cell.
      const isGroup = target === 'denied' || target === 'unableToProvide' || target === 'notProcessed';
      const path = isGroup ? ['requests', target] : cells[0]!;
      const related = cells.filter((p) => p.join('.') !== path.join('.'));
      ctx.add({
        messageId: !table.exact ? 'mismatchAtLeast' : s.none ? 'mismatchNone' : 'mismatch',
        data: {
          text: s.text,
          stated: s.stated,
          table: table.value,
          ...describe(ctx.format, cells, table),
          section: s.section,
        },
        path,
        ...(related.length > 0 ? { related } : {}),
        actual: s.stated,
        ...(table.exact ? { expected: table.value } : {}),
      });
    }
  },
};
