// Tests of compareReports() and of the text similarity measure.
import { describe, expect, it } from 'vitest';
import { baseReport } from '../rules/docs/kit.ts';
import { withCells } from '../rules/valid-report.ts';
import { SECTION_KEYS } from '../model/report.ts';
import { compareReports } from './compare.ts';
import { normalizeForSimilarity, textSimilarity } from './similarity.ts';

describe('textSimilarity', () => {
  it('is 1 for the same text, whatever the figures, spaces and punctuation', () => {
    expect(normalizeForSimilarity('２０２２年， 本局收到申请 110 件。')).toBe('0年本局收到申请0件');
    expect(textSimilarity('2021年本局收到申请96件。', '2022年，本局收到申请 110 件')).toBe(1);
  });
  it('is 0 for texts with no bigram in common, null when either is empty', () => {
    expect(textSimilarity('政府信息', '复议诉讼')).toBe(0);
    expect(textSimilarity('。', '政府信息')).toBeNull();
    expect(textSimilarity(null, '政府信息')).toBeNull();
  });
  it('counts repeated bigrams (multiset Jaccard)', () => {
    // "甲乙甲乙" has 甲乙×2, 乙甲×1; "甲乙" has 甲乙×1: min 1, max 3.
    expect(textSimilarity('甲乙甲乙', '甲乙')).toBeCloseTo(1 / 3, 12);
  });
  it('drops as text is rewritten', () => {
    const a = baseReport('2021').sections.problems!;
    const half =
      a.slice(0, Math.floor(a.length / 2)) + '今年重点推进政策解读多样化，组织专题培训，完善答复模板。';
    const s = textSimilarity(a, half)!;
    expect(s).toBeGreaterThan(0.2);
    expect(s).toBeLessThan(0.8);
  });
});

describe('compareReports', () => {
  it('lists the cells that differ with their labels and deltas, and the indicator changes', () => {
    const a = baseReport('2021', { year: 2021 });
    const b = withCells(baseReport('2021'), {
      'requests.newlyReceived.naturalPerson': 100,
      'requests.newlyReceived.total': 114,
      'proactive.fees.amount': 126.45,
      'reviewLitigation.review.other': null,
    });
    const c = compareReports(a, b);
    expect(c.comparable).toEqual({ proactive: true, requests: true, reviewLitigation: true });
    expect(c.cells).toEqual([
      {
        path: 'proactive.fees.amount',
        label: '表二（主动公开）“行政事业性收费”行“本年收费金额（单位：万元）”列',
        a: 126.35,
        b: 126.45,
        delta: 0.1,
      },
      {
        path: 'requests.newlyReceived.naturalPerson',
        label: '表三（依申请公开）“一、本年新收政府信息公开申请数量”行“自然人”列',
        a: 96,
        b: 100,
        delta: 4,
      },
      {
        path: 'requests.newlyReceived.total',
        label: '表三（依申请公开）“一、本年新收政府信息公开申请数量”行“总计”列',
        a: 110,
        b: 114,
        delta: 4,
      },
      {
        path: 'reviewLitigation.review.other',
        label: '表四（复议诉讼）“行政复议”行“其他结果”列',
        a: 0,
        b: null,
        delta: null,
      },
    ]);
    expect(c.indicators.find((i) => i.key === 'applications')).toEqual({
      key: 'applications',
      a: 110,
      b: 114,
      delta: 4,
    });
    expect(c.indicators.find((i) => i.key === 'reviewCorrectionRate')).toMatchObject({
      b: null,
      delta: null,
    });
  });

  it('compares the sections of two years: the same prose with new figures measures as a copy', () => {
    const c = compareReports(baseReport('2021', { year: 2021 }), baseReport('2021'));
    const problems = c.sections.find((s) => s.section === 'problems')!;
    expect(problems.similarity).toBe(1);
    expect(problems.lengthA).toBeGreaterThan(50);
    expect(c.sections.map((s) => s.section)).toEqual(SECTION_KEYS);
  });

  it('across versions compares tables 3 and 4, table 3’s （六） as one row, and never table 2', () => {
    const a = withCells(baseReport('2019'), { 'proactive.licensing.decisions': 1 });
    const b = withCells(baseReport('2021'), { 'requests.otherHandling.overdueFee.naturalPerson': 3 });
    const c = compareReports(a, b, { lang: 'en' });
    expect(c.comparable).toEqual({ proactive: false, requests: true, reviewLitigation: true });
    expect(c.cells.some((d) => d.path.startsWith('proactive.'))).toBe(false);
    // 2019 （六） natural persons 1; 2021 rows 1–3: 1 + 3 + 0.
    expect(c.cells).toEqual([
      {
        path: 'requests.otherHandling.naturalPerson',
        label:
          'table 3 (requests), row "（六）其他处理", column "自然人" (the sum of rows 1–3 in the 2021 format)',
        a: 1,
        b: 4,
        delta: 3,
      },
    ]);
  });
});
