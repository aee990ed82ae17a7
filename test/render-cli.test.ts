// End-to-end tests of `nianbao render` and `nianbao new`, in-process through main(argv, io), on the sample reports.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processFile } from '../src/cli/process.ts';
import type { Report } from '../src/model/report.ts';
import { reportDifferences } from './support/roundtrip.ts';
import { ROOT, SAMPLE, SAMPLES, runMain } from './support/cli.ts';

const run = runMain;

let dir: string;
const originals = new Map<string, Report>();
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-render-'));
  for (const s of SAMPLES) originals.set(s, (await processFile(s, { cwd: ROOT })).report!);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('nianbao render', () => {
  it.each(['docx', 'html', 'xlsx', 'md', 'json'] as const)(
    'writes one sample as %s to -o FILE, and it reads back cell for cell',
    async (to) => {
      const out = join(dir, `003.${to}`);
      const r = await run(['render', SAMPLE('003'), '--to', to, '-o', out]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(out);
      const back = await processFile(out);
      expect(back.report).not.toBeNull();
      expect(reportDifferences(originals.get(SAMPLE('003'))!, back.report!)).toEqual([]);
    },
  );

  it('writes several inputs into a directory, one file each, and names an unreadable one (exit 2)', async () => {
    const out = join(dir, 'many');
    const missing = join(dir, 'no-such-report.pdf');
    const r = await run(['render', 'examples/reports', missing, '--to', 'docx', '-o', `${out}/`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-report.pdf');
    expect(readdirSync(out).sort()).toEqual(SAMPLES.map((s) => s.split('/').pop()!.replace('.txt', '.docx')));
    for (const s of SAMPLES) {
      const back = await processFile(join(out, s.split('/').pop()!.replace('.txt', '.docx')));
      expect(reportDifferences(originals.get(s)!, back.report!), s).toEqual([]);
    }
  });

  it('says on stderr that a report with errors is written all the same; --strict writes none (exit 1)', async () => {
    // Sample 002 with its （一）予以公开 / 自然人 cell changed from 0 to 5: T3-2 and T3-3 are errors.
    const broken = join(dir, '002-broken.txt');
    const lines = readFileSync(join(ROOT, SAMPLE('002')), 'utf8').split('\n');
    lines[138] = lines[138]!.replace('0', '5');
    writeFileSync(broken, lines.join('\n'));
    const out = join(dir, '002-broken.html');
    const loose = await run(['render', broken, '--to', 'html', '-o', out]);
    expect(loose.code).toBe(0);
    expect(loose.stderr).toContain(`${broken}：2 个错误（nianbao check ${broken} 列出），仍已写出`);
    expect(existsSync(out)).toBe(true);
    const strictOut = join(dir, '002-strict.html');
    const strict = await run(['render', '--strict', broken, '--to', 'html', '-o', strictOut]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('--strict：未写出');
    expect(existsSync(strictOut)).toBe(false);
    // A report without errors: not a word.
    const clean = await run([
      'render',
      '--strict',
      SAMPLE('002'),
      '--to',
      'html',
      '-o',
      join(dir, '002.html'),
    ]);
    expect(clean.code).toBe(0);
    expect(clean.stderr).not.toContain('错误');
  });

  it('asks for -o DIR when several inputs would go to one place', async () => {
    const r = await run(['render', SAMPLE('000'), SAMPLE('002'), '--to', 'html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('-o');
  });

  it('writes text formats to standard output without -o', async () => {
    const r = await run(['render', SAMPLE('002'), '--to', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# 新乡市牧野区人民政府办公室2020年政府信息公开工作年度报告\n/);
  });

  it('gathers every input into one CSV: a row per cell of every report', async () => {
    const out = join(dir, 'all.csv');
    const r = await run(['render', ...SAMPLES, '--to', 'csv', '-o', out]);
    expect(r.code).toBe(0);
    const rows = parse(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows).toHaveLength(SAMPLES.length * 198); // 198 cells per 2019-format report
    const agencies = new Set(rows.map((row) => row.agency));
    expect(agencies).toEqual(new Set([...originals.values()].map((o) => o.agency ?? '')));
  });

  it('renders a report JSON as extract writes it, and keeps a wrong total wrong', async () => {
    const report = structuredClone(originals.get(SAMPLE('002'))!);
    (report.requests as { granted: { total: number } }).granted.total = 99;
    const json = join(dir, 'wrong.json');
    writeFileSync(json, JSON.stringify([{ file: 'x', report, diagnostics: [] }]));
    const out = join(dir, 'wrong.xlsx');
    expect((await run(['render', json, '--to', 'xlsx', '-o', out])).code).toBe(0);
    const back = (await processFile(out)).report!;
    expect((back.requests as { granted: { total: number } }).granted.total).toBe(99);
    const check = await run(['check', out]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('T3-2');
  });

  it('refuses to overwrite the input', async () => {
    const input = join(dir, 'self.html');
    expect((await run(['render', SAMPLE('000'), '--to', 'html', '-o', input])).code).toBe(0);
    const before = readFileSync(input, 'utf8');
    const r = await run(['render', input, '--to', 'html', '-o', input]);
    expect(r.code).toBe(2);
    expect(readFileSync(input, 'utf8')).toBe(before);
  });

  it('prints PDF through the packaged Chromium, and the PDF reads back cell for cell', async () => {
    const out = join(dir, '004.pdf');
    const r = await run(['render', SAMPLE('004'), '--to', 'pdf', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const back = await processFile(out);
    expect(reportDifferences(originals.get(SAMPLE('004'))!, back.report!, { sections: false })).toEqual([]);
  });

  it('without a usable browser: PDF gives one message and exit 2, for all inputs, and other outputs still work', async () => {
    const saved = process.env.NIANBAO_CHROMIUM;
    try {
      // A browser that is not there, and a program that is no browser (it exits at once on Chromium's options).
      for (const [i, browser] of ['/nonexistent/chromium', process.execPath].entries()) {
        process.env.NIANBAO_CHROMIUM = browser;
        const out = join(dir, `no-browser-${i}`);
        const r = await run(['render', SAMPLE('004'), SAMPLE('003'), '--to', 'pdf', '-o', `${out}/`]);
        expect(r.code).toBe(2);
        expect(r.stderr.endsWith('\n')).toBe(true);
        expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(r.stderr).toMatch(
          /^nianbao: PDF output needs Chromium, but (.+) \(from NIANBAO_CHROMIUM\) (does not exist|did not start)/,
        );
        expect(r.stderr).toContain(browser);
        expect(readdirSync(out)).toEqual([]);
        const html = join(dir, `no-browser-${i}.html`);
        expect((await run(['render', SAMPLE('004'), '--to', 'html', '-o', html])).code).toBe(0);
        expect(reportDifferences(originals.get(SAMPLE('004'))!, (await processFile(html)).report!)).toEqual(
          [],
        );
      }
    } finally {
      if (saved === undefined) delete process.env.NIANBAO_CHROMIUM;
      else process.env.NIANBAO_CHROMIUM = saved;
    }
  });
});

describe('nianbao new', () => {
  it('writes a blank XLSX template with last year’s 结转 carried, then never overwrites it', async () => {
    const out = join(dir, 'template.xlsx');
    const r = await run([
      'new',
      '--agency',
      '三门峡市人民政府办公室',
      '--year',
      '2020',
      '--previous',
      SAMPLE('003'),
      '-o',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const last = originals.get(SAMPLE('003'))!.requests as Record<string, Record<string, number | null>>;
    const carried = Object.values(last.carriedForward!).filter((v) => v !== null).length;
    expect(carried).toBe(6); // 003 left 结转 自然人 blank: it stays blank
    expect(r.stderr).toContain(`结转 ${carried} 个数字`);
    const back = (await processFile(out)).report!;
    expect(back).toMatchObject({ formatVersion: '2019', agency: '三门峡市人民政府办公室', year: 2020 });
    expect((back.requests as Record<string, unknown>).carriedOver).toEqual(last.carriedForward);
    expect((back.requests as Record<string, Record<string, null>>).newlyReceived!.total).toBeNull();
    // One place to type each figure: the template has the layout sheets and no flat data sheet beside them.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).not.toContain('data');
    expect(wb.worksheets).toHaveLength(5);
    const again = await run(['new', '--agency', 'x', '--year', '2020', '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('未覆盖');
  });

  it('picks the format in force for the year, writes JSON for a .json name, and rejects a bad year', async () => {
    const out = join(dir, 'new-2023.json');
    expect((await run(['new', '--agency', '某县审计局', '--year', '2023', '-o', out])).code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(json).toMatchObject({ formatVersion: '2021', agency: '某县审计局', year: 2023 });
    const bad = await run(['new', '--year', '23', '-o', join(dir, 'bad.xlsx')]);
    expect(bad.code).toBe(2);
    expect(existsSync(join(dir, 'bad.xlsx'))).toBe(false);
  });
});
