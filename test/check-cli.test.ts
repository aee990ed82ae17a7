// End-to-end tests of `nianbao check`: in-process through main(argv, io), plus one run as a child process.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/model/diagnostic.ts';
import { formatOf } from '../src/model/formats/index.ts';
import type { Report } from '../src/model/report.ts';
import { locate, nameOf } from '../src/model/cells.ts';
import { REGISTRY, RULES } from '../src/rules/index.ts';
import { sarifErrors } from './support/sarif.ts';
import { ROOT, SAMPLE, SAMPLES, runMain, runNode } from './support/cli.ts';

interface Entry {
  file: string;
  report: Report | null;
  diagnostics: Diagnostic[];
}

const run = runMain;

const ANSI = /\x1b\[/; // eslint-disable-line no-control-regex

let dir: string;
/** Sample 002 with table 3's （一）予以公开 自然人 cell changed from 0 to 5: T3-2 (row) and T3-3 (column) fail. */
let broken: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-check-'));
  const lines = readFileSync(join(ROOT, SAMPLE('002')), 'utf8').split('\n');
  // The sample writes one cell per line after a TAB: the row label, then its seven figures.
  const label = lines.findIndex((l) => l.trim() === '（一）予以公开');
  expect(label).toBeGreaterThan(0);
  expect(lines[label + 1]).toBe('\t0');
  lines[label + 1] = '\t5';
  broken = join(dir, 'broken-002.txt');
  writeFileSync(broken, lines.join('\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('nianbao check, text', () => {
  it('sample 002 has no finding: exit 0, the header names the agency, year and format', async () => {
    const { code, stdout, stderr } = await run(['check', SAMPLE('002')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [header] = stdout.split('\n');
    expect(header).toContain(SAMPLE('002'));
    expect(header).toContain('新乡市牧野区人民政府办公室');
    expect(header).toContain('2020年度');
    expect(header).toContain('2019 格式');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('1 个文件：错误 0，警告 0，提示 0');
    expect(stdout).not.toMatch(ANSI);
  });

  it('the sums of tables 3 and 4 (T3-…, T4-…) hold in the bundled samples 000–004', async () => {
    const files = ['000', '001', '002', '003', '004'].map(SAMPLE);
    const { code, stdout } = await run(['check', '-f', 'json', ...files]);
    const entries = JSON.parse(stdout) as Entry[];
    expect(entries.map((e) => e.file)).toEqual(files);
    const arithmetic = entries.flatMap((e) => e.diagnostics.filter((d) => /^T[34]-/.test(d.ruleId)));
    expect(arithmetic).toEqual([]);
    expect(code).toBe(entries.some((e) => e.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0);
  });

  it('sample 001 names every cell or row a finding points at, with 表/行/列 (nameOf)', async () => {
    const json = JSON.parse((await run(['check', '-f', 'json', SAMPLE('001')])).stdout) as Entry[];
    const { stdout } = await run(['check', '--no-fold', SAMPLE('001')]);
    const report = json[0]!.report!;
    const format = formatOf(report.formatVersion);
    for (const d of json[0]!.diagnostics) {
      expect(stdout).toContain(d.message);
      expect(stdout).toContain(d.ruleId);
      if (d.path && locate(format, d.path).table) expect(stdout).toContain(nameOf(format, d.path));
    }
  });

  it('sample 001: the blank 总计 cells are named (blank-total rule)', async () => {
    const { stdout } = await run(['check', SAMPLE('001')]);
    expect(stdout).toContain('blank-total');
    expect(stdout).toMatch(/表三（依申请公开）“[^”]+”行“总计”列/);
  });

  it('a broken table 3 exits 1 and names 表三, the cells, the T3 rule ids and the suggested repair', async () => {
    const { code, stdout, stderr } = await run(['check', broken]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    const t32 = lines.findIndex((l) => l.includes('T3-2'));
    expect(t32).toBeGreaterThan(0);
    // line:col, severity, the cell (named in front: the message does not name its column), message, rule id.
    expect(lines[t32]).toMatch(
      /^ {2}\d+:\d+ +错误 {2}【表三（依申请公开）“（一）予以公开”行“总计”列】表三“（一）予以公开”行：总计 0 不等于.*之和 5 {2}T3-2$/,
    );
    // The repair is on the next, indented line: the one cell that satisfies every failing sum.
    expect(lines[t32 + 1]).toMatch(
      /^ +建议：将表三（依申请公开）“（一）予以公开”行“自然人”列改为 0，即可同时满足 T3-2、T3-3$/,
    );
    expect(stdout).toContain('T3-3');
    expect(stdout).toContain('表三（依申请公开）“（七）总计”行“自然人”列');
    expect(lines.filter(Boolean).at(-1)).toBe('1 个文件：错误 2，警告 0，提示 0');
  });

  it('--lang en gives English messages, severities and summary', async () => {
    const { code, stdout } = await run(['check', '--lang', 'en', broken]);
    expect(code).toBe(1);
    expect(stdout).toContain('year 2020');
    expect(stdout).toMatch(
      / error {2}\[table 3 \(requests\), row "（一）予以公开", column "总计"\] Table 3, row "（一）予以公开": the total 0 is not the sum/,
    );
    expect(stdout).toContain(
      'Suggestion: change table 3 (requests), row "（一）予以公开", column "自然人" to 0',
    );
    expect(stdout).not.toContain('错误');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('1 file: 2 errors, 0 warnings, 0 infos');
  });

  it('--rule T3-2=off removes that rule’s findings; --rule can also lower a severity', async () => {
    const off = await run(['check', '-f', 'json', '--rule', 'T3-2=off', broken]);
    const ids = (JSON.parse(off.stdout) as Entry[])[0]!.diagnostics.map((d) => d.ruleId);
    expect(ids).not.toContain('T3-2');
    expect(ids).toContain('T3-3');
    expect(off.code).toBe(1);
    const lowered = await run(['check', '--rule', 'T3-2=off', '--rule', 'T3-3=warning', broken]);
    expect(lowered.code).toBe(0);
    expect(lowered.stdout).toContain('1 个文件：错误 0，警告 1，提示 0');
  });

  it('--rule applies to the stages’ findings of a file without a report: read/unreadable=off, internal ids known', async () => {
    const missing = join(dir, 'no-such-report.txt');
    const shown = await run(['check', '-f', 'json', missing]);
    expect((JSON.parse(shown.stdout) as Entry[])[0]!.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['read/unreadable', 'error'],
    ]);
    const off = await run(['check', '-f', 'json', '--rule', 'read/unreadable=off', missing]);
    expect((JSON.parse(off.stdout) as Entry[])[0]!.diagnostics).toEqual([]);
    expect(off.code).toBe(2); // still no report
    const lowered = await run([
      'check',
      '--rule',
      'read/unreadable=info',
      '--rule',
      'internal/exception=off',
      missing,
    ]);
    expect(lowered.stderr).not.toContain('未知的规则');
    expect(lowered.stdout).toContain('提示  无法读取文件');
  });

  it('an empty file gets the reader’s finding only, not also “not an annual report”', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    for (const command of ['check', 'extract']) {
      const { stdout, code } = await run([command, '-f', 'json', empty]);
      expect(
        (JSON.parse(stdout) as Entry[])[0]!.diagnostics.map((d) => d.ruleId),
        command,
      ).toEqual(['read/empty']);
      expect(code).toBe(2);
    }
  });

  it('colours only when the output is a terminal', async () => {
    const { stdout } = await run(['check', broken], { color: true });
    expect(stdout).toMatch(ANSI);
    expect(stdout.replace(/\x1b\[\d+m/g, '')).toBe((await run(['check', broken])).stdout); // eslint-disable-line no-control-regex
  });
});

describe('nianbao check, json and sarif', () => {
  it('--format json prints [{ file, report, diagnostics }] with the checker’s findings', async () => {
    const { code, stdout } = await run(['check', '--format', 'json', broken, SAMPLE('002')]);
    expect(code).toBe(1);
    const entries = JSON.parse(stdout) as Entry[];
    expect(entries.map((e) => e.file)).toEqual([broken, SAMPLE('002')]);
    expect(entries[0]!.report!.agency).toBe('新乡市牧野区人民政府办公室');
    const t32 = entries[0]!.diagnostics.find((d) => d.ruleId === 'T3-2')!;
    expect(t32).toMatchObject({
      severity: 'error',
      path: ['requests', 'granted', 'total'],
      docs: 'docs/rules/T3-2.md',
      suggestions: [{ path: ['requests', 'granted', 'naturalPerson'], value: 0 }],
    });
    expect(t32.source).toMatchObject({ kind: 'text' });
    expect(entries[1]!.diagnostics).toEqual([]);
  });

  it('--format sarif is a valid SARIF 2.1.0 log with the rules, levels, regions and model paths', async () => {
    const { code, stdout } = await run(['check', '--format', 'sarif', broken, SAMPLE('003')]);
    expect(code).toBe(1);
    const log = JSON.parse(stdout);
    expect(sarifErrors(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const { driver } = log.runs[0].tool;
    expect(driver.name).toBe('nianbao');
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual([...REGISTRY.keys()]);
    expect(driver.rules.find((r: { id: string }) => r.id === 'T3-2')).toMatchObject({
      shortDescription: { text: RULES.find((r) => r.meta.id === 'T3-2')!.meta.title.zh },
      helpUri: pathToFileURL(join(ROOT, 'docs/rules/T3-2.md')).href,
      defaultConfiguration: { level: 'error' },
    });
    const results = log.runs[0].results as {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } };
        logicalLocations?: { fullyQualifiedName: string }[];
      }[];
    }[];
    const t32 = results.find((r) => r.ruleId === 'T3-2')!;
    expect(t32.level).toBe('error');
    expect(t32.message.text).toContain('（一）予以公开');
    expect(t32.locations[0]!.physicalLocation.artifactLocation.uri).toBe(`file://${broken}`);
    expect(t32.locations[0]!.physicalLocation.region!.startLine).toBeGreaterThan(100);
    expect(t32.locations[0]!.logicalLocations![0]!.fullyQualifiedName).toBe('requests.granted.total');
    // A warning of sample 003 (a row placed by column position), with the sample's relative path as the URI.
    const missing = results.find((r) => r.ruleId === 'extract/missing-cells')!;
    expect(missing.level).toBe('warning');
    expect(missing.locations[0]!.physicalLocation.artifactLocation.uri).toBe(SAMPLE('003'));
  });
});

describe('nianbao check, files and configuration', () => {
  it('a missing file and a good file: exit 2, the good file is still checked and reported', async () => {
    const missing = join(dir, 'no-such-report.txt');
    const { code, stdout, stderr } = await run(['check', missing, broken]);
    expect(code).toBe(2); // 2 (unreadable) wins over 1 (errors in the good file)
    expect(stderr).toContain(missing);
    expect(stdout).toContain(`${missing}  （未能读出报告）`);
    expect(stdout).toContain('read/unreadable');
    expect(stdout).toContain('新乡市牧野区人民政府办公室');
    expect(stdout).toContain('T3-2');
    expect(stdout).toContain('2 个文件（1 个未能读出）：错误 3，警告 0，提示 0');
    const en = await run(['check', '--lang', 'en', '-f', 'json', missing, SAMPLE('002')]);
    expect(en.code).toBe(2);
    const [gone, good] = JSON.parse(en.stdout) as Entry[];
    expect(gone!.report).toBeNull();
    expect(gone!.diagnostics[0]!.message).toBe(`cannot read file "${missing}": no such file (ENOENT)`);
    expect(good!.report).not.toBeNull();
  });

  describe('.nianbaorc.json and --config', () => {
    let cwd: string;
    beforeAll(() => {
      cwd = mkdtempSync(join(tmpdir(), 'nianbao-rc-'));
      writeFileSync(join(cwd, 'report.txt'), readFileSync(broken));
      writeFileSync(
        join(cwd, '.nianbaorc.json'),
        JSON.stringify({ rules: { 'T3-2': 'off', 'no-such-rule': 'error' } }),
      );
      writeFileSync(join(cwd, 'strict.json'), JSON.stringify({ rules: { 'T3-3': 'info' } }));
      writeFileSync(join(cwd, 'bad.json'), JSON.stringify({ rules: { 'T3-3': 'fatal' } }));
    });
    afterAll(() => rmSync(cwd, { recursive: true, force: true }));

    it('is read from the current directory; unknown rules are warned about and ignored', async () => {
      const { code, stdout, stderr } = await run(['check', 'report.txt'], { cwd });
      expect(code).toBe(1);
      // No finding of T3-2 (a line ending in its id); the repair of T3-3 still names the sums it satisfies.
      expect(stdout).not.toMatch(/ T3-2$/m);
      expect(stdout).toMatch(/ T3-3$/m);
      expect(stderr).toBe('nianbao: 未知的规则“no-such-rule”（.nianbaorc.json），已忽略\n');
    });

    it('--rule overrides the file', async () => {
      const { stdout } = await run(['check', '--rule', 'T3-2=warning', 'report.txt'], { cwd });
      expect(stdout).toMatch(/警告 {2}【[^】]+】表三“（一）予以公开”行.*T3-2$/m);
    });

    it('--config FILE replaces .nianbaorc.json', async () => {
      const { code, stdout } = await run(['check', '--config', 'strict.json', 'report.txt'], { cwd });
      expect(code).toBe(1); // T3-2 is on again (an error); T3-3 is an info
      expect(stdout).toContain('1 个文件：错误 1，警告 0，提示 1');
    });

    it('an unusable configuration is a usage error naming the problem, before any file is read', async () => {
      const bad = await run(['check', '--config', 'bad.json', 'report.txt'], { cwd });
      expect(bad.code).toBe(2);
      expect(bad.stdout).toBe('');
      expect(bad.stderr).toContain('fatal');
      const none = await run(['check', '--config', 'none.json', 'report.txt'], { cwd });
      expect(none.code).toBe(2);
      expect(none.stderr).toContain('none.json');
      const flag = await run(['check', '--rule', 'T3-2', 'report.txt'], { cwd });
      expect(flag.code).toBe(2);
      expect(flag.stderr).toContain('--rule');
    });
  });
});

describe('nianbao check as a command', () => {
  it('runs as a child process: exit 1, the findings on stdout without colours, --help lists check', async () => {
    const exec = (args: string[]) => runNode(['bin/nianbao.js', ...args]);
    const { code, stdout, stderr } = await exec(['check', broken]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('T3-2');
    expect(stdout).not.toMatch(ANSI);
    const help = await exec(['--help']);
    expect(help.stdout).toMatch(/check \[options\] <file\.\.\.>/);
  });

  it('check-samples checks every bundled sample and exits 0', async () => {
    const { code, stdout, stderr } = await run(['check-samples']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const s of SAMPLES) expect(stdout).toContain(s);
    expect(stdout).toMatch(new RegExp(`^${SAMPLES.length} 个文件：错误 \\d+，警告 \\d+，提示 \\d+$`, 'm'));
  });
});

describe('--no-ocr', () => {
  it('leaves a scanned PDF unread, naming it, instead of reading it by OCR', async () => {
    const file = 'test/fixtures/pdf/scan-title.pdf';
    const r = await run(['check', '--no-ocr', '--format', 'json', file]);
    expect(r.code).toBe(2);
    const [entry] = JSON.parse(r.stdout) as Entry[];
    expect(entry!.report).toBeNull();
    expect(entry!.diagnostics.map((d) => d.ruleId)).toContain('read/no-text-layer');
    expect(entry!.diagnostics.map((d) => d.ruleId)).not.toContain('read/ocr');
    expect(r.stderr).toContain(file);
  });
});
