// Golden test: the five sample reports extract to their hand-transcribed tables, cell by cell.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, readText } from '../src/index.ts';
import { FORMATS } from '../src/model/formats/index.ts';
import { cellsOf, rowValues, type TableValues } from '../src/model/report.ts';

const root = join(import.meta.dirname, '..');
const samples = readdirSync(join(root, 'examples/reports')).filter((f) => f.endsWith('.txt'));

describe('sample reports', () => {
  it('has the five samples with their expected files', () => {
    expect(samples.length).toBe(5);
  });
  for (const file of samples) {
    const expected = JSON.parse(
      readFileSync(join(root, 'test/fixtures/expected', file.replace(/\.txt$/, '.json')), 'utf8'),
    );
    it(`${file}: metadata and every table cell equal the transcription`, () => {
      const doc = readText(readFileSync(join(root, 'examples/reports', file)), { path: file });
      const { report } = extract(doc);
      expect(report).not.toBeNull();
      expect(report!.formatVersion).toBe(expected.formatVersion);
      expect(report!.agency).toBe(expected.agency);
      expect(report!.year).toBe(expected.year);
      const format = FORMATS.find((f) => f.version === expected.formatVersion)!;
      let cells = 0;
      for (const { table, row, column, path } of cellsOf(format)) {
        const want = rowValues(expected[table.key] as TableValues, row)[column.key];
        const got = rowValues(report![table.key], row)[column.key];
        expect({ path: path.join('.'), value: got }).toEqual({ path: path.join('.'), value: want });
        cells++;
      }
      expect(cells).toBe(format.version === '2019' ? 22 + 161 + 15 : 10 + 175 + 15);
    });
    it(`${file}: every figure's provenance points at its text`, () => {
      const bytes = readFileSync(join(root, 'examples/reports', file));
      const lines = bytes.toString('utf8').split(/\r\n|\r|\n/);
      const { report } = extract(readText(bytes));
      for (const [path, prov] of Object.entries(report!.provenance ?? {})) {
        if (
          !prov.source ||
          prov.source.kind !== 'text' ||
          !/^(proactive|requests|reviewLitigation)\./.test(path)
        )
          continue;
        const value = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], report);
        if (value === null) continue; // a blank cell: its span is the empty cell
        const line = lines[prov.source.line - 1]!;
        const text = line.slice(prov.source.column - 1, prov.source.endColumn - 1);
        expect(text.replace(/[\s\u00a0\u3000]/g, ''), path).toBe(prov.text!.replace(/[\s\u00a0\u3000]/g, ''));
        expect(text.replace(/[,\s\u00a0\u3000]/g, '')).toMatch(/^-?\d+(\.\d+)?$/);
      }
    });
  }

  it('reports the odd rows of the samples: 003 结转 has six figures, 004 总计 has eight', () => {
    const run = (f: string) => extract(readText(readFileSync(join(root, 'examples/reports', f))));
    const r003 = run(samples.find((f) => f.startsWith('003'))!);
    expect(r003.diagnostics.find((d) => d.ruleId === 'extract/missing-cells')?.path).toEqual([
      'requests',
      'carriedForward',
    ]);
    const r004 = run(samples.find((f) => f.startsWith('004'))!);
    const extra = r004.diagnostics.find((d) => d.ruleId === 'extract/extra-cells');
    expect(extra?.path).toEqual(['requests', 'totalHandled']);
    expect(extra?.source).toMatchObject({ kind: 'text', line: 67 });
    expect(r004.report!.provenance!['requests.totalHandled.total']).toMatchObject({ inferred: 'arithmetic' });
  });
});
