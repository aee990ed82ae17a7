// Tests of aggregate(): cell-wise sums, blanks, exact amounts, mixed versions; the property that the aggregate of
// generated reports is their cell-wise sum and passes every rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../check.ts';
import type { FormatVersion } from '../model/format.ts';
import type { Report } from '../model/report.ts';
import { ReportSchema } from '../model/schemas.ts';
import { validReport, withCells } from '../rules/valid-report.ts';
import { arbReport, reportCells, yearsOf } from '../../test/support/arbitrary.ts';
import { aggregate, decimalsOf, exactSum } from './sum.ts';

/** A 2019 member made to satisfy T2-4 (本年新公开 ≤ 对外公开总数), which the arbitrary does not draw for. */
function withT2_4(r: Report): Report {
  if (r.formatVersion !== '2019') return r;
  const out = structuredClone(r);
  for (const row of ['regulations', 'normativeDocuments']) {
    const v = out.proactive[row] as Record<string, number | null>;
    if (v.newlyPublished! > v.totalPublished!)
      [v.newlyPublished, v.totalPublished] = [v.totalPublished!, v.newlyPublished!];
  }
  return out;
}

describe('exact sums', () => {
  it('counts decimals as written', () => {
    expect([
      decimalsOf(3),
      decimalsOf(126.35),
      decimalsOf(1655.0887),
      decimalsOf(1e-7),
      decimalsOf(-2.5),
    ]).toEqual([0, 2, 4, 7, 1]);
  });
  it('adds amounts without drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(exactSum([0.1, 0.2])).toBe(0.3);
    expect(exactSum([126.35, 0.0001, 1000])).toBe(1126.3501);
    expect(exactSum(Array.from({ length: 1000 }, () => 0.01))).toBe(10);
  });
});

