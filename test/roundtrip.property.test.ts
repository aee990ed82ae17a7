// The acceptance test of extraction: random valid reports, written in every text layout and encoding, read back cell for cell with provenance.
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { extract, formatOf, readText, type Diagnostic, type Report } from '../src/index.ts';
import { arbBlankyReport, arbReport, reportCells } from './support/arbitrary.ts';
import { CELL_LAYOUTS, LAYOUTS, writeReport, type Layout, type WrittenReport } from './support/writer.ts';

/**
 * Reports per layout (on top of the 1,000 complete reports read back from every layout below): 1,020 per run,
 * a third of them with blanks where the layout keeps blank cells, each read back once. Run-together gets fewer, as splitting digits by
 * arithmetic is the costly path of extraction.
 */
/** NIANBAO_PROPERTY_SCALE=10 multiplies every run count, for a deeper search than the default run needs. */
const SCALE = Number(process.env.NIANBAO_PROPERTY_SCALE ?? 1);
const TIMEOUT = 120_000 * SCALE;
const RUNS: Readonly<Record<Layout, number>> = {
  'cell-per-line': 240,
  tab: 240,
  pipe: 220,
  aligned: 220,
  'run-together': 100,
};
const ENCODING_RUNS = 60;
const SECTION_RUNS = 40;

const utf8 = new TextEncoder();

/**
 * Blanks round-trip as null only where a blank stays a cell; aligned and run-together reports are complete
 * (a blank there is indistinguishable from a missing cell, by design of those layouts).
 */
const arbFor = (layout: Layout) =>
  CELL_LAYOUTS.includes(layout)
    ? fc.oneof({ weight: 2, arbitrary: arbReport() }, { weight: 1, arbitrary: arbBlankyReport() })
    : arbReport();

/** The text of a source span (1-based, end exclusive) in the lines of the written text. */
function spanText(
  lines: readonly string[],
  s: { line: number; column: number; endLine: number; endColumn: number },
) {
  if (s.endLine === s.line) return (lines[s.line - 1] ?? '').slice(s.column - 1, s.endColumn - 1);
  return [
    (lines[s.line - 1] ?? '').slice(s.column - 1),
    ...lines.slice(s.line, s.endLine - 1),
    (lines[s.endLine - 1] ?? '').slice(0, s.endColumn - 1),
  ].join('\n');
}

/**
 * Whether a diagnostic is an error or warning about the given row: its path starts with the row's path, or, for
 * table 4 (layout 'wide', all blocks on one physical row), is the table's path.
 */
function aboutRow(d: Diagnostic, rowPath: string, wide: boolean): boolean {
  const row = rowPath.split('.');
  if (d.severity !== 'error' && d.severity !== 'warning') return false;
  if (wide && d.path?.length === 1 && d.path[0] === row[0]) return true;
  return !!d.path && row.every((k, i) => d.path![i] === k);
}

