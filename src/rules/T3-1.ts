// T3-1: the printed 勾稽关系 — in every column of table 3, 一 + 二 = （七）总计 + 四 (format-spec §8.1, with T3-8).
import { evaluate } from '../model/cells.ts';
import { columnEquations, rowEquations, touchesUnread } from './equations.ts';
import type { Rule } from './types.ts';

/**
 * T3-1 per column. T3-8: when 总计 = the applicant columns holds on rows 一, 二, （七）, 四, a 总计-column failure
 * only echoes the applicant columns that fail, so those are reported and the 总计 column is not.
 */
export const rule: Rule = {
  meta: {
    id: 'T3-1',
    severity: 'error',
    title: {
      zh: '表三勾稽关系：第一项加第二项之和等于第三项加第四项之和',
      en: 'Table 3 balance: new plus carried over equals handled plus carried forward',
    },
    basis:
      '表三表头注“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”（format-spec §8.1 T3-1、T3-8）',
    messages: {
      balance: {
        zh: '表三“{column}”列：本年新收 + 上年结转 = {lhs}，办理结果总计 + 结转下年度 = {rhs}，勾稽关系不成立',
        en: 'Table 3, column "{column}": new + carried over = {lhs}, but handled + carried forward = {rhs}; the balance fails',
      },
      balanceBlanks: {
        zh: '表三“{column}”列：本年新收 + 上年结转 = {lhs}，办理结果总计 + 结转下年度 = {rhs}，勾稽关系不成立（空白按 0 计，共 {blanks} 格）',
        en: 'Table 3, column "{column}": new + carried over = {lhs}, but handled + carried forward = {rhs}; the balance fails ({blanks} blank cells counted as 0)',
      },
    },
  },
  check(ctx) {
    const table = ctx.format.tables.find((t) => t.key === 'requests')!;
    const failing = columnEquations(ctx.format, 'requests', 'T3-1')
      .map(({ column, eq }) => ({ column, eq, e: evaluate(ctx.report, eq) }))
      .filter((x) => x.e && !x.e.ok && !touchesUnread(ctx, x.eq));
    const total = table.rowIdentities.find((i) => i.id === 'T3-2')?.total ?? 'total';
    const applicantFails = failing.some((f) => f.column !== total);
    const balanceRows = new Set(['newlyReceived', 'carriedOver', 'totalHandled', 'carriedForward']);
    const rowsHold = rowEquations(ctx.format, 'requests', 'T3-2')
      .filter((eq) => balanceRows.has(eq.lhs[0]![1]!))
      .every((eq) => evaluate(ctx.report, eq)?.ok !== false);
    for (const { column, eq, e } of failing) {
      if (column === total && applicantFails && rowsHold) continue; // T3-8
      const label = table.rows[0]!.columns.find((c) => c.key === column)!.label;
      ctx.add({
        messageId: e!.blanks > 0 ? 'balanceBlanks' : 'balance',
        data: { column: label, lhs: e!.lhs, rhs: e!.rhs, blanks: e!.blanks },
        path: [...eq.lhs[0]!],
        related: [...eq.lhs.slice(1), ...eq.rhs].map((p) => [...p]),
        actual: e!.lhs,
        expected: e!.rhs,
        equation: eq,
      });
    }
  },
};
