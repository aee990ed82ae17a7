// The library commands over src/store: import, agencies, merges, aggregate (compare is in compare.ts).
import { Option } from 'commander';
import type { ReportScope } from '../../model/scope.ts';
import { dbOption, langOption, maxMemoryOption, timeoutOption, type CliCommand, type Lang } from './types.ts';

export const importCommand: CliCommand = {
  name: 'import',
  register(program, { io, exit }) {
    program
      .command('import')
      .description(
        '导入报告到数据库 — read, check and store each report in the library (one transaction per file)',
      )
      .addOption(dbOption())
      .option(
        '--region <path>',
        'the region of the files, e.g. 河南省/三门峡市 (completes names like 市民政局)',
      )
      .addOption(
        new Option(
          '--scope <scope>',
          'what the reports cover: region (the region as a whole), own (本级), department; default: decided from each report (a department by its name, a government by its text: 全市各级行政机关共收到… / 本级); given for files already stored, it corrects theirs',
        ).choices(['region', 'own', 'department']),
      )
      .addOption(langOption())
      .addOption(timeoutOption())
      .addOption(maxMemoryOption())
      .argument('<file...>', 'report files or folders (any input kind; folders are read recursively)')
      .addHelpText(
        'after',
        `
One line per file: imported, new version (the agency's report of that year it
replaces is kept), unchanged (these bytes are already stored) or unreadable;
the agency · year · version, its errors and warnings, and proposed agency
merges (review them with nianbao merges). When the library holds the same
agency's report of the year before, the cross-year rules (T3-6, T2-2, T2-3,
X-5) are checked against it. A file over --timeout or --max-memory is named
and not stored (importing it again tries it again). Exit 2 if some file could
not be read.`,
      )
      .action(
        async (
          files: string[],
          opts: {
            db?: string;
            region?: string;
            scope?: ReportScope;
            lang: Lang;
            timeout: number;
            maxMemory: number;
          },
        ) => {
          const { runImport } = await import('../library.ts');
          exit(await runImport(files, opts, io));
        },
      );
  },
};

export const agenciesCommand: CliCommand = {
  name: 'agencies',
  register(program, { io, exit }) {
    program
      .command('agencies')
      .description(
        '列出机构及报送情况 — the agencies of a region: reported, missing or no reports for a year',
      )
      .addOption(dbOption())
      .option('--region <path>', 'only this region and below, e.g. 河南省/三门峡市')
      .option('--year <year>', 'the year (default: the latest in the library)')
      .addOption(
        new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'),
      )
      .addOption(langOption())
      .action(
        async (opts: {
          db?: string;
          region?: string;
          year?: string;
          format: 'text' | 'json';
          lang: Lang;
        }) => {
          const { runAgencies } = await import('../library.ts');
          exit(await runAgencies(opts, io));
        },
      );
  },
};

export const mergesCommand: CliCommand = {
  name: 'merges',
  register(program, { io, exit }) {
    program
      .command('merges')
      .description('审核机构合并建议 — list proposed agency merges, or confirm or reject one')
      .addOption(dbOption())
      .option('--confirm <id>', 'confirm proposal ID (a merge moves the reports; a rename renames)')
      .option('--reject <id>', 'reject proposal ID (it is not proposed again)')
      .option('--by <name>', 'who decides (default: the user name)')
      .addOption(langOption())
      .action(async (opts: { db?: string; confirm?: string; reject?: string; by?: string; lang: Lang }) => {
        const { runMerges } = await import('../library.ts');
        exit(await runMerges(opts, io));
      });
  },
};

export const aggregateCommand: CliCommand = {
  name: 'aggregate',
  register(program, { io, exit }) {
    program
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
          const { runAggregate } = await import('../aggregate.ts');
          exit(await runAggregate(opts, io));
        },
      );
  },
};
