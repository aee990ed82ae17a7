// Where the CLI writes, and its exit codes: shared by every command module (they import this, never main.ts).
import { readFileSync } from 'node:fs';

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

/** The process's own standard output and error; colours only on a terminal, and never when NO_COLOR is set. */
export const processIo: Io = {
  out: write(process.stdout),
  err: (text) => void process.stderr.write(text),
  get color() {
    return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
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
