// blank-total: a 总计 cell of table 3 or 4 left blank where the table has figures (format-spec §5.3, §10.2, §10.3 5).
import { cellAt, nameOf } from '../model/cells.ts';
import { hasFigures, totalColumns, unreadPaths } from './blanks.ts';
import type { Rule } from './types.ts';

/**
 * blank-total: every 总计 cell of tables 3 and 4 must be filled. Every cell of table 3 is fillable (format-spec §5.3),
 * and a blank 总计 is the defect seen in official reports (§10.2: Shanghai 2019 left the 总计 column blank while the
 * applicant columns were filled), so a blank total is an error, not a zero. The total columns come from the format's
 * row identities (T3-2, T4-1); tables and rows extraction could not read are left to its own diagnostics.
 */
export const rule: Rule = {
  meta: {
    id: 'blank-total',
    severity: 'error',
    title: { zh: '总计栏不得留空', en: 'A total cell is left blank' },
    basis: 'format-spec §5.3（表三各栏均应填写）、§10.2（总计栏留空）、§10.3 第5项；表三、表四“总计”栏',
    messages: {
      blankTotal: {
        zh: '{cell}为空：总计应填写数字，没有的填 0',
        en: 'Blank total in {cellEn}: a total must be filled in, 0 where there is nothing',
      },
    },
  },
  check(ctx) {
    const unread = unreadPaths(ctx.extraction);
    for (const table of ctx.format.tables) {
      const totals = totalColumns(table);
      // A table with no figure at all is missing or empty: extraction or blank-cell says so once.
      if (totals.size === 0 || unread.has(table.key) || !hasFigures(ctx.report, table)) continue;
      for (const row of table.rows) {
        if (unread.has([table.key, ...row.path].join('.'))) continue;
        for (const column of row.columns) {
          if (!totals.has(column.key)) continue;
          const path = [table.key, ...row.path, column.key];
          if (cellAt(ctx.report, path) !== null || unread.has(path.join('.'))) continue;
          ctx.add({
            messageId: 'blankTotal',
            data: { cell: nameOf(ctx.format, path), cellEn: nameOf(ctx.format, path, 'en') },
            path,
          });
        }
      }
    }
  },
};
