// nianbao enqueue: files into the job queue of a PostgreSQL library (src/queue, docs/queue.md).
import { InvalidArgumentError, Option } from 'commander';
import type { ReportScope } from '../../model/scope.ts';
import { dbOption, langOption, wholeNumber, type CliCommand, type Lang } from './types.ts';

export const enqueueCommand: CliCommand = {
  name: 'enqueue',
  register(program, { io, exit }) {
    program
      .command('enqueue')
      .description(
        '加入导入队列 — queue files for import by `nianbao worker`s, one job per file content (PostgreSQL)',
      )
      .addOption(dbOption())
      .option(
        '--list <file>',
        'a text file naming the files, one path a line (# comments; - reads standard input); may be repeated',
        (value: string, previous: string[] = []) => [...previous, value],
      )
      .option('--region <path>', 'the region of the files, e.g. 河南省/三门峡市')
      .addOption(
        new Option('--scope <scope>', 'what the reports cover (as nianbao import --scope)').choices([
          'region',
          'own',
          'department',
        ]),
      )
      .addOption(
        new Option(
          '--lease <seconds>',
          'how long a worker may hold a job before it is given to another (default 900, at most 86400; longer than the slowest file)',
        ).argParser((value: string) => {
          // pg-boss takes a lease from 1 s to 24 hours.
          if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || Number(value) > 86_400)
            throw new InvalidArgumentError(
              '应为 1 到 86400 之间的整数（秒），例如 --lease 900 (whole seconds from 1 to 86400, e.g. --lease 900)',
            );
          return Number(value);
        }),
      )
      .addOption(
        new Option(
          '--retries <n>',
          'times a job is tried again after a failure or an expired lease (default 3)',
        ).argParser(wholeNumber('--retries')),
      )
      .addOption(langOption())
      .argument('[file...]', 'report files or folders (folders are read recursively)')
      .addHelpText(
        'after',
        `
Each file's bytes are stored once in the database (by SHA-256) with a job for
them, so workers on other machines need only the database URL. The same
content again is the same job ("already queued"); content the library
already holds is not queued ("in the library"). Exit 2 if some file could not
be read (the others are queued).`,
      )
      .action(
        async (
          files: string[],
          opts: {
            db?: string;
            list?: string[];
            region?: string;
            scope?: ReportScope;
            lease?: number;
            retries?: number;
            lang: Lang;
          },
        ) => {
          const { runEnqueue } = await import('../../queue/enqueue.ts');
          exit(await runEnqueue(files, opts, io));
        },
      );
  },
};