/** The value of a dotted path in a report (undefined when the path does not exist). */
function valueAt(report: Report, path: string): unknown {
  let node: unknown = report;
  for (const k of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[k];
  return node;
}

/** Every difference between the report written and the report extracted, as readable lines (empty when none). */
function differences(
  original: Report,
  layout: Layout,
  written: WrittenReport,
  got: Report | null,
  diagnostics: Diagnostic[],
) {
  if (!got)
    return [`no report; diagnostics: ${diagnostics.map((d) => `${d.ruleId} ${d.message}`).join(' | ')}`];
  const lines = written.text.split(/\r?\n/);
  const out: string[] = [];
  for (const key of ['formatVersion', 'agency', 'year'] as const)
    if (got[key] !== original[key]) out.push(`${key}: expected ${original[key]}, got ${got[key]}`);
  if (out.length) return out;
  const cells = reportCells(original);
  const wide = new Set<string>(
    formatOf(original.formatVersion)
      .tables.filter((t) => t.layout === 'wide')
      .map((t) => t.key),
  );
  // A run of more than one figure on a run-together line must have been split; a lone figure needs no split.
  const figuresPerLine = new Map<number, number>();
  for (const at of written.cells.values())
    figuresPerLine.set(at.line, (figuresPerLine.get(at.line) ?? 0) + 1);
  for (const { path, rowPath, value } of cells) {
    const actual = valueAt(got, path);
    const at = written.cells.get(path);
    const where = at ? ` at ${at.line}:${at.column} ${JSON.stringify(lines[at.line - 1])}` : '';
    const prov = got.provenance?.[path];
    if (layout === 'run-together') {
      if (actual === null && diagnostics.some((d) => aboutRow(d, rowPath, wide.has(rowPath.split('.')[0]!))))
        continue;
      if (actual !== value) {
        out.push(
          `${path}: expected ${value}, got ${JSON.stringify(actual)} and no diagnostic on ${rowPath}${where}`,
        );
        continue;
      }
      if (at && figuresPerLine.get(at.line)! > 1 && prov?.inferred !== 'split')
        out.push(
          `${path}: split from run-together digits but provenance.inferred = ${prov?.inferred}${where}`,
        );
    } else if (actual !== value) {
      out.push(`${path}: expected ${value}, got ${JSON.stringify(actual)}${where}`);
      continue;
    }
    if (value === null || !at) continue;
    const source = prov?.source;
    if (!source || source.kind !== 'text') {
      out.push(`${path}: no text source in provenance (${JSON.stringify(prov)})${where}`);
      continue;
    }
    if (source.line !== at.line)
      out.push(`${path}: provenance line ${source.line}, written on line ${at.line}${where}`);
    else if (!spanText(lines, source).includes(at.text))
      out.push(
        `${path}: provenance span ${JSON.stringify(spanText(lines, source))} lacks ${JSON.stringify(at.text)}${where}`,
      );
  }
  return out;
}

function roundTrip(bytes: Uint8Array) {
  return extract(readText(bytes));
}

describe.each(LAYOUTS)('round trip, %s layout', (layout) => {
  test(
    'every cell, the metadata and each figure’s source come back',
    () => {
      fc.assert(
        fc.property(arbFor(layout), fc.nat(), (report, seed) => {
          const written = writeReport(report, layout, { seed });
          const { report: got, diagnostics } = roundTrip(utf8.encode(written.text));
          expect(differences(report, layout, written, got, diagnostics)).toEqual([]);
        }),
        { numRuns: RUNS[layout] * SCALE },
      );
    },
    TIMEOUT,
  );
});

/** Complete reports, both versions, each written in every layout: the acceptance's "≥ 1,000 per run". */
const EVERY_LAYOUT_RUNS = 1000;

test(
  'each of 1,000 complete reports comes back from every layout',
  () => {
    fc.assert(
      fc.property(arbReport(), fc.nat(), (report, seed) => {
        for (const layout of LAYOUTS) {
          const written = writeReport(report, layout, { seed });
          const { report: got, diagnostics } = roundTrip(utf8.encode(written.text));
          expect(differences(report, layout, written, got, diagnostics), layout).toEqual([]);
        }
      }),
      { numRuns: EVERY_LAYOUT_RUNS * SCALE },
    );
  },
  TIMEOUT * 4,
);

/** The same text in the encodings reports are published in. */
const ENCODINGS: Readonly<Record<string, (text: string) => Uint8Array>> = {
  gb18030: (text) => iconv.encode(text, 'gb18030'),
  'utf-16le with BOM': (text) => iconv.encode(text, 'utf16le', { addBOM: true }),
  'utf-8 with BOM': (text) => iconv.encode(text, 'utf8', { addBOM: true }),
};

test(
  'GB18030, UTF-16LE and UTF-8 with BOM read exactly as UTF-8 does',
  () => {
    fc.assert(
      fc.property(
        arbReport(),
        fc.constantFrom(...LAYOUTS),
        fc.constantFrom(...Object.keys(ENCODINGS)),
        fc.nat(),
        (report, layout, encoding, seed) => {
          const { text } = writeReport(report, layout, { seed });
          expect(roundTrip(ENCODINGS[encoding]!(text))).toEqual(roundTrip(utf8.encode(text)));
        },
      ),
      { numRuns: ENCODING_RUNS * SCALE },
    );
  },
  TIMEOUT,
);

/** Text compared without its line breaks and spaces, which layouts and extraction may change. */
const squash = (s: string) => s.replace(/\s+/g, '');

test(
  'each section’s text comes back under its heading, in every layout',
  () => {
    fc.assert(
      fc.property(arbReport(), fc.constantFrom(...LAYOUTS), fc.nat(), (report, layout, seed) => {
        const { text } = writeReport(report, layout, { seed });
        const got = roundTrip(utf8.encode(text)).report;
        for (const [key, value] of Object.entries(report.sections))
          for (const paragraph of value!.split('\n'))
            expect(
              squash(got?.sections[key as keyof Report['sections']] ?? ''),
              `${layout} ${key}`,
            ).toContain(squash(paragraph));
      }),
      { numRuns: SECTION_RUNS * SCALE },
    );
  },
  TIMEOUT,
);
