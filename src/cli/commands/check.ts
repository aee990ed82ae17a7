// nianbao check: extract each report, run every rule, print the findings as text, JSON or SARIF.
import { Option } from 'commander';
import { version } from '../io.ts';
import {
  FILES_HELP,
  dateArgument,
  absoluteUrl,
  wholeNumber,
  jobsOption,
  langOption,
  maxMemoryOption,
  timeoutOption,
  ocrOption,
  type CliCommand,
  type Lang,
} from './types.ts';

const repeat = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export const checkCommand: CliCommand = {
  name: 'check',
  register(program, { io, exit }) {
    program
      .command('check')
      .description('check each report: extract it, run every rule, print the findings (exit 1 on any error)')
      .addOption(
        new Option('-f, --format <format>', 'output format')
          .choices(['text', 'json', 'sarif'])
          .default('text'),
      )
      .addOption(langOption())
      .option(
        '--rule <id=severity>',
        'set a rule to error, warning, info or off (repeatable; overrides the config file)',
        repeat,
      )
      .option(
        '--config <file>',
        `rule settings, { "rules": { "T3-2": "warning" } } (default: ./.nianbaorc.json if present)`,
      )
      .option('--previous <file>', "the same body's report on the year before, for the cross-year rules")
      .option(
        '--published-at <date>',
        'the date the report was published (YYYY-MM-DD), for late-publication',
        dateArgument,
      )
      .option(
        '--member <file>',
        'a member report a regional aggregate should be the sum of (repeatable), for aggregate-mismatch',
        repeat,
      )
      .option('--quiet', 'report errors only (warnings still count for --max-warnings)')
      .addOption(
        new Option('--max-warnings <n>', 'exit 1 when there are more than N warnings').argParser(
          wholeNumber('--max-warnings'),
        ),
      )
      .option('-o, --output <file>', 'write the findings to FILE instead of standard output')
      .option('--no-fold', 'print every finding on a line of its own (text output folds runs of one cause)')
      .option(
        '--docs-url <url>',
        "sarif: the rule pages' base URL, e.g. https://example.org/nianbao/docs/rules/ (default: this copy's docs)",
        absoluteUrl,
      )
      .addOption(jobsOption())
      .addOption(timeoutOption())
      .addOption(maxMemoryOption())
      .addOption(ocrOption())
      .argument('<file...>', FILES_HELP)
      .addHelpText(
        'after',
        `
Output: text groups the findings by file (line:col and cell, severity, message,
rule id, suggested repairs) and ends with a summary line; json prints
[{ file, report, diagnostics }, …] like extract; sarif prints a SARIF 2.1.0 log
for code-scanning tools. Each rule is documented in docs/rules/.

Exit codes: 0 no error found; 1 some finding of severity error; 2 a usage or
configuration error, or some file could not be read (the other files are
still checked).`,
      )
      .action(
        async (
          files: string[],
          opts: {
            format: 'text' | 'json' | 'sarif';
            lang: Lang;
            rule?: string[];
            config?: string;
            jobs: number;
            timeout: number;
            maxMemory: number;
            previous?: string;
            publishedAt?: string;
            member?: string[];
            ocr: boolean;
            quiet?: boolean;
            maxWarnings?: number;
            output?: string;
            fold: boolean;
            docsUrl?: string;
          },
        ) => {
          const { runCheck } = await import('../check.ts');
          exit(await runCheck(files, { ...opts, rule: opts.rule ?? [], version: version() }, io));
        },
      );
  },
};
