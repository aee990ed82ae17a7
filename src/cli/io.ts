// Where the CLI writes, and its exit codes: shared by every command module (they import this, never main.ts).
import { readFileSync } from 'node:fs';
import { terminalText, visible } from '../render/visible.ts';

/** Where the CLI writes; the defaults are the process streams, tests pass their own. */
export interface Io {
  /** Writes to standard output, resolving once the text is accepted (back-pressure for long batches). */
  out(text: string): Promise<void>;
  /** Writes to standard error. */
  err(text: string): void;
  /** Whether standard output takes ANSI colours (a terminal); off when absent. */
  color?: boolean;
  /** The current directory: relative file names and `.nianbaorc.json` are looked up in it (process.cwd() when absent). */
  cwd?: string;
  /** Whether standard error is a terminal (a progress bar redrawn in place rather than progress lines). */
  errTty?: boolean;
}

/**
 * Exit codes, as ESLint's: 0 no error; 1 some finding of severity error; 2 the command could not do its job as asked
 * — a usage or configuration error (refused before any file is read), or some input that could not be read (the
 * other files are still processed, and 2 wins over 1).
 */
export const EXIT = { ok: 0, errors: 1, usage: 2, unreadable: 2 } as const;

const write = (stream: NodeJS.WriteStream) => (text: string) =>
  new Promise<void>((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once('drain', resolve);
  });

const colours = () => Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

/**
 * The process's own standard output and error; colours only on a terminal, and never when NO_COLOR is set. What a
 * terminal would obey in the text (escape sequences, carriage returns, bidi overrides from a report's title or a
 * file's name) is made visible (src/render/visible.ts): JSON has none left to change (JSON.stringify escapes them);
 * only nianbao's own colours and the progress bar's carriage returns on standard error pass.
 */
export const processIo: Io = {
  out: (
    (raw) => (text: string) =>
      raw(terminalText(text, colours()))
  )(write(process.stdout)),
  err: (text) => void process.stderr.write(text.split('\r').map(visible).join('\r')),
  get color() {
    return colours();
  },
  get errTty() {
    return Boolean(process.stderr.isTTY);
  },
};

/** nianbao's version, from package.json. */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** A mistake in how the command was called, found while running it: main prints the message, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Runs `body` with its standard output going to `file` (-o FILE, relative to `cwd`) when one is given: written as a
 * new file beside the target and renamed into place at the end, so that a failed run leaves no half-written file.
 * Standard error stays the command's.
 */
export async function toOutput<T>(
  file: string | undefined,
  cwd: string,
  io: Io,
  body: (io: Io) => Promise<T>,
): Promise<T> {
  if (file === undefined) return body(io);
  const { createWriteStream } = await import('node:fs');
  const { rename, rm } = await import('node:fs/promises');
  const { resolve } = await import('node:path');
  const target = resolve(cwd, file);
  const partial = `${target}.${process.pid}.partial`;
  const stream = createWriteStream(partial);
  try {
    await new Promise<void>((ok, fail) => stream.once('open', () => ok()).once('error', fail));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`-o ${file}：无法写入该文件（${code}）(cannot write the file)`);
  }
  const out = (text: string) =>
    new Promise<void>((ok, fail) => {
      stream.write(text, (e) => (e ? fail(e) : ok()));
    });
  try {
    const result = await body({ ...io, out, color: false });
    await new Promise<void>((ok, fail) => stream.end((e?: Error | null) => (e ? fail(e) : ok())));
    await rename(partial, target);
    return result;
  } catch (error) {
    stream.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
