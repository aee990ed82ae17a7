// The server's cost per upload of a small text, read in process or on its worker thread (src/isolate Isolated):
// the same Batches path as POST /api/files (read → extract → check → store in an in-memory library), alternating
// the two ways in one process so that both see the same load. `npx tsx scripts/measure-server-isolation.ts [N]`;
// run `npm run build` first, so that the worker runs dist/ as it does for users.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Isolated } from '../src/isolate/pool.ts';
import { Batches } from '../src/server/batches.ts';
import { openStore } from '../src/store/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.argv[2] ?? 20);
const samples = readdirSync(join(ROOT, 'examples/reports'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(ROOT, 'examples/reports', f)));

async function uploads(
  store: Awaited<ReturnType<typeof openStore>>,
  reader: Isolated,
  round: number,
  n: number,
) {
  const batches = new Batches(store, { lang: 'en', ocr: false }, reader);
  // Distinct bytes each (blank space at the end), so that every upload is read and stored, never "unchanged".
  const items = Array.from({ length: n }, (_, i) => ({
    file: {
      name: `r${round}-${i}.txt`,
      bytes: new Uint8Array(
        Buffer.concat([samples[i % samples.length]!, Buffer.from(`\n${' '.repeat(round * n + i)}\n`)]),
      ),
    },
  }));
  const cpu = process.cpuUsage();
  const started = performance.now();
  const batch = batches.start(items, null);
  await batches.idle();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const bad = batch.files.filter((f) => f.status !== 'imported' && f.status !== 'new-version');
  if (bad.length) throw new Error(`not imported: ${bad.map((f) => `${f.file} ${f.status}`).join(', ')}`);
  return { ms: ms / n, cpu: (used.user + used.system) / 1000 / n };
}

const store = await openStore('memory:');
const inProcess = new Isolated({ timeout: 300 });
const onWorker = new Isolated({ timeout: 300, inProcessMaxBytes: 0 });
// Warm-up: code loaded, the worker thread started.
await uploads(store, inProcess, 0, 3);
await uploads(store, onWorker, 1, 3);
const a: { ms: number; cpu: number }[] = [];
const b: { ms: number; cpu: number }[] = [];
for (let r = 0; r < 4; r++) {
  a.push(await uploads(store, inProcess, 2 + 2 * r, N));
  b.push(await uploads(store, onWorker, 3 + 2 * r, N));
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const f = (x: number) => x.toFixed(1);
const [am, bm, ac, bc] = [
  median(a.map((x) => x.ms)),
  median(b.map((x) => x.ms)),
  median(a.map((x) => x.cpu)),
  median(b.map((x) => x.cpu)),
];
console.log(`per upload of a sample text (${N} a round, median of 4 rounds):`);
console.log(`  in process:        ${f(am)} ms wall, ${f(ac)} ms CPU`);
console.log(`  on the worker:     ${f(bm)} ms wall, ${f(bc)} ms CPU`);
console.log(`  worker ÷ in process: ${(bm / am).toFixed(2)} wall, ${(bc / ac).toFixed(2)} CPU`);
// The reading alone (read + extract, no check, no store): what the worker adds to each file.
const extractOnly = async (reader: Isolated) => {
  const started = performance.now();
  for (let i = 0; i < N; i++)
    await reader.extract(`x${i}.txt`, samples[i % samples.length]!, { lang: 'en', ocr: false });
  return (performance.now() - started) / N;
};
const ea: number[] = [];
const eb: number[] = [];
for (let r = 0; r < 4; r++) {
  ea.push(await extractOnly(inProcess));
  eb.push(await extractOnly(onWorker));
}
console.log(
  `read + extract alone: ${f(median(ea))} ms in process, ${f(median(eb))} ms on the worker (${(median(eb) / median(ea)).toFixed(2)}×)`,
);
await inProcess.close();
await onWorker.close();
await store.close();
