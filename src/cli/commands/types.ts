// A CLI command is a module: its name and how it registers itself on the commander program (ESLint's one file
// per formatter, applied to commands). main.ts only walks the registry in commands/index.ts.
import { Option, type Command } from 'commander';
import { defaultJobs } from '../batch.ts';
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

/** -j, --jobs N. */
export function jobsOption(): Option {
  return new Option(
    '-j, --jobs <n>',
    'worker threads for a batch (default: cores − 1; in-process on 2 cores or fewer)',
  ).default(String(defaultJobs()));
}

/** The number of worker threads asked for (1 for anything but a positive integer). */
export function jobsOf(value: string): number {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
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
