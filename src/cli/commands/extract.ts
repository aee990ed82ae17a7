// nianbao extract: the figures of each report as JSON (report-json.md), JSON lines, terminal tables, or a dataset
// (the long CSV, a row per cell; the wide CSV or XLSX, a row per report: docs/datasets.md).
import { Option } from 'commander';
import { EXIT, toOutput, UsageError, type Io } from '../io.ts';
import {
  FILES_HELP,
  jobsOption,
  langOption,
  maxMemoryOption,
  ocrOption,
  timeoutOption,
  type CliCommand,
  type Lang,
} from './types.ts';

const FORMATS = ['json', 'jsonl', 'table', 'csv', 'wide-csv', 'wide-xlsx'] as const;
type Format = (typeof FORMATS)[number];
/** The dataset formats: every report checked, its quality counted (docs/datasets.md). */
const DATASETS: readonly Format[] = ['csv', 'wide-csv', 'wide-xlsx'];

export const extractCommand: CliCommand = {
  name: 'extract',
  register(program, { io, exit }) {
    program
      .command('extract')
      .description(
        'extract the figures of each report into JSON (report-json.md), tables, or a dataset (csv, wide-csv, wide-xlsx)',
      )
      .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('json'))
      .addOption(langOption())
      .option('-o, --output <file>', 'write to FILE instead of standard output (wide-xlsx: required)')
      .option('--region <path>', 'wide-csv, wide-xlsx: the region of every report, for the region column')
      .addOption(jobsOption())
      .addOption(timeoutOption())
      .addOption(maxMemoryOption())
      .argument('<file...>', FILES_HELP)
      .addOption(ocrOption())
      .addHelpText(
        'after',
        `
Datasets (docs/datasets.md): csv is a row per cell of every report (as render
--to csv); wide-csv and wide-xlsx a row per report and a column per cell of
both format versions, with each report's quality (figures read, blank and
unread cells, inferred figures, errors and warnings of nianbao check). In them
a figure is a number as written, NA (XLSX: #N/A) a cell the report leaves
blank, and an empty cell one nianbao could not read or the report's format
version does not have.`,
      )
      .action(async (files: string[], opts: ExtractOptions) => {
        const cwd = io.cwd ?? process.cwd();
        if (opts.format === 'wide-xlsx') {
          if (opts.output === undefined)
            throw new UsageError('--format wide-xlsx：请用 -o 指定输出文件 (give -o FILE.xlsx)');
          exit(await runExtract(files, opts, io));
          return;
        }
        exit(await toOutput(opts.output, cwd, io, (out) => runExtract(files, opts, out)));
      });
  },
};

interface ExtractOptions {
  format: Format;
  jobs: number;
  timeout: number;
  maxMemory: number;
  ocr: boolean;
  lang: Lang;
  output?: string;
  region?: string;
}

async function runExtract(args: string[], opts: ExtractOptions, io: Io): Promise<number> {
  const { format, jobs, ocr, lang, timeout, maxMemory } = opts;
  // Loaded here, not at the top, so that --help and --version start without the library.
  const { extractEntry, noReportLine, processFile } = await import('../process.ts');
  const { renderResult } = await import('../render.ts');
  const { expandInputs, progress, runTasks } = await import('../batch.ts');
  const cwd = io.cwd ?? process.cwd();
  const dataset = DATASETS.includes(format);
  // A dataset's output is tried before any file is read (wide-xlsx: -o FILE).
  const writer = dataset ? await datasetWriter(opts, io) : null;
  const files = await expandInputs(args, cwd);
  const bar = progress(files.length, (s) => io.err(s), io.errTty ?? false);
  const serialize = format === 'json' || format === 'jsonl';
  const tasks = files.map((file) => ({
    task: 'extract' as const,
    file,
    lang,
    cwd,
    serialize,
    ocr,
    ...(dataset ? { dataset: true } : {}),
  }));
  let unreadable = 0;
  let i = -1;
  if (format === 'json') await io.out('[');
  const local = async (t: { file: string; cwd: string }) => {
    const result = await processFile(t.file, { cwd: t.cwd, ocr, lang });
    if (!dataset) return result;
    const { withCounts } = await import('../dataset.ts');
    return withCounts(result, lang);
  };
  for await (const result of runTasks(tasks, jobs, local, { timeout, maxMemory })) {
    i++;
    const file = result.file;
    bar.tick(file);
    if (result.report === null) {
      unreadable++;
      io.err(`nianbao: ${noReportLine(file, result.diagnostics, lang)}\n`);
    }
    // Entries are written as each file finishes, so a batch of thousands streams in constant memory.
    if (writer) await writer.add(result);
    else if (format === 'json')
      await io.out((i > 0 ? ',\n' : '\n') + (result.json ?? JSON.stringify(extractEntry(result))));
    else if (format === 'jsonl') await io.out((result.json ?? JSON.stringify(extractEntry(result))) + '\n');
    else await io.out((i > 0 ? '\n' : '') + renderResult(result));
  }
  bar.done();
  if (format === 'json') await io.out(files.length ? '\n]\n' : ']\n');
  if (writer) await writer.end();
  return unreadable ? EXIT.unreadable : EXIT.ok;
}

/** The writer of a dataset format: rows as each report comes (CSV), or the workbook at the end (XLSX). */
async function datasetWriter(opts: ExtractOptions, io: Io) {
  const { datasetWriter: make } = await import('../dataset.ts');
  return make(
    opts.format as 'csv' | 'wide-csv' | 'wide-xlsx',
    { region: opts.region, output: opts.output },
    io,
  );
}
