// A folder mixing every kind of input plus broken files, on worker threads: good files extracted, broken ones named.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { extract } from '../src/extract/index.ts';
import { readText } from '../src/read/text.ts';
import { writeXlsx } from './support/xlsx-writer.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin/nianbao.js');

it('reads a folder of every kind, some misnamed, on 2 worker threads: every good file, each broken one named, exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-batch-'));
  mkdirSync(join(dir, 'word'));
  copyFileSync(join(root, 'examples/reports/003_b41a2553e1af1d3f.txt'), join(dir, 'a-003.txt'));
  copyFileSync(join(root, 'test/fixtures/docx/2021.docx'), join(dir, 'word', 'b-2021.docx'));
  copyFileSync(join(root, 'test/fixtures/doc/004.doc'), join(dir, 'word', 'c-004.pdf')); // a wrong extension
  copyFileSync(join(root, 'test/fixtures/html/001-gbk-chrome.html'), join(dir, 'h-001.htm'));
  copyFileSync(join(root, 'test/fixtures/pdf/sample-002.pdf'), join(dir, 'p-002.doc')); // a wrong extension
  copyFileSync(join(root, 'test/fixtures/pdf/encrypted.pdf'), join(dir, 'q-encrypted.pdf'));
  const truth = extract(
    readText(readFileSync(join(root, 'examples/reports/002_3f168525c89639f9.txt'))),
  ).report!;
  writeFileSync(join(dir, 'd-002.xlsx'), await writeXlsx(truth));
  writeFileSync(join(dir, 'e-empty.txt'), '');
  const docx = readFileSync(join(root, 'test/fixtures/docx/000.docx'));
  writeFileSync(join(dir, 'f-truncated.docx'), docx.subarray(0, 200));
  writeFileSync(
    join(dir, 'g-noise.bin'),
    Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)),
  );
  const { stdout, stderr, code } = await promisify(execFile)(
    'node',
    [bin, 'extract', '-j', '2', '--format', 'jsonl', dir],
    {
      cwd: root,
    },
  ).then(
    (r) => ({ ...r, code: 0 }),
    (e: { stdout: string; stderr: string; code: number }) => e,
  );
  expect(code).toBe(2);
  const entries = stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { file: string; report: { agency: string } | null });
  expect(entries.map((e) => e.file.slice(dir.length + 1))).toEqual([
    'a-003.txt',
    'd-002.xlsx',
    'e-empty.txt',
    'f-truncated.docx',
    'g-noise.bin',
    'h-001.htm',
    'p-002.doc',
    'q-encrypted.pdf',
    'word/b-2021.docx',
    'word/c-004.pdf',
  ]);
  const byName = new Map(entries.map((e) => [e.file.slice(dir.length + 1), e]));
  expect(byName.get('a-003.txt')!.report!.agency).toBe('三门峡市人民政府办公室');
  expect(byName.get('d-002.xlsx')!.report!.agency).toBe('新乡市牧野区人民政府办公室');
  expect(byName.get('word/b-2021.docx')!.report!.agency).toBe('上饶市信州区审计局');
  expect(byName.get('word/c-004.pdf')!.report!.agency).toBe('河南省机关事务管理局');
  expect(byName.get('h-001.htm')!.report!.agency).toBe('市民政局');
  expect(byName.get('p-002.doc')!.report!.agency).toBe('新乡市牧野区人民政府办公室');
  for (const bad of ['e-empty.txt', 'f-truncated.docx', 'g-noise.bin', 'q-encrypted.pdf']) {
    expect(byName.get(bad)!.report).toBeNull();
    expect(stderr).toContain(bad);
  }
}, 60_000);