describe('aggregate', () => {
  it('sums two reports cell by cell and marks the result', () => {
    const a = withCells(validReport('2021'), {
      'requests.newlyReceived.naturalPerson': 3,
      'requests.newlyReceived.total': 3,
      'proactive.fees.amount': 1.25,
    });
    const b = withCells(validReport('2021'), {
      'requests.newlyReceived.naturalPerson': 4,
      'requests.newlyReceived.total': 4,
      'proactive.fees.amount': 0.05,
    });
    const { report, blanks, diagnostics } = aggregate([a, b], { agency: '某市', year: 2022 });
    expect(report.aggregate).toEqual({ members: 2 });
    expect(report.agency).toBe('某市');
    expect(report.year).toBe(2022);
    expect(report.requests.newlyReceived).toMatchObject({ naturalPerson: 7, total: 7 });
    expect((report.proactive.fees as Record<string, number>).amount).toBe(1.3);
    expect(Object.values(report.sections).every((s) => s === null)).toBe(true);
    expect(blanks).toEqual([]);
    expect(diagnostics).toEqual([]);
    // The aggregate key survives the schema; the contract keys are unchanged.
    expect(ReportSchema.parse(report).aggregate).toEqual({ members: 2 });
  });

  it('adds blanks as 0, counts them per cell, and keeps a cell blank only where every member left it blank', () => {
    const a = withCells(validReport('2021'), {
      'requests.granted.research': null,
      'reviewLitigation.review.other': null,
    });
    const b = withCells(validReport('2021'), {
      'requests.granted.research': 2,
      'reviewLitigation.review.other': null,
    });
    const { report, blanks, diagnostics } = aggregate([a, b]);
    expect((report.requests.granted as Record<string, number | null>).research).toBe(2);
    expect((report.reviewLitigation.review as Record<string, number | null>).other).toBeNull();
    expect(blanks).toEqual([
      { path: 'requests.granted.research', count: 1 },
      { path: 'reviewLitigation.review.other', count: 2 },
    ]);
    expect(diagnostics.map((d) => [d.ruleId, d.severity, d.message])).toEqual([
      [
        'aggregate/blanks',
        'info',
        '2 个单元格中有成员报告留空（共 3 处），按 0 相加；只有全部成员都留空的单元格在汇总报告中为空',
      ],
    ]);
  });

  it('never adds 2019 and 2021 table 2: a mixed set leaves it blank and says why', () => {
    const a = withCells(validReport('2019'), { 'proactive.licensing.decisions': 5 });
    const b = withCells(validReport('2021'), { 'proactive.licensing.decisions': 7 });
    const { report, diagnostics } = aggregate([a, b], { year: 2021 });
    expect(report.formatVersion).toBe('2021');
    expect(report.proactive.licensing).toEqual({ decisions: null });
    const mixed = diagnostics.find((d) => d.ruleId === 'aggregate/mixed-table2')!;
    expect(mixed.message).toContain('2019 年格式 1 份、2021 年格式 1 份');
    expect(mixed.path).toEqual(['proactive']);
  });

  it('maps a 2021 member’s （六）1–3 to a 2019 aggregate’s （六） (T3-7)', () => {
    const a = withCells(validReport('2019'), { 'requests.otherHandling.naturalPerson': 2 });
    const b = withCells(validReport('2021'), {
      'requests.otherHandling.overdueCorrection.naturalPerson': 1,
      'requests.otherHandling.other.naturalPerson': 4,
    });
    const { report } = aggregate([a, b], { year: 2020 });
    expect(report.formatVersion).toBe('2019');
    expect((report.requests.otherHandling as Record<string, number>).naturalPerson).toBe(7);
  });

  it('leaves the 2021 （六）1–3 blank when a 2019 member’s （六） cannot be split, giving the subtotal', () => {
    const a = withCells(validReport('2019'), {
      'requests.otherHandling.naturalPerson': 2,
      'requests.otherHandling.total': 2,
    });
    const b = withCells(validReport('2021'), {
      'requests.otherHandling.overdueFee.naturalPerson': 1,
      'requests.otherHandling.overdueFee.total': 1,
    });
    const { report, diagnostics } = aggregate([a, b], { year: 2022, lang: 'en' });
    const other = report.requests.otherHandling as Record<string, Record<string, number | null>>;
    expect(other.overdueFee!.naturalPerson).toBeNull();
    expect(other.other!.total).toBeNull();
    expect((report.requests.granted as Record<string, number>).total).toBe(0); // the other rows map 1:1
    const d = diagnostics.find((x) => x.ruleId === 'aggregate/other-handling-unsplit')!;
    expect(d.data).toMatchObject({ n: 1, total: 3 });
    expect(d.message).toContain('the （六） subtotal of all members is 3');
  });

  it('says when the members are for different years, and when there are none', () => {
    const a = validReport('2021');
    const b = { ...validReport('2021'), year: 2023 };
    expect(aggregate([a, b]).diagnostics.map((d) => d.ruleId)).toEqual(['aggregate/mixed-years']);
    expect(aggregate([a, b]).report.year).toBeNull();
    const none = aggregate([], { year: 2022 });
    expect(none.diagnostics.map((d) => d.ruleId)).toEqual(['aggregate/no-members']);
    expect(none.report.requests.granted).toMatchObject({ total: null });
  });
});

describe('property: the aggregate of N generated reports', () => {
  const versions: FormatVersion[] = ['2019', '2021'];
  for (const version of versions)
    it(`equals their cell-wise sum and passes every rule (${version} format)`, () => {
      const [from] = yearsOf(version);
      fc.assert(
        fc.property(fc.array(arbReport(version), { minLength: 1, maxLength: 8 }), (generated) => {
          const members = generated.map((r) => ({ ...withT2_4(r), year: from }));
          const { report, blanks, diagnostics } = aggregate(members, { agency: '某市', year: from });
          expect(blanks).toEqual([]);
          expect(diagnostics).toEqual([]);
          const cells = members.map(reportCells);
          reportCells(report).forEach((c, i) => {
            const values = cells.map((m) => m[i]!.value!);
            expect(c.value).toBe(exactSum(values));
            expect(c.value).toBeCloseTo(
              values.reduce((s, v) => s + v, 0),
              6,
            );
          });
          expect(check(report).map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
        }),
        { numRuns: 60 },
      );
    });
});
