// nianbao extract: the figures of each report as JSON (report-json.md), JSON lines, or terminal tables.
import { Option } from 'commander';
import { EXIT, toOutput, type Io } from '../io.ts';
import { FILES_HELP, jobsOption, langOption, ocrOption, type CliCommand, type Lang } from './types.ts';

type Format = 'json' | 'jsonl' | 'table';

export const extractCommand: CliCommand = {
  name: 'extract',
  register(program, { io, exit }) {
    program
      .command('extract')
      .description('extract the figures of each report into JSON (report-json.md), or render them as tables')
      .addOption(
        new Option('-f, --format <format>', 'output format')
          .choices(['json', 'jsonl', 'table'])
          .default('json'),
      )
      .addOption(langOption())
      .option('-o, --output <file>', 'write to FILE instead of standard output')
      .addOption(jobsOption())
      .argument('<file...>', FILES_HELP)
      .addOption(ocrOption())
      .action(async (files: string[], opts: ExtractOptions) => {
        const cwd = io.cwd ?? process.cwd();
        exit(await toOutput(opts.output, cwd, io, (out) => runExtract(files, opts, out)));
      });
  },
};

interface ExtractOptions {
  format: Format;
  jobs: number;
  ocr: boolean;
  lang: Lang;
  output?: string;
}

async function runExtract(
  args: string[],
  { format, jobs, ocr, lang }: ExtractOptions,
  io: Io,
): Promise<number> {
  // Loaded here, not at the top, so that --help and --version start without the library.
  const { extractEntry, noReportLine, processFile } = await import('../process.ts');
  const { renderResult } = await import('../render.ts');
  const { expandInputs, progress, runTasks } = await import('../batch.ts');
  const cwd = io.cwd ?? process.cwd();
  const files = await expandInputs(args, cwd);
  const bar = progress(files.length, (s) => io.err(s), io.errTty ?? false);
  const serialize = format !== 'table';
  const tasks = files.map((file) => ({
    task: 'extract' as const,
    file,
    lang,
    cwd,
    serialize,
    ocr,
  }));
  let unreadable = 0;
  let i = -1;
  if (format === 'json') await io.out('[');
  for await (const result of runTasks(tasks, jobs, (t) => processFile(t.file, { cwd: t.cwd, ocr, lang }))) {
    i++;
    const file = result.file;
    bar.tick(file);
    if (result.report === null) {
      unreadable++;
      io.err(`nianbao: ${noReportLine(file, result.diagnostics, lang)}\n`);
    }
    // Entries are written as each file finishes, so a batch of thousands streams in constant memory.
    if (format === 'json')
      await io.out((i > 0 ? ',\n' : '\n') + (result.json ?? JSON.stringify(extractEntry(result))));
    else if (format === 'jsonl') await io.out((result.json ?? JSON.stringify(extractEntry(result))) + '\n');
    else await io.out((i > 0 ? '\n' : '') + renderResult(result));
  }
  bar.done();
  if (format === 'json') await io.out(files.length ? '\n]\n' : ']\n');
  return unreadable ? EXIT.unreadable : EXIT.ok;
}
