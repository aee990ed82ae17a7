// T3-3: in every column of table 3, （七）总计 = the sum of the outcome rows （一）…（六） (format-spec §8.1).
import { columnEquations, reportSum } from './equations.ts';
import type { Rule } from './types.ts';

/** T3-3: （七）总计 is the sum of the outcome rows, column by column. */
export const rule: Rule = {
  meta: {
    id: 'T3-3',
    severity: 'error',
    title: {
      zh: '表三（七）总计等于各项办理结果之和',
      en: 'Table 3: （七）总计 is the sum of the outcome rows',
    },
    basis: 'format-spec §8.1 T3-3；行标签“（七）总计”',
    messages: {
      columnSum: {
        zh: '表三“{column}”列：（七）总计 {actual} 不等于（一）至（六）各项办理结果之和 {expected}',
        en: 'Table 3, column "{column}": （七）总计 {actual} is not the sum of the outcome rows （一）–（六）, {expected}',
      },
      columnSumBlanks: {
        zh: '表三“{column}”列：（七）总计 {actual} 不等于（一）至（六）各项办理结果之和 {expected}（空白按 0 计，共 {blanks} 格）',
        en: 'Table 3, column "{column}": （七）总计 {actual} is not the sum of the outcome rows （一）–（六）, {expected} ({blanks} blank cells counted as 0)',
      },
    },
  },
  check(ctx) {
    const table = ctx.format.tables.find((t) => t.key === 'requests')!;
    for (const { column, eq } of columnEquations(ctx.format, 'requests', 'T3-3')) {
      const label = table.rows[0]!.columns.find((c) => c.key === column)!.label;
      reportSum(ctx, eq, 'columnSum', { column: label });
    }
  },
};
