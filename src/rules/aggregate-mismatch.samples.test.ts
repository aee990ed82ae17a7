// Rule aggregate-mismatch on real reports: the extracted sample reports summed, and a published sum with one figure wrong.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { aggregate } from '../aggregate/sum.ts';
import { check } from '../check.ts';
import { extract } from '../extract/index.ts';
import { read } from '../read/index.ts';
import { withCells } from './valid-report.ts';
import type { Report } from '../model/report.ts';
import { rule } from './aggregate-mismatch.ts';

/** The findings of aggregate-mismatch alone: a published sum against its members. */
const compareAggregate = (published: Report, members: Report[]) =>
  check(published, { ruleSet: [rule], members });

const SAMPLES = ['000_4fc5202fe3db526a.txt', '003_b41a2553e1af1d3f.txt', '004_562738e5f47c6a1c.txt'];

it('the 2019 samples summed, then checked against a published sum with one figure changed', async () => {
  const members: Report[] = [];
  for (const name of SAMPLES) {
    const bytes = readFileSync(new URL(`../../examples/reports/${name}`, import.meta.url));
    members.push(extract(await read(new Uint8Array(bytes))).report!);
  }
  const { report, blanks } = aggregate(members, { agency: '河南省（样本）', year: 2019 });
  expect(report.formatVersion).toBe('2019');
  // 003 left its 结转 自然人 blank: one blank, counted.
  expect(blanks).toContainEqual({ path: 'requests.carriedForward.naturalPerson', count: 1 });
  expect(compareAggregate(report, members)).toEqual([]);
  const granted = (report.requests.granted as Record<string, number>).naturalPerson!;
  const wrong = withCells(report, { 'requests.granted.naturalPerson': granted + 1 });
  const found = compareAggregate(wrong, members);
  expect(found.map((d) => [d.path?.join('.'), d.expected, d.actual])).toEqual([
    ['requests.granted.naturalPerson', granted, granted + 1],
  ]);
});
