// XLSX reader: the samples and generated reports as workbooks (merged cells, numbers as numbers or as text).
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arbBlankyReport, reportCells } from '../../test/support/arbitrary.ts';
import { writeXlsx } from '../../test/support/xlsx-writer.ts';
import { extract } from '../extract/index.ts';
import type { Report } from '../model/report.ts';
import { read } from './index.ts';
import { readText } from './text.ts';

const cells = (r: Report) => new Map(reportCells(r).map((c) => [c.path, c.value]));
const samples = new URL('../../examples/reports/', import.meta.url);

describe('readXlsx', () => {
  for (const name of readdirSync(samples).filter((n) => n.endsWith('.txt')))
    for (const asText of [false, true])
      it(`reads ${name} as a workbook, figures ${asText ? 'stored as text' : 'as numbers'}`, async () => {
        const truth = extract(readText(readFileSync(new URL(name, samples)))).report!;
        const doc = await read(await writeXlsx(truth, { asText }), { path: 'report.bin' });
        expect(doc.kind).toBe('xlsx');
        const got = extract(doc).report!;
        expect([got.formatVersion, got.agency, got.year]).toEqual([
          truth.formatVersion,
          truth.agency,
          truth.year,
        ]);
        expect(cells(got)).toEqual(cells(truth));
        expect(got.provenance!['requests.newlyReceived.naturalPerson']!.source).toEqual({
          kind: 'xlsx',
          sheet: '收到和处理政府信息公开申请情况',
          cell: 'D5',
        });
      });

  it('reads 60 generated reports with blanks, both versions', async () => {
    await fc.assert(
      fc.asyncProperty(arbBlankyReport(), fc.boolean(), async (report, asText) => {
        const got = extract(await read(await writeXlsx(report, { asText }))).report!;
        expect(cells(got)).toEqual(cells(report));
      }),
      { numRuns: 60 },
    );
  });

  it('names a broken workbook', async () => {
    const good = await writeXlsx(
      extract(readText(readFileSync(new URL('002_3f168525c89639f9.txt', samples)))).report!,
    );
    const broken = good.slice(0, good.length >> 1);
    const doc = await read(broken, { path: 'broken.xlsx' });
    expect(doc.diagnostics[0]?.ruleId).toMatch(/^read\/(broken|unsupported)$/);
    expect(doc.diagnostics[0]?.message).toContain('broken.xlsx');
  });
});
