// The command run in-process for end-to-end tests: main(argv, io) with captured output, from the project root.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main, type Io } from '../../src/cli/main.ts';

/** The project root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The bundled sample reports, relative to the root, sorted. */
export const SAMPLES = readdirSync(join(ROOT, 'examples/reports'))
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((n) => `examples/reports/${n}`);

/** The bundled sample whose name starts with a number ("002"). */
export const SAMPLE = (n: string): string => SAMPLES.find((s) => s.startsWith(`examples/reports/${n}_`))!;

/** Runs the CLI in-process with captured output (no colours unless asked), from the project root by default. */
export async function runMain(
  argv: string[],
  io: Partial<Io> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    out: async (s) => void (stdout += s),
    err: (s) => void (stderr += s),
    cwd: ROOT,
    ...io,
  });
  return { code, stdout, stderr };
}

/** Runs `node ARGS` as a child process in the project root (`['bin/nianbao.js', …]` for the command itself). */
export function runNode(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A server started as a child process (`node ARGS` printing its URL on stdout): its URL, and how to stop it. */
export interface ServerProcess {
  url: string;
  /** SIGTERM, then the exit code and all of stderr. */
  stop(): Promise<{ code: number | null; stderr: string }>;
}

/** Starts `node ARGS` in the project root and resolves once it prints an http:// URL (rejects if it exits first). */
export function startProcess(args: string[], timeoutMs = 90_000): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    const closed = new Promise<number | null>((done) => child.on('close', done));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no URL printed in ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
      const url = /https?:\/\/\S+\//.exec(stdout)?.[0];
      if (!url) return;
      clearTimeout(timer);
      resolve({
        url,
        stop: async () => {
          child.kill('SIGTERM');
          return { code: await closed, stderr };
        },
      });
    });
    child.on('error', reject);
    void closed.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before printing a URL; stderr: ${stderr}`));
    });
  });
}
