// The real published reports (test/fixtures/real, sources in its README) against their hand truth: every cell, no
// wrong figure, a diagnostic on every run that cannot be split, and no error the report does not deserve.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.ts';
import { extract } from '../src/extract/index.ts';
import { read } from '../src/read/index.ts';
import { scoreAgainstTruth, type Truth } from './support/real.ts';

const DIR = 'test/fixtures/real';
const files = readdirSync(DIR)
  .filter((f) => /\.(txt|html)$/.test(f))
  .sort();

describe.each(files)('%s', (file) => {
  const truth = JSON.parse(
    readFileSync(join(DIR, 'expected', file.replace(/\.\w+$/, '.json')), 'utf8'),
  ) as Truth;
  const load = async () => {
    const doc = await read(readFileSync(join(DIR, file)), { path: file });
    const ex = extract(doc);
    const findings = ex.report
      ? check(ex.report, { extraction: [...doc.diagnostics, ...ex.diagnostics] })
      : [];
    return { ex, findings };
  };

  it('reads every cell as the hand truth has it, and no figure other than the report’s', async () => {
    const { ex } = await load();
    const s = scoreAgainstTruth(ex.report, truth);
    expect(s.wrong).toEqual([]);
    expect(s.right).toBe(s.total);
  });

  it('names every run of figures it could not split with certainty', async () => {
    const { ex } = await load();
    for (const u of truth.uncertain) {
      const row = u.cells[0]!.split('.').slice(0, -1).join('.');
      const said = ex.diagnostics.some(
        (d) =>
          /^extract\/(ambiguous|unplaced)-cells$/.test(d.ruleId) &&
          (d.path?.join('.') === row || (d.path?.length === 1 && row.startsWith(`${d.path[0]}.`))),
      );
      expect(said, `${row}: ${u.run}`).toBe(true);
    }
  });

  it('finds no error the report does not deserve', async () => {
    const { findings } = await load();
    const deserved = (ruleId: string, path: readonly (string | number)[] | undefined) => {
      const at = path?.join('.') ?? '';
      if (
        truth.realProblems.some(
          (p) => p.rule === ruleId && (at === '' || p.path.startsWith(at) || at.startsWith(p.path)),
        )
      )
        return true;
      // A cell the report really leaves blank deserves its blank-cell finding; one nianbao could not read does not.
      if (ruleId === 'blank-total' || ruleId === 'blank-cell') {
        const unsure = truth.uncertain.some((u) => u.cells.some((c) => c.startsWith(at)));
        return !unsure;
      }
      return false;
    };
    const undeserved = findings
      .filter((d) => d.severity === 'error' && !deserved(d.ruleId, d.path))
      .map((d) => `${d.ruleId} ${d.path?.join('.') ?? ''}: ${d.message}`);
    expect(undeserved).toEqual([]);
  });
});
