// The child of `npm run bench` (bench/kinds.bench.ts): one input kind measured in this process, on one thread,
// printed as one JSON line. Plain JavaScript run by plain node, so that it runs the compiled code of dist/ as the
// command does (scripts/build-dist.mjs decides; the sources through tsx when dist/ is stale): tsx in a process
// transforms pdf.js too, and tripled a PDF reader's resident memory (467 MB against 160 MB for the same reads).
//
//   node bench/kinds-child.mjs KIND SECONDS
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDecoder } from 'node:util';
import { URL, fileURLToPath } from 'node:url';
import { entry } from '../scripts/build-dist.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const fromRoot = (...parts) => join(root, ...parts);

/** A module of nianbao, compiled when dist/ is current. */
let registered = false;
async function load(module) {
  const target = entry(module);
  if (target.from === 'src' && !registered) {
    (await import('tsx/esm/api')).register();
    registered = true;
  }
  return import(target.url);
}

/** The repository's files of a kind: samples, fixtures and the real reports kept in test/fixtures/real. */
function corpus(kind) {
  const list = (dir, ext, skip = /^$/) =>
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

/** One kind, in this process: nianbao's read + extract and the yardstick, round by round for `budget` s each. */
async function measure(kind, budget) {
  const paths = corpus(kind);
  if (paths.length === 0) throw new Error(`no ${kind} files`);
  const files = paths.map((p) => ({ path: p, name: basename(p), bytes: new Uint8Array(readFileSync(p)) }));
  const { read } = await load('read/index');
  const { extract } = await load('extract/index');
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

/** Counts numbers, so that no side's work can be optimised away. */
let sink = 0;
const NUMBER = /\d+/g;
const count = (s) => {
  for (const line of s.split('\n')) sink += line.match(NUMBER)?.length ?? 0;
};

async function yardstick(kind) {
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
          ? (n) => n === 'word/document.xml'
          : (n) => n.startsWith('xl/worksheets/sheet') || n === 'xl/sharedStrings.xml';
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

const [kind, seconds] = process.argv.slice(2);
const outcome = await measure(kind, Number(seconds));
process.stdout.write(JSON.stringify({ ...outcome, code: registered ? 'src (tsx)' : 'dist' }) + '\n');
