// Speed of aggregate() over 1,000 generated reports and of compareReports() per pair, in-process on one thread.
// Run: node --import tsx bench/aggregate.bench.ts
import fc from 'fast-check';
import { cpus } from 'node:os';
import { compareReports } from '../src/aggregate/compare.ts';
import { indicators } from '../src/aggregate/indicators.ts';
import { aggregate } from '../src/aggregate/sum.ts';
import { check } from '../src/check.ts';
import { arbReport } from '../test/support/arbitrary.ts';

const MEMBERS = 1_000;
const PAIRS = 2_000;

/** Milliseconds of the best of `runs` runs of `fn` (the first run warms the JIT). */
function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

const reports = fc.sample(arbReport('2021'), { numRuns: MEMBERS, seed: 6 });
const sections = fc.sample(arbReport('2021'), { numRuns: PAIRS, seed: 7 });

const sum = best(5, () => aggregate(reports, { year: 2022 }));
const { report } = aggregate(reports, { year: 2022 });
const checkMs = best(5, () => check(report));
const indicatorsMs = best(5, () => indicators(report));
const compare = best(3, () => {
  for (let i = 0; i < PAIRS; i++) compareReports(reports[i % MEMBERS]!, sections[i]!);
});
console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}`);
console.log(`aggregate of ${MEMBERS} reports: ${sum.toFixed(1)} ms (best of 5)`);
console.log(
  `check() of the aggregate: ${checkMs.toFixed(1)} ms; indicators(): ${indicatorsMs.toFixed(3)} ms`,
);
console.log(`compareReports: ${(compare / PAIRS).toFixed(3)} ms per pair (${PAIRS} pairs, best of 3)`);
