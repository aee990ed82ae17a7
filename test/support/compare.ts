// Compares two reports on the JSON contract (metadata, sections, every cell), listing each difference readably.
import { SECTION_KEYS, type Report } from '../../src/model/report.ts';
import { reportCells } from './arbitrary.ts';

/**
 * Every difference between two reports on the contract, as "path: expected → actual" lines (empty when equal):
 * format version, agency, year, every cell (null and 0 are different), and the sections when `sections` is set.
 */
export function contractDifferences(
  expected: Report,
  actual: Report | null,
  options: { sections?: boolean } = {},
): string[] {
  if (!actual) return ['no report'];
  const out: string[] = [];
  const show = (v: unknown) => JSON.stringify(v);
  for (const k of ['formatVersion', 'agency', 'year'] as const)
    if (expected[k] !== actual[k]) out.push(`${k}: ${show(expected[k])} → ${show(actual[k])}`);
  if (expected.formatVersion !== actual.formatVersion) return out;
  const got = new Map(reportCells(actual).map((c) => [c.path, c.value]));
  for (const c of reportCells(expected))
    if (got.get(c.path) !== c.value) out.push(`${c.path}: ${show(c.value)} → ${show(got.get(c.path))}`);
  if (options.sections)
    for (const k of SECTION_KEYS)
      if ((expected.sections[k] ?? null) !== (actual.sections[k] ?? null))
        out.push(`sections.${k}: ${show(expected.sections[k])} → ${show(actual.sections[k])}`);
  return out;
}
