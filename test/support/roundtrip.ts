// Comparing a report with the one read back from what nianbao wrote: metadata, every table cell, section texts.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/extract/index.ts';
import { formatOf } from '../../src/model/formats/index.ts';
import { readText } from '../../src/read/text.ts';
import { cellsOf, rowValues, SECTION_KEYS, type Report } from '../../src/model/report.ts';

/**
 * A section's text as a written page gives it back: each line with runs of spaces, TABs and form feeds collapsed
 * to one space and trimmed, empty lines dropped (a page prints no empty paragraph), no line at all as null.
 */
export function normalizeSection(text: string | null): string | null {
  const lines = (text ?? '')
    .split('\n')
    .map((l) => l.replace(/[ \t\r\f]+/g, ' ').trim())
    .filter((l) => l !== '');
  return lines.length === 0 ? null : lines.join('\n');
}

/** What the round trip compares. */
export interface CompareOptions {
  /** Compare the six section texts too (normalised by `normalizeSection`). */
  sections?: boolean;
  /** Compare the section texts exactly, without normalising them (writers that keep every character). */
  exact?: boolean;
}

/**
 * Every difference between a report and the report read back, one readable line each (empty when none):
 * formatVersion, agency, year, every cell of the three tables (a blank must come back blank, not 0), and
 * optionally the section texts.
 */
export function reportDifferences(want: Report, got: Report | null, options: CompareOptions = {}): string[] {
  if (!got) return ['no report read back'];
  const out: string[] = [];
  for (const key of ['formatVersion', 'agency', 'year'] as const)
    if (got[key] !== want[key]) out.push(`${key}: wrote ${want[key]}, read ${got[key]}`);
  if (got.formatVersion !== want.formatVersion) return out;
  for (const { table, row, column, path } of cellsOf(formatOf(want.formatVersion))) {
    const a = rowValues(want[table.key], row)[column.key] ?? null;
    const b = rowValues(got[table.key], row)[column.key];
    if (a !== b) out.push(`${path.join('.')}: wrote ${a}, read ${JSON.stringify(b)}`);
  }
  if (options.sections)
    for (const key of SECTION_KEYS) {
      const norm = options.exact ? (t: string | null) => t ?? null : normalizeSection;
      const a = norm(want.sections[key]);
      const b = norm(got.sections[key]);
      if (a !== b) out.push(`sections.${key}: wrote ${JSON.stringify(a)}, read ${JSON.stringify(b)}`);
    }
  return out;
}

/** The bundled sample reports (examples/reports/*.txt), each read and extracted: what a round trip starts from. */
export function sampleReports(): { file: string; report: Report }[] {
  const dir = join(import.meta.dirname, '../../examples/reports');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({
      file,
      report: extract(readText(readFileSync(join(dir, file)), { path: file })).report!,
    }));
}
