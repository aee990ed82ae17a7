// Indicators of a report or an aggregate: applications, outcome shares, correction rates (docs/indicators.md).
import type { Report, RowValues, TableValues } from '../model/report.ts';

/** Shares of the applications handled (三（七）总计) by outcome, each in [0, 1]. */
export interface OutcomeShares {
  /** （一）予以公开 ÷ （七）总计. */
  granted: number | null;
  /** （二）部分公开 ÷ （七）总计. */
  partiallyGranted: number | null;
  /** （三）不予公开 1–8 ÷ （七）总计. */
  denied: number | null;
  /** （四）无法提供 1–3 ÷ （七）总计. */
  unableToProvide: number | null;
  /** （五）不予处理 1–5 ÷ （七）总计. */
  notProcessed: number | null;
  /** （六）其他处理 (2019: its one row; 2021: rows 1–3) ÷ （七）总计. */
  otherHandling: number | null;
}

/** The indicators of one report (a body's, or an aggregate's): null where they cannot be computed, never NaN. */
export interface Indicators {
  /** 一、本年新收政府信息公开申请数量, 总计 column: the applications received in the year. */
  applications: number | null;
  /** 三（七）总计, 总计 column: the applications handled (办结) in the year, the denominator of the shares. */
  handled: number | null;
  shares: OutcomeShares;
  /** 行政复议 结果纠正 ÷ (结果维持 + 结果纠正 + 其他结果): the share of decided reviews that corrected the body. */
  reviewCorrectionRate: number | null;
  /** The same over both 行政诉讼 blocks (未经复议直接起诉 and 复议后起诉) taken together. */
  litigationCorrectionRate: number | null;
}

/** The names of the indicators, in the order they are listed (compareReports, docs/indicators.md). */
export const INDICATOR_KEYS = [
  'applications',
  'handled',
  'shares.granted',
  'shares.partiallyGranted',
  'shares.denied',
  'shares.unableToProvide',
  'shares.notProcessed',
  'shares.otherHandling',
  'reviewCorrectionRate',
  'litigationCorrectionRate',
] as const;

/** An indicator's name. */
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/** The total of a row, or null when the row is absent or its 总计 blank. */
function totalOf(node: unknown): number | null {
  const v = (node as RowValues | undefined)?.total;
  return typeof v === 'number' ? v : null;
}

/**
 * The sum of the 总计 of every row of a group (（三）不予公开 1–8, …) or of one row; null when any of them is blank:
 * a share computed from some rows only would pass for the whole group.
 */
function groupTotal(node: RowValues | TableValues | undefined): number | null {
  if (!node) return null;
  if ('total' in node) return totalOf(node);
  let sum = 0;
  for (const row of Object.values(node)) {
    const t = totalOf(row);
    if (t === null) return null;
    sum += t;
  }
  return sum;
}

/** part ÷ whole, or null when either is unknown or the whole is 0 (no NaN, no Infinity). */
export function ratio(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return part / whole;
}

/** A cell of table 4, or null when blank. */
function caseCell(report: Report, block: string, column: string): number | null {
  const v = (report.reviewLitigation[block] as RowValues | undefined)?.[column];
  return typeof v === 'number' ? v : null;
}

/**
 * The correction rate of table-4 blocks: Σ 结果纠正 ÷ Σ (结果维持 + 结果纠正 + 其他结果). 尚未审结 is left out of the
 * denominator, since a pending case has no result yet. Null when a needed cell is blank or no case was decided.
 */
function correctionRate(report: Report, blocks: readonly string[]): number | null {
  let corrected = 0;
  let decided = 0;
  for (const b of blocks) {
    const upheld = caseCell(report, b, 'upheld');
    const c = caseCell(report, b, 'corrected');
    const other = caseCell(report, b, 'other');
    if (upheld === null || c === null || other === null) return null;
    corrected += c;
    decided += upheld + c + other;
  }
  return ratio(corrected, decided);
}

/**
 * The indicators of a report or of an aggregate (aggregate(...).report), from its tables only. Every figure is the
 * 总计 column of table 3 or the cells of table 4 as written: a blank needed cell, or a denominator of 0, gives null.
 * The outcome groups are summed over their rows, which both format versions share except （六）, whose 2019 row
 * equals the 2021 rows 1–3 together (format-spec §8.1 T3-7), so the shares compare across versions.
 */
export function indicators(report: Report): Indicators {
  const r = report.requests;
  const handled = totalOf(r.totalHandled);
  const share = (node: RowValues | TableValues | undefined) => ratio(groupTotal(node), handled);
  return {
    applications: totalOf(r.newlyReceived),
    handled,
    shares: {
      granted: share(r.granted),
      partiallyGranted: share(r.partiallyGranted),
      denied: share(r.denied),
      unableToProvide: share(r.unableToProvide),
      notProcessed: share(r.notProcessed),
      otherHandling: share(r.otherHandling),
    },
    reviewCorrectionRate: correctionRate(report, ['review']),
    litigationCorrectionRate: correctionRate(report, ['litigationDirect', 'litigationAfterReview']),
  };
}

/** One indicator of a set of indicators by its name ("shares.granted"). */
export function indicatorValue(values: Indicators, key: IndicatorKey): number | null {
  if (key.startsWith('shares.')) return values.shares[key.slice(7) as keyof OutcomeShares];
  return values[key as Exclude<IndicatorKey, `shares.${string}`>];
}
