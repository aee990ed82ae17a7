// The previous year's report for the cross-year rules (T3-6, T2-2, T2-3, X-5): given, and for the year before.
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
