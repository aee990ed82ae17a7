// nianbao worker: imports the queued files of a PostgreSQL library (src/queue, docs/queue.md).
import { InvalidArgumentError, Option } from 'commander';
import { dbOption, langOption, maxMemoryOption, timeoutOption, type CliCommand, type Lang } from './types.ts';

export const workerCommand: CliCommand = {
  name: 'worker',
  register(program, { io, exit }) {
    program
      .command('worker')
      .description(
        '处理导入队列 — take queued files, read, check and store each in the library, until SIGTERM',
      )
      .addOption(dbOption())
      .addOption(
        new Option('-j, --jobs <n>', 'files in hand at a time (one process; run a worker per core)')
          .default(1)
          .argParser((value: string) => {
            if (!/^\d+$/.test(value.trim()) || Number(value) < 1)
              throw new InvalidArgumentError(
                '应为正整数，例如 --jobs 2 (a whole number from 1, e.g. --jobs 2)',
              );
            return Number(value);
          }),
      )
      .option('--drain', 'stop once no job is queued, retrying or active')
      .addOption(timeoutOption())
      .addOption(maxMemoryOption())
      .addOption(langOption())
      .addHelpText(
        'after',
        `
One line per file on standard output (imported, new version, unchanged,
unreadable). SIGTERM or SIGINT: the files in hand are finished, then exit 0.
A worker killed outright loses nothing: its jobs are given to another worker
when their lease expires (nianbao enqueue --lease). Each file is read on a
worker thread (small text in process): one over --timeout or --max-memory is
unreadable, named with its finding, not stored and not tried again; keep
--timeout under the lease.`,
      )
      .action(
        async (opts: {
          db?: string;
          jobs: number;
          drain?: boolean;
          lang: Lang;
          timeout: number;
          maxMemory: number;
        }) => {
          const { runWorker } = await import('../../queue/worker.ts');
          exit(await runWorker(opts, io));
        },
      );
  },
};
