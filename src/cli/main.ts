// The command line: argv → calls into the library → exit code. The only place that prints (design.md, layers).
import { defaultJobs } from './batch.ts';
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import type { OutputFormat } from '../render/report/index.ts';
import type { NewCommandOptions } from './write.ts';

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
 * Exit codes: 0 success, 1 usage error (and, for `check`, some error-severity finding), 2 some file could not be
 * read (it wins over 1; the other files are still processed).
 */
export const EXIT = { ok: 0, usage: 1, errors: 1, unreadable: 2 } as const;

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

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

type Format = 'json' | 'jsonl' | 'table';
type Lang = 'zh' | 'en';

async function runExtract(
  args: string[],
  format: Format,
  jobs: number,
  ocr: boolean,
  io: Io,
): Promise<number> {
  // Loaded here, not at the top, so that --help and --version start without the library.
  const { processFile } = await import('./process.ts');
  const { renderResult } = await import('./render.ts');
  const { expandInputs, progress, runTasks } = await import('./batch.ts');
  const cwd = io.cwd ?? process.cwd();
  const files = await expandInputs(args, cwd);
  const bar = progress(files.length, (s) => io.err(s), io.errTty ?? false);
  const serialize = format !== 'table';
  const tasks = files.map((file) => ({
    task: 'extract' as const,
    file,
    lang: 'zh' as const,
    cwd,
    serialize,
    ocr,
  }));
  let unreadable = 0;
  let i = -1;
  if (format === 'json') await io.out('[');
  for await (const result of runTasks(tasks, jobs, (t) => processFile(t.file, { cwd: t.cwd, ocr }))) {
    i++;
    const file = result.file;
    bar.tick(file);
    if (result.report === null) {
      unreadable++;
      const first = result.diagnostics.find((d) => d.severity === 'error') ?? result.diagnostics[0];
      const why = first?.message ?? '未能读出报告';
      io.err(`nianbao: ${why.includes(file) ? why : `${file}: ${why}`}\n`);
    }
    // Entries are written as each file finishes, so a batch of thousands streams in constant memory.
    if (format === 'json') await io.out((i > 0 ? ',\n' : '\n') + (result.json ?? JSON.stringify(result)));
    else if (format === 'jsonl') await io.out((result.json ?? JSON.stringify(result)) + '\n');
    else await io.out((i > 0 ? '\n' : '') + renderResult(result));
  }
  bar.done();
  if (format === 'json') await io.out(files.length ? '\n]\n' : ']\n');
  return unreadable ? EXIT.unreadable : EXIT.ok;
}

