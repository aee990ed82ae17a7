// nianbao render: each report in the official layout (docx, html, pdf), as data (xlsx, csv, json) or Markdown.
import { Option } from 'commander';
import { OUTPUT_FORMATS, type OutputFormat } from '../../render/report/index.ts';
import { ocrOption, type CliCommand } from './types.ts';

export const renderCommand: CliCommand = {
  name: 'render',
  register(program, { io, exit }) {
    program
      .command('render')
      .description(
        'write each report in the official layout (docx, html, pdf), as data (xlsx, csv, json) or Markdown',
      )
      .addOption(
        new Option('-t, --to <format>', 'output format').choices(OUTPUT_FORMATS).makeOptionMandatory(),
      )
      .option(
        '-o, --output <path>',
        'output file (one input; for csv, one file for all inputs) or directory (several inputs)',
      )
      .option('--provenance', 'json: keep where each figure came from (provenance, outline)')
      .option(
        '--strict',
        'write no report that has a finding of severity error (exit 1); without it, say so on stderr',
      )
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
Blank cells stay blank and every figure is written as the report holds it; a
report with errors is written with a line on stderr saying so (--strict: not at all).`,
      )
      .action(
        async (
          files: string[],
          opts: { to: OutputFormat; output?: string; provenance?: boolean; ocr: boolean; strict?: boolean },
        ) => {
          const { runRender } = await import('../write.ts');
          exit(await runRender(files, opts, io));
        },
      );
  },
};
