// The server measured over loopback (issue 14): upload to report view for a text report and a 5-page PDF, then a
// load test of GET /api/reports/:id and POST /api/check with autocannon. The server runs in its own process
// (`nianbao serve --db memory:`) so that the load generator does not share its event loop.
// Run: npm run bench:server   (NIANBAO_BENCH_SECONDS=60 by default per load test)
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.NIANBAO_BENCH_SECONDS ?? 60);
const RUNS = 3;
const TEXT = 'examples/reports/000_4fc5202fe3db526a.txt';
const PDF = 'test/fixtures/pdf/wrapped-labels.pdf';

function multipart(name: string, bytes: Uint8Array): { body: Buffer; type: string } {
  const boundary = '----nianbaobench';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

const server = spawn(process.execPath, ['bin/nianbao.js', 'serve', '--db', 'memory:', '--port', '0'], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const base = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    const m = /^(http:\/\/\S+\/)$/m.exec(out);
    if (m) resolve(m[1]!);
  });
  server.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
});

async function upload(name: string, bytes: Uint8Array): Promise<{ ms: number; reportId: number }> {
  const t = performance.now();
  const { body, type } = multipart(name, bytes);
  const posted = await fetch(`${base}api/files`, {
    method: 'POST',
    body,
    headers: { 'content-type': type, 'x-nianbao': '1' },
  });
  const { batchId } = (await posted.json()) as { batchId: string };
  // The events stream ends when the batch is done: what a page waits for before it opens the report.
  await (await fetch(`${base}api/batches/${batchId}/events`)).text();
  const batch = (await (await fetch(`${base}api/batches/${batchId}`)).json()) as {
    files: { reportId: number; status: string }[];
  };
  const reportId = batch.files[0]!.reportId;
  const view = await fetch(`${base}api/reports/${reportId}`);
  await view.json();
  return { ms: performance.now() - t, reportId };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// The samples first (a library to look at), then each measured file RUNS times as new bytes.
for (const f of readdirSync(join(ROOT, 'examples/reports')).filter((n) => n.endsWith('.txt')))
  await upload(f, readFileSync(join(ROOT, 'examples/reports', f)));
const timings: Record<string, number[]> = { text: [], pdf: [] };
let reportId = 0;
for (let i = 0; i < RUNS; i++) {
  const text = readFileSync(join(ROOT, TEXT));
  const t = await upload(`text-${i}.txt`, Buffer.concat([text, Buffer.from('\n'.repeat(i + 1))]));
  timings.text!.push(t.ms);
  reportId = t.reportId;
  const pdf = readFileSync(join(ROOT, PDF));
  timings.pdf!.push((await upload(`pdf-${i}.pdf`, Buffer.concat([pdf, Buffer.from(`\n%${i}\n`)]))).ms);
}

async function load(title: string, options: autocannon.Options) {
  const result = await autocannon({ connections: 10, duration: SECONDS, ...options });
  return {
    title,
    'requests/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

const sample = multipart('check.txt', readFileSync(join(ROOT, TEXT)));
const rows = [
  await load('GET /api/reports/:id', { url: `${base}api/reports/${reportId}` }),
  await load('POST /api/check (text report)', {
    url: `${base}api/check`,
    method: 'POST',
    headers: { 'content-type': sample.type, 'x-nianbao': '1' },
    body: sample.body,
  }),
];
const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1];
server.kill('SIGTERM');

console.log(`upload → report view (median of ${RUNS}, loopback):`);
console.log(
  `  text report (${TEXT}): ${median(timings.text!).toFixed(0)} ms  [${timings.text!.map((t) => t.toFixed(0)).join(', ')}]`,
);
console.log(
  `  5-page PDF (${PDF}): ${median(timings.pdf!).toFixed(0)} ms  [${timings.pdf!.map((t) => t.toFixed(0)).join(', ')}]`,
);
console.log(`load, ${SECONDS} s each, 10 connections:`);
console.table(rows);
if (rss) console.log(`server memory after the load: ${Math.round(Number(rss) / 1024)} MB RSS`);
