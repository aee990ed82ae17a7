// The previous year's report for the cross-year rules (T3-6, T2-2, T2-3, X-5): given, and for the year before.
import type { FormatDef, RowDef } from '../model/format.ts';
import type { Report } from '../model/report.ts';
import type { RuleContext } from './types.ts';

/**
 * The report of the year before, when the caller gave one (`check(report, { previous })`) and it is for year − 1
 * (a report whose year is unknown is taken as given). A report of another year is not compared: T3-6 says so.
 */
export function previousYear(ctx: RuleContext): Report | null {
  const p = ctx.previous;
  if (!p) return null;
  if (p.year !== null && ctx.report.year !== null && p.year !== ctx.report.year - 1) return null;
  return p;
}

/**
 * The rows of a format's table 2 that have every one of `columns`: where a cross-year identity of table 2 applies
 * (T2-2's 现行有效件数 in 2021's 第二十条第（一）项, T2-3's 上一年项目数量 in 2019's （五）（六）（八）). The format
 * decides, not its version's name; last year's report takes part only where its cells are there too.
 */
export function carryOverRows(format: FormatDef, columns: readonly string[]): RowDef[] {
  const table = format.tables.find((t) => t.key === 'proactive');
  return (table?.rows ?? []).filter((r) => columns.every((k) => r.columns.some((c) => c.key === k)));
}
