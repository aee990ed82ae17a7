// A CLI batch at scale (`npm run bench:batch`): N text reports or N PDFs, each a copy of a repository file made
// distinct by a byte, through `nianbao extract --format jsonl` as a user runs it; its peak RSS (the process's
// high-water mark, VmHWM, read from /proc while it runs), files per second, and whether every entry is identical to
// the same file extracted alone in this process (the one-by-one reference).
//
//   npm run bench:batch -- --kind text --files 10000 [--jobs 2]
//   npm run bench:batch -- --kind pdf --files 1000
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { extractEntry, processFile } from '../src/cli/process.ts';
import { treeRssOf } from '../scripts/fuzz.ts';

const { values } = parseArgs({
  options: {
    kind: { type: 'string', default: 'text' },
    files: { type: 'string', default: '10000' },
    jobs: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const kind = values.kind as 'text' | 'pdf';
const count = Number(values.files);
const root = fileURLToPath(new URL('..', import.meta.url));

const sources =
  kind === 'text'
    ? [
        ...readdirSync(join(root, 'examples/reports'))
          .filter((n) => n.endsWith('.txt'))
          .map((n) => join(root, 'examples/reports', n)),
        ...readdirSync(join(root, 'test/fixtures/real'))
          .filter((n) => n.endsWith('.txt'))
          .map((n) => join(root, 'test/fixtures/real', n)),
      ]
    : readdirSync(join(root, 'test/fixtures/pdf'))
        .filter((n) => n.endsWith('.pdf') && !/^(scan|encrypted|damaged)/.test(n))
        .map((n) => join(root, 'test/fixtures/pdf', n));
const dir = mkdtempSync(join(tmpdir(), `nianbao-batch-${kind}-`));
const files: string[] = [];
for (let i = 0; i < count; i++) {
  const src = sources[i % sources.length]!;
  // A distinct byte at the end: a text report gets a final line, a PDF a comment after %%EOF (readers ignore both).
  const tail = kind === 'text' ? `\n` + ' '.repeat(1 + (i % 7)) : `\n%${i}\n`;
  const name = join(dir, `${String(i).padStart(6, '0')}.${kind === 'text' ? 'txt' : 'pdf'}`);
  writeFileSync(name, Buffer.concat([readFileSync(src), Buffer.from(tail)]));
  files.push(name);
}

const bin = join(root, 'bin/nianbao.js');
const args = [bin, 'extract', '--format', 'jsonl', '--no-ocr', dir];
if (values.jobs) args.push('--jobs', values.jobs);
const started = performance.now();
const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
const out: Buffer[] = [];
child.stdout.on('data', (b: Buffer) => out.push(b));
let err = '';
child.stderr.on('data', (b: Buffer) => (err += b.toString()));
let peakKb = 0;
// The command's own high-water mark, and the resident memory of it with its reading processes (files are read on
// child processes), sampled: the larger of the two.
const hwm = async () => {
  try {
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
    peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0), treeRssOf(child.pid) / 1024);
  } catch {
    // ended
  }
};
const timer = setInterval(() => void hwm(), 50);
const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? -1)));
clearInterval(timer);
const seconds = (performance.now() - started) / 1000;

const lines = Buffer.concat(out).toString('utf8').trim().split('\n');
// The reference: each distinct source extracted alone, in this process, by the pipeline the CLI runs; a copy's
// entry must equal its source's but for the file name and the bytes' hash.
const norm = (json: string) =>
  json.replace(/"file":"[^"]*"/g, '"file":""').replace(/"sha256":"[0-9a-f]{64}"/g, '"sha256":""');
const reference = new Map<string, string>();
let same = 0;
const differ: string[] = [];
for (let i = 0; i < lines.length; i++) {
  const src = sources[i % sources.length]!;
  if (!reference.has(src))
    reference.set(src, norm(JSON.stringify(extractEntry(await processFile(files[i]!, { ocr: false })))));
  if (norm(lines[i]!) === reference.get(src)) same++;
  else differ.push(files[i]!);
}
const hash = createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 12);
const cpu = cpus();
console.log(`machine: ${cpu[0]?.model ?? '?'}, ${cpu.length} cores; node ${process.version}`);
console.log(
  `${kind}: ${count.toLocaleString('en')} files (${sources.length} sources), jobs ${values.jobs ?? 'default'}: exit ${code}, ` +
    `${seconds.toFixed(1)} s, ${(count / seconds).toFixed(1)} files/s, peak RSS ${(peakKb / 1024).toFixed(0)} MB`,
);
console.log(
  `entries: ${lines.length}; identical to one-by-one: ${same}/${count}${differ.length ? ` (first differing: ${differ[0]})` : ''}; output ${hash}`,
);
if (err.trim() && code > 1) console.log(`stderr: ${err.slice(0, 2000)}`);
if (!values.keep && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
