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
// The child's peak RSS is its own, so each kind's memory is told apart.
//
//   npm run bench                 every kind, a table
//   npm run bench -- --markdown   the same as a Markdown table (docs/benchmarks.md)
//   npm run bench -- --kind pdf   one kind
//   npm run bench -- --seconds 5  time per kind for each side (default 3)
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const KINDS = ['text', 'html', 'docx', 'pdf', 'xlsx'] as const;
type Kind = (typeof KINDS)[number];

const root = fileURLToPath(new URL('..', import.meta.url));
const fromRoot = (...parts: string[]) => join(root, ...parts);

/** The repository's files of a kind: samples, fixtures and the real reports kept in test/fixtures/real. */
function corpus(kind: Kind): string[] {
  const list = (dir: string, ext: string, skip: RegExp = /^$/) =>
    readdirSync(fromRoot(dir))
      .filter((n) => n.endsWith(ext) && !skip.test(n))
      .sort()
      .map((n) => fromRoot(dir, n));
  switch (kind) {
    case 'text':
      return [...list('examples/reports', '.txt'), ...list('test/fixtures/real', '.txt')];
    case 'html':
      // 2021-images.html is a page of pictures: no text to read, and no floor to compare with.
      return [...list('test/fixtures/html', '.html', /images/), ...list('test/fixtures/real', '.html')];
    case 'docx':
      return list('test/fixtures/docx', '.docx');
    case 'xlsx':
      return list('test/fixtures/xlsx', '.xlsx');
    case 'pdf':
      // Scans are OCR's (npm run bench:ocr); encrypted and damaged files are not reports.
      return list('test/fixtures/pdf', '.pdf', /^(scan|encrypted|damaged)/);
  }
}

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
}

const args = parseArgs({
  options: {
    child: { type: 'string' },
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
      [...process.execArgv, fileURLToPath(import.meta.url), '--child', kind, '--seconds', String(seconds)],
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
  console.log(`${seconds} s a side per kind, interleaved rounds, one thread each\n`);
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

/** One kind, in this process: nianbao's read + extract and the yardstick, round by round for `budget` s each. */
async function measure(kind: Kind, budget: number): Promise<Outcome> {
  const paths = corpus(kind);
  if (paths.length === 0) throw new Error(`no ${kind} files`);
  const files = paths.map((p) => ({ path: p, name: basename(p), bytes: new Uint8Array(readFileSync(p)) }));
  const { read } = await import('../src/read/index.ts');
  const { extract } = await import('../src/extract/index.ts');
  const floor = await yardstick(kind);
  let reports = 0;
  const ours = async () => {
    for (const f of files) {
      const doc = await read(f.bytes, { path: f.name, ocr: false });
      if (extract(doc).report) reports++;
    }
  };
  const theirs = async () => {
    for (const f of files) await floor.run(f.bytes, f.path);
  };
  // Warm-up: pdf.js, cMaps, fonts and the JIT, on both sides.
  const warm = performance.now();
  while (performance.now() - warm < Math.min(1000, budget * 300)) {
    await ours();
    await theirs();
  }
  reports = 0;
  let oursMs = 0;
  let theirsMs = 0;
  let rounds = 0;
  while (oursMs < budget * 1000 || theirsMs < budget * 1000 || rounds < 3) {
    let t = performance.now();
    await ours();
    oursMs += performance.now() - t;
    t = performance.now();
    await theirs();
    theirsMs += performance.now() - t;
    rounds++;
  }
  const n = rounds * files.length;
  return {
    kind,
    files: files.length,
    kb: files.reduce((s, f) => s + f.bytes.length, 0) / 1024,
    rounds,
    perSecond: (n / oursMs) * 1000,
    yardstick: floor.name,
    yardstickPerSecond: (n / theirsMs) * 1000,
    reports: reports / rounds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

interface Floor {
  name: string;
  run(bytes: Uint8Array, path: string): Promise<unknown> | unknown;
}

/** Counts numbers, so that no side's work can be optimised away. */
let sink = 0;
const NUMBER = /\d+/g;
const count = (s: string) => {
  for (const line of s.split('\n')) sink += line.match(NUMBER)?.length ?? 0;
};

async function yardstick(kind: Kind): Promise<Floor> {
  const utf8 = new TextDecoder('utf-8');
  switch (kind) {
    case 'text':
      return { name: 'decode + lines + number regex', run: (b) => count(utf8.decode(b)) };
    case 'html': {
      const { load } = await import('cheerio');
      return { name: 'decode + cheerio DOM + text', run: (b) => count(load(utf8.decode(b)).text()) };
    }
    case 'docx':
    case 'xlsx': {
      const { unzipSync, strFromU8 } = await import('fflate');
      const { XMLParser } = await import('fast-xml-parser');
      const parser = new XMLParser({ ignoreAttributes: false });
      const wanted =
        kind === 'docx'
          ? (n: string) => n === 'word/document.xml'
          : (n: string) => n.startsWith('xl/worksheets/sheet') || n === 'xl/sharedStrings.xml';
      return {
        name: kind === 'docx' ? 'unzip + parse document.xml' : 'unzip + parse sheets',
        run: (b) => {
          const entries = unzipSync(b, { filter: (f) => wanted(f.name) });
          for (const data of Object.values(entries))
            sink += Object.keys(parser.parse(strFromU8(data))).length;
        },
      };
    }
    case 'pdf': {
      const poppler = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
      if (poppler.status === 0)
        return {
          name: 'pdftotext -layout (a process a file)',
          run: (_b, path) => count(execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })),
        };
      const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
      return {
        name: 'pdf.js text of every page',
        run: async (b) => {
          const pdf = await getDocument({ data: b.slice(), useSystemFonts: false }).promise;
          for (let i = 1; i <= pdf.numPages; i++) {
            const page = await pdf.getPage(i);
            const text = await page.getTextContent();
            sink += text.items.length;
          }
          await pdf.destroy();
        },
      };
    }
  }
}

process.on('exit', () => {
  if (sink < 0) console.log(sink); // keeps `sink` observable
});

if (args.values.child) {
  process.stdout.write(JSON.stringify(await measure(args.values.child as Kind, seconds)) + '\n');
} else {
  await parent();
}
