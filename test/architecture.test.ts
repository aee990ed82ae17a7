// The import graph of src/: no module imports itself back through others (a cycle), counting every import that
// runs — static or dynamic — and not the type-only ones, which TypeScript erases.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** The modules of src/ a file imports at run time (relative specifiers only). */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  const add = (spec: ts.Expression | undefined) => {
    if (spec && ts.isStringLiteral(spec) && spec.text.startsWith('.'))
      out.push(resolve(dirname(file), spec.text));
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings)
          ? clause.namedBindings.elements.every((e) => e.isTypeOnly)
          : false);
      if (!typeOnly) add(node.moduleSpecifier);
    } else if (ts.isExportDeclaration(node)) {
      if (!node.isTypeOnly) add(node.moduleSpecifier);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The strongly connected components of more than one module (Tarjan): each is an import cycle. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.map((f) => relative(SRC, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return found;
}

describe('the import graph of src/', () => {
  const graph = new Map(sourceFiles(SRC).map((f) => [f, runtimeImports(f)]));

  it('reads the imports it checks (static, dynamic and re-exports)', () => {
    const main = graph.get(join(SRC, 'cli/main.ts'))!;
    expect(main).toContain(join(SRC, 'cli/commands/index.ts'));
    const extract = graph.get(join(SRC, 'cli/commands/extract.ts'))!;
    expect(extract).toContain(join(SRC, 'cli/process.ts')); // a dynamic import()
    expect(graph.size).toBeGreaterThan(100);
  });

  it('has no import cycle between modules', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const a = join(SRC, 'a.ts');
    const b = join(SRC, 'b.ts');
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toEqual([['a.ts', 'b.ts']]);
  });
});

describe('the layer table of design.md, enforced by lint', () => {
  const eslint = new ESLint();
  const banned = async (file: string, code: string) =>
    (await eslint.lintText(code, { filePath: file }))[0]!.messages
      .filter((m) => m.ruleId === 'no-restricted-imports')
      .map((m) => m.message.replace(/ import is restricted.*$/, ''));

  it.each([
    ['src/model/formats/probe.ts', "import { readText } from '../../read/text.ts';"],
    ['src/read/pdf/probe.ts', "import { extract } from '../../extract/index.ts';"],
    ['src/read/probe.ts', "import { FORMAT_2019 } from '../model/formats/index.ts';"],
    ['src/extract/stream/probe.ts', "import { check } from '../../check.ts';"],
    ['src/aggregate/probe.ts', "import { RULES } from '../rules/index.ts';"],
    ['src/render/report/probe.ts', "import { openStore } from '../../store/index.ts';"],
    ['src/store/probe.ts', "import { main } from '../cli/main.ts';"],
    ['src/rules/probe.ts', "import { readText } from '../read/text.ts';"],
    ['src/rules/docs/probe.ts', "import { extract } from '../../extract/index.ts';"],
    ['src/render/diagnostics/probe.ts', "import { RULES } from '../../rules/index.ts';"],
    ['src/findings/probe.ts', "import { RULES } from '../rules/index.ts';"],
    ['src/model/probe.ts', "import { finding } from '../findings/index.ts';"],
    ['web/src/pages/probe.tsx', "import { openStore } from '../../../src/store/index.ts';"],
    ['web/src/probe.ts', "import { renderHtml } from '../../src/render/report/html.ts';"],
    ['web/src/probe.ts', "import { buildServer } from '../../src/server/app.ts';"],
    ['web/src/probe.ts', "import { readFileSync } from 'node:fs';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await banned(file, `${code}\nexport const used = 1;\n`)).toHaveLength(1);
  });

  it('lets a layer import the layers below it, and tests import anything', async () => {
    expect(await banned('src/rules/probe.ts', "import { exactSum } from '../aggregate/sum.ts';\n")).toEqual(
      [],
    );
    expect(
      await banned('src/read/probe.test.ts', "import { extract } from '../extract/index.ts';\n"),
    ).toEqual([]);
    // The browser app: the model, the rules, the official layout and the API's types.
    for (const code of [
      "import { formatOf } from '../../src/model/formats/index.ts';",
      "import { RULES } from '../../src/rules/index.ts';",
      "import { officialLayout } from '../../src/render/layout.ts';",
      "import type { ListedSchema } from '../../src/server/schemas.ts';",
    ])
      expect(await banned('web/src/probe.ts', `${code}\nexport const used = 1;\n`)).toEqual([]);
    // Every stage reports through the findings registry.
    for (const stage of ['read', 'extract', 'aggregate', 'rules'])
      expect(
        await banned(`src/${stage}/probe.ts`, "import { finding } from '../findings/index.ts';\n"),
      ).toEqual([]);
  });
});
