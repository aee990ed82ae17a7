// Meta-test of design.md principle 6 (one rule, one file, one doc, one test table): every registered rule has its
// page and a test table exercising each of its messages, the pages name only registered rules, and the commands the
// pages show give exactly the output they show (the examples are run by the tests, as ESLint's are).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { docName } from '../src/model/cells.ts';
import { RULES } from '../src/rules/index.ts';
import { DOCS_DIR, EXAMPLES_DIR, ROOT, docPath, runCli } from '../scripts/rule-docs.ts';
import { DOCS_BY_ID, RULE_DOCS, RULES_DIR } from '../scripts/rule-docs/registry.ts';
import type { RuleDocs } from '../src/rules/docs/kit.ts';

const REGENERATE = 'run `npm run docs:rules` (scripts/rule-docs.ts) to regenerate docs/rules/';
const registered = new Set(RULES.map((r) => r.meta.id));
const pages = new Set(RULES.map((r) => `${docName(r.meta.id)}.md`));

/** The rule test files, by name. */
const TESTS = new Map(
  readdirSync(RULES_DIR)
    .filter((n) => n.endsWith('.test.ts'))
    .map((n) => [n, readFileSync(join(RULES_DIR, n), 'utf8')]),
);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The test files that hold a rule's test table. A rule with a file of its own (src/rules/<id>.ts) is tested where
 * that file is imported and `testRule` is called; a rule defined in a shared file (the extraction rules) where its
 * id is written as a string and `testRule` is called (src/rules/extraction.test.ts keys its cases by id).
 */
function testFilesOf(id: string): { files: string[]; ownFile: boolean } {
  const ownFile = !id.includes('/') && existsSync(join(RULES_DIR, `${id}.ts`));
  const mentions = ownFile
    ? new RegExp(`from\\s+['"]\\./${escape(id)}(?:\\.ts|\\.js)?['"]`)
    : new RegExp(`['"]${escape(id)}['"]`);
  const files = [...TESTS].filter(([, text]) => mentions.test(text) && /\btest(?:Table)?Rule\(/.test(text));
  return { files: files.map(([n]) => n), ownFile };
}

/** Whether a messageId is exercised by an invalid case: `messageId: 'x'`, or (cases built by a helper) `'x'`. */
function tested(messageId: string, files: readonly string[], ownFile: boolean): boolean {
  const named = new RegExp(`messageId:\\s*['"]${escape(messageId)}['"]`);
  const literal = new RegExp(`['"]${escape(messageId)}['"]`);
  return files.some((f) => named.test(TESTS.get(f)!) || (!ownFile && literal.test(TESTS.get(f)!)));
}

/** Where a rule's docs belong: beside its file, or in the module of its id group (read/…, extract/…). */
const docsFileOf = (id: string) =>
  existsSync(join(RULES_DIR, `${id}.ts`))
    ? `src/rules/${id}.docs.ts`
    : `src/rules/docs/${id.split('/')[0]}.ts`;

describe('the docs registry holds one RuleDocs per registered rule, and none for anything else', () => {
  it('every registered rule has its docs', () => {
    const missing = RULES.map((r) => r.meta.id).filter(
      (id) => !DOCS_BY_ID.has(id) || !existsSync(join(ROOT, docsFileOf(id))),
    );
    expect(
      missing.map((id) => `${id} (${docsFileOf(id)})`),
      'rules without docs: write them (export const docs)',
    ).toEqual([]);
  });

  it('every docs entry documents a registered rule, once', () => {
    const ids = RULE_DOCS.map((d) => d.id);
    expect(
      ids.filter((id) => !registered.has(id)),
      'docs of ids no rule has: remove them or register the rule',
    ).toEqual([]);
    expect(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      'ids documented twice',
    ).toEqual([]);
  });

  it('each src/rules/<id>.docs.ts documents rule <id>', async () => {
    const wrong: string[] = [];
    for (const name of readdirSync(RULES_DIR).filter((n) => n.endsWith('.docs.ts'))) {
      const id = name.slice(0, -'.docs.ts'.length);
      const { docs } = (await import(pathToFileURL(join(RULES_DIR, name)).href)) as { docs?: RuleDocs };
      if (!existsSync(join(RULES_DIR, `${id}.ts`))) wrong.push(`${name}: no rule file src/rules/${id}.ts`);
      else if (docs?.id !== id) wrong.push(`${name}: documents ${docs?.id ?? 'nothing'}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('every registered rule has a page, a test table and a test of each message', () => {
  for (const rule of RULES) {
    const { id } = rule.meta;
    describe(id, () => {
      it(`has its page ${docPath(id)}`, () => {
        const hint = DOCS_BY_ID.has(id) ? '' : `add its docs (${docsFileOf(id)}), `;
        expect(
          existsSync(join(ROOT, docPath(id))),
          `${docPath(id)} is missing: ${hint}then ${REGENERATE}`,
        ).toBe(true);
        const page = readFileSync(join(ROOT, docPath(id)), 'utf8');
        // The page states the rule's current title and severity.
        expect(page, `${docPath(id)} is out of date: ${REGENERATE}`).toContain(
          `# ${id} — ${rule.meta.title.zh}\n`,
        );
        expect(page, `${docPath(id)} is out of date: ${REGENERATE}`).toContain(
          `**严重程度 Severity**：${rule.meta.severity}（`,
        );
      });

      it('has a test table in src/rules/*.test.ts', () => {
        const { files } = testFilesOf(id);
        expect(
          files,
          `no test table for ${id}: call testRule(rule, { valid, invalid }) or testTableRule in src/rules/${docName(id)}.test.ts`,
        ).not.toEqual([]);
      });

      it('has an invalid case for each of its messages', () => {
        const { files, ownFile } = testFilesOf(id);
        const untested = Object.keys(rule.meta.messages).filter((m) => !tested(m, files, ownFile));
        expect(
          untested,
          `messages of ${id} no test exercises (as messageId: '…' in ${files.join(', ') || 'its test table'})`,
        ).toEqual([]);
      });
    });
  }
});

