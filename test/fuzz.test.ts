// The fuzz suite at a small count inside `npm test` (scripts/fuzz.ts runs it at 10,000: `npm run fuzz`): mutated and
// hostile files of every kind made from the project's fixtures with a fixed seed, run through the pipeline in this
// process and ten of them through the CLI as a child process. Each must answer in bounded time with findings that
// name the file; the CLI exits 0, 1 or 2 with valid JSON and no stack trace.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KINDS, makeCase, runCase, runCli, type CaseOutcome } from '../scripts/fuzz.ts';

/** The seed of the suite in `npm test`, and how many cases in process (OCR is off: it takes seconds a page). */
const SEED = 2026;
const CASES = 140;
/** Seconds one case may take in process (the slowest measured: a few seconds on 2 cores with other load). */
const CASE_SECONDS = 30;

describe('fuzz: mutated files of every kind through the pipeline', () => {
  const outcomes: CaseOutcome[] = [];

  it(`${CASES} cases answer, each in under ${CASE_SECONDS} s, every reading finding naming its file`, async () => {
    for (let i = 0; i < CASES; i++) {
      const c = makeCase(SEED, i, 0);
      const outcome = await runCase(c);
      outcomes.push(outcome);
      expect(outcome.problems, `case ${i} (${c.kind}, ${c.mutation}, from ${c.from})`).toEqual([]);
      expect(outcome.seconds, `case ${i} (${c.kind}, ${c.mutation})`).toBeLessThan(CASE_SECONDS);
    }
    // Every kind and many mutations were met, and the limits were reached by some (not only clean reads).
    expect(new Set(outcomes.map((o) => o.kind))).toEqual(new Set(KINDS));
    expect(new Set(outcomes.map((o) => o.mutation)).size).toBeGreaterThan(25);
    expect(outcomes.some((o) => o.ids.includes('read/too-large'))).toBe(true);
    expect(outcomes.some((o) => o.ids.includes('read/broken'))).toBe(true);
  }, 600_000);

  const dir = mkdtempSync(join(tmpdir(), 'nianbao-fuzz-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ten cases through the CLI in one batch: exit 0, 1 or 2, a complete JSON array, no stack trace', async () => {
    const names: string[] = [];
    // Ten cases of every kind in turn, from further in the sequence (not those run above).
    for (let i = 0; i < 10; i++) {
      const c = makeCase(SEED, 1_000 + i * 3, 0);
      writeFileSync(join(dir, c.name), c.bytes);
      names.push(c.name);
    }
    const run = await runCli('extract', names, dir, 240_000, ['--no-ocr']);
    expect(run.problems).toEqual([]);
    expect([0, 1, 2]).toContain(run.code);
  }, 300_000);
});
