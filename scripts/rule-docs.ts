// Generates docs/rules/: per registered rule a correct and an incorrect example report, run through the real
// `nianbao check`, and a page (what, why, how to fix, the excerpts and the exact output); plus the index README.md.
//
//   node --import tsx scripts/rule-docs.ts          every registered rule (stale pages and examples removed)
//   node --import tsx scripts/rule-docs.ts T3-1 …   only these rules (nothing removed)
//
// The prose and the examples sit beside each rule (src/rules/<id>.docs.ts; src/rules/docs/read.ts and extract.ts for
// the stage findings), found there by scripts/rule-docs/registry.ts; test/rules-docs.test.ts re-runs every command of the
// pages and fails when an output differs, so run `npm run docs:rules` after changing a rule or its docs.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { docName } from '../src/model/cells.ts';
import { main } from '../src/cli/main.ts';
import type { Kind } from '../src/rules/docs/kit.ts';
import { RULES } from '../src/rules/index.ts';
import type { Rule } from '../src/rules/types.ts';
import { changed, rangesOf } from './rule-docs/excerpt.ts';
import {
  DOCS_DIR,
  EXAMPLES_DIR,
  ROOT,
  argsOf,
  docPath,
  exampleFiles,
  examplePath,
  extraFiles,
} from './rule-docs/files.ts';
import { exampleSection, extraList, page, pdfSection, readme } from './rule-docs/page.ts';
import { DOCS_BY_ID, RULE_DOCS } from './rule-docs/registry.ts';

export { DOCS_DIR, EXAMPLES_DIR, ROOT, docPath };

/** Runs the CLI in-process in the root, as `nianbao ARGV` would; standard output and error in the order written. */
export async function runCli(argv: readonly string[]): Promise<{ code: number; output: string }> {
  let output = '';
  const code = await main([...argv], {
    out: async (text) => {
      output += text;
    },
    err: (text) => {
      output += text;
    },
    color: false,
    cwd: ROOT,
  });
  return { code, output };
}

/** Generates the examples and the page of one rule; returns the problems found (none when all went well). */
async function generateRule(rule: Rule, registered: ReadonlySet<string>): Promise<string[]> {
  const { id } = rule.meta;
  const docs = DOCS_BY_ID.get(id);
  if (!docs) return [`${id}: no docs — add them in src/rules/${docName(id)}.docs.ts (export const docs)`];
  const { example } = docs;
  if (!example) {
    if (!docs.unshown) return [`${id}: no example and no word on why (unshown)`];
    writeFileSync(join(ROOT, docPath(id)), page(rule, docs, undefined, registered));
    return [];
  }
  const problems: string[] = [];

  let files: Record<Kind, Uint8Array>;
  try {
    files = exampleFiles(example);
  } catch (error) {
    return [`${id}: the examples cannot be made: ${(error as Error).message}`];
  }
  let extra: ReturnType<typeof extraFiles>;
  try {
    extra = extraFiles(id, example);
  } catch (error) {
    return [`${id}: the examples cannot be made: ${(error as Error).message}`];
  }
  mkdirSync(join(ROOT, EXAMPLES_DIR), { recursive: true });
  for (const kind of ['correct', 'incorrect'] as const)
    if (kind === 'incorrect' && example.missing) rmSync(join(ROOT, examplePath(id, kind)), { force: true });
    else writeFileSync(join(ROOT, examplePath(id, kind)), files[kind]);
  for (const [path, bytes] of Object.entries(extra.files)) writeFileSync(join(ROOT, path), bytes);

  // The examples must show the rule: nothing at all on the correct one, the rule's finding on the incorrect one.
  // Standard output only: an unreadable example (a scanned PDF) also names itself on standard error.
  const diagnosticsOf = async (kind: Kind) => {
    let json = '';
    await main(['check', '--format', 'json', ...argsOf(example, kind, extra.args), examplePath(id, kind)], {
      out: async (text) => void (json += text),
      err: () => {},
      color: false,
      cwd: ROOT,
    });
    return (JSON.parse(json) as { diagnostics: { ruleId: string; message: string }[] }[])[0]!.diagnostics;
  };
  const found = { correct: await diagnosticsOf('correct'), incorrect: await diagnosticsOf('incorrect') };
  if (found.correct.length)
    problems.push(
      `${id}: the correct example has findings: ${found.correct.map((d) => `${d.ruleId} ${d.message}`).join('; ')}`,
    );
  if (!found.incorrect.some((d) => d.ruleId === id))
    problems.push(
      `${id}: the incorrect example does not trigger the rule (found: ${found.incorrect.map((d) => d.ruleId).join(', ') || 'nothing'})`,
    );
  if (problems.length) return problems;
  const others = [...new Set(found.incorrect.map((d) => d.ruleId).filter((r) => r !== id))];
  if (others.length) console.log(`  ${id}: the incorrect example also triggers ${others.join(', ')}`);

  const decode = (b: Uint8Array) => new TextDecoder().decode(b).split('\n');
  const lines = { correct: decode(files.correct), incorrect: decode(files.incorrect) };
  const diff = changed(lines.correct, lines.incorrect);
  const sectionsByKind = { extra: extraList(id, example, extra.files) } as Record<Kind, string> & {
    extra?: string;
  };
  for (const kind of ['correct', 'incorrect'] as const) {
    const args = argsOf(example, kind, extra.args);
    const { output } = await runCli(['check', ...args, examplePath(id, kind)]);
    if (kind === 'incorrect' && (example.pdf || example.missing)) {
      sectionsByKind[kind] = pdfSection(id, output, example.missing);
      continue;
    }
    const ranges = rangesOf(lines[kind], kind === 'correct' ? diff.a : diff.b, example);
    sectionsByKind[kind] = exampleSection(id, kind, lines[kind], ranges, output, args);
  }
  writeFileSync(join(ROOT, docPath(id)), page(rule, docs, example, registered, sectionsByKind));
  return problems;
}

