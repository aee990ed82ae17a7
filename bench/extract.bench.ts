// Throughput and memory of readText + extract, end to end, in-process on one thread (`npm run bench`).
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { extract, readText } from '../src/index.ts';

const TOTAL = 10_000;
const CHECKPOINTS = [0, 2_500, 5_000, 7_500, 10_000];

// A full collection before each heap reading, so the figures show what is retained, not garbage not yet swept.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const dir = fileURLToPath(new URL('../examples/reports/', import.meta.url));
const samples = readdirSync(dir)
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((n) => ({ path: join(dir, n), bytes: new Uint8Array(readFileSync(join(dir, n))) }));
if (samples.length === 0) throw new Error(`no samples in ${dir}`);

const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
const cpu = cpus();
console.log(`machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${mb(totalmem())} RAM`);
console.log(`node ${process.version}, ${process.platform}-${process.arch}`);
console.log(
  `input: ${samples.length} sample reports (${(samples.reduce((s, x) => s + x.bytes.length, 0) / 1024).toFixed(1)} KB) ` +
    `repeated to ${TOTAL.toLocaleString('en')} inputs; readText + extract, in-process, single thread\n`,
);

// Warm-up, so the segments measure the optimised code and not the JIT (V8 needs a few hundred calls).
for (let i = 0; i < 1000; i++) {
  const s = samples[i % samples.length]!;
  extract(readText(s.bytes, { path: s.path }));
}

let reports = 0;
let diagnostics = 0;
let lastTime = performance.now();
let busy = 0; // time spent reading and extracting, without the forced GCs of the checkpoints
const row = (a: string, b: string, c: string, d: string) =>
  console.log(a.padStart(8), b.padStart(14), c.padStart(16), d.padStart(14));
row('inputs', 'reports/s', '(this segment)', 'heap used');
gc();
row('0', '', '', mb(process.memoryUsage().heapUsed));
for (let i = 1; i <= TOTAL; i++) {
  const s = samples[(i - 1) % samples.length]!;
  const doc = readText(s.bytes, { path: s.path });
  const result = extract(doc);
  diagnostics += doc.diagnostics.length + result.diagnostics.length;
  if (result.report) reports++;
  if (CHECKPOINTS.includes(i)) {
    const now = performance.now();
    const segment = CHECKPOINTS[CHECKPOINTS.indexOf(i) - 1]!;
    busy += now - lastTime;
    const overall = (i / busy) * 1000;
    const recent = ((i - segment) / (now - lastTime)) * 1000;
    gc();
    row(i.toLocaleString('en'), overall.toFixed(0), recent.toFixed(0), mb(process.memoryUsage().heapUsed));
    lastTime = performance.now();
  }
}
const seconds = busy / 1000;
console.log(
  `\n${TOTAL.toLocaleString('en')} inputs in ${seconds.toFixed(2)} s (after 1,000 warm-up inputs, GC at checkpoints excluded): ` +
    `${(TOTAL / seconds).toFixed(0)} reports/s; ${reports} reports, ${diagnostics} diagnostics`,
);
