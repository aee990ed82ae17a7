// The command line's exit codes, as ESLint's (0 no error, 1 error findings, 2 usage, configuration or unreadable
// input), and its refusals: bad values are refused before any file is read, in one line with where to look.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain, SAMPLE } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-usage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('usage errors exit 2, in one line and a hint, before any file is read', () => {
  it('an unknown option is its message and the hint, not the whole help', async () => {
    const r = await runMain(['check', '--formt', 'json', SAMPLE('000')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("unknown option '--formt'");
    expect(r.stderr).toContain('--help');
    expect(r.stderr).not.toContain('Usage:');
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
  });

  for (const args of [
    ['--jobs', 'abc'],
    ['--jobs', '0'],
    ['--jobs', '-2'],
    ['--published-at', '2021-13-45'],
    ['--published-at', '2021-02-29'],
  ])
    it(`check ${args.join(' ')} is refused, naming the option, and no file is read`, async () => {
      const r = await runMain(['check', ...args, 'no-such-file.txt']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(args[0]);
      expect(r.stderr).toContain(`'${args[1]}'`);
      expect(r.stderr).not.toContain('no-such-file.txt');
    });

  it('extract --jobs abc is refused too', async () => {
    const r = await runMain(['extract', '--jobs', 'abc', SAMPLE('000')]);
    expect([r.code, r.stdout]).toEqual([2, '']);
  });

  it('a valid --published-at and --jobs are taken', async () => {
    const r = await runMain(['check', '--jobs', '1', '--published-at', '2020-01-31', SAMPLE('000')]);
    expect(r.code).toBeLessThan(2);
    expect(r.stderr).toBe('');
  });

  it('a report with an error finding exits 1; one without 0', async () => {
    expect((await runMain(['check', 'docs/rules/examples/T3-2.incorrect.txt'])).code).toBe(1);
    expect((await runMain(['check', 'docs/rules/examples/T3-2.correct.txt'])).code).toBe(0);
  });
});

describe('nianbao new refuses what it cannot write, before writing anything', () => {
  it('a year before the first annual reports (2008) is refused as such, not as "not a four-digit year"', async () => {
    const out = join(dir, 'y1999.xlsx');
    const r = await runMain(['new', '--year', '1999', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('年度报告始于 2008 年');
    expect(r.stderr).not.toContain('四位年份');
    expect(existsSync(out)).toBe(false);
  });

  it('-o with another extension than .xlsx or .json is refused (it wrote an XLSX named .csv)', async () => {
    const out = join(dir, 'y.csv');
    const r = await runMain(['new', '--year', '2025', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.xlsx 或 .json');
    expect(existsSync(out)).toBe(false);
  });

  it('a format not in force for the year is written with a warning', async () => {
    const out = join(dir, 'y2025-2019.json');
    const r = await runMain(['new', '--year', '2025', '--format', '2019', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2025 年度报告应使用 2021 格式');
    expect(JSON.parse(readFileSync(out, 'utf8')).formatVersion).toBe('2019');
    const inForce = await runMain([
      'new',
      '--year',
      '2025',
      '--format',
      '2021',
      '-o',
      join(dir, 'y2025.json'),
    ]);
    expect(inForce.stderr).not.toContain('警告');
  });
});

describe('only import creates a database', () => {
  for (const command of [['agencies'], ['merges'], ['aggregate', '--region', '三门峡市', '--year', '2019']])
    it(`${command[0]} --db on a path with no database exits 2 naming it and creates nothing`, async () => {
      const db = join(dir, `typo-${command[0]}`);
      const r = await runMain([...command, '--db', db]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(db);
      expect(r.stderr).toContain('nianbao import');
      expect(existsSync(db)).toBe(false);
    });

  it('compare --agency on a path with no database exits 2 and creates nothing', async () => {
    const db = join(dir, 'typo-compare');
    const r = await runMain(['compare', '--db', db, '--agency', '某局', '--years', '2019,2020']);
    expect(r.code).toBe(2);
    expect(existsSync(db)).toBe(false);
  });

  it('import creates it, and then agencies reads it', async () => {
    const db = join(dir, 'library');
    expect((await runMain(['import', '--db', db, SAMPLE('003')])).code).toBe(0);
    expect(existsSync(db)).toBe(true);
    const r = await runMain(['agencies', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('三门峡市');
  }, 60_000);
});
