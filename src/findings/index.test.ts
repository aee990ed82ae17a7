// The stages' finding registry: typed message ids, the registry's severity and wording, both languages complete.
import { describe, expect, it } from 'vitest';
import { finding, inLang, STAGE_FINDINGS, stageFinding } from './index.ts';

describe('finding', () => {
  it('takes the severity and the Chinese text from the registry, never from the stage', () => {
    const d = finding('read/no-text-layer', 'noTextLayer', { file: 'scan.pdf' });
    expect(d).toEqual({
      ruleId: 'read/no-text-layer',
      severity: stageFinding('read/no-text-layer')!.severity,
      messageId: 'noTextLayer',
      message: 'scan.pdf：PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）才能读取',
      data: { file: 'scan.pdf' },
    });
    // Both messages of read/broken have the one severity of the id (the reader gave a skipped page another).
    expect(finding('read/broken', 'pageBroken', { file: 'a.pdf', page: 2, reason: 'x' }).severity).toBe(
      finding('read/broken', 'broken', { file: 'a.pdf', kind: 'pdf', reason: 'x' }).severity,
    );
  });

  it('keeps where the finding is, in the order given', () => {
    const source = { kind: 'text' as const, line: 3, column: 1, endLine: 3, endColumn: 5 };
    const d = finding(
      'extract/missing-row',
      'missingRow',
      { table: 't', row: 'r' },
      { path: ['requests'], source },
    );
    expect(Object.keys(d)).toEqual(['ruleId', 'severity', 'messageId', 'message', 'data', 'path', 'source']);
  });

  it('types the message id by the finding id: a typo or another id’s message does not compile', () => {
    // @ts-expect-error — 'missingRw' is not a message of extract/missing-row
    expect(() => finding('extract/missing-row', 'missingRw', {})).toThrow('has no message missingRw');
    // @ts-expect-error — 'empty' is read/empty's message, not read/binary's
    expect(() => finding('read/binary', 'empty', {})).toThrow('read/binary has no message empty');
    // @ts-expect-error — an id that is not registered
    expect(() => finding('read/nothing', 'empty', {})).toThrow();
  });

  it('words a finding in English on request, and leaves one it does not know as it is', () => {
    const d = finding('read/empty', 'empty', { file: 'a.txt' });
    expect(inLang(d, 'en').message).toBe('a.txt: the file is empty, there is no text to read');
    const other = { ...d, ruleId: 'read/newer' };
    expect(inLang(other, 'en')).toBe(other);
  });
});

describe('the stage registry', () => {
  it('has each id once, with a title and a basis, and a message in both languages with the same placeholders', () => {
    const ids = STAGE_FINDINGS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const meta of STAGE_FINDINGS) {
      expect(meta.id).toMatch(/^(read|extract|internal|aggregate|library)\/[a-z][a-z0-9-]*$/);
      expect(meta.title.zh && meta.title.en && meta.basis, meta.id).toBeTruthy();
      expect(Object.keys(meta.messages).length, meta.id).toBeGreaterThan(0);
      for (const [id, m] of Object.entries(meta.messages)) {
        const holes = (t: string) => [...new Set(t.match(/\{\w+\}/g))].sort();
        expect(holes(m.zh), `${meta.id} ${id}`).toEqual(holes(m.en));
        // A reader's finding names the file (a batch prints thousands).
        if (meta.id.startsWith('read/')) expect(m.zh, `${meta.id} ${id}`).toContain('{file}');
      }
    }
  });
});
