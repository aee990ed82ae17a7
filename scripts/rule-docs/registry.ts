// The rules' documentation, found where it sits: src/rules/<id>.docs.ts beside each rule, and the modules of
// src/rules/docs/ that document a group of stage findings (read.ts, extract.ts). Nothing lists them by hand, so a new
// rule's docs need no registration; test/rules-docs.test.ts fails when a registered rule has none, or docs name no rule.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleDocs } from '../../src/rules/docs/kit.ts';
import { ROOT } from './files.ts';

/** The rules folder. */
export const RULES_DIR = join(ROOT, 'src/rules');

const modules = (dir: string, keep: (name: string) => boolean) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts') && keep(n))
    .sort()
    .map((n) => join(dir, n));

/** The `docs` export of each module: one rule's (`<id>.docs.ts`) or a group's (an array). */
async function load(): Promise<RuleDocs[]> {
  const files = [
    ...modules(join(RULES_DIR, 'docs'), (n) => n !== 'kit.ts'),
    ...modules(RULES_DIR, (n) => n.endsWith('.docs.ts')),
  ];
  const out: RuleDocs[] = [];
  for (const file of files) {
    const { docs } = (await import(pathToFileURL(file).href)) as { docs?: RuleDocs | readonly RuleDocs[] };
    if (docs) out.push(...(Array.isArray(docs) ? docs : [docs as RuleDocs]));
  }
  return out;
}

/** The documentation of every rule, in no particular order (the pages follow RULES). */
export const RULE_DOCS: readonly RuleDocs[] = await load();

/** The documentation of each rule, by id. */
export const DOCS_BY_ID: ReadonlyMap<string, RuleDocs> = new Map(RULE_DOCS.map((d) => [d.id, d]));
