// nianbao compare: two reports cell by cell, indicator by indicator, section by section.
import { Option } from 'commander';
import { dbOption, langOption, type CliCommand, type Lang } from './types.ts';

export const compareCommand: CliCommand = {
  name: 'compare',
  register(program, { io, exit }) {
    program
      .command('compare')
      .description('比较两份年度报告 — two reports cell by cell, indicator by indicator, section by section')
      .addOption(dbOption())
      .option('--agency <name>', 'the agency whose reports in the library are compared')
      .option('--years <a,b>', 'the two years, e.g. 2021,2022')
      .option('--region <path>', 'the region of the agency, when the name is not unique')
      .addOption(
        new Option('-f, --format <format>', 'output format')
          .choices(['text', 'json', 'html'])
          .default('text'),
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
          const { runCompare } = await import('../compare.ts');
          exit(await runCompare(files, opts, io));
        },
      );
  },
};
