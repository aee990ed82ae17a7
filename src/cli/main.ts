// The command line: argv → calls into the library → exit code. The only place that prints (design.md, layers).
// Each command is a module of commands/ (COMMANDS); this file builds the program from them and runs it.
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands/index.ts';
import { EXIT, processIo, UsageError, version, type Io } from './io.ts';

export { EXIT, processIo, type Io } from './io.ts';

/** Builds the commander program; actions leave their exit code in `result.code`. */
function program(io: Io, result: { code: number }): Command {
  const cmd = new Command('nianbao')
    .description(
      '读取、核对政府信息公开工作年度报告 — read and check annual reports on government information disclosure',
    )
    .version(version(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.out(s), writeErr: (s) => io.err(s) })
    // A usage error is one line and where to look, not the whole help (ESLint, git).
    .showHelpAfterError('(nianbao --help, or nianbao <command> --help, lists the options)')
    .addHelpText(
      'after',
      `
Exit codes (every command): 0 done, no error; 1 some finding of severity error;
2 a usage or configuration error (refused before any file is read), or some
input that could not be read (the other files are still processed).`,
    );
  const context = { io, exit: (code: number) => void (result.code = code) };
  for (const c of COMMANDS) c.register(cmd, context);
  return cmd;
}

/** Runs the CLI on arguments (without node and the script) and returns the exit code; never exits the process. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const result = { code: EXIT.ok as number };
  try {
    await program(io, result).parseAsync(argv, { from: 'user' });
    return result.code;
  } catch (error) {
    // exitOverride turns commander's own exits (help, version, usage errors) into exceptions carrying the code.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof UsageError) {
      io.err(`nianbao: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
