// The pipeline composed once: a report's JSON is read like any input, rule settings reach files without a report,
// a rule that throws is named and the others run on, and `importReport` takes what `extract` writes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from './check.ts';
import { importReport } from './library.ts';
import { checkFile, extractFile, processFile } from './pipeline.ts';
import { RULES } from './rules/index.ts';
import type { Rule } from './rules/types.ts';
import { openStore } from './store/index.ts';

const SAMPLE = 'examples/reports/003_b41a2553e1af1d3f.txt';
const SCANNED = 'test/fixtures/pdf/scanned.pdf';
const bytesOf = (path: string) => new Uint8Array(readFileSync(path));
const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('a report given as JSON is an input kind like any other', () => {
  it('reads the entry `extract` writes as the report it holds, kind json, nothing extracted again', async () => {
    const extracted = await extractFile(SAMPLE, bytesOf(SAMPLE));
    expect(extracted.kind).toBe('text');
    const again = await extractFile('003.json', json(extracted));
    expect(again.kind).toBe('json');
    expect(again.report).toEqual(extracted.report);
    expect(again.diagnostics).toEqual([]);
  });

  it('is checked like the file it came from: the same rule findings', async () => {
    const fromText = await processFile(SAMPLE, bytesOf(SAMPLE));
    const fromJson = await processFile('003.json', json((await extractFile(SAMPLE, bytesOf(SAMPLE))).report));
    const rulesOnly = (ds: typeof fromText.diagnostics) =>
      ds.filter((d) => !/^(read|extract)\//.test(d.ruleId)).map((d) => [d.ruleId, d.path?.join('.')]);
    expect(rulesOnly(fromJson.diagnostics)).toEqual(rulesOnly(fromText.diagnostics));
    expect(rulesOnly(fromText.diagnostics).length).toBeGreaterThan(0);
  });

  it('is imported into the library (import took only documents before)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-pipeline-'));
    const store = await openStore(join(dir, 'db'));
    try {
      const extracted = await extractFile(SAMPLE, bytesOf(SAMPLE));
      const result = await importReport(store, json(extracted), {
        fileName: '003.json',
        region: '河南省/三门峡市',
      });
      expect(result.status).toBe('imported');
      const stored = await store.report(result.reportId!);
      expect(stored?.agency?.name).toBe(extracted.report!.agency);
      expect(stored?.report.requests).toEqual(extracted.report!.requests);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the engine applies settings and wording to every file, with a report or without', () => {
  it('--rule read/no-text-layer=off silences it on a scan that gives no report; a severity set is the one shown', async () => {
    const scan = await extractFile(SCANNED, bytesOf(SCANNED), { ocr: false });
    expect(scan.report).toBeNull();
    expect(scan.diagnostics.map((d) => d.ruleId)).toContain('read/no-text-layer');
    const off = checkFile(scan, { rules: { 'read/no-text-layer': 'off' } });
    expect(off.diagnostics.map((d) => d.ruleId)).not.toContain('read/no-text-layer');
    expect(off.diagnostics.length).toBe(scan.diagnostics.length - 1);
    const info = checkFile(scan, { rules: { 'read/no-text-layer': 'info' } });
    expect(info.diagnostics.find((d) => d.ruleId === 'read/no-text-layer')?.severity).toBe('info');
  });

  it('words the findings of a file without a report in the language asked for', async () => {
    const scan = await extractFile(SCANNED, bytesOf(SCANNED), { ocr: false });
    const en = checkFile(scan, { lang: 'en' });
    const d = en.diagnostics.find((x) => x.ruleId === 'read/no-text-layer')!;
    expect(d.message).not.toMatch(/[\u4e00-\u9fff]{4}/);
    expect(d.docs).toBe('docs/rules/read-no-text-layer.md');
  });
});

describe('a rule that throws', () => {
  it('becomes one internal/exception finding naming the rule; the other rules still report', async () => {
    const { report } = await extractFile(SAMPLE, bytesOf(SAMPLE));
    const broken: Rule = {
      meta: { ...RULES[0]!.meta, id: 'test/broken' },
      check(ctx) {
        ctx.add({ messageId: Object.keys(RULES[0]!.meta.messages)[0]! });
        throw new TypeError('boom');
      },
    };
    const ruleSet = [broken, ...RULES];
    const found = check(report!, { ruleSet });
    const crash = found.filter((d) => d.ruleId === 'internal/exception');
    expect(crash).toEqual([
      expect.objectContaining({ severity: 'error', data: { rule: 'test/broken', error: 'boom' } }),
    ]);
    expect(crash[0]!.message).toContain('test/broken');
    // The broken rule's finding made before it threw is dropped; every other rule's are those of a normal run.
    expect(found.filter((d) => d.ruleId === 'test/broken')).toEqual([]);
    expect(found.filter((d) => d.ruleId !== 'internal/exception')).toEqual(
      check(report!, { ruleSet: RULES }),
    );
  });
});
