// Mutation test of the checker: change one figure of table 3 or 4 of a valid report; an error must name the cell,
// and the suggestion must restore the original figure wherever the equations determine it.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { check } from '../src/check.ts';
import { withCells } from '../src/rules/valid-report.ts';
import { arbReport, reportCells } from './support/arbitrary.ts';

const RUNS = 1000 * Number(process.env.NIANBAO_PROPERTY_SCALE ?? 1);

test(`a changed figure is named by an error in ≥ 99% of ${RUNS} mutations, and repaired where determined`, () => {
  let named = 0;
  let determined = 0;
  let restored = 0;
  let wrongSuggestions = 0;
  fc.assert(
    fc.property(
      arbReport(),
      fc.nat(),
      fc.integer({ min: -50, max: 50 }).filter((d) => d !== 0),
      (report, pick, delta) => {
        const cells = reportCells(report).filter((c) => /^(requests|reviewLitigation)\./.test(c.path));
        const cell = cells[pick % cells.length]!;
        const original = cell.value as number;
        const changed =
          Math.max(0, original + delta) === original
            ? original + Math.abs(delta)
            : Math.max(0, original + delta);
        const errors = check(withCells(report, { [cell.path]: changed })).filter(
          (d) => d.severity === 'error',
        );
        if (errors.some((d) => [d.path, ...(d.related ?? [])].some((p) => p?.join('.') === cell.path)))
          named++;
        const suggestions = errors.flatMap((d) => d.suggestions ?? []);
        // Table 3's cells each stand in a row sum and a column sum: together they determine the cell.
        if (cell.path.startsWith('requests.')) determined++;
        if (suggestions.length > 0) {
          if (suggestions.every((s) => s.path.join('.') === cell.path && s.value === original)) restored++;
          else wrongSuggestions++;
        }
      },
    ),
    { numRuns: RUNS },
  );
  expect(named / RUNS).toBeGreaterThanOrEqual(0.99);
  expect(wrongSuggestions).toBe(0);
  expect(restored).toBeGreaterThanOrEqual(determined); // table 4 is sometimes determined too (by figures ≥ 0)
}, 120_000);
