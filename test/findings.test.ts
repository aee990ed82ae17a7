// Every finding id a stage can emit is registered, with one severity (review change 2): the ids written in the
// stages' code, and those read and extracted from every fixture and sample; no stage gives a severity of its own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../src/pipeline.ts';
import { REGISTRY } from '../src/rules/index.ts';

const ROOT = join(import.meta.dirname, '..');

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'expected' ? [] : files(path, keep);
      return keep(name) ? [path] : [];
    });
}

/** The code of src/ that reports findings: every module but the tests, the rules and the registry itself. */
const STAGES = files(join(ROOT, 'src'), (n) => n.endsWith('.ts') && !n.endsWith('.test.ts')).filter(
  (f) => !/src\/(rules|findings)\//.test(f),
);

describe('the finding ids of the stages', () => {
  it('are registered, each one written in the code', () => {
    const written = new Map<string, string>();
    for (const f of STAGES)
      for (const m of readFileSync(f, 'utf8').matchAll(
        /['"`]((?:read|extract|internal|aggregate)\/[a-z0-9-]+)['"`]/g,
      ))
        written.set(m[1]!, relative(ROOT, f));
    // The aggregate's ids are `aggregate/` and its message ids, written as a template.
    for (const id of REGISTRY.keys())
      if (id.startsWith('aggregate/')) written.set(id, 'src/aggregate/sum.ts');
    expect(written.size).toBeGreaterThan(30);
    expect([...written].filter(([id]) => !REGISTRY.has(id)).map(([id, f]) => `${id} (${f})`)).toEqual([]);
  });

  it('are given no severity by the stage that reports them (the registry gives it)', () => {
    const choosing = STAGES.filter((f) =>
      /\bseverity\s*:|[(,]\s*['"](?:error|warning|info)['"]\s*[,)]/.test(readFileSync(f, 'utf8')),
    ).map((f) => relative(ROOT, f));
    // The engine and the renderers weigh findings; the CLI counts them; the store keeps them.
    expect(
      choosing.filter((f) => /^src\/(read|extract|aggregate|pipeline\.ts|cli\/(process|batch)\.ts)/.test(f)),
    ).toEqual([]);
  });

  const NEVER_END = new Set(['pdf-type1-loop.pdf', 'pdf-native-indexof.pdf']);
  it('read and extracted from every fixture and sample, are registered, with the registry’s severity', async () => {
    const inputs = [
      // pdf-type1-loop.pdf sends pdf.js into a loop that never ends, and pdf-native-indexof.pdf into minutes of
      // native code, in process: only a reading process's time limit stops them (test/batch-limits.test.ts).
      ...files(join(ROOT, 'test/fixtures'), (n) => !/\.(md|json|png|ts)$/i.test(n) && !NEVER_END.has(n)),
      ...files(join(ROOT, 'examples'), (n) => !/\.(md|json|png|ts)$/i.test(n)),
    ];
    expect(inputs.length).toBeGreaterThan(80);
    const emitted = new Map<string, Set<string>>();
    for (const path of inputs) {
      const file = relative(ROOT, path);
      const { diagnostics } = await extractFile(file, new Uint8Array(readFileSync(path)), { ocr: false });
      for (const d of diagnostics) {
        const set = emitted.get(d.ruleId) ?? new Set();
        set.add(d.severity);
        emitted.set(d.ruleId, set);
      }
    }
    const wrong = [...emitted]
      .filter(
        ([id, severities]) =>
          !REGISTRY.has(id) || [...severities].some((s) => s !== REGISTRY.get(id)!.severity),
      )
      .map(
        ([id, severities]) =>
          `${id}: ${[...severities].join(', ')} (registry: ${REGISTRY.get(id)?.severity ?? 'none'})`,
      );
    expect(wrong).toEqual([]);
    // The fixtures show most of the reading and extraction findings, so that this says something.
    expect(emitted.size).toBeGreaterThanOrEqual(12);
  }, 120_000);
});
