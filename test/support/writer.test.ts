// Unit and property tests of the test writer and the report arbitraries, which the round-trip tests rely on.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FORMATS, formatOf } from '../../src/model/formats/index.ts';
import { blankReport, rowValues, type Report } from '../../src/model/report.ts';
import { ReportSchema } from '../../src/model/schemas.ts';
import { T3_1, yearsOf, arbBlankyReport, arbReport, isComplete, reportCells } from './arbitrary.ts';
import { CELL_LAYOUTS, LAYOUTS, writeReport, type Layout } from './writer.ts';

const RUNS = 60;

/** A figure's text read back as a number (thousands separators dropped). */
const parse = (text: string) => Number(text.replace(/,/g, ''));

/** A report with complete tables for the complete-only layouts, sometimes with blanks for the others. */
const arbFor = (layout: Layout) =>
  CELL_LAYOUTS.includes(layout) ? fc.oneof(arbReport(), arbBlankyReport()) : arbReport();

/** Every word a table label, header or vocabulary matches on: section text must contain none of them. */
const TABLE_WORDS = [
  ...new Set(
    FORMATS.flatMap((f) => [
      ...f.vocabulary,
      ...f.tables.flatMap((t) => [
        ...t.vocabulary,
        ...t.rows.flatMap((r) => [
          ...(r.match.contains ?? []),
          ...r.columns.flatMap((c) => c.match.contains ?? []),
        ]),
      ]),
    ]),
  ),
];

