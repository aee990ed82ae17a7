// End-to-end tests of the `nianbao` command, run as a child process exactly as a user runs it.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runNode, SAMPLES } from './support/cli.ts';

interface Entry {
  file: string;
  report: { formatVersion: string; agency: string | null; year: number | null } | null;
  diagnostics: { ruleId: string; severity: string; message: string }[];
}

/** Runs `node bin/nianbao.js ARGS` in the project root. */
const run = (args: string[]) => runNode(['bin/nianbao.js', ...args]);

const expected = (file: string) =>
  JSON.parse(
    readFileSync(join(ROOT, 'test/fixtures/expected', basename(file).replace(/\.txt$/, '.json')), 'utf8'),
  ) as { formatVersion: string; agency: string; year: number };

describe('nianbao extract', () => {
  it('--format json prints one entry per file with the expected metadata', async () => {
    expect(SAMPLES.length).toBeGreaterThanOrEqual(5);
    const { code, stdout, stderr } = await run(['extract', '--format', 'json', ...SAMPLES]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const entries = JSON.parse(stdout) as Entry[];
    expect(entries.map((e) => e.file)).toEqual(SAMPLES);
    for (const e of entries) {
      const want = expected(e.file);
      expect(e.report, e.file).not.toBeNull();
      expect(
        { formatVersion: e.report!.formatVersion, agency: e.report!.agency, year: e.report!.year },
        e.file,
      ).toEqual({ formatVersion: want.formatVersion, agency: want.agency, year: want.year });
      expect(Array.isArray(e.diagnostics)).toBe(true);
    }
  });

  it('--format jsonl prints one parseable line per file, in order', async () => {
    const { code, stdout } = await run(['extract', '--format', 'jsonl', ...SAMPLES]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(SAMPLES.length);
    expect(lines.map((l) => (JSON.parse(l) as Entry).file)).toEqual(SAMPLES);
  });

  it('--format table renders the tables with the official labels', async () => {
    const { code, stdout } = await run(['extract', '--format', 'table', SAMPLES[0]!]);
    expect(code).toBe(0);
    expect(stdout).toContain(SAMPLES[0]);
    expect(stdout).toContain('自然人');
    expect(stdout).toContain('本年新收');
    expect(stdout).toContain('结果维持');
  });

  describe('with files that cannot be read', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
      writeFileSync(join(dir, 'empty.txt'), '');
      // Bytes of no text encoding: a PNG signature, NULs and every byte value.
      const garbage = Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
        Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      ]);
      writeFileSync(join(dir, 'garbage.bin'), garbage);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('a missing file gives exit 2 and a read/unreadable error; a folder is read recursively; the good file is still there', async () => {
      const missing = join(dir, 'no-such-report.txt');
      const folder = join(dir, 'folder');
      mkdirSync(join(folder, 'inner'), { recursive: true });
      copyFileSync(SAMPLES[1]!, join(folder, 'inner', 'b.txt'));
      copyFileSync(SAMPLES[2]!, join(folder, 'a.txt'));
      const { code, stdout, stderr } = await run([
        'extract',
        '--format',
        'json',
        missing,
        SAMPLES[0]!,
        folder,
      ]);
      expect(code).toBe(2);
      const [gone, good, ...inFolder] = JSON.parse(stdout) as Entry[];
      expect(gone!.file).toBe(missing);
      expect(gone!.report).toBeNull();
      expect(gone!.diagnostics[0]).toMatchObject({ ruleId: 'read/unreadable', severity: 'error' });
      expect(gone!.diagnostics[0]!.message).toContain(missing);
      expect(gone!.diagnostics[0]!.message).toContain('ENOENT');
      expect(good!.file).toBe(SAMPLES[0]);
      expect(good!.report).not.toBeNull();
      expect(inFolder.map((e) => e.file)).toEqual([join(folder, 'a.txt'), join(folder, 'inner', 'b.txt')]);
      expect(inFolder.every((e) => e.report !== null)).toBe(true);
      expect(stderr).toContain(missing);
    });

    it('an empty file and a binary file are named with their diagnostics', async () => {
      const files = [join(dir, 'empty.txt'), join(dir, 'garbage.bin')];
      const { code, stdout, stderr } = await run(['extract', '--format', 'json', ...files]);
      expect([0, 2]).toContain(code);
      const entries = JSON.parse(stdout) as Entry[];
      expect(entries.map((e) => e.file)).toEqual(files);
      for (const e of entries) {
        expect(
          e.diagnostics.some((d) => d.severity !== 'info'),
          e.file,
        ).toBe(true);
        if (e.report === null) expect(stderr).toContain(e.file);
      }
      const table = await run(['extract', '--format', 'table', ...files]);
      for (const f of files) expect(table.stdout).toContain(f);
    });
  });
});

describe('nianbao', () => {
  it('--help lists the commands and --version prints the package version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('extract');
    expect(help.stdout).toContain('check-samples');
    const version = await run(['--version']);
    expect(version.code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(pkg.version);
  });

  it('rejects an unknown format with a usage error on stderr', async () => {
    const { code, stdout, stderr } = await run(['extract', '--format', 'xml', SAMPLES[0]!]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('xml');
  });
});