/** Generates the pages of `only` (every registered rule when empty); returns the process exit code. */
export async function generate(only: readonly string[] = []): Promise<number> {
  const registered = new Set(RULES.map((r) => r.meta.id));
  const unknown = only.filter((id) => !registered.has(id));
  if (unknown.length) {
    console.error(`rule-docs: not registered: ${unknown.join(', ')}`);
    return 1;
  }
  // A smoke run: the CLI has the check command.
  const smoke = await runCli(['check', '--help']);
  if (smoke.code !== 0) {
    console.error(`rule-docs: \`nianbao check\` is not available:\n${smoke.output}`);
    return 1;
  }
  const rules = RULES.filter((r) => only.length === 0 || only.includes(r.meta.id));
  mkdirSync(join(ROOT, EXAMPLES_DIR), { recursive: true });
  const problems: string[] = [];
  const failed = new Set<string>();
  for (const rule of rules) {
    const p = await generateRule(rule, registered);
    if (p.length) failed.add(rule.meta.id);
    problems.push(...p);
  }
  writeFileSync(join(ROOT, DOCS_DIR, 'README.md'), readme(RULES));
  if (only.length === 0) {
    // Pages and examples of rules no longer registered are removed; those of failed rules are kept as they were.
    const keep = new Set(['README.md']);
    for (const id of registered) {
      keep.add(`${docName(id)}.md`);
      for (const kind of ['correct', 'incorrect', 'previous']) keep.add(`${docName(id)}.${kind}.txt`);
      DOCS_BY_ID.get(id)
        ?.example?.members?.()
        .forEach((_, i) => keep.add(`${docName(id)}.member-${i + 1}.txt`));
    }
    for (const dir of [DOCS_DIR, EXAMPLES_DIR])
      for (const name of readdirSync(join(ROOT, dir)))
        if (/\.(md|txt)$/.test(name) && !keep.has(name)) {
          rmSync(join(ROOT, dir, name));
          console.log(`  removed ${dir}/${name} (no such rule)`);
        }
  }
  const ahead = RULE_DOCS.map((d) => d.id).filter((id) => !registered.has(id));
  if (ahead.length) console.log(`  docs written ahead for rules not registered: ${ahead.join(', ')}`);
  console.log(
    `rule-docs: ${rules.length - failed.size} of ${rules.length} rule pages written in ${DOCS_DIR}/`,
  );
  if (problems.length) {
    console.error(problems.map((p) => `rule-docs: ${p}`).join('\n'));
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await generate(process.argv.slice(2));
}
