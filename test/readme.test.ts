// The README's quick start is the contract of a fresh clone: exactly two commands, both backed by package.json.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, startProcess } from './support/cli.ts';

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
    expect(pkg.scripts.start).toBe('node scripts/start.mjs');
    expect(pkg.scripts.test).toMatch(/vitest run/);
  });

  it('`npm start` serves the web app with the samples imported, once, and stops cleanly', async () => {
    const db = mkdtempSync(join(tmpdir(), 'nianbao-start-'));
    try {
      const [cmd, ...args] = pkg.scripts.start!.split(/\s+/);
      expect(cmd).toBe('node');
      const samples = readdirSync(join(ROOT, 'examples/reports')).filter((n) => !n.startsWith('.'));
      expect(samples.length).toBeGreaterThan(0);
      for (const round of [1, 2]) {
        const server = await startProcess([...args, '--port', '0', '--db', db]);
        try {
          const page = await fetch(server.url);
          expect(page.status).toBe(200);
          const html = await page.text();
          expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/);
          expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
          const list = (await (await fetch(`${server.url}api/reports`)).json()) as {
            total: number;
            items: { fileName: string }[];
          };
          expect(list.total).toBe(samples.length);
          expect(list.items.map((r) => r.fileName).sort()).toEqual(
            samples.map((n) => `examples/reports/${n}`),
          );
        } finally {
          const { code, stderr } = await server.stop();
          expect(code).toBe(0);
          expect(stderr).toMatch(
            round === 1
              ? new RegExp(`${samples.length} of the ${samples.length} sample reports imported`)
              : new RegExp(`the ${samples.length} sample reports are in the library`),
          );
        }
      }
    } finally {
      rmSync(db, { recursive: true, force: true });
    }
  });

  it('links the architecture page, states the licence and has no TODO left', () => {
    expect(readme).not.toMatch(/TODO/);
    expect(readme).toContain('docs/architecture.md');
    expect(readme).toMatch(/MIT/);
  });
});
