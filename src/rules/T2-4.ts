// T2-4: 2019 format, 第二十条第（一）项 — 本年新公开数量 should not exceed 对外公开总数量 (format-spec §8.3 T2-4).
import { cellAt, nameOf } from '../model/cells.ts';
import type { Rule } from './types.ts';

// The 2019 columns of 第二十条第（一）项 (format-spec §4.1); the 2021 format has none (§4.3: 新公开 ≠ 废止,
// 对外公开总数量 ≠ 现行有效), so on a 2021 report no row has both and the rule says nothing.
const NEWLY_PUBLISHED = 'newlyPublished';
const TOTAL_PUBLISHED = 'totalPublished';

/**
 * T2-4: the documents published this year are among those published in total, so 本年新公开数量 ≤ 对外公开总数量
 * in each row that has both columns (规章, 规范性文件). A soft rule ([S] in format-spec), hence a warning.
 */
export const rule: Rule = {
  meta: {
    id: 'T2-4',
    severity: 'warning',
    title: {
      zh: '表二本年新公开数量不大于对外公开总数量',
      en: 'Table 2: published this year does not exceed published in total',
    },
    basis: 'format-spec §8.3 T2-4（2019 年格式第二十条第（一）项）',
    messages: {
      exceeds: {
        zh: '{row}：本年新公开数量 {newly} 大于对外公开总数量 {total}，本年新公开的文件应计入对外公开总数量',
        en: 'In {rowEn}, {newly} published this year is more than the {total} published in total, which should include them',
      },
    },
  },
  check(ctx) {
    const table = ctx.format.tables.find((t) => t.key === 'proactive')!;
    for (const row of table.rows) {
      const keys = row.columns.map((c) => c.key);
      if (!keys.includes(NEWLY_PUBLISHED) || !keys.includes(TOTAL_PUBLISHED)) continue;
      const rowPath = [table.key, ...row.path];
      const newly = cellAt(ctx.report, [...rowPath, NEWLY_PUBLISHED]);
      const total = cellAt(ctx.report, [...rowPath, TOTAL_PUBLISHED]);
      if (typeof newly !== 'number' || typeof total !== 'number' || newly <= total) continue;
      ctx.add({
        messageId: 'exceeds',
        data: { row: nameOf(ctx.format, rowPath), rowEn: nameOf(ctx.format, rowPath, 'en'), newly, total },
        path: [...rowPath, NEWLY_PUBLISHED],
        related: [[...rowPath, TOTAL_PUBLISHED]],
        actual: newly,
      });
    }
  },
};
