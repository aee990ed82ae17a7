// X-1's wording of what a table's figure was taken from: the cells by their printed names, or a row's columns.
import { nameOf } from '../../model/cells.ts';
import type { ModelPath } from '../../model/diagnostic.ts';
import type { FormatDef } from '../../model/format.ts';
import type { TableFigure } from './tables.ts';

/** The name of what a target is compared with, as a reviewer reads it. */
function nameOfTarget(format: FormatDef, cells: readonly ModelPath[], lang: 'zh' | 'en'): string {
  if (cells.length === 1) return nameOf(format, cells[0]!, lang);
  const table = format.tables.find((t) => t.key === cells[0]![0])!;
  const label = (p: ModelPath) => table.rows.find((r) => r.path.every((k, i) => p[i + 1] === k))!;
  const first = label(cells[0]!);
  const tableZh = { proactive: '表二', requests: '表三', reviewLitigation: '表四' }[table.key];
  const tableEn = { proactive: 'table 2', requests: 'table 3', reviewLitigation: 'table 4' }[table.key];
  // Without the row's printed note: “（二）部分公开（区分处理的，只计这一情形，不计其他情形）”.
  const labels = cells.map((p) => label(p).label.replace(/(?<=.)（[^（）]*）$/, ''));
  if (table.key === 'proactive') {
    const column = first.columns.find((c) => c.key === cells[0]![cells[0]!.length - 1])!.label;
    return lang === 'zh'
      ? `${tableZh}${labels.map((l) => `“${l}”`).join('与')}“${column}”之和`
      : `the sum of ${tableEn}, ${labels.map((l) => `"${l}"`).join(' and ')}, column "${column}"`;
  }
  if (first.path.length > 1 && first.group) {
    // A group of rows: （三）不予公开 1.–8.
    return lang === 'zh'
      ? `${tableZh}“${first.group}”各项总计之和`
      : `the sum of the totals of ${tableEn}, group "${first.group}"`;
  }
  return lang === 'zh'
    ? `${tableZh}${labels.map((l) => `“${l}”`).join('与')}总计之和`
    : `the sum of the totals of ${tableEn}, ${labels.map((l) => `"${l}"`).join(' and ')}`;
}

/** The wording of what a figure was taken from: the cells, or a row's columns where its 总计 is blank. */
export function describe(
  format: FormatDef,
  cells: readonly ModelPath[],
  figure: TableFigure,
): { cell: string; cellEn: string; note: string; noteEn: string } {
  const single = cells.length === 1 && figure.fromColumns;
  const row = cells[0]!.slice(0, -1);
  const cell = single ? `${nameOf(format, row)}各栏之和` : nameOfTarget(format, cells, 'zh');
  const cellEn = single
    ? `the sum of the columns of ${nameOf(format, row, 'en')}`
    : nameOfTarget(format, cells, 'en');
  const blanks = figure.exact ? '' : '，空白栏未计入';
  const blanksEn = figure.exact ? '' : '; blank cells not counted';
  if (figure.fromColumns)
    return single
      ? { cell, cellEn, note: `（总计栏空白${blanks}）`, noteEn: ` (总计 blank${blanksEn})` }
      : {
          cell,
          cellEn,
          note: `（总计栏空白的行按该行各栏之和计${blanks}）`,
          noteEn: ` (a row whose 总计 is blank counts the sum of its columns${blanksEn})`,
        };
  return figure.exact
    ? { cell, cellEn, note: '', noteEn: '' }
    : { cell, cellEn, note: '（空白栏未计入）', noteEn: ' (blank cells not counted)' };
}
