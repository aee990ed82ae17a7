// nianbao status: the job queue's progress, failures and throughput (src/queue, docs/queue.md).
import { Option } from 'commander';
import { dbOption, langOption, wholeNumber, type CliCommand, type Lang } from './types.ts';

export const statusCommand: CliCommand = {
  name: 'status',
  register(program, { io, exit }) {
    program
      .command('status')
      .description('导入队列进度 — the job queue: queued, active, done, failed (with why) and throughput')
      .addOption(dbOption())
      .addOption(
        new Option('--minutes <n>', 'the last minutes the throughput is taken over')
          .default(5)
          .argParser(wholeNumber('--minutes')),
      )
      .addOption(
        new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'),
      )
      .addOption(langOption())
      .action(async (opts: { db?: string; minutes: number; format: 'text' | 'json'; lang: Lang }) => {
        const { runStatus } = await import('../../queue/status.ts');
        exit(await runStatus({ ...opts, minutes: Math.max(1, opts.minutes) }, io));
      });
  },
};
