// Hostile text in what nianbao prints (issue 16 item 3): a report's title with terminal escape sequences, a title
// that is a spreadsheet formula, section text that is HTML. Printed, they are shown, never obeyed or run.
/* eslint-disable no-control-regex -- the tests look for control characters */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/render/report/markdown.ts';
import { terminalText, visible } from '../src/render/visible.ts';
import { extractFile } from '../src/pipeline.ts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runNode } from './support/cli.ts';

const ANSI = 'test/fixtures/crashers/hostile-ansi-title.txt';
const DDE = 'test/fixtures/crashers/hostile-dde-title.txt';
const FORMULA = 'test/fixtures/crashers/hostile-csv-formula.json';
/** Any control character a terminal acts on, but TAB and LF. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('visible', () => {
  it('shows what a terminal would obey and keeps the rest as it is', () => {
    expect(visible('\u001b]0;pwned\u0007\u001b[31mRED\u001b[0m义马市')).toBe('␛]0;pwned␇␛[31mRED␛[0m义马市');
    expect(visible('a\rb\u007fc\u009bd\u202ee')).toBe('a␍b␡c<U+009B>d<U+202E>e');
    expect(visible('第一行\n\t第二行 12,345')).toBe('第一行\n\t第二行 12,345');
    // CSV ends its lines with CRLF: a CR before a LF goes back over nothing.
    expect(visible('a,b\r\nc\r\r\n')).toBe('a,b\r\nc␍\r\n');
  });

  it("keeps nianbao's own colours only when colours are on", () => {
    const ours = '\u001b[1m\u001b[4mfile\u001b[24m\u001b[22m';
    expect(terminalText(`${ours} \u001b]0;x\u0007`, true)).toBe(`${ours} ␛]0;x␇`);
    expect(terminalText(ours, false)).not.toMatch(CONTROL);
  });
});

describe('the command line on a report whose title holds escape sequences', () => {
  for (const args of [
    ['check', ANSI],
    ['extract', '--format', 'table', ANSI],
    ['render', '--to', 'md', ANSI],
    ['render', '--to', 'csv', ANSI],
  ])
    it(`nianbao ${args.join(' ')} prints them visible`, async () => {
      const { stdout, stderr } = await runNode(['bin/nianbao.js', ...args]);
      expect(stdout).toContain('␛]0;pwned␇');
      expect(stdout.replaceAll('\r\n', '\n')).not.toMatch(CONTROL);
      expect(stderr).not.toMatch(CONTROL);
    });

  it('JSON keeps the title as the report writes it, escaped by JSON', async () => {
    const { stdout } = await runNode(['bin/nianbao.js', 'extract', '--format', 'json', ANSI]);
    expect(stdout).not.toMatch(CONTROL);
    expect((JSON.parse(stdout) as { report: { agency: string } }[])[0]!.report.agency).toMatch(
      /^\u001b\]0;pwned/,
    );
  });
});

describe('CSV on standard output', () => {
  it('is the file -o writes, CRLF line ends and all (the terminal filter keeps a CR before a LF)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-csv-'));
    try {
      const file = join(dir, 'out.csv');
      const sample = 'examples/reports/000_4fc5202fe3db526a.txt';
      const piped = await runNode(['bin/nianbao.js', 'extract', '--format', 'csv', sample]);
      const written = await runNode(['bin/nianbao.js', 'extract', '--format', 'csv', '-o', file, sample]);
      expect([piped.code, written.code]).toEqual([0, 0]);
      expect(piped.stdout).toContain('\r\n');
      expect(piped.stdout).not.toContain('␍');
      expect(piped.stdout).toBe(readFileSync(file, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('CSV cells that a spreadsheet would run', () => {
  for (const file of [DDE, FORMULA])
    it(`render --to csv ${file.split('/').at(-1)} writes no cell starting with = + - @ TAB CR`, async () => {
      const { stdout, code } = await runNode(['bin/nianbao.js', 'render', '--to', 'csv', file]);
      expect(code).toBe(0);
      const cells = stdout.split(/\r?\n/).flatMap((line) => line.split(','));
      expect(cells.some((c) => /cmd|HYPERLINK/.test(c))).toBe(true);
      for (const c of cells) expect(c.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    });
});

describe('Markdown', () => {
  it('writes no raw HTML from a report’s text: a tag is backslash-escaped, the rest as it is', async () => {
    const { report } = await extractFile(
      'examples/reports/002.txt',
      readFileSync(join(ROOT, 'examples/reports', '002_3f168525c89639f9.txt')),
    );
    const hostile = {
      ...report!,
      agency: '<img src=x onerror=alert(1)>局',
      sections: {
        ...report!.sections,
        overview:
          '正文 <script>alert(1)</script> 与 <!-- 注释 --> <?php ?> <javascript:alert(1)> a<1 3 < 5 <http://www.smx.gov.cn>',
      },
    };
    const md = renderMarkdown(hostile);
    expect(md).toContain(
      '\\<script>alert(1)\\</script> 与 \\<!-- 注释 --> \\<?php ?> \\<javascript:alert(1)>',
    );
    expect(md).toContain('# \\<img src=x onerror=alert(1)>局');
    // A "<" that opens no HTML is left as written, a web address too.
    expect(md).toContain('a<1 3 < 5 <http://www.smx.gov.cn>');
  });
});
