// processFile: a file that cannot be opened is a `read/unreadable` diagnostic naming the file and the OS reason.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processFile, unreadable } from './process.ts';

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