describe('arbReport', () => {
  test('makes schema-valid, complete reports whose identities hold (format-spec §8)', () => {
    fc.assert(
      fc.property(arbReport(), (report) => {
        expect(ReportSchema.safeParse(report).success).toBe(true);
        expect(isComplete(report)).toBe(true);
        const [from, to] = yearsOf(report.formatVersion);
        expect(report.year).toBeGreaterThanOrEqual(from);
        expect(report.year).toBeLessThanOrEqual(to);
        expect(report.agency).toMatch(/^[\u4e00-\u9fff]+$/);
        const f = formatOf(report.formatVersion);
        for (const table of f.tables) {
          for (const row of table.rows) {
            const v = rowValues(report[table.key], row);
            for (const id of table.rowIdentities)
              expect(v[id.total]).toBe(id.parts.reduce((s, p) => s + (v[p] as number), 0));
            for (const c of row.columns) {
              const x = v[c.key] as number;
              if (c.kind === 'count') expect(Number.isInteger(x) && x >= 0).toBe(true);
              if (c.kind === 'signed') expect(Number.isInteger(x) && !Object.is(x, -0)).toBe(true);
              if (c.kind === 'amount') expect(x >= 0 && Number(x.toFixed(4)) === x).toBe(true);
            }
          }
        }
        const requests = f.tables.find((t) => t.key === 'requests')!;
        const row = (key: string) =>
          rowValues(
            report.requests,
            requests.rows.find((r) => r.path.join('.') === key)!,
          );
        const outcomes = requests.rows.filter((r) => !Object.values<string>(T3_1).includes(r.path.join('.')));
        for (const c of requests.rows[0]!.columns) {
          const handled = row(T3_1.totalHandled)[c.key] as number;
          expect(handled).toBe(
            outcomes.reduce((s, r) => s + (rowValues(report.requests, r)[c.key] as number), 0),
          );
          expect((row(T3_1.newlyReceived)[c.key] as number) + (row(T3_1.carriedOver)[c.key] as number)).toBe(
            handled + (row(T3_1.carriedForward)[c.key] as number),
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  test('writes section text with no table word, tab, double space or section-style numbering', () => {
    fc.assert(
      fc.property(arbReport(), (report) => {
        for (const text of Object.values(report.sections)) {
          expect(text).toBeTypeOf('string');
          for (const word of TABLE_WORDS) expect(text, word).not.toContain(word);
          expect(text).not.toMatch(/\t| {2}|\|/);
          for (const line of text!.split('\n')) expect(line).not.toMatch(/^[一二三四五六七八九十]、/);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('arbBlankyReport leaves at least one cell blank', () => {
    fc.assert(
      fc.property(arbBlankyReport(), (report) => {
        expect(ReportSchema.safeParse(report).success).toBe(true);
        expect(isComplete(report)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe.each(LAYOUTS)('writeReport, %s', (layout) => {
  test('records every non-null cell, and only those, where its figure text is', () => {
    fc.assert(
      fc.property(arbFor(layout), fc.nat(), (report, seed) => {
        const { text, cells } = writeReport(report, layout, { seed });
        const lines = text.split(/\r?\n/);
        const expected = reportCells(report).filter((c) => c.value !== null);
        expect([...cells.keys()].sort()).toEqual(expected.map((c) => c.path).sort());
        for (const c of expected) {
          const at = cells.get(c.path)!;
          expect(lines[at.line - 1]!.slice(at.column - 1, at.column - 1 + at.text.length), c.path).toBe(
            at.text,
          );
          expect(parse(at.text), c.path).toBe(c.value);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('is deterministic and writes the title and the six official headings in order', () => {
    fc.assert(
      fc.property(arbFor(layout), fc.nat(), (report, seed) => {
        const a = writeReport(report, layout, { seed });
        expect(writeReport(structuredClone(report), layout, { seed })).toEqual(a);
        const lines = a.text.split(/\r?\n/).map((l) => l.trim());
        expect(lines.find((l) => l !== '')).toBe(`${report.agency}${report.year}年政府信息公开工作年度报告`);
        const at = formatOf(report.formatVersion).sections.map((s) => lines.indexOf(s.heading));
        expect(at.every((i) => i > 0)).toBe(true);
        expect([...at].sort((x, y) => x - y)).toEqual(at);
      }),
      { numRuns: RUNS },
    );
  });

  test('puts each figure on the line of its row label (no wrapping, official labels)', () => {
    fc.assert(
      fc.property(arbReport(), fc.nat(), (report, seed) => {
        const { text, cells } = writeReport(report, layout, { seed, wrap: 0, variants: 0 });
        const lines = text.split(/\r?\n/);
        for (const { table, row, path } of cellsOfReport(report)) {
          if (table.layout === 'wide') continue;
          const line = lines[cells.get(path)!.line - 1]!;
          if (layout === 'cell-per-line') {
            // The label is the row's first cell: the nearest line above that is not a figure or blank cell.
            const above = lines.slice(0, cells.get(path)!.line - 1).reverse();
            expect(above.find((l) => !/^\t\s*[-\d.,]*$/.test(l))).toBe('\t' + row.label);
          } else expect(line, path).toContain(row.label);
        }
      }),
      { numRuns: RUNS / 2 },
    );
  });

  test('writes each line of a table in the shape of the layout', () => {
    fc.assert(
      fc.property(arbFor(layout), fc.nat(), (report, seed) => {
        const { text, cells } = writeReport(report, layout, { seed });
        const lines = text.split(/\r?\n/);
        for (const [path, at] of cells) {
          const line = lines[at.line - 1]!;
          const before = line.slice(0, at.column - 1);
          const after = line.slice(at.column - 1 + at.text.length);
          switch (layout) {
            case 'cell-per-line':
              expect(before, path).toMatch(/^\t[ \u3000]*$/);
              expect(after, path).toBe('');
              break;
            case 'tab':
              expect(before === '' || before.endsWith('\t'), path).toBe(true);
              expect(after === '' || after.startsWith('\t'), path).toBe(true);
              break;
            case 'pipe':
              expect(before === '| ' || before.endsWith(' | '), path).toBe(true);
              expect(after, path).toMatch(/^ \|/);
              expect(line.endsWith(' |'), path).toBe(true);
              break;
            case 'aligned':
              expect(/^ *$|\S {2,}$/.test(before), path).toBe(true);
              expect(after === '' || after.startsWith('  '), path).toBe(true);
              break;
            case 'run-together':
              expect(line, path).not.toMatch(/\t| {2}|\|/);
              break;
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('blank cells', () => {
  const complete = fc.tuple(arbReport(), fc.nat(), fc.nat());

  test.each(['cell-per-line', 'tab', 'pipe', 'run-together'] as const)(
    '%s: a blank cell changes only its own line, and leaves no figure there',
    (layout) => {
      fc.assert(
        fc.property(complete, ([report, seed, pick]) => {
          const all = reportCells(report);
          const target = all[pick % all.length]!;
          const blanked = structuredClone(report);
          const c = cellsOfReport(blanked).find((x) => x.path === target.path)!;
          rowValues(blanked[c.table.key], c.row)[c.column.key] = null;
          const a = writeReport(report, layout, { seed });
          const b = writeReport(blanked, layout, { seed });
          expect(b.cells.has(target.path)).toBe(false);
          const la = a.text.split(/\r?\n/);
          const lb = b.text.split(/\r?\n/);
          expect(lb.length).toBe(la.length);
          const at = a.cells.get(target.path)!;
          la.forEach((line, i) => {
            if (i !== at.line - 1) return expect(lb[i]).toBe(line);
            const head = line.slice(0, at.column - 1);
            const tail = line.slice(at.column - 1 + at.text.length);
            if (layout === 'cell-per-line') expect(lb[i]).toMatch(/^\t(|[ \u3000]|[/\-—无])$/);
            else if (layout === 'run-together') expect(lb[i]).toBe(head + tail);
            else expect([...['', '/', '-', '—', '无'].map((x) => head + x + tail)]).toContain(lb[i]);
          });
        }),
        { numRuns: RUNS },
      );
    },
  );
});

describe('aligned', () => {
  test('right-aligns the figures of a column: they all end at the same character column', () => {
    fc.assert(
      fc.property(arbReport(), fc.nat(), (report, seed) => {
        const { cells } = writeReport(report, 'aligned', { seed });
        const ends = new Map<string, Set<number>>();
        for (const { table, row, column, path } of cellsOfReport(report)) {
          // Merged value cells (2021 table 2 （五）（六）（八）) are centred, not right-aligned.
          if (row.columns.length === 1) continue;
          const key = `${table.key}:${row.group ?? ''}:${column.key}:${table.layout === 'wide' ? row.label : ''}`;
          const at = cells.get(path)!;
          ends.set(key, (ends.get(key) ?? new Set()).add(at.column + at.text.length));
        }
        for (const [key, set] of ends) expect(set.size, key).toBe(1);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('run-together', () => {
  test('writes a data row as its label cells followed by its figures with no separator', () => {
    fc.assert(
      fc.property(arbReport(), fc.nat(), (report, seed) => {
        const { text, cells } = writeReport(report, 'run-together', { seed, variants: 0 });
        const lines = text.split(/\r?\n/);
        const byRow = new Map<string, { line: number; texts: string[]; label: string }>();
        for (const { table, row, path } of cellsOfReport(report)) {
          const at = cells.get(path)!;
          // Table 4 writes its three blocks side by side on one line.
          const key = table.layout === 'wide' ? table.key : [table.key, ...row.path].join('.');
          const entry = byRow.get(key) ?? {
            line: at.line,
            texts: [],
            label: table.layout === 'wide' ? '' : row.label,
          };
          entry.texts.push(at.text);
          byRow.set(key, entry);
        }
        for (const [key, { line, texts, label }] of byRow)
          expect(lines[line - 1]!.endsWith(label + texts.join('')), key).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

test('writes table 3 of a 2019 report in tab layout as sample 003 does', () => {
  const report = fc.sample(arbReport('2019'), { seed: 42, numRuns: 1 })[0]!;
  const { text } = writeReport(report, 'tab', {
    seed: 1,
    padSpans: false,
    variants: 0,
    thousands: 0,
    eol: '\n',
  });
  const lines = text.split('\n');
  const v = (key: string) =>
    Object.values(
      rowValues(
        report.requests,
        formatOf('2019').tables[1]!.rows.find((r) => r.path.join('.') === key)!,
      ),
    );
  expect(lines).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况');
  expect(lines).toContain('\t自然人\t法人或其他组织\t总计');
  expect(lines).toContain('\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t');
  expect(lines).toContain(['一、本年新收政府信息公开申请数量', ...v('newlyReceived')].join('\t'));
  expect(lines).toContain(['三、本年度办理结果', '（一）予以公开', ...v('granted')].join('\t'));
  expect(lines).toContain(['', '（三）不予公开', '1.属于国家秘密', ...v('denied.stateSecret')].join('\t'));
  expect(lines).toContain(['', '', '2.其他法律行政法规禁止公开', ...v('denied.prohibitedByLaw')].join('\t'));
  expect(lines).toContain(['', '（七）总计', ...v('totalHandled')].join('\t'));
});

test.each(LAYOUTS)('%s: writes a report with no metadata, no sections and only blanks', (layout) => {
  for (const version of ['2019', '2021'] as const) {
    const { text, cells } = writeReport(blankReport(version), layout);
    expect(cells.size).toBe(0);
    expect(text).toContain('年政府信息公开工作年度报告');
    for (const s of formatOf(version).sections) expect(text).toContain(s.heading);
  }
});

/** cellsOf for a report's own format version, with the dotted path. */
function cellsOfReport(report: Report) {
  return [...formatOf(report.formatVersion).tables].flatMap((table) =>
    table.rows.flatMap((row) =>
      row.columns.map((column) => ({
        table,
        row,
        column,
        path: [table.key, ...row.path, column.key].join('.'),
      })),
    ),
  );
}
