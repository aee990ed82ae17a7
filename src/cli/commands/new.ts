// nianbao new: a blank report to fill in (XLSX or JSON), last year's carry-over filled in.
import { versionNames } from '../../model/formats/index.ts';
import type { NewCommandOptions } from '../write.ts';
import { langOption, type CliCommand } from './types.ts';

export const newCommand: CliCommand = {
  name: 'new',
  register(program, { io, exit }) {
    program
      .command('new')
      .description("write a blank report to fill in (XLSX, or JSON), last year's carry-over filled in")
      .option(
        '--format <version>',
        `format version, ${versionNames('en')} (default: the one in force for --year)`,
      )
      .option('--agency <name>', 'the reporting body, e.g. 上饶市信州区审计局')
      .option('--year <year>', 'the year reported on, e.g. 2025')
      .option(
        '--previous <file>',
        "last year's report (any kind): its 结转下年度继续办理 becomes this year's 上年结转",
      )
      .option('-o, --output <file>', 'the file to write: .xlsx (default) or .json; never overwritten')
      .addOption(langOption())
      .action(async (opts: NewCommandOptions) => {
        const { runNew } = await import('../write.ts');
        exit(await runNew(opts, io));
      });
  },
};
