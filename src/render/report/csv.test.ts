// CSV output: RFC 4180 with a BOM, one record per model cell; parsed back with csv-parse, every value compared.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbBlankyReport, arbReport, reportCells } from '../../../test/support/arbitrary.ts';
import type { Report } from '../../model/report.ts';
import { CSV_COLUMNS, renderCsv } from './csv.ts';
import { sampleReports } from '../../../test/support/roundtrip.ts';
import { processFile } from '../../cli/process.ts';
import { checkFile } from '../../pipeline.ts';
import { findingCounts } from '../dataset/quality.ts';

const reports = sampleReports().map((s) => s.report);

type Record_ = Record<(typeof CSV_COLUMNS)[number], string>;

function parseCsv(csv: string): Record_[] {
  return parse(csv, { bom: true, columns: true, record_delimiter: '\r\n' }) as Record_[];
}

/** Every difference between the reports and the parsed records (empty when each value and label came back). */
function differences(input: readonly Report[], records: readonly Record_[]): string[] {
  const out: string[] = [];
  const expected = input.flatMap((r) =>
    reportCells(r).map((c) => ({ report: r, path: c.path, value: c.value })),
  );
  if (expected.length !== records.length) out.push(`${expected.length} cells, ${records.length} records`);
  expected.forEach((e, i) => {
    const rec = records[i];
    if (!rec) return;
    const path = `${rec.table}.${rec.row}.${rec.column}`;
    const value = rec.value === '' ? null : Number(rec.value);
    const meta = [rec.agency, rec.year, rec.formatVersion];
    const want = [e.report.agency ?? '', String(e.report.year ?? ''), e.report.formatVersion];
    if (path !== e.path || value !== e.value || meta.join('|') !== want.join('|'))
      out.push(`${i}: ${e.path}=${e.value} → ${path}=${rec.value} (${meta.join(',')})`);
  });
  return out;
}

