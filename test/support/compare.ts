// Compares two reports on the JSON contract (metadata, sections, every cell), listing each difference readably.
import type { Report } from '../../src/model/report.ts';
import { reportDifferences } from './roundtrip.ts';

/**
 * Every difference between two reports on the contract, one line each (empty when equal): format version, agency,
 * year, every cell (null and 0 are different), and the sections, compared exactly, when `sections` is set.
 */
export function contractDifferences(
  expected: Report,
  actual: Report | null,
  options: { sections?: boolean } = {},
): string[] {
  return reportDifferences(expected, actual, { sections: options.sections ?? false, exact: true });
}
