// Robustness of reading and extraction: garbage text, garbage bytes and mangled reports never throw and always explain themselves.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Diagnostic } from '../src/model/schemas.ts';
import { extract, readText, ReportSchema, type Report } from '../src/index.ts';
import { arbBlankyReport, arbReport, reportCells } from './support/arbitrary.ts';
import { LAYOUTS, writeReport } from './support/writer.ts';

/** NIANBAO_PROPERTY_SCALE=10 multiplies every run count, for a deeper search than the default run needs. */
const RUNS = 300 * Number(process.env.NIANBAO_PROPERTY_SCALE ?? 1);
/** Generous: a second per input, though each takes milliseconds (design: a batch must never hang on one file). */
const TIMEOUT = RUNS * 1000;

const utf8 = new TextEncoder();

/**
 * Reads and extracts, checking what must hold for any input: no throw, schema-valid diagnostics, a report that is
 * null or schema-valid, and a text source for every figure that lies inside the input (design.md principles 3, 4).
 */
function readAndCheck(bytes: Uint8Array, lineCount?: number) {
  const result = extract(readText(bytes, { path: 'fuzz.txt' }));
  expect(Array.isArray(result.diagnostics)).toBe(true);
  for (const d of result.diagnostics) expect(Diagnostic.safeParse(d).success, JSON.stringify(d)).toBe(true);
  if (result.report) checkReport(result.report, lineCount);
  return result;
}

function checkReport(report: Report, lineCount: number | undefined) {
  const parsed = ReportSchema.safeParse(report);
  expect(parsed.success, parsed.error?.message).toBe(true);
  for (const { path, value } of reportCells(report)) {
    if (value === null) continue;
    const source = report.provenance?.[path]?.source;
    expect(source, `${path} = ${value} has no source`).toBeDefined();
    if (source?.kind !== 'text' || lineCount === undefined) continue;
    expect(source.line, path).toBeGreaterThanOrEqual(1);
    expect(source.endLine, path).toBeLessThanOrEqual(lineCount);
    expect(source.column, path).toBeGreaterThanOrEqual(1);
    if (source.endLine === source.line) expect(source.endColumn, path).toBeGreaterThan(source.column);
  }
}

/** Pieces of report text (labels, figures, separators) from which garbage that looks like tables is made. */
const TOKENS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '第二十条第（一）项',
  '信息内容',
  '规章',
  '行政许可',
  '申请人情况',
  '自然人',
  '总计',
  '一、本年新收政府信息公开申请数量',
  '（三）不予公开',
  '1.属于国家秘密',
  '结果维持',
  '复议后起诉',
  '2019年',
  '2021年',
  '年度报告',
  '0',
  '7',
  '12',
  '3,119',
  '-8',
  '1655.0887',
  '/',
  '—',
  '无',
  '\t',
  '\n',
  '\n\n',
  '  ',
  '| ',
  ' |',
  '|---|',
  '　',
  '\r\n',
];

const arbTokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 400 }).map((t) => t.join(''));

describe('garbage', () => {
  test(
    'arbitrary strings: never throw, always diagnose',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 2000 }),
            fc.string({ unit: 'grapheme', maxLength: 500 }),
            arbTokenSoup,
          ),
          (text) => {
            expect(readAndCheck(utf8.encode(text)).diagnostics.length).toBeGreaterThan(0);
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  test(
    'arbitrary bytes: never throw, always diagnose',
    () => {
      const boms = [[], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]];
      fc.assert(
        fc.property(fc.constantFrom(...boms), fc.uint8Array({ maxLength: 4096 }), (bom, body) => {
          const bytes = new Uint8Array([...bom, ...body]);
          expect(readAndCheck(bytes).diagnostics.length).toBeGreaterThan(0);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

/** One edit of a written report's lines. */
type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'swap'; at: number; to: number }
  | { op: 'reverse'; at: number; length: number }
  | { op: 'insert'; at: number; col: number; text: string }
  | { op: 'truncate'; at: number; col: number };

const arbMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('reverse' as const), at: fc.nat(), length: fc.integer({ min: 2, max: 12 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    col: fc.nat(),
    text: fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 5 }), fc.constantFrom(...TOKENS)),
  }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat(), col: fc.nat() }),
);

/** Applies edits to lines; positions wrap around the current number of lines and characters. */
function mangle(lines: string[], mutations: readonly Mutation[]): string[] {
  const out = [...lines];
  for (const m of mutations) {
    if (out.length === 0) break;
    const i = m.at % out.length;
    const line = out[i]!;
    switch (m.op) {
      case 'delete':
        out.splice(i, 1);
        break;
      case 'duplicate':
        out.splice(i, 0, line);
        break;
      case 'swap': {
        const j = m.to % out.length;
        [out[i], out[j]] = [out[j]!, line];
        break;
      }
      case 'reverse':
        out.splice(i, m.length, ...out.slice(i, i + m.length).reverse());
        break;
      case 'insert': {
        const c = m.col % (line.length + 1);
        out[i] = line.slice(0, c) + m.text + line.slice(c);
        break;
      }
      case 'truncate':
        out[i] = line.slice(0, m.col % (line.length + 1));
        break;
    }
  }
  return out;
}

describe('mangled reports', () => {
  test(
    'lines deleted, duplicated, moved, characters inserted, cells cut: never throw, stay within the text',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(arbReport(), arbBlankyReport()),
          fc.constantFrom(...LAYOUTS),
          fc.nat(),
          fc.array(arbMutation, { minLength: 1, maxLength: 12 }),
          (report, layout, seed, mutations) => {
            const lines = mangle(
              writeReport(report, layout, { seed, eol: '\n' }).text.split('\n'),
              mutations,
            );
            const text = lines.join('\n');
            // Inserted text may hold line breaks of its own: count lines as source spans do.
            readAndCheck(utf8.encode(text), text.split(/\r\n|\r|\n/).length);
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
