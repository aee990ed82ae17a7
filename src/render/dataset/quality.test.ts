// Cell statuses (figure, the report's blank, not read) from a report and its extraction findings; CSV field safety.
import { describe, expect, it } from 'vitest';
import { processFile } from '../../cli/process.ts';
import { finding } from '../../findings/index.ts';
import { blankReport, type Report } from '../../model/report.ts';
import { cellStatuses, findingCounts, qualityOf, safeField, UNREAD_RULES } from './quality.ts';

const REAL = 'test/fixtures/real';

/** A 2021 report with one figure, in 结转 / 自然人. */
function oneFigure(): Report {
  const r = blankReport('2021');
  (r.requests.carriedForward as Record<string, number | null>).naturalPerson = 0;
  return r;
}

describe('cellStatuses', () => {
  it('tells a figure (0 too) from a blank, and every null cell is the blank of the report without a finding', () => {
    const s = cellStatuses(oneFigure());
    expect(s.size).toBe(200);
    expect(s.get('requests.carriedForward.naturalPerson')).toBe('figure');
    expect(s.get('requests.carriedForward.commercial')).toBe('blank');
    expect([...s.values()].filter((v) => v === 'blank')).toHaveLength(199);
  });

  it('marks as unread the cells, rows and tables named by the findings of figures not read', () => {
    const d = (ruleId: string, messageId: string, path: string[]) =>
      finding(
        ruleId as 'extract/missing-row',
        messageId as 'missingRow',
        { row: 'x', table: 'y', text: 'z' },
        { path },
      );
    const s = cellStatuses(oneFigure(), [
      d('extract/missing-row', 'missingRow', ['proactive', 'regulations']),
      d('extract/unplaced-cells', 'missingCells', ['requests', 'granted']),
      d('extract/unreadable-figure', 'unreadableFigure', ['requests', 'newlyReceived', 'total']),
      d('extract/missing-table', 'missingTable', ['reviewLitigation']),
      // The figure of a row named by a finding is still a figure; a row's unknown neighbour is no unread cell.
      d('extract/ambiguous-cells', 'ambiguousCells', ['requests', 'carriedForward']),
      d('extract/unknown-row', 'unknownRow', ['requests']),
    ]);
    const unread = [...s].filter(([, v]) => v === 'unread').map(([k]) => k);
    expect(unread).toHaveLength(3 + 7 + 1 + 15 + 6);
    expect(unread).toContain('proactive.regulations.inForce');
    expect(unread).toContain('requests.granted.total');
    expect(unread).toContain('requests.newlyReceived.total');
    expect(unread).not.toContain('requests.newlyReceived.naturalPerson');
    expect(unread).toContain('reviewLitigation.litigationAfterReview.total');
    expect(s.get('requests.carriedForward.naturalPerson')).toBe('figure');
    expect(s.get('requests.carriedForward.commercial')).toBe('unread');
    // A path that only begins like a row's ("proactive.regulationsX") is not under it.
    expect(s.get('proactive.normativeDocuments.issued')).toBe('blank');
    expect(UNREAD_RULES.has('extract/unknown-row')).toBe(false);
  });

  it('on real reports: a row of six figures for seven cells is unread, 法人 cells left empty are blank', async () => {
    // pingtan-jjf-2021: （一）予以公开 and （二）部分公开 have six figures, the blank's place unknown (README).
    const jjf = await processFile(`${REAL}/pingtan-jjf-2021.txt`);
    const s = cellStatuses(jjf.report!, jjf.diagnostics);
    for (const row of ['granted', 'partiallyGranted'])
      for (const col of ['naturalPerson', 'commercial', 'total'])
        expect(s.get(`requests.${row}.${col}`), `${row}.${col}`).toBe('unread');
    expect(s.get('requests.newlyReceived.total')).toBe('figure');
    // shuyang-fgj-2023: every 法人或其他组织 cell of table 3 is empty while 自然人 and 总计 carry numbers.
    const sy = await processFile(`${REAL}/shuyang-fgj-2023.html`);
    const t = cellStatuses(sy.report!, sy.diagnostics);
    expect(t.get('requests.granted.commercial')).toBe('blank');
    expect(t.get('requests.granted.naturalPerson')).toBe('figure');
    expect([...t.values()].filter((v) => v === 'unread')).toEqual([]);
  });
});

describe('qualityOf', () => {
  it('counts figures, blanks, unread cells and inferred figures; errors and warnings only when checked', () => {
    const r = oneFigure();
    r.provenance = {
      'requests.carriedForward.naturalPerson': { inferred: 'grid', text: '0' },
      'requests.carriedForward.commercial': { text: '/' },
    };
    const s = cellStatuses(r, [
      finding(
        'extract/missing-row',
        'missingRow',
        { row: 'x', table: 'y' },
        { path: ['requests', 'granted'] },
      ),
    ]);
    expect(qualityOf(r, s)).toEqual({
      figures: 1,
      cells: 200,
      blank: 192,
      unread: 7,
      inferred: 1,
      errors: null,
      warnings: null,
    });
    const counts = findingCounts([
      finding('extract/missing-table', 'missingTable', { table: 'x' }),
      finding('extract/missing-row', 'missingRow', { row: 'x', table: 'y' }),
      finding('extract/missing-row', 'missingRow', { row: 'x', table: 'y' }),
      finding('extract/split-digits', 'splitDigits', { row: 'x' }),
    ]);
    expect(counts).toEqual({ errors: 1, warnings: 2 });
    expect(qualityOf(r, s, counts)).toMatchObject({ errors: 1, warnings: 2 });
  });
});

describe('safeField', () => {
  it('neutralises text that a spreadsheet would run as a formula, and leaves numbers alone', () => {
    for (const t of ['=1+2', '+86 371', '-2+3', '@SUM(A1)', '\tx', '\rx'])
      expect(safeField(t), JSON.stringify(t)).toBe(`'${t}`);
    expect(safeField('河南省=机关')).toBe('河南省=机关');
    expect(safeField(-3)).toBe(-3);
    expect(safeField(0)).toBe(0);
    expect(safeField(null)).toBe('');
    expect(safeField('')).toBe('');
  });
});
