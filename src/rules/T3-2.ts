// T3-2: in every row of table 3, 总计 = the six applicant columns (format-spec §8.1, from the header 总计).
import { rowLabel } from '../model/cells.ts';
import { reportSum, rowEquations } from './equations.ts';
import type { Rule } from './types.ts';

/** T3-2: each row's 总计 is the sum of its six applicant columns. */
export const rule: Rule = {
  meta: {
    id: 'T3-2',
    severity: 'error',
    title: {
      zh: '表三每行总计等于各类申请人之和',
      en: 'Table 3: each row total is the sum of its applicant columns',
    },
    basis: 'format-spec §8.1 T3-2；表头“总计”',
    messages: {
      rowSum: {
        zh: '表三“{row}”行：总计 {actual} 不等于自然人、法人或其他组织各列之和 {expected}',
        en: 'Table 3, row "{row}": the total {actual} is not the sum of the applicant columns, {expected}',
      },
      rowSumBlanks: {
        zh: '表三“{row}”行：总计 {actual} 不等于自然人、法人或其他组织各列之和 {expected}（空白按 0 计，共 {blanks} 格）',
        en: 'Table 3, row "{row}": the total {actual} is not the sum of the applicant columns, {expected} ({blanks} blank cells counted as 0)',
      },
    },
  },
  check(ctx) {
    const table = ctx.format.tables.find((t) => t.key === 'requests')!;
    for (const eq of rowEquations(ctx.format, 'requests', 'T3-2'))
      reportSum(ctx, eq, 'rowSum', { row: rowLabel(table, eq.lhs[0]!.slice(1, -1).join('.')) });
  },
};