describe('the pages name only registered rules', () => {
  const mdFiles = readdirSync(join(ROOT, DOCS_DIR)).filter((n) => n.endsWith('.md'));
  // Rule ids as they are written: T3-1, X-4, read/…, extract/…, internal/…, aggregate/…, and kebab-case names.
  // A rule's message ids are written like kebab-case ids too (aggregate/mixed-years's `mixed-years`).
  const MESSAGE_IDS = new Set(RULES.flatMap((r) => Object.keys(r.meta.messages)));
  const ID = /^(?:[TX]\d+-\d+|(?:read|extract|internal|aggregate)\/[a-z][a-z0-9-]*|[a-z]+(?:-[a-z]+)+)$/;

  it('every page and example file belongs to a registered rule', () => {
    const orphans = [
      ...mdFiles.filter((n) => n !== 'README.md' && !pages.has(n)).map((n) => `${DOCS_DIR}/${n}`),
      ...readdirSync(join(ROOT, EXAMPLES_DIR))
        .filter((n) => !pages.has(n.replace(/\.(?:correct|incorrect|previous|member-\d+)\.txt$/, '.md')))
        .map((n) => `${EXAMPLES_DIR}/${n}`),
    ];
    expect(orphans, `files of rules that are not registered: ${REGENERATE}`).toEqual([]);
  });

  it.each(mdFiles)('%s', (name) => {
    const text = readFileSync(join(ROOT, DOCS_DIR, name), 'utf8');
    const prose = text.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, ''); // code blocks are the examples
    const unknown = new Set<string>();
    const title = /^# (\S+) — /m.exec(prose)?.[1];
    if (title && !registered.has(title)) unknown.add(title);
    for (const m of prose.matchAll(/\]\(([^)#\s]+\.md)(?:#[^)]*)?\)/g))
      if (!m[1]!.includes('/') && m[1] !== 'README.md' && !pages.has(m[1]!)) unknown.add(m[1]!);
    for (const m of prose.matchAll(/`([^`\n]+)`/g))
      if (ID.test(m[1]!) && !registered.has(m[1]!) && !MESSAGE_IDS.has(m[1]!)) unknown.add(m[1]!);
    expect([...unknown], `${DOCS_DIR}/${name} names rules that are not registered`).toEqual([]);
  });

  it('the index lists every registered rule', () => {
    const index = readFileSync(join(ROOT, DOCS_DIR, 'README.md'), 'utf8');
    const missing = RULES.map((r) => r.meta.id).filter(
      (id) => !index.includes(`| \`${id}\` |`) || !index.includes(`(${docName(id)}.md)`),
    );
    expect(missing, `${DOCS_DIR}/README.md is out of date: ${REGENERATE}`).toEqual([]);
  });
});

/** The commands of a page's console blocks and the output shown after each. */
function consoleCommands(text: string): { command: string; shown: string }[] {
  const out: { command: string; shown: string }[] = [];
  for (const block of text.matchAll(/^(`{3,})console\n([\s\S]*?)\n\1$/gm)) {
    let current: { command: string; lines: string[] } | null = null;
    const flush = () => current && out.push({ command: current.command, shown: current.lines.join('\n') });
    for (const line of block[2]!.split('\n')) {
      if (line.startsWith('$ ')) {
        flush();
        current = { command: line.slice(2).trim(), lines: [] };
      } else current?.lines.push(line);
    }
    flush();
  }
  return out;
}

/** Output with trailing whitespace removed from each line and at the end. */
const normalize = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');

describe('the commands of the pages give the output they show', () => {
  for (const rule of RULES) {
    const path = docPath(rule.meta.id);
    it(path, async () => {
      if (!existsSync(join(ROOT, path))) return; // reported above
      const commands = consoleCommands(readFileSync(join(ROOT, path), 'utf8'));
      // A finding no file given to `nianbao check` shows (a regional sum's, a bug's) has a page without examples.
      if (DOCS_BY_ID.get(rule.meta.id)?.unshown) expect(commands, path).toEqual([]);
      else
        expect(
          commands.length,
          `${path} shows no \`nianbao check\` command: ${REGENERATE}`,
        ).toBeGreaterThanOrEqual(2);
      for (const { command, shown } of commands) {
        const [program, ...argv] = command.split(/\s+/);
        expect(program, `${path}: a console command that is not nianbao: ${command}`).toBe('nianbao');
        const { output } = await runCli(argv);
        expect(normalize(output), `${path}: the output of \`${command}\` has changed: ${REGENERATE}`).toBe(
          normalize(shown),
        );
      }
    });
  }
});
