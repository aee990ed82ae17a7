// processFile: a file that cannot be opened is a `read/unreadable` diagnostic naming the file and the OS reason.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processBytes, processFile, unreadable } from './process.ts';

describe('processFile', () => {
  it('gives report null and a read/unreadable error for a missing file', async () => {
    const file = join(tmpdir(), 'nianbao-no-such-file.txt');
    const r = await processFile(file);
    expect(r).toMatchObject({ file, report: null });
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      ruleId: 'read/unreadable',
      severity: 'error',
      data: { code: 'ENOENT' },
    });
    expect(r.diagnostics[0]!.message).toBe(`无法读取文件“${file}”：文件不存在（ENOENT）`);
  });

  it('gives a read/unreadable error for a directory', async () => {
    const r = await processFile(tmpdir());
    expect(r.report).toBeNull();
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'read/unreadable', data: { code: 'EISDIR' } });
  });
});

describe('unreadable', () => {
  it('words known OS errors and falls back to the OS message', () => {
    const eacces = Object.assign(new Error("EACCES: permission denied, open 'a.txt'"), { code: 'EACCES' });
    expect(unreadable('a.txt', eacces).message).toBe('无法读取文件“a.txt”：没有读取权限（EACCES）');
    expect(unreadable('a.txt', eacces, 'en').message).toBe(
      'cannot read file "a.txt": permission denied (EACCES)',
    );
    const odd = Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
    expect(unreadable('a.txt', odd).message).toBe('无法读取文件“a.txt”：EIO: i/o error（EIO）');
    expect(unreadable('a.txt', 'boom').data).toMatchObject({ code: 'UNKNOWN', osMessage: 'boom' });
  });
});

describe('report JSON as input', () => {
  const sample = 'examples/reports/002_3f168525c89639f9.txt';
  const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v, null, 2));

  it('takes a report, an extract entry or a list of one as the report itself, provenance kept', async () => {
    const extracted = await processFile(sample);
    const report = extracted.report!;
    for (const input of [report, extracted, [extracted]]) {
      const r = await processBytes('r.json', bytes(input));
      expect(r.report).toEqual(report);
      expect(r.diagnostics).toEqual([]);
    }
  });

  it('names the file and the first problem when the JSON is not one report', async () => {
    const report = (await processFile(sample)).report!;
    const wrong = await processBytes('bad.json', bytes({ ...report, year: '2019' }));
    expect(wrong.report).toBeNull();
    // In words, as a JSON that is not a report — not as a broken file, and not in zod's words alone.
    expect(wrong.diagnostics).toHaveLength(1);
    expect(wrong.diagnostics[0]).toMatchObject({ ruleId: 'read/not-report-json', severity: 'error' });
    expect(wrong.diagnostics[0]!.message).toMatch(
      /^bad\.json：这不是 nianbao 报告 JSON：year 的值不符合报告格式/,
    );
    const unversioned: Partial<typeof report> = { ...report };
    delete unversioned.formatVersion;
    const none = await processBytes('none.json', bytes(unversioned));
    expect(none.diagnostics[0]!.message).toBe('none.json：这不是 nianbao 报告 JSON：缺少 formatVersion');
    const en = await processBytes('none.json', bytes(unversioned), 'en');
    expect(en.diagnostics[0]!.message).toBe(
      'none.json: this is not a nianbao report JSON: formatVersion is missing',
    );
    const two = await processBytes('two.json', bytes([report, report]));
    expect(two.diagnostics[0]!.message).toBe('two.json：JSON 列表中有 2 份报告，每个文件只应有一份');
  });

  it('reads text that merely starts with a bracket as text, not JSON', async () => {
    const text = '[草稿]\n' + readFileSync(sample, 'utf8');
    const r = await processBytes('t.txt', new TextEncoder().encode(text));
    expect(r.diagnostics).toEqual([]);
    expect(r.report).not.toBeNull();
    expect(r.diagnostics.some((d) => d.ruleId === 'read/broken')).toBe(false);
  });
});
