// The compiled code (scripts/build-dist.mjs): a fresh build runs and prints what the sources print, and the build
// record never lets stale code run — an edited, added or removed source makes dist/ stale, a touched one does not.
import { spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDist, entry, inputs, staleReason } from '../scripts/build-dist.mjs';
import { ROOT, SAMPLE, SAMPLES, runMain } from './support/cli.ts';

/** `node ARGS` in the project root with extra environment variables. */
function node(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Whether a process runs. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

describe('a fresh build of dist', () => {
  // Beside src/ at the same depth, so that the paths its modules find from import.meta.url lead to the same files.
  const out = join(ROOT, `.dist-${process.pid}`);
  /** Runs the fresh build's cli/main.js as the command does. */
  const fresh = (args: string[]) =>
    node([
      '--input-type=module',
      '-e',
      'const { main } = await import(process.argv[1]); process.exitCode = await main(process.argv.slice(2));',
      pathToFileURL(join(out, 'cli/main.js')).href,
      ...args,
    ]);
  beforeAll(async () => {
    // A build left by a run that died (ESLint would read it): removed when its process is gone.
    for (const name of readdirSync(ROOT).filter((n) => /^\.dist-\d+$/.test(n)))
      if (!alive(Number(name.slice('.dist-'.length))))
        rmSync(join(ROOT, name), { recursive: true, force: true });
    const { modules } = await buildDist(ROOT, out);
    expect(modules).toBe(inputs().filter((f) => f.startsWith('src/') && f.endsWith('.ts')).length);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is current, and has the files src/ reads at run time', () => {
    expect(staleReason(ROOT, out)).toBeNull();
    // The PGlite template, copied; the compiled worker is the task alone (no tsx, no choice).
    const template = inputs().find((f) => f.startsWith('src/store/template/'))!;
    expect(statSync(join(out, template.slice('src/'.length))).size).toBe(statSync(join(ROOT, template)).size);
    expect(readFileSync(join(out, 'cli/worker.mjs'), 'utf8')).toContain("from './worker-task.js'");
    expect(readFileSync(join(out, 'isolate/worker.mjs'), 'utf8')).toContain("from './task.js'");
    expect(readFileSync(join(out, 'cli/main.js'), 'utf8')).not.toMatch(/from "\.[^"]*\.ts"/);
  });

  it('prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await fresh(['--version']);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout.trim()).toBe(version);
  });

  it('extracts as the sources through tsx do, on one thread and on two workers', async () => {
    const three = SAMPLES.slice(0, 3);
    const [compiled, workers, source] = await Promise.all([
      fresh(['extract', '--format', 'json', SAMPLE('002')]),
      fresh(['extract', '--format', 'json', '--jobs', '2', ...three]),
      node(['bin/nianbao.js', 'extract', '--format', 'json', SAMPLE('002')], { NIANBAO_FROM: 'src' }),
    ]);
    expect(source.code).toBe(0);
    expect(compiled).toEqual(source);
    expect(JSON.parse(source.stdout)).toHaveLength(1);
    const inProcess = await runMain(['extract', '--format', 'json', '--jobs', '1', ...three]);
    expect(workers).toEqual({ code: inProcess.code, stdout: inProcess.stdout, stderr: inProcess.stderr });
  });
});

describe('the command', () => {
  // dist/ was built by the global setup (test/support/global-setup.ts).
  it('runs dist/ when it is current, and prints what NIANBAO_FROM=src prints', async () => {
    expect(entry('cli/main')).toMatchObject({ from: 'dist', reason: null });
    expect(entry('cli/main', ROOT, { NIANBAO_FROM: 'src' })).toMatchObject({ from: 'src' });
    const args = ['bin/nianbao.js', 'check', '--format', 'json', SAMPLE('001')];
    const [dist, src] = await Promise.all([
      node(args, { NIANBAO_FROM: 'dist' }),
      node(args, { NIANBAO_FROM: 'src' }),
    ]);
    expect(dist.stderr).toBe('');
    expect(dist).toEqual(src);
  });
});

describe('the build record', () => {
  let root: string;
  const write = (file: string, text: string) => {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'nianbao-dist-'));
    write('src/a.ts', "import { b } from './lib/b.ts';\nexport const a: number = b + 1;\n");
    write('src/lib/b.ts', 'export const b: number = 41;\n');
    write('src/a.test.ts', "import { a } from './a.ts';\nvoid a;\n");
    write('src/data/table.txt', 'a table read at run time\n');
    expect(staleReason(root)).toBe('no build');
    await buildDist(root);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('makes a build that runs, its imports made .js, its other files copied, its tests left out', async () => {
    expect(inputs(root)).toEqual(['src/a.ts', 'src/data/table.txt', 'src/lib/b.ts']);
    expect(staleReason(root)).toBeNull();
    const { a } = (await import(pathToFileURL(join(root, 'dist/a.js')).href)) as { a: number };
    expect(a).toBe(42);
    expect(readFileSync(join(root, 'dist/data/table.txt'), 'utf8')).toBe('a table read at run time\n');
    expect(() => statSync(join(root, 'dist/a.test.js'))).toThrow();
    expect(entry('a', root, {})).toMatchObject({
      from: 'dist',
      url: pathToFileURL(join(root, 'dist/a.js')).href,
    });
  });

  it('keeps a build whose sources were touched but not changed (a git checkout), and one whose tests changed', () => {
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'src/lib/b.ts'), later, later);
    write('src/a.test.ts', '// changed\n');
    expect(staleReason(root)).toBeNull();
  });

  it('finds an edit, even one of the same size, and then the sources are run', () => {
    const before = readFileSync(join(root, 'src/lib/b.ts'), 'utf8');
    write('src/lib/b.ts', before.replace('41', '40'));
    expect(staleReason(root)).toBe('src/lib/b.ts changed');
    expect(entry('a', root, {})).toEqual({
      from: 'src',
      url: pathToFileURL(join(root, 'src/a.ts')).href,
      reason: 'src/lib/b.ts changed',
    });
    expect(() => entry('a', root, { NIANBAO_FROM: 'dist' })).toThrow(
      /NIANBAO_FROM=dist, but dist\/ is stale/,
    );
    write('src/lib/b.ts', before);
    expect(staleReason(root)).toBeNull();
  });

  it('finds a file added or removed, a damaged record and a missing module', () => {
    write('src/c.ts', 'export const c = 1;\n');
    expect(staleReason(root)).toBe('src/c.ts is new');
    unlinkSync(join(root, 'src/c.ts'));
    unlinkSync(join(root, 'src/data/table.txt'));
    expect(staleReason(root)).toBe('src/data/table.txt was removed');
    write('src/data/table.txt', 'a table read at run time\n');
    expect(staleReason(root)).toBeNull();
    expect(entry('missing', root, {})).toMatchObject({ from: 'src', reason: 'dist/missing.js is missing' });
    const files = Object.fromEntries(inputs(root).map((f) => [f, 0]));
    writeFileSync(join(root, 'dist/.build.json'), JSON.stringify({ version: 1, files }));
    expect(staleReason(root)).toMatch(/^the sources could not be compared \(/);
    writeFileSync(join(root, 'dist/.build.json'), JSON.stringify({ version: 0, files }));
    expect(staleReason(root)).toBe('the build record is of another version');
    writeFileSync(join(root, 'dist/.build.json'), '{');
    expect(staleReason(root)).toBe('dist/ has no build record');
  });
});
