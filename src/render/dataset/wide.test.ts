// The wide dataset: its column scheme (both format versions), its CSV parsed back with csv-parse and its XLSX read
// back with exceljs, every value compared with the reports.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { processFile } from '../../cli/process.ts';
import { FORMATS } from '../../model/formats/index.ts';
import { cellsOf, rowValues, type Report } from '../../model/report.ts';
import { sampleReports } from '../../../test/support/roundtrip.ts';
import { cellStatuses } from './quality.ts';
import {
  BLANK_MARK,
  cellColumnId,
  renderWideCsv,
  renderWideXlsx,
  WIDE_META,
  wideColumns,
  type DatasetEntry,
} from './wide.ts';

const samples = sampleReports();

/** Every cell of a report by its wide column id: the figure, or null. */
function cellsById(report: Report): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const { table, row, column, path } of cellsOf(
    FORMATS.find((f) => f.version === report.formatVersion)!,
  ))
    out.set(cellColumnId(table, path), rowValues(report[table.key], row)[column.key] ?? null);
  return out;
}

const parseCsv = (csv: string) => parse(csv, { bom: true, columns: true }) as Record<string, string>[];

describe('wideColumns', () => {
  it('has one column per cell of every format version, ids unique, table 2 split by version', () => {
    const cols = wideColumns();
    const ids = cols.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, WIDE_META.length)).toEqual([
      'file',
      'sha256',
      'reportId',
      'agency',
      'region',
      'year',
      'formatVersion',
      'nianbao',
      'figures',
      'cells',
      'blank',
      'unread',
      'inferred',
      'errors',
      'warnings',
    ]);
    for (const f of FORMATS) {
      const own = cols.filter((c) => c.versions?.includes(f.version)).map((c) => c.id);
      const cells = [...cellsOf(f)].map(({ table, path }) => cellColumnId(table, path));
      // Each version's cells are columns, in the version's own order.
      expect(own).toEqual(cells);
    }
    // 处理决定数量 means different things in the two versions' table 2: two columns; table 3 and 4 are shared.
    expect(ids).toContain('proactive-2019.licensing.decisions');
    expect(ids).toContain('proactive-2021.licensing.decisions');
    expect(cols.find((c) => c.id === 'requests.denied.stateSecret.naturalPerson')!.versions).toEqual([
      '2019',
      '2021',
    ]);
    // 2019's single （六）其他处理 row comes before 2021's three, and both before （七）总计.
    const at = (id: string) => ids.indexOf(id);
    expect(at('requests.otherHandling.total')).toBeLessThan(
      at('requests.otherHandling.overdueCorrection.naturalPerson'),
    );
    expect(at('requests.otherHandling.other.total')).toBeLessThan(at('requests.totalHandled.naturalPerson'));
    expect(cols.find((c) => c.id === 'requests.denied.stateSecret.naturalPerson')!.label).toBe(
      '收到和处理政府信息公开申请情况 · 三、本年度办理结果 · （三）不予公开 · 1.属于国家秘密 · 自然人',
    );
    // No other columns: the cells are the union of the versions' cells (198 + 200, less those they share).
    const union = new Set(
      FORMATS.flatMap((f) => [...cellsOf(f)].map(({ table, path }) => cellColumnId(table, path))),
    );
    expect(cols.length - WIDE_META.length).toBe(union.size);
  });
});

