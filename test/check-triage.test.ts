// Triage of many reports with `check`: --quiet, --max-warnings, -o FILE, runs of one cause folded, the findings
// by rule at the end, progress on a terminal only; and extract's -o and --lang.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runMain, SAMPLE, SAMPLES } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-triage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const lines = (s: string, pattern: RegExp) => s.split('\n').filter((l) => pattern.test(l));

// Sample 001 leaves its table three 总计 column blank (23 blank-total errors) and 29 rows with blanks besides;
// sample 004 has one warning (an extra figure in a row) and no error.
describe('check for triage', () => {
  it('folds a run of one cause into its first finding and one line; --no-fold lists each', async () => {
    const folded = await runMain(['check', SAMPLE('001')]);
    expect(lines(folded.stdout, /blank-total$/)).toHaveLength(1);
    expect(folded.stdout).toMatch(/…… 同类另有 22 处：\d+:\d+、/);
    expect(folded.stdout).toContain('错误 23，');
    const all = await runMain(['check', '--no-fold', SAMPLE('001')]);
    expect(lines(all.stdout, /blank-total$/)).toHaveLength(23);
    expect(all.stdout).not.toContain('同类另有');
    const en = await runMain(['check', '--lang', 'en', SAMPLE('001')]);
    expect(en.stdout).toMatch(/… 22 more of the same: \d+:\d+, /);
  });

  it('JSON keeps every finding, folded or not', async () => {
    const r = await runMain(['check', '--format', 'json', SAMPLE('001')]);
    const [entry] = JSON.parse(r.stdout) as { diagnostics: { ruleId: string }[] }[];
    expect(entry!.diagnostics.filter((d) => d.ruleId === 'blank-total')).toHaveLength(23);
  });

  it('ends a batch with the findings by rule, most first', async () => {
    const r = await runMain(['check', SAMPLE('001'), SAMPLE('004')]);
    const by = r.stdout.slice(r.stdout.indexOf('按规则：'));
    expect(by).toMatch(/^按规则：\n {2}blank-total +错误 23\n {2}blank-cell +警告 29\n/);
    expect(by).toContain('extract/extra-cells');
    // One file: its findings are the summary.
    expect((await runMain(['check', SAMPLE('004')])).stdout).not.toContain('按规则');
  });

  it('--quiet reports errors only, and the summary counts them', async () => {
    const r = await runMain(['check', '--quiet', SAMPLE('001'), SAMPLE('004')]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/警告 {2}/);
    expect(r.stdout).not.toContain('blank-cell');
    expect(r.stdout).toContain('2 个文件：错误 23，警告 0，提示 0');
    const json = await runMain(['check', '--quiet', '--format', 'json', SAMPLE('004')]);
    expect((JSON.parse(json.stdout) as { diagnostics: unknown[] }[])[0]!.diagnostics).toEqual([]);
  });

  it('--max-warnings N: more warnings than N is exit 1 with a line saying so', async () => {
    const over = await runMain(['check', '--max-warnings', '0', SAMPLE('004')]);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('警告 1 条，超过 --max-warnings 0');
    expect((await runMain(['check', '--max-warnings', '1', SAMPLE('004')])).code).toBe(0);
    // Warnings count even when --quiet leaves them out of the output.
    expect((await runMain(['check', '--quiet', '--max-warnings', '0', SAMPLE('004')])).code).toBe(1);
    const bad = await runMain(['check', '--max-warnings', 'many', SAMPLE('004')]);
    expect(bad.code).toBe(2);
  });

  it('-o FILE writes the output there, without colours, and nothing to standard output', async () => {
    const out = join(dir, 'findings.txt');
    const r = await runMain(['check', '-o', out, SAMPLE('001')], { color: true });
    expect([r.code, r.stdout]).toEqual([1, '']);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('blank-total');
    expect(text).not.toContain('\x1b[');
    const sarif = join(dir, 'findings.sarif');
    await runMain(['check', '-f', 'sarif', '-o', sarif, SAMPLE('004')]);
    expect(JSON.parse(readFileSync(sarif, 'utf8')).version).toBe('2.1.0');
  });

  it('-o into a folder that does not exist is a usage error naming it, and writes nothing', async () => {
    const out = join(dir, 'no-such-dir', 'findings.txt');
    const r = await runMain(['check', '-o', out, SAMPLE('004')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`-o ${out}`);
    expect(r.stderr).toContain('ENOENT');
    expect(existsSync(join(dir, 'no-such-dir'))).toBe(false);
  });

  it('shows progress on a terminal only', async () => {
    const batch = join(dir, 'batch');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(batch);
    for (let i = 0; i < 4; i++)
      for (const s of SAMPLES) copyFileSync(join(ROOT, s), join(batch, `${i}-${s.split('/').pop()}`));
    const log = await runMain(['check', '--quiet', batch], { errTty: false });
    expect(log.stderr).toBe('');
    const tty = await runMain(['check', '--quiet', batch], { errTty: true });
    expect(tty.stderr).toContain('20/20');
  }, 60_000);
});

describe('extract -o and --lang', () => {
  it('writes the JSON to the file', async () => {
    const out = join(dir, 'extract.json');
    const r = await runMain(['extract', '-o', out, SAMPLE('004')]);
    expect([r.code, r.stdout]).toEqual([0, '']);
    const [entry] = JSON.parse(readFileSync(out, 'utf8')) as { report: { agency: string } }[];
    expect(entry!.report.agency).toBe('河南省机关事务管理局');
  });
  it('words the findings in English with --lang en', async () => {
    const r = await runMain(['extract', '--lang', 'en', SAMPLE('004')]);
    const [entry] = JSON.parse(r.stdout) as { diagnostics: { ruleId: string; message: string }[] }[];
    const extra = entry!.diagnostics.find((d) => d.ruleId === 'extract/extra-cells')!;
    expect(extra.message).toMatch(/^Row "（七）总计" has more figures than columns/);
  });

  it('gives each entry a summary before its report, the same from worker threads as in-process', async () => {
    const inProcess = await runMain(['extract', '--format', 'jsonl', SAMPLE('003'), SAMPLE('004')]);
    const workers = await runMain([
      'extract',
      '--format',
      'jsonl',
      '--jobs',
      '2',
      SAMPLE('003'),
      SAMPLE('004'),
    ]);
    expect(workers.stdout).toBe(inProcess.stdout);
    const [first] = inProcess.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Object.keys(first!)).toEqual(['file', 'kind', 'sha256', 'summary', 'report', 'diagnostics']);
    // Sample 003: 197 of its 198 cells hold a figure (结转 / 自然人 is blank), 6 placed by the column grid.
    expect(first!.summary).toMatchObject({
      figures: 197,
      cells: 198,
      inferred: 6,
      findings: { error: 0, warning: 1, info: 0 },
      nianbao: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  }, 60_000);
});
