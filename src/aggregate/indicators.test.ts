// Tests of indicators(): values on a worked example, null instead of NaN, both versions, an aggregate.
import { describe, expect, it } from 'vitest';
import { baseReport } from '../rules/docs/kit.ts';
import { validReport, withCells } from '../rules/valid-report.ts';
import { INDICATOR_KEYS, indicators, indicatorValue, ratio } from './indicators.ts';
import { aggregate } from './sum.ts';

describe('indicators', () => {
  // The docs' example report: 110 new, 111 handled (49 granted, 10 partly, 5 denied, 36 unable, 9 not processed,
  // 2 other); review 2 upheld, 1 corrected, 0 other, 1 pending; litigation 1+1 upheld, 0 corrected, 1+0 other.
  it('on a 2021 report', () => {
    const v = indicators(baseReport('2021'));
    expect(v.applications).toBe(110);
    expect(v.handled).toBe(111);
    expect(v.shares.granted).toBeCloseTo(49 / 111, 12);
    expect(v.shares.partiallyGranted).toBeCloseTo(10 / 111, 12);
    expect(v.shares.denied).toBeCloseTo(5 / 111, 12);
    expect(v.shares.unableToProvide).toBeCloseTo(36 / 111, 12);
    expect(v.shares.notProcessed).toBeCloseTo(9 / 111, 12);
    expect(v.shares.otherHandling).toBeCloseTo(2 / 111, 12);
    const sum = Object.values(v.shares).reduce((s: number, x) => s + x!, 0);
    expect(sum).toBeCloseTo(1, 12); // the outcomes add up to （七）总计 (T3-3)
    expect(v.reviewCorrectionRate).toBeCloseTo(1 / 3, 12);
    expect(v.litigationCorrectionRate).toBe(0);
  });

  it('gives the same shares for the 2019 version, whose （六） is one row', () => {
    const a = indicators(baseReport('2019'));
    expect(a.shares.otherHandling).toBeCloseTo(2 / 111, 12);
    expect(a.shares.granted).toBeCloseTo(49 / 111, 12);
  });

  it('is null where the denominator is 0, never NaN', () => {
    const v = indicators(validReport('2021')); // all zeros
    expect(v.applications).toBe(0);
    expect(v.handled).toBe(0);
    expect(Object.values(v.shares)).toEqual([null, null, null, null, null, null]);
    expect(v.reviewCorrectionRate).toBeNull();
    expect(v.litigationCorrectionRate).toBeNull();
    expect(ratio(0, 0)).toBeNull();
  });

  it('is null where a needed cell is blank', () => {
    const r = withCells(baseReport('2021'), {
      'requests.denied.stateSecret.total': null,
      'reviewLitigation.review.other': null,
      'requests.newlyReceived.total': null,
    });
    const v = indicators(r);
    expect(v.applications).toBeNull();
    expect(v.shares.denied).toBeNull(); // one of the eight rows unknown
    expect(v.shares.granted).toBeCloseTo(49 / 111, 12); // the others still known
    expect(v.reviewCorrectionRate).toBeNull();
    const noTotal = indicators(withCells(baseReport('2021'), { 'requests.totalHandled.total': null }));
    expect(Object.values(noTotal.shares).every((s) => s === null)).toBe(true);
  });

  it('of an aggregate are those of the summed tables, not the mean of the members’ indicators', () => {
    const a = baseReport('2021');
    const b = withCells(validReport('2021'), {
      'reviewLitigation.review.corrected': 3,
      'reviewLitigation.review.total': 3,
    });
    const v = indicators(aggregate([a, b]).report);
    expect(v.applications).toBe(110);
    expect(v.reviewCorrectionRate).toBeCloseTo(4 / 6, 12); // (1 + 3) ÷ (3 + 3), not the mean of 1/3 and 1
  });

  it('lists every indicator by name', () => {
    const v = indicators(baseReport('2021'));
    expect(INDICATOR_KEYS.map((k) => indicatorValue(v, k))).toEqual([
      110,
      111,
      ...Object.values(v.shares),
      v.reviewCorrectionRate,
      v.litigationCorrectionRate,
    ]);
  });
});