describe('renderWideCsv', () => {
  it('writes one row per report, every figure back as written, the blank as NA, other versions empty', () => {
    const entries: DatasetEntry[] = samples.map((s, i) => ({
      file: s.file,
      sha256: String(i).repeat(64),
      report: s.report,
      checked: { errors: i, warnings: 2 * i },
    }));
    const csv = renderWideCsv(entries, { nianbao: '9.9.9' });
    expect(csv.startsWith('\ufefffile,sha256,reportId,agency,region,year,formatVersion,nianbao,')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(samples.length + 2); // header, rows, the final CRLF
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(samples.length);
    rows.forEach((row, i) => {
      const { report } = samples[i]!;
      expect(Object.keys(row)).toEqual(wideColumns().map((c) => c.id));
      expect(row).toMatchObject({
        file: samples[i]!.file,
        reportId: String(i).repeat(16),
        agency: report.agency ?? '',
        year: String(report.year ?? ''),
        formatVersion: report.formatVersion,
        nianbao: '9.9.9',
        errors: String(i),
        warnings: String(2 * i),
        region: '',
      });
      const cells = cellsById(report);
      for (const c of wideColumns().slice(WIDE_META.length)) {
        const want = cells.has(c.id) ? (cells.get(c.id) === null ? BLANK_MARK : String(cells.get(c.id))) : '';
        expect(row[c.id], `${samples[i]!.file} ${c.id}`).toBe(want);
      }
      expect(Number(row.figures) + Number(row.blank) + Number(row.unread)).toBe(Number(row.cells));
    });
    // Sample 003 leaves 结转 / 自然人 blank; its zeros are 0.
    const s003 = rows.find((r) => r.agency === '三门峡市人民政府办公室')!;
    expect(s003['requests.carriedForward.naturalPerson']).toBe('NA');
    expect(s003['requests.carriedForward.commercial']).toBe('0');
    expect(s003.blank).toBe('1');
  });

  it('leaves a cell nianbao could not read empty, and counts it', async () => {
    const f = await processFile('test/fixtures/real/pingtan-jjf-2021.txt');
    const [row] = parseCsv(
      renderWideCsv([{ file: f.file, sha256: f.sha256, report: f.report!, extraction: f.diagnostics }]),
    );
    expect(row!['requests.granted.naturalPerson']).toBe('');
    expect(row!['requests.newlyReceived.total']).toBe(
      String((f.report!.requests.newlyReceived as { total: number }).total),
    );
    const statuses = [...cellStatuses(f.report!, f.diagnostics).values()];
    expect(Number(row!.unread)).toBe(statuses.filter((s) => s === 'unread').length);
    expect(Number(row!.unread)).toBeGreaterThanOrEqual(14);
    // Not checked: the finding counts are empty, not 0.
    expect([row!.errors, row!.warnings]).toEqual(['', '']);
  });

  it('neutralises formula text and keeps a negative figure a number', () => {
    const report = structuredClone(samples.find((s) => s.report.formatVersion === '2019')!.report);
    report.agency = '=HYPERLINK("http://x","y")';
    (report.proactive.licensing as Record<string, number | null>).change = -3;
    const [row] = parseCsv(renderWideCsv([{ file: '@evil.txt', report }], { nianbao: '1' }));
    expect(row!.agency).toBe(`'=HYPERLINK("http://x","y")`);
    expect(row!.file).toBe(`'@evil.txt`);
    expect(row!['proactive-2019.licensing.change']).toBe('-3');
  });

  it('is the same on every run, and writes only the header for no reports', () => {
    const entries = samples.map((s) => ({ file: s.file, report: s.report }));
    expect(renderWideCsv(entries)).toBe(renderWideCsv(entries));
    expect(renderWideCsv([])).toBe(
      '\ufeff' +
        wideColumns()
          .map((c) => c.id)
          .join(',') +
        '\r\n',
    );
  });
});

describe('renderWideXlsx', () => {
  it('writes ids and Chinese labels as two header rows, figures as numbers, the blank as #N/A', async () => {
    const entries = samples.map((s) => ({
      file: s.file,
      report: s.report,
      checked: { errors: 0, warnings: 1 },
    }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderWideXlsx(entries, { nianbao: '9.9.9' })) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('data')!;
    const cols = wideColumns();
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual(cols.map((c) => c.id));
    expect(values(2)).toEqual(cols.map((c) => c.label));
    expect(ws.rowCount).toBe(2 + samples.length);
    samples.forEach(({ report, file }, i) => {
      const row = ws.getRow(3 + i);
      const cells = cellsById(report);
      cols.forEach((c, k) => {
        const v = row.getCell(k + 1).value;
        if (c.id === 'file') expect(v).toBe(file);
        if (!c.versions) return;
        const want = cells.has(c.id) ? cells.get(c.id) : undefined;
        if (want === undefined) expect(v, c.id).toBeNull();
        else if (want === null) expect(v, c.id).toEqual({ error: '#N/A' });
        else expect(v, c.id).toBe(want);
      });
      expect(row.getCell(cols.findIndex((c) => c.id === 'warnings') + 1).value).toBe(1);
    });
    const dict = wb.getWorksheet('columns')!;
    expect(dict.rowCount).toBe(1 + cols.length);
    expect(dict.getRow(2 + WIDE_META.length).values).toEqual([
      undefined,
      'proactive-2019.regulations.newlyMade',
      cols[WIDE_META.length]!.label,
      '2019',
    ]);
  });
});
