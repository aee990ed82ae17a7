// The command line: argv → calls into the library → exit code. The only place that prints (design.md, layers).
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';

/** Where the CLI writes; the defaults are the process streams, tests pass their own. */
export interface Io {
  /** Writes to standard output, resolving once the text is accepted (back-pressure for long batches). */
  out(text: string): Promise<void>;
  /** Writes to standard error. */
  err(text: string): void;
}

/** Exit codes: 0 every file gave a report, 1 usage error, 2 some file could not be read. */
export const EXIT = { ok: 0, usage: 1, unreadable: 2 } as const;

const write = (stream: NodeJS.WriteStream) => (text: string) =>
  new Promise<void>((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once('drain', resolve);
  });

/** The process's own standard output and error. */
export const processIo: Io = { out: write(process.stdout), err: (text) => void process.stderr.write(text) };

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

type Format = 'json' | 'jsonl' | 'table';

async function runExtract(files: string[], format: Format, io: Io): Promise<number> {
  // Loaded here, not at the top, so that --help and --version start without the library.
  const { processFile } = await import('./process.ts');
  const { renderResult } = await import('./render.ts');
  let unreadable = 0;
  if (format === 'json') await io.out('[');
  for (const [i, file] of files.entries()) {
    const result = await processFile(file);
    if (result.report === null) {
      unreadable++;
      const first = result.diagnostics.find((d) => d.severity === 'error') ?? result.diagnostics[0];
      const why = first?.message ?? '未能读出报告';
      io.err(`nianbao: ${why.includes(file) ? why : `${file}: ${why}`}\n`);
    }
    // Entries are written as each file finishes, so a batch of thousands streams in constant memory.
    if (format === 'json') await io.out((i > 0 ? ',\n' : '\n') + JSON.stringify(result));
    else if (format === 'jsonl') await io.out(JSON.stringify(result) + '\n');
    else await io.out((i > 0 ? '\n' : '') + renderResult(result));
  }
  if (format === 'json') await io.out(files.length ? '\n]\n' : ']\n');
  return unreadable ? EXIT.unreadable : EXIT.ok;
}

async function runCheckSamples(io: Io): Promise<number> {
  const { readdir } = await import('node:fs/promises');
  const { fileURLToPath } = await import('node:url');
  const { processFile } = await import('./process.ts');
  const { countFigures, describeReport, formatDiagnostics } = await import('./render.ts');
  const dir = fileURLToPath(new URL('../../examples/reports/', import.meta.url));
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  } catch (error) {
    io.err(`nianbao: 找不到示例目录 ${dir}：${(error as Error).message}\n`);
    return EXIT.unreadable;
  }
  let reports = 0;
  let figures = 0;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const name of names) {
    const result = await processFile(`${dir}${name}`);
    const lines = [`${name}`];
    if (result.report) {
      reports++;
      const { read, total } = countFigures(result.report);
      figures += read;
      lines.push(`  ${describeReport(result.report)} · 读出数字 ${read}/${total}`);
    } else {
      lines.push('  （未能读出报告）');
    }
    for (const d of result.diagnostics) counts[d.severity]++;
    lines.push(...formatDiagnostics(result.diagnostics, '    '));
    await io.out(lines.join('\n') + '\n');
  }
  await io.out(
    `\n${names.length} 个示例文件，读出报告 ${reports} 份，数字 ${figures} 个；` +
      `诊断：错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}\n`,
  );
  return EXIT.ok;
}

/** Builds the commander program; actions store their exit code in `result.code`. */
function program(io: Io, result: { code: number }): Command {
  const cmd = new Command('nianbao')
    .description(
      '读取、核对政府信息公开工作年度报告 — read and check annual reports on government information disclosure',
    )
    .version(version(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError();

  cmd
    .command('extract')
    .description('extract the figures of each report into JSON (report-json.md), or render them as tables')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['json', 'jsonl', 'table'])
        .default('json'),
    )
    .argument('<file...>', 'report files (plain text for now)')
    .action(async (files: string[], opts: { format: Format }) => {
      result.code = await runExtract(files, opts.format, io);
    });

  cmd
    .command('check-samples')
    .description('extract every bundled sample report in examples/reports/ and summarise what was read')
    .action(async () => {
      result.code = await runCheckSamples(io);
    });

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
    throw error;
  }
}
