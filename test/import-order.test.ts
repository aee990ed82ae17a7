// The findings stored do not depend on the order the years are imported in (issue 16 item 2): a report imported
// before last year's used to keep the findings of a check with no last year (a corpus of 2020 imported before 2019
// stored 51 findings instead of 134). Now last year's arrival checks its successor again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/model/diagnostic.ts';
import { importReport, type ImportReportResult } from '../src/library.ts';
import { extractFile } from '../src/pipeline.ts';
import { renderJson } from '../src/render/report/json.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { ROOT, SAMPLE } from './support/cli.ts';

const FILE_2019 = SAMPLE('000');
const BYTES_2019 = new Uint8Array(readFileSync(join(ROOT, FILE_2019)));

/** The same body's report a year later, as JSON: its carry-over changed (T3-6) and its text kept. */
async function later(): Promise<Uint8Array> {
  const { report } = await extractFile(FILE_2019, BYTES_2019);
  const next = JSON.parse(renderJson(report!)) as {
    year: number;
    requests: { carriedOver: Record<string, number | null> };
  };
  next.year = 2020;
  next.requests.carriedOver.naturalPerson = 7;
  next.requests.carriedOver.total = 7;
  return new TextEncoder().encode(JSON.stringify(next));
}

const key = (d: Diagnostic) => JSON.stringify([d.ruleId, d.messageId, d.path ?? null, d.message]);

async function importIn(order: ('2019' | '2020')[]) {
  const store: Store = await openStore('memory:');
  const files = {
    '2019': { name: FILE_2019, bytes: BYTES_2019 },
    '2020': { name: 'yima-2020.json', bytes: await later() },
  };
  const results: ImportReportResult[] = [];
  for (const y of order) results.push(await importReport(store, files[y].bytes, { fileName: files[y].name }));
  const ids = Object.fromEntries(order.map((y, i) => [y, results[i]!.reportId!]));
  const found = {
    '2019': (await store.diagnostics(ids['2019']!)).map(key).sort(),
    '2020': (await store.diagnostics(ids['2020']!)).map(key).sort(),
  };
  const listed = (await store.listReports({ year: 2020 })).items[0]!;
  await store.close();
  return { found, results, ids, listed };
}

describe('import order', () => {
  it('stores the same findings for 2020 whether 2019 was imported before or after it', async () => {
    const forward = await importIn(['2019', '2020']);
    const backward = await importIn(['2020', '2019']);
    // The cross-year rules found something, so the comparison says something.
    const crossYear = forward.found['2020'].filter((k) => /^\["(T3-6|X-5)"/.test(k));
    expect(crossYear.length).toBeGreaterThanOrEqual(2);
    expect(backward.found['2020']).toEqual(forward.found['2020']);
    expect(backward.found['2019']).toEqual(forward.found['2019']);
    // The counts the library lists follow.
    expect([backward.listed.errors, backward.listed.warnings]).toEqual([
      forward.listed.errors,
      forward.listed.warnings,
    ]);
    // Who was checked again: the 2020 report, when 2019 arrived after it; nothing the other way round.
    expect(backward.results[1]!.nextYearRecheckedId).toBe(backward.ids['2020']);
    expect(forward.results.map((r) => r.nextYearRecheckedId)).toEqual([null, null]);
  });
});
