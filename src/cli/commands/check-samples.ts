// nianbao check-samples (what `npm start` runs): every bundled sample report checked, its findings printed.
import { EXIT, type Io } from '../io.ts';
import { langOption, type CliCommand, type Lang } from './types.ts';

export const checkSamplesCommand: CliCommand = {
  name: 'check-samples',
  register(program, { io, exit }) {
    program
      .command('check-samples')
      .description(
        'check every bundled sample report in examples/reports/ and print the findings (always exit 0)',
      )
      .addOption(langOption())
      .action(async (opts: { lang: Lang }) => {
        exit(await runCheckSamples(opts.lang, io));
      });
  },
};

async function runCheckSamples(lang: Lang, io: Io): Promise<number> {
  const { readdir } = await import('node:fs/promises');
  const { fileURLToPath } = await import('node:url');
  const { checkAll } = await import('../check.ts');
  const root = fileURLToPath(new URL('../../../', import.meta.url));
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
