// Start-up and batch times of the command from the sources (tsx) and from the compiled dist/, each against a
// yardstick of the same run (`npm run bench:startup`; docs/benchmarks.md, "Start-up and compiled code").
// 1. `nianbao check SAMPLE`, median of 7, against `node -e 0` and `npx eslint FILE`.
// 2. `nianbao extract --format json` over 2,000 text reports (the samples and the real text reports, copied into a
//    temp folder), --jobs 1 and --jobs 2, against the same extraction run in this process (no start-up).
// The rounds alternate the variants, so that load from other processes falls on all of them alike.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.ts';
import { staleReason } from '../scripts/build-dist.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SAMPLE = 'examples/reports/002_3f168525c89639f9.txt';
const LINT = 'src/cli/io.ts';
const ROUNDS = Number(process.env.ROUNDS ?? 7);
const BATCH_ROUNDS = Number(process.env.BATCH_ROUNDS ?? 3);
const COPIES = 2_000;

const stale = staleReason();
if (stale !== null) throw new Error(`dist/ is stale (${stale}): run npm run build first`);

function run(args: string[], env: Record<string, string> = {}, input = ''): { ms: number; stdout: string } {
  const started = performance.now();
  const r = spawnSync(args[0]!, args.slice(1), {
    cwd: ROOT,
    env: { ...process.env, ...env },
    input,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const node = process.execPath;

console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; node ${process.version}`);
console.log(
  `load average at start: ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}\n`,
);

// 1. Start-up.
const startup: Record<string, number[]> = { 'node -e 0': [], 'npx eslint FILE': [], src: [], dist: [] };
for (let i = 0; i < ROUNDS; i++) {
  startup['node -e 0']!.push(run([node, '-e', '0']).ms);
  startup['npx eslint FILE']!.push(run(['npx', 'eslint', LINT]).ms);
  startup.src!.push(run([node, 'bin/nianbao.js', 'check', SAMPLE], { NIANBAO_FROM: 'src' }).ms);
  startup.dist!.push(run([node, 'bin/nianbao.js', 'check', SAMPLE], { NIANBAO_FROM: 'dist' }).ms);
}
const node0 = median(startup['node -e 0']!);
const eslint = median(startup['npx eslint FILE']!);
console.log(`nianbao check ${SAMPLE}: median of ${ROUNDS} (ms), and as a ratio to the yardsticks`);
console.log(
  `${'run'.padEnd(18)}${'median'.padStart(8)}${'÷ node -e 0'.padStart(13)}${'÷ eslint'.padStart(10)}`,
);
for (const [name, xs] of Object.entries(startup)) {
  const m = median(xs);
  console.log(
    `${name.padEnd(18)}${m.toFixed(0).padStart(8)}${(m / node0).toFixed(2).padStart(13)}${(m / eslint).toFixed(2).padStart(10)}`,
  );
}

// 2. A batch of 2,000 text reports.
const dir = mkdtempSync(join(tmpdir(), 'nianbao-startup-'));
try {
  const sources = [
    ...readdirSync(join(ROOT, 'examples/reports'))
      .filter((n) => n.endsWith('.txt'))
      .map((n) => join(ROOT, 'examples/reports', n)),
    ...readdirSync(join(ROOT, 'test/fixtures/real'))
      .filter((n) => n.endsWith('.txt'))
      .map((n) => join(ROOT, 'test/fixtures/real', n)),
  ].sort();
  const folder = join(dir, 'reports');
  mkdirSync(folder);
  for (let i = 0; i < COPIES; i++)
    copyFileSync(sources[i % sources.length]!, join(folder, `${String(i).padStart(4, '0')}.txt`));

  const args = ['extract', '--format', 'json'];
  const batch: Record<string, number[]> = { 'in-process': [] };
  for (const from of ['src', 'dist']) for (const jobs of [1, 2]) batch[`${from} --jobs ${jobs}`] = [];
  let reference: string | undefined;
  const same = (out: string, what: string) => {
    reference ??= out;
    if (out !== reference) throw new Error(`${what} printed other JSON than the in-process run`);
  };
  for (let i = 0; i < BATCH_ROUNDS; i++) {
    let out = '';
    const started = performance.now();
    const code = await main([...args, '--jobs', '1', folder], {
      out: async (s) => void (out += s),
      err: () => undefined,
      cwd: ROOT,
    });
    batch['in-process']!.push(performance.now() - started);
    if (code > 1) throw new Error(`in-process run exited ${code}`);
    same(out, 'in-process');
    for (const from of ['src', 'dist'])
      for (const jobs of [1, 2]) {
        const r = run([node, 'bin/nianbao.js', ...args, '--jobs', String(jobs), folder], {
          NIANBAO_FROM: from,
        });
        batch[`${from} --jobs ${jobs}`]!.push(r.ms);
        same(r.stdout, `${from} --jobs ${jobs}`);
      }
  }
  const inProcess = median(batch['in-process']!);
  console.log(
    `\nnianbao extract --format json over ${COPIES.toLocaleString('en')} text reports (${sources.length} files ` +
      `copied), median of ${BATCH_ROUNDS} (ms); all printed the same JSON`,
  );
  console.log(
    `${'run'.padEnd(18)}${'median'.padStart(8)}${'reports/s'.padStart(11)}${'÷ in-process'.padStart(14)}`,
  );
  for (const [name, xs] of Object.entries(batch)) {
    const m = median(xs);
    console.log(
      `${name.padEnd(18)}${m.toFixed(0).padStart(8)}${((COPIES / m) * 1000).toFixed(0).padStart(11)}` +
        `${(m / inProcess).toFixed(2).padStart(14)}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
