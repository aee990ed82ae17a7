// Speed of reading and extracting a 5-page PDF report (issue 4: under 1 s here): cold, in a fresh process, and warm.
// Run: node --import tsx bench/pdf.bench.ts
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { extract } from '../src/extract/index.ts';
import { read } from '../src/read/index.ts';

const FILE = new URL('../test/fixtures/pdf/wrapped-labels.pdf', import.meta.url); // 5 pages, a 2021 report
const RUNS = 20;

const bytes = new Uint8Array(readFileSync(FILE));
const once = async () => {
  const t = performance.now();
  const doc = await read(bytes, { path: 'wrapped-labels.pdf' });
  const { report } = extract(doc);
  if (!report) throw new Error('no report read from the benchmark PDF');
  return performance.now() - t;
};

const cold = await once(); // includes loading pdf.js, its cMaps and fonts
const warm: number[] = [];
for (let i = 0; i < RUNS; i++) warm.push(await once());
warm.sort((a, b) => a - b);
const median = warm[Math.floor(warm.length / 2)]!;
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}`);
console.log(`5-page PDF (${(bytes.length / 1024).toFixed(0)} KB), read + extract:`);
console.log(`  first in the process (pdf.js loaded): ${cold.toFixed(0)} ms`);
console.log(
  `  warm, ${RUNS} runs: median ${median.toFixed(0)} ms, min ${warm[0]!.toFixed(0)} ms, max ${warm[RUNS - 1]!.toFixed(0)} ms`,
);
console.log(`  target: under 1,000 ms — ${median < 1000 ? 'met' : 'NOT met'} (warm median)`);
