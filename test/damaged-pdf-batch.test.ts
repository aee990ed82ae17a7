// A damaged PDF in a batch (issue 16 item 4): pdf.js leaves a promise of its own rejecting unhandled on such files,
// which used to end the process mid-batch (`[` printed, exit 1, every later file lost). Now the file is read as far
// as it can be, with read/damaged, and the batch goes on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.ts';
import { runNode } from './support/cli.ts';

const DAMAGED = [
  'test/fixtures/pdf/damaged-xref.pdf',
  'test/fixtures/crashers/pdf-unhandled-rejection-format.pdf',
];
const SAMPLE = 'examples/reports/003_b41a2553e1af1d3f.txt';

describe('a batch with damaged PDFs', () => {
  it('extract prints a complete JSON array: each damaged PDF with read/damaged, the next file read', async () => {
    const { code, stdout, stderr } = await runNode([
      'bin/nianbao.js',
      'extract',
      '--no-ocr',
      '--format',
      'json',
      ...DAMAGED,
      SAMPLE,
    ]);
    expect(stderr).not.toMatch(/UnhandledPromiseRejection|\n\s+at /);
    const entries = JSON.parse(stdout) as {
      file: string;
      report: { agency: string } | null;
      diagnostics: { ruleId: string; message: string }[];
    }[];
    expect(entries.map((e) => e.file)).toEqual([...DAMAGED, SAMPLE]);
    for (const e of entries.slice(0, 2)) {
      const damaged = e.diagnostics.filter((d) => d.ruleId === 'read/damaged');
      expect(damaged).toHaveLength(1);
      expect(damaged[0]!.message).toContain(e.file);
    }
    expect(entries[2]!.report!.agency).toBe('三门峡市人民政府办公室');
    expect(entries[2]!.diagnostics.some((d) => d.ruleId === 'read/damaged')).toBe(false);
    expect(code).toBe(0);
  });

  it('import stores every file and goes past them on a second run', async () => {
    const db = mkdtempSync(join(tmpdir(), 'nianbao-damaged-'));
    try {
      const first = await runNode(['bin/nianbao.js', 'import', '--db', db, ...DAMAGED, SAMPLE]);
      expect(first.stderr).not.toMatch(/UnhandledPromiseRejection|\n\s+at /);
      for (const f of [...DAMAGED, SAMPLE])
        expect(first.stdout + first.stderr).toContain(f.split('/').at(-1));
      const store = await openStore(db, { create: false });
      const stored = (await store.listReports({ pageSize: 10 })).items.map((r) => r.fileName);
      await store.close();
      expect(stored.sort()).toEqual([...DAMAGED, SAMPLE].sort());
      const again = await runNode(['bin/nianbao.js', 'import', '--db', db, ...DAMAGED, SAMPLE]);
      expect(again.code).toBe(first.code);
      expect(again.stderr).not.toMatch(/UnhandledPromiseRejection|\n\s+at /);
    } finally {
      rmSync(db, { recursive: true, force: true });
    }
  });
});

describe('a batch with workbooks beyond the limits of reading', () => {
  const CRASHERS = ['zipbomb-xlsx-200m.xlsx', 'xlsx-merge-huge.xlsx', 'xlsx-far-cell.xlsx'].map(
    (f) => `test/fixtures/crashers/${f}`,
  );
  it('names each with read/too-large, at once, and reads the next file (they used to exhaust memory or hang)', async () => {
    const { code, stdout, stderr } = await runNode([
      'bin/nianbao.js',
      'extract',
      '--format',
      'json',
      ...CRASHERS,
      SAMPLE,
    ]);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(/heap|\n\s+at /);
    const entries = JSON.parse(stdout) as {
      file: string;
      report: object | null;
      diagnostics: { ruleId: string; message: string }[];
    }[];
    expect(entries.map((e) => e.file)).toEqual([...CRASHERS, SAMPLE]);
    for (const e of entries.slice(0, 3)) {
      expect(e.report).toBeNull();
      expect(e.diagnostics.map((d) => d.ruleId)).toEqual(['read/too-large']);
      expect(e.diagnostics[0]!.message).toContain(e.file);
    }
    expect(entries[3]!.report).not.toBeNull();
  });
});