async function runCheckSamples(lang: Lang, io: Io): Promise<number> {
  const { readdir } = await import('node:fs/promises');
  const { fileURLToPath } = await import('node:url');
  const { checkAll } = await import('./check.ts');
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const dir = 'examples/reports/';
  let names: string[];
  try {
    names = (await readdir(root + dir)).filter((n) => !n.startsWith('.')).sort();
  } catch (error) {
    io.err(`nianbao: 找不到示例目录 ${root + dir}：${(error as Error).message}\n`);
    return EXIT.unreadable;
  }
  // Named relative to the project, read from it wherever the command runs; a demo, so findings do not fail it.
  await checkAll(
    names.map((n) => ({ file: dir + n, cwd: root })),
    { format: 'text', lang },
    io,
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
    .addOption(jobsOption())
    .argument(
      '<file...>',
      'report files or folders (text, HTML, DOCX, DOC, PDF, XLSX; folders are read recursively)',
    )
    .addOption(ocrOption())
    .action(async (files: string[], opts: { format: Format; jobs: string; ocr: boolean }) => {
      result.code = await runExtract(files, opts.format, jobsOf(opts.jobs), opts.ocr, io);
    });

  cmd
    .command('check')
    .description('check each report: extract it, run every rule, print the findings (exit 1 on any error)')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'),
    )
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(['zh', 'en']).default('zh'))
    .option(
      '--rule <id=severity>',
      'set a rule to error, warning, info or off (repeatable; overrides the config file)',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option(
      '--config <file>',
      `rule settings, { "rules": { "T3-2": "warning" } } (default: ./.nianbaorc.json if present)`,
    )
    .option('--previous <file>', "the same body's report on the year before, for the cross-year rules")
    .option('--published-at <date>', 'the date the report was published (YYYY-MM-DD), for late-publication')
    .option(
      '--member <file>',
      'a member report a regional aggregate should be the sum of (repeatable), for aggregate-mismatch',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .addOption(jobsOption())
    .addOption(ocrOption())
    .argument(
      '<file...>',
      'report files or folders (text, HTML, DOCX, DOC, PDF, XLSX; folders are read recursively)',
    )
    .addHelpText(
      'after',
      `
Output: text groups the findings by file (line:col and cell, severity, message,
rule id, suggested repairs) and ends with a summary line; json prints
[{ file, report, diagnostics }, …] like extract; sarif prints a SARIF 2.1.0 log
for code-scanning tools. Each rule is documented in docs/rules/.

Exit codes: 0 no error found; 1 some finding of severity error, or a usage
error; 2 some file could not be read (the other files are still checked).`,
    )
    .action(
      async (
        files: string[],
        opts: {
          format: 'text' | 'json' | 'sarif';
          lang: Lang;
          rule?: string[];
          config?: string;
          jobs: string;
          previous?: string;
          publishedAt?: string;
          member?: string[];
          ocr: boolean;
        },
      ) => {
        const { runCheck } = await import('./check.ts');
        const { jobs, ...rest } = opts;
        result.code = await runCheck(
          files,
          { ...rest, rule: opts.rule ?? [], version: version(), jobs: jobsOf(jobs) },
          io,
        );
      },
    );

  cmd
    .command('render')
    .description(
      'write each report in the official layout (docx, html, pdf), as data (xlsx, csv, json) or Markdown',
    )
    .addOption(
      new Option('-t, --to <format>', 'output format')
        .choices(['docx', 'html', 'pdf', 'md', 'xlsx', 'csv', 'json'])
        .makeOptionMandatory(),
    )
    .option(
      '-o, --output <path>',
      'output file (one input; for csv, one file for all inputs) or directory (several inputs)',
    )
    .option('--provenance', 'json: keep where each figure came from (provenance, outline)')
    .addOption(ocrOption())
    .argument('<file...>', 'report files or folders (any input kind, or report JSON as extract writes it)')
    .addHelpText(
      'after',
      `
One input goes to -o FILE; without -o, text formats (html, md, csv, json) go to
standard output and binary ones (docx, xlsx, pdf) to <name>.<ext> in the current
directory. Several inputs go into the directory -o DIR, one file each; with
--to csv and -o FILE they go into one CSV, a row per cell of every report.
PDF uses the Chromium npm installs (Linux x64), or NIANBAO_CHROMIUM=path.
Blank cells stay blank and every figure is written as the report holds it.`,
    )
    .action(
      async (
        files: string[],
        opts: { to: OutputFormat; output?: string; provenance?: boolean; ocr: boolean },
      ) => {
        const { runRender } = await import('./write.ts');
        result.code = await runRender(files, opts, io);
      },
    );

  cmd
    .command('new')
    .description("write a blank report to fill in (XLSX, or JSON), last year's carry-over filled in")
    .option('--format <version>', 'format version, 2019 or 2021 (default: the one in force for --year)')
    .option('--agency <name>', 'the reporting body, e.g. 上饶市信州区审计局')
    .option('--year <year>', 'the year reported on, e.g. 2025')
    .option(
      '--previous <file>',
      "last year's report (any kind): its 结转下年度继续办理 becomes this year's 上年结转",
    )
    .option('-o, --output <file>', 'the file to write: .xlsx (default) or .json; never overwritten')
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(['zh', 'en']).default('zh'))
    .action(async (opts: NewCommandOptions) => {
      const { runNew } = await import('./write.ts');
      result.code = await runNew(opts, io);
    });

  cmd
    .command('check-samples')
    .description(
      'check every bundled sample report in examples/reports/ and print the findings (always exit 0)',
    )
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(['zh', 'en']).default('zh'))
    .action(async (opts: { lang: Lang }) => {
      result.code = await runCheckSamples(opts.lang, io);
    });

  // ---- The library commands (issue 6): import, agencies, merges, aggregate, compare over src/store. ----------------
  const dbOption = () =>
    new Option(
      '--db <location>',
      'the database: a directory (PGlite), memory:, or a postgres:// URL',
    ).default(undefined, 'NIANBAO_DB, else ./data/nianbao');
  const langOption = () =>
    new Option('--lang <lang>', 'language of the messages').choices(['zh', 'en']).default('zh');

  cmd
    .command('import')
    .description(
      '导入报告到数据库 — read, check and store each report in the library (one transaction per file)',
    )
    .addOption(dbOption())
    .option(
      '--region <path>',
      'the region of the files, e.g. 河南省/三门峡市 (completes names like 市民政局)',
    )
    .addOption(langOption())
    .argument('<file...>', 'report files or folders (any input kind; folders are read recursively)')
    .addHelpText(
      'after',
      `
One line per file: imported, new version (the agency's report of that year it
replaces is kept), unchanged (these bytes are already stored) or unreadable;
the agency · year · version, its errors and warnings, and proposed agency
merges (review them with nianbao merges). When the library holds the same
agency's report of the year before, the cross-year rules (T3-6, T2-2, T2-3,
X-5) are checked against it. Exit 2 if some file could not be read.`,
    )
    .action(async (files: string[], opts: { db?: string; region?: string; lang: Lang }) => {
      const { runImport } = await import('./library.ts');
      result.code = await runImport(files, opts, io);
    });

  cmd
    .command('agencies')
    .description('列出机构及报送情况 — the agencies of a region: reported, missing or no reports for a year')
    .addOption(dbOption())
    .option('--region <path>', 'only this region and below, e.g. 河南省/三门峡市')
    .option('--year <year>', 'the year (default: the latest in the library)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(langOption())
    .action(
      async (opts: { db?: string; region?: string; year?: string; format: 'text' | 'json'; lang: Lang }) => {
        const { runAgencies } = await import('./library.ts');
        result.code = await runAgencies(opts, io);
      },
    );

  cmd
    .command('merges')
    .description('审核机构合并建议 — list proposed agency merges, or confirm or reject one')
    .addOption(dbOption())
    .option('--confirm <id>', 'confirm proposal ID (a merge moves the reports; a rename renames)')
    .option('--reject <id>', 'reject proposal ID (it is not proposed again)')
    .option('--by <name>', 'who decides (default: the user name)')
    .addOption(langOption())
    .action(async (opts: { db?: string; confirm?: string; reject?: string; by?: string; lang: Lang }) => {
      const { runMerges } = await import('./library.ts');
      result.code = await runMerges(opts, io);
    });

  cmd
    .command('aggregate')
    .description('汇总地区报告 — the cell-wise sum of the current reports of a year and region')
    .addOption(dbOption())
    .requiredOption('--year <year>', 'the year to sum')
    .option('--region <path>', 'the region and everything below it (default: the whole library)')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['json', 'table', 'xlsx', 'docx'])
        .default('table'),
    )
    .option('-o, --output <file>', 'write to FILE (xlsx and docx default to <region>-<year>.<ext>)')
    .addOption(langOption())
    .addHelpText(
      'after',
      `
json prints { "report": <report-json.md contract, marked "aggregate">,
"members": [the agencies and report versions summed], "missing": [agencies
of the region with reports for other years but none for this one] }.
Blanks are summed as 0 and counted; 2019- and 2021-format table 2 are never
added together. These findings of the sum go to standard error.`,
    )
    .action(
      async (opts: {
        db?: string;
        year: string;
        region?: string;
        format: 'json' | 'table' | 'xlsx' | 'docx';
        output?: string;
        lang: Lang;
      }) => {
        const { runAggregate } = await import('./library.ts');
        result.code = await runAggregate(opts, io);
      },
    );

  cmd
    .command('compare')
    .description('比较两份年度报告 — two reports cell by cell, indicator by indicator, section by section')
    .addOption(dbOption())
    .option('--agency <name>', 'the agency whose reports in the library are compared')
    .option('--years <a,b>', 'the two years, e.g. 2021,2022')
    .option('--region <path>', 'the region of the agency, when the name is not unique')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'html']).default('text'),
    )
    .addOption(langOption())
    .argument('[files...]', 'or two report files of any kind, compared without the database')
    .addHelpText(
      'after',
      `
Either nianbao compare --agency NAME --years 2021,2022 (the agency's current
reports in the library) or nianbao compare FILE_A FILE_B. html is a
standalone page. Across format versions table 2 is not compared.`,
    )
    .action(
      async (
        files: string[],
        opts: {
          db?: string;
          agency?: string;
          years?: string;
          region?: string;
          format: 'text' | 'json' | 'html';
          lang: Lang;
        },
      ) => {
        const { runCompare } = await import('./compare.ts');
        result.code = await runCompare(files, opts, io);
      },
    );
  // ---- End of the library commands. ---------------------------------------------------------------------------

  return cmd;
}

function ocrOption(): Option {
  return new Option(
    '--no-ocr',
    'leave scanned PDF pages unread instead of reading them by OCR (3–5 s a page)',
  );
}

function jobsOption(): Option {
  return new Option(
    '-j, --jobs <n>',
    'worker threads for a batch (default: cores − 1; in-process on 2 cores or fewer)',
  ).default(String(defaultJobs()));
}

function jobsOf(value: string): number {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
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