describe('renderCsv', () => {
  it('writes the samples as one CSV: BOM, header, CRLF, one record per cell, every value back', () => {
    const csv = renderCsv(reports);
    expect(
      csv.startsWith(
        '\ufefffile,sha256,reportId,agency,year,formatVersion,table,row,rowLabel,column,columnLabel,value,source,inferred,' +
          'status,reportFigures,reportCells,reportInferred,reportErrors,reportWarnings\r\n',
      ),
    ).toBe(true);
    const records = parseCsv(csv);
    expect(differences(reports, records)).toEqual([]);
    // Sample 003's blank 结转 / 自然人 is an empty field (its source the place the blank was found); its zeros are "0".
    const blank = records.find(
      (r) =>
        r.agency === '三门峡市人民政府办公室' && r.row === 'carriedForward' && r.column === 'naturalPerson',
    )!;
    expect([blank.value, blank.source, blank.rowLabel]).toEqual(['', '89:14', '四、结转下年度继续办理']);
    const zero = records.find(
      (r) => r.agency === '三门峡市人民政府办公室' && r.row === 'carriedForward' && r.column === 'commercial',
    )!;
    expect(zero.value).toBe('0');
    expect(zero.source).toMatch(/^\d+:\d+$/);
    expect(zero.columnLabel).toBe('法人或其他组织 · 商业企业');
  });

  it('names the file, its sha256 and the report id on every record, and how an inferred figure was placed', () => {
    // Two files of one body and year (a corrected version published beside the first) stay apart.
    const [a, b] = [reports[3]!, { ...reports[3]!, provenance: {} }];
    const sha = ['a'.repeat(64), 'b'.repeat(64)];
    const records = parseCsv(
      renderCsv(
        [a, b],
        [
          { file: 'x/003.txt', sha256: sha[0] },
          { file: 'x/003-v2.txt', sha256: sha[1] },
        ],
      ),
    );
    const ids = new Set(records.map((r) => `${r.file}|${r.sha256}|${r.reportId}`));
    expect([...ids]).toEqual([
      `x/003.txt|${sha[0]}|${'a'.repeat(16)}`,
      `x/003-v2.txt|${sha[1]}|${'b'.repeat(16)}`,
    ]);
    // Sample 003's 结转 row was placed by the column grid: its figures say so; figures read as written do not.
    const carried = records.find(
      (r) => r.file === 'x/003.txt' && r.row === 'carriedForward' && r.column === 'commercial',
    )!;
    expect(carried.inferred).toBe(a.provenance!['requests.carriedForward.commercial']!.inferred);
    expect(carried.inferred).toBe('grid');
    expect(records.find((r) => r.row === 'newlyReceived' && r.column === 'total')!.inferred).toBe('');
    // Without origins (the library API on reports alone) the columns are there and empty.
    expect(parseCsv(renderCsv([a]))[0]).toMatchObject({ file: '', sha256: '', reportId: '' });
  });

  it("tells each cell's status, and repeats the report's quality on each of its rows", async () => {
    // pingtan-scj-2024 (real): no 规章 row (unread), rows （六）2 and 3 without figures (blank); checked: 2 errors.
    const f = await processFile('test/fixtures/real/pingtan-scj-2024.txt');
    const checked = findingCounts(checkFile(f).diagnostics);
    const records = parseCsv(
      renderCsv([f.report!], [{ file: f.file, sha256: f.sha256, extraction: f.diagnostics, checked }]),
    );
    const at = (row: string, column: string) => records.find((r) => r.row === row && r.column === column)!;
    expect([at('regulations', 'issued').value, at('regulations', 'issued').status]).toEqual(['', 'unread']);
    expect([
      at('otherHandling.overdueFee', 'total').value,
      at('otherHandling.overdueFee', 'total').status,
    ]).toEqual(['', 'blank']);
    const granted = at('granted', 'total');
    expect(granted.status).toBe('figure');
    expect(granted.value).not.toBe('');
    const statuses = records.map((r) => r.status);
    const q = records[0]!;
    expect(Number(q.reportFigures)).toBe(statuses.filter((s) => s === 'figure').length);
    expect(Number(q.reportCells)).toBe(records.length);
    expect(Number(q.reportInferred)).toBe(records.filter((r) => r.inferred !== '').length);
    expect([q.reportErrors, q.reportWarnings]).toEqual([String(checked.errors), String(checked.warnings)]);
    expect(checked.errors).toBeGreaterThan(0);
    // The same quality on every row of the report, so that a group-by on reportId needs no join.
    expect(new Set(records.map((r) => [r.reportId, r.reportFigures, r.reportErrors].join('|'))).size).toBe(1);
    // Not checked (renderCsv on reports alone): the finding counts are empty, not 0; nulls are blanks.
    const bare = parseCsv(renderCsv([f.report!]))[0]!;
    expect([bare.reportErrors, bare.reportWarnings, bare.reportFigures]).toEqual(['', '', q.reportFigures]);
  });

  it('neutralises text a spreadsheet would run as a formula; a negative figure stays a number', () => {
    const report = structuredClone(reports.find((r) => r.formatVersion === '2019')!);
    report.agency = '=cmd|" /C calc"!A0';
    (report.proactive.licensing as Record<string, number | null>).change = -12;
    const records = parseCsv(renderCsv([report], [{ file: '+x.txt' }]));
    expect(records[0]!.agency).toBe(`'=cmd|" /C calc"!A0`);
    expect(records[0]!.file).toBe(`'+x.txt`);
    expect(records.find((r) => r.row === 'licensing' && r.column === 'change')!.value).toBe('-12');
  });

  it('quotes fields that need it (RFC 4180) and reads them back', () => {
    const report: Report = { ...reports[0]!, agency: '某"机关",\n第二行', year: null };
    const records = parseCsv(renderCsv([report]));
    expect(records[0]!.agency).toBe('某"机关",\n第二行');
    expect(records[0]!.year).toBe('');
    expect(differences([report], records)).toEqual([]);
  });

  it('round-trips 200 generated reports of both versions, blanks as empty fields', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(arbReport(), arbBlankyReport()), { minLength: 1, maxLength: 3 }),
        (rs) => {
          expect(differences(rs, parseCsv(renderCsv(rs)))).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('writes only the header for no reports', () => {
    expect(parseCsv(renderCsv([]))).toEqual([]);
  });
});
