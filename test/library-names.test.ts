// One body, two names across years: a district's report writes "牧野区人民政府办公室" one year and
// "新乡市牧野区人民政府办公室" the next; imported under 河南省/新乡市 they are one agency, reported both years.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runMain, SAMPLE } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an agency matched across years by its qualified name', () => {
  it('stores the short and the full name as one agency, so the year is reported and compare finds both', async () => {
    const text = readFileSync(join(ROOT, SAMPLE('002')), 'utf8'); // 新乡市牧野区人民政府办公室, 2020
    const short = join(dir, 'muye-2020.txt');
    const full = join(dir, 'muye-2021.txt');
    writeFileSync(short, text.replaceAll('新乡市牧野区人民政府办公室', '牧野区人民政府办公室'));
    writeFileSync(full, text.replaceAll('2020年', '2021年'));
    const db = join(dir, 'db');
    const imported = await runMain(['import', '--db', db, '--region', '河南省/新乡市', short, full]);
    expect(imported.code).toBe(0);
    const listed = await runMain(['agencies', '--db', db, '--year', '2021', '--format', 'json']);
    const { agencies } = JSON.parse(listed.stdout) as { agencies: { years: number[]; status: string }[] };
    expect(agencies).toHaveLength(1);
    expect(agencies[0]).toMatchObject({ status: 'reported', years: [2020, 2021] });
    const compared = await runMain([
      'compare',
      '--db',
      db,
      '--agency',
      '新乡市牧野区人民政府办公室',
      '--years',
      '2020,2021',
      '--format',
      'json',
    ]);
    expect(compared.code, compared.stderr).toBe(0);
    expect(JSON.parse(compared.stdout)).toMatchObject({ a: { year: 2020 }, b: { year: 2021 } });
  }, 60_000);
});
