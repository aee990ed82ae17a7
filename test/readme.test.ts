// The README's quick start is the contract of a fresh clone: exactly two commands, both backed by package.json.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runNode } from './support/cli.ts';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

/** The lines of the first code block after the "Quick start" heading. */
function quickStart(): string[] {
  const m = /^#+\s*Quick start[^\n]*\n[\s\S]*?^```[^\n]*\n([\s\S]*?)^```/im.exec(readme);
  if (!m) throw new Error('README.md has no "Quick start" heading followed by a code block');
  return m[1]!.trimEnd().split('\n');
}

describe('README quick start', () => {
  it('is exactly `npm install && npm start` and `npm test`', () => {
    expect(quickStart()).toEqual(['npm install && npm start', 'npm test']);
  });

  it('matches the start and test scripts of package.json', () => {
    expect(pkg.scripts.start).toBe('node bin/nianbao.js check-samples');
    expect(pkg.scripts.test).toMatch(/vitest run/);
  });

  it('`npm start` runs: every bundled sample is extracted and the command exits 0', async () => {
    const [cmd, ...args] = pkg.scripts.start!.split(/\s+/);
    expect(cmd).toBe('node');
    const { code, stdout, stderr } = await runNode(args);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const samples = readdirSync(join(ROOT, 'examples/reports')).filter((n) => !n.startsWith('.'));
    expect(samples.length).toBeGreaterThan(0);
    for (const name of samples) expect(stdout).toContain(name);
  });

  it('links the architecture page, states the licence and has no TODO left', () => {
    expect(readme).not.toMatch(/TODO/);
    expect(readme).toContain('docs/architecture.md');
    expect(readme).toMatch(/MIT/);
  });
});
