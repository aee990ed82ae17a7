// blank-cell: blank figures in tables 2, 3 and 4 other than the totals, one finding per row (format-spec §5.3, §10.2).
import { cellAt, nameOf } from '../model/cells.ts';
import { hasFigures, totalColumns, unreadPaths } from './blanks.ts';
import type { Rule } from './types.ts';

/**
 * blank-cell: a cell of the format left blank. Reports write zeros as empty cells (format-spec §5.3, §10.2), so a
 * blank is a warning, not an error, but it is kept distinct from 0 (report-json.md) and the author should write 0.
 * One finding per row lists its blank columns, so a report with blank columns does not get hundreds of lines. Only
 * the cells of the format are looked at: 2019 （八）/（九） have two columns by design (§4.1) and are not blanks.
 * The 总计 cells are blank-total's; a table with no figure at all gets one finding (unless extraction did not find
 * it, which it reports itself), and rows extraction could not read are its own diagnostics.
 */
export const rule: Rule = {
  meta: {
    id: 'blank-cell',
    severity: 'warning',
    title: { zh: '统计表单元格留空', en: 'A table cell is left blank' },
    basis: 'format-spec §5.3（表三各栏均应填写）、§10.2（以空白代替 0）；report-json.md（空白不等于 0）',
    messages: {
      blankRow: {
        zh: '{row}有 {count} 个单元格为空（{columns}）：应填写数字，没有的填 0',
        en: 'Blank cells in {rowEn} ({count}: {columns}): fill in the figures, 0 where there is nothing',
      },
      emptyTable: {
        zh: '{table}没有填写任何数字',
        en: 'No figures at all in {tableEn}',
      },
    },
  },
  check(ctx) {
    const unread = unreadPaths(ctx.extraction);
    for (const table of ctx.format.tables) {
      if (unread.has(table.key)) continue;
      if (!hasFigures(ctx.report, table)) {
        ctx.add({
          messageId: 'emptyTable',
          data: { table: nameOf(ctx.format, [table.key]), tableEn: nameOf(ctx.format, [table.key], 'en') },
          path: [table.key],
        });
        continue;
      }
      const totals = totalColumns(table);
      for (const row of table.rows) {
        const rowPath = [table.key, ...row.path];
        if (unread.has(rowPath.join('.'))) continue;
        const blanks = row.columns.filter(
          (c) =>
            !totals.has(c.key) &&
            cellAt(ctx.report, [...rowPath, c.key]) === null &&
            !unread.has([...rowPath, c.key].join('.')),
        );
        if (blanks.length === 0) continue;
        ctx.add({
          messageId: 'blankRow',
          data: {
            row: nameOf(ctx.format, rowPath),
            rowEn: nameOf(ctx.format, rowPath, 'en'),
            count: blanks.length,
            columns: blanks.map((c) => c.label).join('、'),
          },
          path: rowPath,
          related: blanks.map((c) => [...rowPath, c.key]),
        });
      }
    }
  },
};
