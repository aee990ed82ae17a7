// End-to-end tests of the datasets of `nianbao extract` (docs/datasets.md) on the samples and the real reports:
// the wide CSV loads in csv-parse, one row per report, the same on every run, its values extract's JSON figures.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatOf } from '../src/model/formats/index.ts';
import { cellsOf, rowValues, type Report } from '../src/model/report.ts';
import { cellColumnId, WIDE_META, wideColumns } from '../src/render/dataset/wide.ts';
import { version } from '../src/cli/io.ts';
import { runMain, SAMPLES } from './support/cli.ts';

/** The real published reports (their README is no report) and the samples: every input kind nianbao meets. */
const REAL = readdirSync('test/fixtures/real')
  .filter((n) => /\.(txt|html)$/.test(n))
  .sort()
  .map((n) => `test/fixtures/real/${n}`);
const ALL = [...SAMPLES, ...REAL];

interface Entry {
  file: string;
  sha256: string;
  summary: { figures: number; cells: number; inferred: number };
  report: Report;
}

let dir: string;
let entries: Entry[];
let wide: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-dataset-'));
  const json = await runMain(['extract', ...ALL]);
  expect(json.code).toBe(0);
  entries = JSON.parse(json.stdout) as Entry[];
  const w = await runMain(['extract', '--format', 'wide-csv', '--region', '福建省/平潭综合实验区', ...ALL]);
  expect(w.code).toBe(0);
  wide = w.stdout;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parseCsv = (csv: string) => parse(csv, { bom: true, columns: true }) as Record<string, string>[];

describe('nianbao extract --format wide-csv', () => {
  it("has one row per report, the stable columns, and each report's figures as extract's JSON has them", () => {
    const rows = parseCsv(wide);
    expect(rows).toHaveLength(ALL.length);
    expect(Object.keys(rows[0]!)).toEqual(wideColumns().map((c) => c.id));
    rows.forEach((row, i) => {
      const e = entries[i]!;
      expect(row.file).toBe(e.file);
      expect(row.sha256).toBe(e.sha256);
      expect(row.reportId).toBe(e.sha256.slice(0, 16));
      expect(row.region).toBe('福建省/平潭综合实验区');
      expect(row.nianbao).toBe(version());
      expect([row.agency, row.year, row.formatVersion]).toEqual([
        e.report.agency ?? '',
        String(e.report.year ?? ''),
        e.report.formatVersion,
      ]);
      expect([Number(row.figures), Number(row.cells), Number(row.inferred)]).toEqual([
        e.summary.figures,
        e.summary.cells,
        e.summary.inferred,
      ]);
      const f = formatOf(e.report.formatVersion);
      const seen = new Set<string>();
      for (const { table, row: r, column, path } of cellsOf(f)) {
        const id = cellColumnId(table, path);
        seen.add(id);
        const v = rowValues(e.report[table.key], r)[column.key];
        if (v === null) expect(['', 'NA'], `${e.file} ${id}`).toContain(row[id]);
        else expect(Number(row[id]), `${e.file} ${id}`).toBe(v);
        if (row[id] !== '' && row[id] !== 'NA') expect(row[id]).toBe(String(v));
      }
      // The other version's cells are empty.
      for (const c of wideColumns().slice(WIDE_META.length))
        if (!seen.has(c.id)) expect(row[c.id], `${e.file} ${c.id}`).toBe('');
      const na = Object.values(row).filter((v) => v === 'NA').length;
      expect(na).toBe(Number(row.blank));
    });
    // The real set has both: cells left blank (shuyang's 法人 columns) and cells not read (jjf's six-figure rows).
    const by = (name: string) => rows.find((r) => r.file!.endsWith(name))!;
    expect(by('shuyang-fgj-2023.html')['requests.granted.commercial']).toBe('NA');
    expect(by('pingtan-jjf-2021.txt')['requests.granted.commercial']).toBe('');
    expect(Number(by('pingtan-jjf-2021.txt').unread)).toBeGreaterThan(0);
  });

  it('is the same on every run, and on worker threads as in-process', async () => {
    const again = await runMain([
      'extract',
      '-f',
      'wide-csv',
      '--region',
      '福建省/平潭综合实验区',
      '-j',
      '2',
      ...ALL,
    ]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(wide);
  }, 120_000);

  it('leaves a file without a report out, names it on stderr (exit 2), and writes the header for none', async () => {
    const r = await runMain(['extract', '-f', 'wide-csv', SAMPLES[0]!, join(dir, 'missing.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.txt');
    expect(parseCsv(r.stdout)).toHaveLength(1);
    const none = await runMain(['extract', '-f', 'wide-csv', join(dir, 'missing.txt')]);
    expect(none.stdout).toBe(
      '\ufeff' +
        wideColumns()
          .map((c) => c.id)
          .join(',') +
        '\r\n',
    );
  });
});

describe('nianbao extract --format wide-xlsx', () => {
  it('writes the workbook to -o FILE: ids, Chinese labels, a row per report, the same values as the CSV', async () => {
    const out = join(dir, 'wide.xlsx');
    const r = await runMain(['extract', '-f', 'wide-xlsx', '-o', out, ...ALL]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${ALL.length} 份报告`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('data')!;
    const cols = wideColumns();
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(cols.map((c) => c.id));
    expect(ws.getRow(2).getCell(4).value).toBe('机关');
    expect(ws.rowCount).toBe(2 + ALL.length);
    const rows = parseCsv(wide);
    rows.forEach((row, i) => {
      const x = ws.getRow(3 + i);
      cols.forEach((c, k) => {
        const v = x.getCell(k + 1).value;
        const want = row[c.id]!;
        const got =
          v === null
            ? ''
            : typeof v === 'object' && v && 'error' in v
              ? v.error === '#N/A'
                ? 'NA'
                : '?'
              : String(v);
        // The CSV neutralises formula-like text; no text here starts with one of = + - @.
        expect(got, `${row.file} ${c.id}`).toBe(c.id === 'region' ? '' : want);
      });
    });
  }, 120_000);

  it('refuses without -o before reading any file (exit 2, one line)', async () => {
    const r = await runMain(['extract', '-f', 'wide-xlsx', join(dir, 'missing.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('-o');
    expect(r.stderr).not.toContain('missing.txt');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const bad = await runMain([
      'extract',
      '-f',
      'wide-xlsx',
      '-o',
      join(dir, 'no/such/dir/x.xlsx'),
      join(dir, 'missing.txt'),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('无法写入该文件');
    expect(bad.stderr).not.toContain('missing.txt');
  });
});

describe('nianbao extract --format csv', () => {
  it('writes the long CSV with the quality columns, a row per cell, from many files', async () => {
    const r = await runMain(['extract', '-f', 'csv', ...ALL]);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout);
    expect(rows).toHaveLength(entries.reduce((n, e) => n + e.summary.cells, 0));
    const wideRows = parseCsv(wide);
    for (const w of wideRows) {
      const mine = rows.filter((x) => x.reportId === w.reportId);
      expect(mine).toHaveLength(Number(w.cells));
      expect(mine.filter((x) => x.status === 'figure')).toHaveLength(Number(w.figures));
      expect(mine.filter((x) => x.status === 'blank')).toHaveLength(Number(w.blank));
      expect(mine.filter((x) => x.status === 'unread')).toHaveLength(Number(w.unread));
      expect(new Set(mine.map((x) => `${x.reportErrors}|${x.reportWarnings}`))).toEqual(
        new Set([`${w.errors}|${w.warnings}`]),
      );
    }
  }, 120_000);
});
