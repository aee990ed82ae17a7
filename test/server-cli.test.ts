// nianbao serve: prints the URL, listens on loopback, answers over real HTTP, stops when told; bad options exit 2.
import { describe, expect, it } from 'vitest';
import { runServe } from '../src/cli/serve.ts';
import { runMain } from './support/cli.ts';

describe('nianbao serve', () => {
  it('prints the URL on loopback and serves the API until stopped', async () => {
    let stdout = '';
    let stderr = '';
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    let printed!: (url: string) => void;
    const url = new Promise<string>((resolve) => (printed = resolve));
    const run = runServe(
      { db: 'memory:', port: 0, host: '127.0.0.1', maxFileSize: 50, ocr: false, lang: 'zh' },
      {
        out: async (s) => {
          stdout += s;
          printed(s.trim());
        },
        err: (s) => void (stderr += s),
      },
      stopped,
    );
    const base = await url;
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(stderr).toContain(`${base}api/docs`);
    const health = await fetch(`${base}api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });
    const forged = await fetch(`${base}api/check`, { method: 'POST', body: '{}' });
    expect(forged.status).toBe(403);
    stop();
    expect(await run).toBe(0);
    expect(stdout).toBe(`${base}\n`);
    await expect(fetch(`${base}api/health`)).rejects.toThrow();
  });

  it('refuses a bad port or size before starting', async () => {
    const port = await runMain(['serve', '--db', 'memory:', '--port', '99999']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port');
    const size = await runMain(['serve', '--db', 'memory:', '--max-file-size', 'big']);
    expect(size.code).toBe(2);
    // The limits of a file's reading, as extract's and check's.
    const timeout = await runMain(['serve', '--db', 'memory:', '--timeout', 'soon']);
    expect([timeout.code, timeout.stderr]).toEqual([
      2,
      expect.stringMatching(/--timeout[\s\S]*a whole number/),
    ]);
    const memory = await runMain(['serve', '--db', 'memory:', '--max-memory', '10']);
    expect([memory.code, memory.stderr]).toEqual([2, expect.stringMatching(/--max-memory[\s\S]*from 64/)]);
    const help = await runMain(['serve', '--help']);
    expect(help.stdout).toMatch(
      /--port <n>[\s\S]*--host <address>[\s\S]*--db <location>|--db <location>[\s\S]*--port/,
    );
    expect(help.stdout).toContain('X-Nianbao: 1');
  });
});
