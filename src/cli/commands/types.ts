// A CLI command is a module: its name and how it registers itself on the commander program (ESLint's one file
// per formatter, applied to commands). main.ts only walks the registry in commands/index.ts.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT, defaultJobs } from '../batch.ts';
import type { Io } from '../io.ts';

/** Language of the messages. */
export type Lang = 'zh' | 'en';

/** What an action needs: where to write, and where to leave its exit code. */
export interface CommandContext {
  io: Io;
  /** Records the command's exit code (main returns it). */
  exit(code: number): void;
}

/** One command of the CLI. */
export interface CliCommand {
  readonly name: string;
  /** Adds the command, its options, help and action to `program`. */
  register(program: Command, context: CommandContext): void;
}

/** --no-ocr. */
export function ocrOption(): Option {
  return new Option(
    '--no-ocr',
    'leave scanned PDF pages unread instead of reading them by OCR (3–5 s a page)',
  );
}

/** -j, --jobs N: a whole number from 1, refused before any file is read. */
export function jobsOption(): Option {
  return new Option(
    '-j, --jobs <n>',
    'files read at once, on worker threads (default: cores − 1; 1 on 2 cores or fewer, where small text files are read in-process)',
  )
    .default(defaultJobs())
    .argParser((value: string) => {
      if (!/^\d+$/.test(value.trim()) || Number(value) < 1)
        throw new InvalidArgumentError('应为正整数，例如 --jobs 2 (a whole number from 1, e.g. --jobs 2)');
      return Number(value);
    });
}

/** --timeout SECONDS: the time a file may take, 0 for none (a whole number, refused before any file is read). */
export function timeoutOption(): Option {
  return new Option(
    '--timeout <seconds>',
    'stop a file still being read after SECONDS, named with read/timeout; the batch goes on (0: no limit)',
  )
    .default(DEFAULT_TIMEOUT)
    .argParser(wholeNumber('--timeout'));
}

/** --max-memory MB: the heap of each worker thread (a whole number from 64). */
export function maxMemoryOption(): Option {
  return new Option(
    '--max-memory <mb>',
    'heap of each worker thread in MB; a file needing more is stopped, named with read/too-large',
  )
    .default(DEFAULT_MAX_MEMORY)
    .argParser((value: string) => {
      if (!/^\d+$/.test(value.trim()) || Number(value) < 64)
        throw new InvalidArgumentError(
          '应为不小于 64 的整数（MB），例如 --max-memory 2048 (a whole number of MB from 64, e.g. --max-memory 2048)',
        );
      return Number(value);
    });
}

/** An absolute URL of a folder (a "/" added at the end when it has none), for --docs-url. */
export function absoluteUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('应为绝对网址，例如 https://example.org/docs/rules/ (an absolute URL)');
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** A whole number from 0, for options like --max-warnings N. */
export function wholeNumber(flag: string): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value.trim()))
      throw new InvalidArgumentError(`应为非负整数，例如 ${flag} 10 (a whole number, e.g. ${flag} 10)`);
    return Number(value);
  };
}

/** A calendar date YYYY-MM-DD that exists (2021-13-45 does not), for --published-at. */
export function dateArgument(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3]))
    throw new InvalidArgumentError(
      '应为存在的日期 YYYY-MM-DD，例如 2022-01-31 (a calendar date YYYY-MM-DD, e.g. 2022-01-31)',
    );
  return m[0];
}

/** --lang zh|en. */
export function langOption(): Option {
  return new Option('--lang <lang>', 'language of the messages').choices(['zh', 'en']).default('zh');
}

/** --db LOCATION, for the library commands. */
export function dbOption(): Option {
  return new Option(
    '--db <location>',
    'the database: a directory (PGlite), memory:, or a postgres:// URL',
  ).default(undefined, 'NIANBAO_DB, else ./data/nianbao');
}

/** The input files argument's help. */
export const FILES_HELP =
  'report files or folders (text, HTML, DOCX, DOC, PDF, XLSX; folders are read recursively)';
