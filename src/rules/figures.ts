// Rules on the figures themselves: counts are whole and not negative, amounts not negative (T2-1, T3-4, T4-4).
import type { TableKey } from '../model/format.ts';
import { cellAt, nameOf } from '../model/cells.ts';
import type { Rule } from './types.ts';

/** A rule that every figure of a table is a whole number ≥ 0 (本年增/减 may be negative, amounts may be decimals). */
export function figuresRule(id: string, table: TableKey, tableName: string, basis: string): Rule {
  const english = { proactive: 'Table 2', requests: 'Table 3', reviewLitigation: 'Table 4' }[table];
  // Only table 2 has amounts (2019 采购总金额, 2021 本年收费金额): the amount message belongs to T2-1 alone.
  const amounts = table === 'proactive';
  return {
    meta: {
      id,
      severity: 'error',
      title: {
        zh: `${tableName}的数字为非负整数${table === 'proactive' ? '（本年增/减可为负，金额可为小数）' : ''}`,
        en: `${english}: figures are whole numbers ≥ 0${amounts ? ' (本年增/减 may be negative, amounts decimal)' : ''}`,
      },
      basis,
      messages: {
        negative: {
          zh: '{cell}：{value} 为负数，件数不能为负',
          en: '{cell}: {value} is negative; a count cannot be',
        },
        fraction: {
          zh: '{cell}：{value} 不是整数，件数应为整数',
          en: '{cell}: {value} is not a whole number; counts are',
        },
        ...(amounts
          ? {
              negativeAmount: {
                zh: '{cell}：金额 {value} 为负数',
                en: '{cell}: the amount {value} is negative',
              },
            }
          : {}),
      },
    },
    check(ctx) {
      const t = ctx.format.tables.find((x) => x.key === table)!;
      for (const r of t.rows)
        for (const c of r.columns) {
          const path = [table, ...r.path, c.key];
          const v = cellAt(ctx.report, path);
          if (typeof v !== 'number') continue;
          const cell = nameOf(ctx.format, path);
          if (c.kind === 'amount') {
            if (v < 0) ctx.add({ messageId: 'negativeAmount', data: { cell, value: v }, path, actual: v });
            continue;
          }
          if (!Number.isInteger(v))
            ctx.add({ messageId: 'fraction', data: { cell, value: v }, path, actual: v });
          else if (v < 0 && c.kind !== 'signed')
            ctx.add({ messageId: 'negative', data: { cell, value: v }, path, actual: v });
        }
    },
  };
}
