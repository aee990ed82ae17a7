// nianbao serve: the HTTP API over the library (src/server), on loopback unless --host says otherwise.
import { InvalidArgumentError, Option } from 'commander';
import type { ServeOptions } from '../serve.ts';
import { dbOption, langOption, maxMemoryOption, ocrOption, timeoutOption, type CliCommand } from './types.ts';

function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > 65535)
    throw new InvalidArgumentError(
      '应为 0–65535 的端口号，例如 --port 8080 (a port 0–65535, e.g. --port 8080)',
    );
  return n;
}

function megabytes(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || n <= 0)
    throw new InvalidArgumentError(
      '应为正数（MB），例如 --max-file-size 50 (a size in MB, e.g. --max-file-size 50)',
    );
  return n;
}

export const serveCommand: CliCommand = {
  name: 'serve',
  register(program, { io, exit }) {
    program
      .command('serve')
      .description(
        '启动网络接口 — serve the HTTP API over the library (OpenAPI at /api/openapi.json, docs at /api/docs)',
      )
      .addOption(dbOption())
      .addOption(new Option('--port <n>', 'the port (0: any free one)').default(8080).argParser(port))
      .option('--host <address>', 'the address to listen on (loopback unless given)', '127.0.0.1')
      .addOption(
        new Option('--max-file-size <mb>', 'the largest file an upload may hold, in MB')
          .default(50)
          .argParser(megabytes),
      )
      .addOption(ocrOption())
      .addOption(timeoutOption())
      .addOption(maxMemoryOption())
      .addOption(langOption())
      .option('--samples', 'import the bundled sample reports first (files already stored are left)')
      .addHelpText(
        'after',
        `
Prints the URL, then serves until interrupted (Ctrl-C). The database stays
open while it runs (a PGlite directory is then owned by this process).
POST, PATCH and DELETE requests need the header X-Nianbao: 1.
Each uploaded or checked file is read on a worker thread (small text in
process): one over --timeout or --max-memory is named unreadable and not
stored, and the server goes on answering.
With NIANBAO_AUTH=1 the API asks for a login (users: nianbao users add);
without it, it runs in single-user mode.`,
      )
      .action(async (opts: ServeOptions) => {
        const { runServe } = await import('../serve.ts');
        exit(await runServe(opts, io));
      });
  },
};
