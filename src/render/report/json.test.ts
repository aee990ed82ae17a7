// JSON output: the report-json.md contract in its key order; parsed by ReportSchema it is the same report.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbBlankyReport, arbReport } from '../../../test/support/arbitrary.ts';
import { contractDifferences } from '../../../test/support/compare.ts';
import type { Report, TableValues } from '../../model/report.ts';
import { ReportSchema } from '../../model/schemas.ts';
import { renderJson } from './json.ts';
import { sampleReports } from '../../../test/support/roundtrip.ts';

const reports = sampleReports().map((s) => s.report);

/** The report with every object's keys reversed: what a careless producer might hand over. */
function shuffled(report: Report): Report {
  const rev = (o: unknown): unknown =>
    o && typeof o === 'object' && !Array.isArray(o)
      ? Object.fromEntries(
          Object.entries(o)
            .reverse()
            .map(([k, v]) => [k, rev(v)]),
        )
      : o;
  return rev(report) as Report;
}

describe('renderJson', () => {
  it('writes the contract keys in order, tables in format order, without provenance unless asked', () => {
    const report = reports[3]!;
    const json = renderJson(shuffled(report));
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      'formatVersion',
      'agency',
      'year',
      'sections',
      'proactive',
      'requests',
      'reviewLitigation',
    ]);
    expect(Object.keys(parsed.sections as object)).toEqual([
      'overview',
      'proactive',
      'requests',
      'reviewLitigation',
      'problems',
      'other',
    ]);
    const requests = parsed.requests as TableValues;
    expect(Object.keys(requests).slice(0, 3)).toEqual(['newlyReceived', 'carriedOver', 'granted']);
    expect(Object.keys(requests.newlyReceived!)).toEqual([
      'naturalPerson',
      'commercial',
      'research',
      'publicInterest',
      'legalService',
      'otherOrg',
      'total',
    ]);
    // Pretty-printed, a final newline; the blank cell of sample 003 is null.
    expect(json).toMatch(/^\{\n {2}"formatVersion": "2019",\n/);
    expect(json.endsWith('}\n')).toBe(true);
    expect((requests.carriedForward as Record<string, unknown>).naturalPerson).toBeNull();
    expect(json).toBe(renderJson(report));
  });

  it('adds provenance and outline when asked', () => {
    const parsed = JSON.parse(renderJson(reports[0]!, { provenance: true })) as Report;
    expect(parsed.provenance!['requests.newlyReceived.total']!.source).toMatchObject({ kind: 'text' });
    expect(parsed.outline!.map((h) => h.section)).toContain('overview');
    expect(ReportSchema.parse(parsed)).toBeTruthy();
  });

  it('parses back through ReportSchema to the same report: the samples and 200 generated reports', () => {
    for (const r of reports)
      expect(
        contractDifferences(r, ReportSchema.parse(JSON.parse(renderJson(r))) as Report, { sections: true }),
      ).toEqual([]);
    fc.assert(
      fc.property(fc.oneof(arbReport(), arbBlankyReport()), (r) => {
        const back = ReportSchema.parse(JSON.parse(renderJson(r))) as Report;
        expect(back).toEqual(r);
      }),
      { numRuns: 200 },
    );
  });
});
