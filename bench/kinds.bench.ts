// Throughput per input kind, each beside a yardstick run in the same process on the same files (`npm run bench`).
//
// For every kind (text, HTML, DOCX, PDF, XLSX) a child process reads and extracts the repository's own files of that
// kind on one thread (so the figure is per core), and runs the kind's floor over the same files, interleaved round by
// round so that a machine's drift touches both alike:
// - text: decode, split lines, one number regex (nothing can read a report with less);
// - HTML: decode and parse the page into a DOM with cheerio, its text taken;
// - DOCX: unzip and parse word/document.xml (fflate, fast-xml-parser);
// - XLSX: unzip and parse every sheet and the shared strings;
// - PDF: `pdftotext -layout FILE -` as a user runs it (a process per file), or pdf.js's text of every page when
//   poppler is not installed.
// The child (bench/kinds-child.mjs, plain node) runs the compiled dist/ as the command does, and its peak RSS is its
// own, so each kind's memory is told apart.
//
//   npm run bench                 every kind, a table
//   npm run bench -- --markdown   the same as a Markdown table (docs/benchmarks.md)
//   npm run bench -- --kind pdf   one kind
//   npm run bench -- --seconds 5  time per kind for each side (default 3)
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const KINDS = ['text', 'html', 'docx', 'pdf', 'xlsx'] as const;
type Kind = (typeof KINDS)[number];

interface Outcome {
  kind: Kind;
  files: number;
  kb: number;
  rounds: number;
  perSecond: number;
  yardstick: string;
  yardstickPerSecond: number;
  reports: number;
  peakRssMb: number;
  /** What ran: the compiled dist/ or the sources through tsx. */
  code: string;
}

const args = parseArgs({
  options: {
    kind: { type: 'string' },
    seconds: { type: 'string', default: '3' },
    markdown: { type: 'boolean', default: false },
  },
});
const seconds = Number(args.values.seconds);

async function parent(): Promise<void> {
  const kinds = args.values.kind ? [args.values.kind as Kind] : [...KINDS];
  for (const k of kinds)
    if (!KINDS.includes(k)) throw new Error(`unknown kind ${k}; kinds: ${KINDS.join(', ')}`);
  const cpu = cpus();
  const machine = `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}`;
  const outcomes: Outcome[] = [];
  for (const kind of kinds) {
    const child = spawnSync(
      process.execPath,
      [fileURLToPath(new URL('./kinds-child.mjs', import.meta.url)), kind, String(seconds)],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    if (child.status !== 0) throw new Error(`the ${kind} benchmark failed:\n${child.stderr}`);
    outcomes.push(JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Outcome);
  }
  const rows = outcomes.map((o) => [
    o.kind,
    `${o.files} (${o.kb.toFixed(0)} KB)`,
    o.perSecond.toFixed(o.perSecond < 10 ? 1 : 0),
    o.yardstick,
    o.yardstickPerSecond.toFixed(o.yardstickPerSecond < 10 ? 1 : 0),
    (o.perSecond / o.yardstickPerSecond).toFixed(2),
    (o.yardstickPerSecond / o.perSecond).toFixed(1) + '×',
    `${o.peakRssMb.toFixed(0)} MB`,
  ]);
  const head = [
    'kind',
    'files',
    'reports/s per core',
    'yardstick',
    'yardstick/s',
    'ratio',
    'slower',
    'peak RSS',
  ];
  console.log(`machine: ${machine}`);
  console.log(
    `${seconds} s a side per kind, interleaved rounds, one thread each; code run: ${[...new Set(outcomes.map((o) => o.code))].join(', ')}\n`,
  );
  if (args.values.markdown) {
    console.log(`| ${head.join(' | ')} |`);
    console.log(`|${head.map(() => '---').join('|')}|`);
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  } else {
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) =>
      r.map((c, i) => (i === 0 || i === 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    console.log(line(head));
    for (const r of rows) console.log(line(r));
    console.log('\nratio = reports/s ÷ yardstick/s (1 = as fast as the floor); slower = its inverse');
  }
}

await parent();
