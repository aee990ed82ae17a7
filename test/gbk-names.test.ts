// File names in GBK bytes (issue 16 item 5): a zip made on a Chinese Windows and unpacked on Linux leaves them so.
// Walking such a folder used to give "文件不存在（ENOENT）" for every one; now each is shown decoded and read.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runNode, SAMPLE } from './support/cli.ts';

const gbk = (s: string) => iconv.encode(s, 'gbk');
let dir: string;
let folder: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-gbk-'));
  folder = join(dir, 'reports');
  mkdirSync(folder);
  const at = (...parts: Buffer[]) =>
    Buffer.concat([Buffer.from(folder), ...parts.flatMap((p) => [Buffer.from('/'), p])]);
  copyFileSync(join(ROOT, SAMPLE('000')), at(gbk('义马市年报2019.txt')));
  mkdirSync(at(gbk('三门峡')));
  copyFileSync(join(ROOT, SAMPLE('003')), at(gbk('三门峡'), gbk('市政府办公室.txt')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a folder whose names are GBK bytes', () => {
  for (const jobs of ['1', '2'])
    it(`extract --jobs ${jobs} reads every file, shown by its name decoded`, async () => {
      const { code, stdout, stderr } = await runNode([
        'bin/nianbao.js',
        'extract',
        '--format',
        'json',
        '--jobs',
        jobs,
        folder,
      ]);
      expect(stderr).not.toMatch(/ENOENT|不存在/);
      expect(code).toBe(0);
      const entries = JSON.parse(stdout) as { file: string; report: { agency: string } | null }[];
      expect(entries.map((e) => [e.file, e.report?.agency])).toEqual([
        [join(folder, '三门峡/市政府办公室.txt'), '三门峡市人民政府办公室'],
        [join(folder, '义马市年报2019.txt'), '义马市人民政府办公室'],
      ]);
    });

  it('import stores them under their decoded names', async () => {
    const db = join(dir, 'db');
    const { code, stdout } = await runNode(['bin/nianbao.js', 'import', '--db', db, folder]);
    expect(code).toBe(0);
    expect(stdout).toContain('义马市年报2019.txt');
    expect(stdout).toMatch(/导入 2/);
  });
});
