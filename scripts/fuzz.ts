// The fuzz suite (issue 15 item 6): mutated and hostile files made from the project's own fixtures of every kind,
// run through the pipeline in process and a sample through the CLI, each run checked: no throw past the pipeline,
// every reading finding names its file, a bounded time per case, JSON that serialises; through the CLI an exit code
// of 0, 1 or 2, valid JSON on stdout, no stack trace on stderr. Memory: the process's RSS is watched (under 1 GB).
//
//   npm run fuzz -- [--cases 10000] [--seed 1] [--cli 50] [--hang 120] [--timeout 30] [--minutes M] [--out DIR]
//   npm run fuzz -- --cases-list 110,3484 [--seed 1] …   runs only these cases (a hang of a run, again)
//   npm run fuzz -- --seed S --case N [--out DIR]     writes case N of seed S (a reproducer) and runs nothing
//
// In-process cases run in a worker thread, ended when a case passes the hang limit (the case is saved to DIR and
// counted as a hang). test/fuzz.test.ts runs a small fixed-seed count of the same cases inside `npm test`.
import { random } from './lib/random.ts';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import iconv from 'iconv-lite';
import { extractFile } from '../src/pipeline.ts';
import type { ReportFile } from '../src/model/file.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The kinds of input mutated. */
export const KINDS = ['text', 'html', 'docx', 'doc', 'xlsx', 'pdf', 'json'] as const;
export type FuzzKind = (typeof KINDS)[number];

/** One fuzz case: the bytes, what they were made from and how. */
export interface FuzzCase {
  index: number;
  kind: FuzzKind;
  from: string;
  mutation: string;
  /** The file name the case is read as (its extension that of its kind). */
  name: string;
  bytes: Uint8Array;
  /** Scanned pages read by OCR (a few PDF cases: OCR takes seconds a page). */
  ocr: boolean;
}

/** A seeded generator (mulberry32, scripts/lib/random.ts): the same seed makes the same cases. */
export const rng = random;

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)]!;

const EXT: Record<FuzzKind, string> = {
  text: 'txt',
  html: 'html',
  docx: 'docx',
  doc: 'doc',
  xlsx: 'xlsx',
  pdf: 'pdf',
  json: 'json',
};

/** The fixtures mutated, by kind (paths relative to the repository). */
function fixtureFiles(): Record<FuzzKind, string[]> {
  const list = (dir: string, re: RegExp) =>
    readdirSync(join(ROOT, dir))
      .filter((f) => re.test(f))
      .sort()
      .map((f) => `${dir}/${f}`);
  return {
    text: [...list('examples/reports', /\.txt$/), ...list('test/fixtures/patterns', /^p1-.*\.txt$/)],
    html: list('test/fixtures/html', /\.html$/),
    docx: list('test/fixtures/docx', /\.docx$/),
    doc: list('test/fixtures/doc', /\.doc$/),
    xlsx: list('test/fixtures/xlsx', /\.xlsx$/),
    pdf: list('test/fixtures/pdf', /\.pdf$/),
    json: list('test/fixtures/expected', /\.json$/),
  };
}

let fixtures: Record<FuzzKind, { path: string; bytes: Uint8Array }[]> | null = null;
function loadFixtures() {
  if (fixtures) return fixtures;
  const files = fixtureFiles();
  fixtures = Object.fromEntries(
    KINDS.map((k) => [
      k,
      files[k].map((path) => ({ path, bytes: new Uint8Array(readFileSync(join(ROOT, path))) })),
    ]),
  ) as NonNullable<typeof fixtures>;
  return fixtures;
}

// --- Mutations of any bytes ---------------------------------------------------------------------------------------

type Mutation = (bytes: Uint8Array, r: Rand) => Uint8Array;

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const GENERIC: Record<string, Mutation> = {
  truncated: (b, r) => b.slice(0, int(r, b.length)),
  'bit-flipped': (b, r) => {
    const out = b.slice();
    const n = 1 + int(r, 64);
    for (let i = 0; i < n && out.length > 0; i++) out[int(r, out.length)]! ^= 1 << int(r, 8);
    return out;
  },
  'byte-inserted': (b, r) => {
    const at = int(r, b.length + 1);
    const junk = Uint8Array.from({ length: 1 + int(r, 256) }, () => int(r, 256));
    return concat(b.subarray(0, at), junk, b.subarray(at));
  },
  'bytes-deleted': (b, r) => {
    const at = int(r, b.length);
    return concat(b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + int(r, 4096))));
  },
  'chunk-repeated': (b, r) => {
    const at = int(r, b.length);
    const chunk = b.subarray(at, at + 1 + int(r, 2048));
    return concat(b.subarray(0, at), ...Array.from({ length: 2 + int(r, 50) }, () => chunk), b.subarray(at));
  },
  'zeroed-range': (b, r) => {
    const out = b.slice();
    const at = int(r, b.length);
    out.fill(0, at, at + 1 + int(r, 8192));
    return out;
  },
  empty: () => new Uint8Array(0),
};

// --- Mutations of text and web pages ------------------------------------------------------------------------------

const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const encode = (s: string) => new TextEncoder().encode(s);

const TEXTUAL: Record<string, Mutation> = {
  'enormous-line': (b, r) => {
    const s = decode(b);
    const at = int(r, s.length);
    const line = pick(r, ['9', '年', ' ', '\t', '一、']).repeat(200_000 + int(r, 2_000_000));
    return encode(s.slice(0, at) + line + s.slice(at));
  },
  'utf-16le': (b) => concat(Uint8Array.of(0xff, 0xfe), new Uint8Array(iconv.encode(decode(b), 'utf16le'))),
  'utf-16-no-bom': (b) => new Uint8Array(iconv.encode(decode(b), 'utf16be')),
  gbk: (b) => new Uint8Array(iconv.encode(decode(b), 'gbk')),
  'latin1-mojibake': (b) => encode(new TextDecoder('latin1').decode(b)),
  'control-chars': (b, r) => {
    const s = decode(b);
    let out = '';
    for (const ch of s) out += r() < 0.02 ? String.fromCharCode(int(r, 32)) + ch : ch;
    return encode(out);
  },
  'many-lines': (b, r) => encode(decode(b) + '\n'.repeat(100_000 + int(r, 900_000))),
};

const HTML: Record<string, Mutation> = {
  'deep-nesting': (b, r) => {
    const n = 10_000 + int(r, 200_000);
    const s = decode(b);
    const at = s.indexOf('<body') >= 0 ? s.indexOf('>', s.indexOf('<body')) + 1 : 0;
    return encode(s.slice(0, at) + '<div>'.repeat(n) + '深' + '</div>'.repeat(int(r, n)) + s.slice(at));
  },
  'span-huge': (b, r) =>
    encode(
      decode(b)
        .replace(
          /colspan="?\d+"?/gi,
          () => `colspan="${pick(r, ['1000000000', '65535', '1001', '-1', '0'])}"`,
        )
        .replace(/rowspan="?\d+"?/gi, () => `rowspan="${pick(r, ['1000000000', '65535', '0', '99999'])}"`),
    ),
  'rows-many': (b, r) => {
    const s = decode(b);
    const n = pick(r, [5_000, 30_000, 250_000]);
    const row = '<tr><td>合计</td><td>1</td><td>2</td></tr>';
    const at = s.lastIndexOf('</table>');
    const table = `<table>${row.repeat(n)}</table>`;
    return encode(at >= 0 ? s.slice(0, at) + row.repeat(n) + s.slice(at) : s + table);
  },
  'attribute-huge': (b, r) => {
    const s = decode(b);
    const at = s.indexOf('<td');
    const attr = ` title="${'x'.repeat(1_000_000 + int(r, 4_000_000))}"`;
    return at >= 0 ? encode(s.slice(0, at + 3) + attr + s.slice(at + 3)) : encode(s + `<p${attr}>`);
  },
  'charset-lie': (b, r) =>
    encode(
      decode(b).replace(
        /<head[^>]*>/i,
        (h) => `${h}<meta charset="${pick(r, ['gbk', 'utf-16', 'shift_jis', 'x-nonsense', 'big5'])}">`,
      ),
    ),
  'tags-unclosed': (b) => encode(decode(b).replace(/<\/(td|tr|table|p|div)>/gi, '')),
};

// --- Mutations of Office packages ---------------------------------------------------------------------------------

function repack(b: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(b);
  } catch {
    return b;
  }
  change(files);
  return zipSync(files as Zippable, { level: 1 });
}

/** Zip bombs, one per fixture (deflating 150 MB of zeros takes a second): reused by the cases. */
const bombs = new WeakMap<Uint8Array, Uint8Array>();

const part = (files: Record<string, Uint8Array>, re: RegExp, r: Rand) =>
  pick(
    r,
    Object.keys(files)
      .filter((k) => re.test(k))
      .sort(),
  ) as string | undefined;

const OFFICE: Record<string, Mutation> = {
  'entry-corrupted': (b, r) =>
    repack(b, (files) => {
      const name = part(files, /\.xml$/, r);
      if (!name) return;
      const data = files[name]!.slice();
      for (let i = 0; i < 1 + int(r, 32); i++) data[int(r, data.length)] = int(r, 256);
      files[name] = data;
    }),
  'entry-truncated': (b, r) =>
    repack(b, (files) => {
      const name = part(files, /\.xml$/, r);
      if (name) files[name] = files[name]!.slice(0, int(r, files[name]!.length));
    }),
  'entry-removed': (b, r) =>
    repack(b, (files) => {
      const name = part(files, /./, r);
      if (name) delete files[name];
    }),
  'zip-bomb': (b) => {
    let bomb = bombs.get(b);
    if (!bomb) {
      let files: Record<string, Uint8Array>;
      try {
        files = unzipSync(b);
      } catch {
        return b;
      }
      const zipped: Zippable = {
        ...files,
        'docProps/bomb.xml': [new Uint8Array(150 * 1024 * 1024), { level: 9 }],
      };
      bomb = zipSync(zipped, { level: 1 });
      bombs.set(b, bomb);
    }
    return bomb;
  },
  'attribute-huge': (b, r) =>
    repack(b, (files) => {
      const name = part(files, /^(xl\/worksheets\/.*|word\/document)\.xml$/, r);
      if (!name) return;
      const s = strFromU8(files[name]!);
      const at = s.indexOf('<', s.indexOf('?>') + 2) + 1;
      files[name] = strToU8(
        `${s.slice(0, at)}${s.slice(at).replace(/^(\w+:?\w*)/, `$1 huge="${'A'.repeat(2_000_000 + int(r, 8_000_000))}"`)}`,
      );
    }),
  'styles-garbage': (b, r) =>
    repack(b, (files) => {
      const name = part(files, /styles\.xml$/, r);
      if (name) files[name] = Uint8Array.from({ length: 1 + int(r, 100_000) }, () => int(r, 256));
    }),
};

const XLSX: Record<string, Mutation> = {
  'merge-huge': (b, r) =>
    repack(b, (files) => {
      const name = part(files, /^xl\/worksheets\/[^/]+\.xml$/, r);
      if (!name) return;
      const ref = pick(r, ['A1:XFD1048576', 'A1:ZZ5000', 'B2:B1048576']);
      files[name] = strToU8(
        strFromU8(files[name]!).replace(
          /<\/sheetData>/,
          `</sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`,
        ),
      );
    }),
  'far-cell': (b, r) =>
    repack(b, (files) => {
      const name = part(files, /^xl\/worksheets\/[^/]+\.xml$/, r);
      if (!name) return;
      const cell = pick(r, ['XFD1048576', 'AAA100000', 'A1048576']);
      const row = cell.replace(/^[A-Z]+/, '');
      files[name] = strToU8(
        strFromU8(files[name]!).replace(
          /<\/sheetData>/,
          `<row r="${row}"><c r="${cell}" t="n"><v>1</v></c></row></sheetData>`,
        ),
      );
    }),
};

// --- Mutations of PDFs --------------------------------------------------------------------------------------------

const latin1 = (b: Uint8Array) => new TextDecoder('latin1').decode(b);
const fromLatin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** A PDF of `n` pages written by hand, each of `size` points a side; a few with a line of text. */
export function handMadePdf(n: number, size: [number, number], text: boolean): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const content = text ? 'BT /F1 12 Tf 72 700 Td (2020 Report 1 2 3) Tj ET' : '';
  objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  const kids: string[] = [];
  for (let i = 0; i < n; i++) {
    kids.push(`${objects.length + 1} 0 R`);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size[0]} ${size[1]}] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
    );
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${n} >>`;
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return fromLatin1(out);
}

const PDF: Record<string, Mutation> = {
  'mediabox-huge': (b, r) => {
    const box = pick(r, [
      '[0 0 5000 5000]',
      '[0 0 14400 14400]',
      '[0 0 100000 100000]',
      '[0 0 1e9 1e9]',
      '[-1e6 -1e6 1e6 1e6]',
    ]);
    return fromLatin1(latin1(b).replace(/\/MediaBox\s*\[[^\]]*\]/g, `/MediaBox ${box}`));
  },
  'pages-many': (_, r) => handMadePdf(pick(r, [60, 500, 2_001, 3_000]), [595, 842], r() < 0.5),
  'page-count-lie': (b, r) =>
    fromLatin1(latin1(b).replace(/\/Count\s+\d+/, `/Count ${pick(r, ['999999999', '-1', '0', '100000'])}`)),
  'pages-blank': (_, r) => handMadePdf(1 + int(r, 60), [595, 842], false),
  'page-huge-blank': (_, r) =>
    handMadePdf(
      1,
      pick(r, [
        [5000, 5000],
        [14400, 14400],
        [200000, 200000],
      ] as [number, number][]),
      r() < 0.5,
    ),
  encrypted: (b) =>
    fromLatin1(
      latin1(b).replace(
        /trailer\s*<</,
        'trailer\n<< /Encrypt << /Filter /Standard /V 1 /R 2 /O <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> /U <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> /P -4 >> /ID [<00> <00>]',
      ),
    ),
  'xref-broken': (b, r) =>
    fromLatin1(latin1(b).replace(/startxref\s+\d+/, `startxref\n${int(r, b.length * 2)}`)),
  'stream-length-lie': (b, r) =>
    fromLatin1(
      latin1(b).replace(/\/Length\s+\d+/g, () => `/Length ${pick(r, ['0', '999999999', '-5', '12'])}`),
    ),
};

const JSON_MUTATIONS: Record<string, Mutation> = {
  'deep-nesting': (_, r) => {
    const n = 10_000 + int(r, 1_000_000);
    return encode('['.repeat(n) + ']'.repeat(n));
  },
  'value-changed': (b, r) => {
    const s = decode(b);
    return encode(
      s.replace(/:\s*(\d+)/g, (m) =>
        r() < 0.1 ? `: ${pick(r, ['-1', '1e308', '"x"', 'null', '[]', '1.5', '99999999999999999999'])}` : m,
      ),
    );
  },
};

/** The mutations that apply to a kind. */
export function mutationsOf(kind: FuzzKind): Record<string, Mutation> {
  switch (kind) {
    case 'text':
      return { ...GENERIC, ...TEXTUAL };
    case 'html':
      return { ...GENERIC, ...TEXTUAL, ...HTML };
    case 'docx':
      return { ...GENERIC, ...OFFICE };
    case 'xlsx':
      return { ...GENERIC, ...OFFICE, ...XLSX };
    case 'pdf':
      return { ...GENERIC, ...PDF };
    case 'json':
      return { ...GENERIC, ...JSON_MUTATIONS };
    case 'doc':
      return GENERIC;
  }
}

/** The case at `index` of a seed's sequence (each case is made from its own generator: any case can be remade). */
export function makeCase(seed: number, index: number, ocrShare = 0.01): FuzzCase {
  const r = rng((seed * 1_000_003 + index * 7919) >>> 0);
  const kind = KINDS[index % KINDS.length]!;
  const source = pick(r, loadFixtures()[kind]);
  const table = mutationsOf(kind);
  const mutation = pick(r, Object.keys(table).sort());
  const bytes = table[mutation]!(source.bytes, r);
  const ocr = kind === 'pdf' && r() < ocrShare;
  return {
    index,
    kind,
    from: source.path,
    mutation,
    name: `fuzz-${seed}-${index}-${basename(source.path).replace(/\.[^.]+$/, '')}-${mutation}.${EXT[kind]}`,
    bytes,
    ocr,
  };
}

// --- Running and judging a case -----------------------------------------------------------------------------------

/** What one case gave. */
export interface CaseOutcome {
  index: number;
  kind: FuzzKind;
  mutation: string;
  seconds: number;
  /** Problems found (empty: the case passed). */
  problems: string[];
  /** The read/ and other finding ids, for the table. */
  ids: string[];
}

/** The problems of a pipeline result on a case: what a correct nianbao never does. */
export function judge(c: Pick<FuzzCase, 'name'>, result: ReportFile): string[] {
  const problems: string[] = [];
  for (const d of result.diagnostics) {
    if (d.ruleId === 'internal/exception') problems.push(`internal/exception: ${d.message}`);
    if (d.ruleId.startsWith('read/') && !d.message.includes(c.name))
      problems.push(`${d.ruleId} does not name the file: ${d.message}`);
    if (d.ruleId.startsWith('read/') && d.data?.file !== c.name)
      problems.push(`${d.ruleId}: data.file is not the file`);
  }
  if (!result.report && result.diagnostics.length === 0) problems.push('no report and no finding saying why');
  try {
    JSON.parse(JSON.stringify(result));
  } catch (e) {
    problems.push(`the result does not serialise as JSON: ${String(e)}`);
  }
  return problems;
}

/** Runs a case through the pipeline in this thread, judged. */
export async function runCase(c: FuzzCase): Promise<CaseOutcome> {
  const start = performance.now();
  let problems: string[];
  let ids: string[] = [];
  try {
    const result = await extractFile(c.name, c.bytes, { ocr: c.ocr });
    problems = judge(c, result);
    ids = [...new Set(result.diagnostics.map((d) => d.ruleId))];
  } catch (e) {
    problems = [`threw past the pipeline: ${e instanceof Error ? e.stack : String(e)}`];
  }
  return {
    index: c.index,
    kind: c.kind,
    mutation: c.mutation,
    seconds: (performance.now() - start) / 1000,
    problems,
    ids,
  };
}

/** What a CLI run of some case files gave: problems (empty: it passed), seconds, exit code. */
export interface CliOutcome {
  files: string[];
  command: string;
  code: number | null;
  seconds: number;
  /** The peak resident memory of the child and its reading processes as sampled (every 100 ms), bytes; 0 where /proc is not. */
  maxRss: number;
  /** Its standard output, parsed (null when it is not valid JSON). */
  json: unknown;
  problems: string[];
}

/** A line of a stack trace ("    at f (file.ts:1:2)"). */
const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

/** Runs `nianbao <command> --format json FILES` as a child process and judges it. */
export function runCli(
  command: 'extract' | 'check',
  files: readonly string[],
  cwd: string,
  timeoutMs = 300_000,
  extra: readonly string[] = [],
): Promise<CliOutcome> {
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin/nianbao.js'), command, '--format', 'json', ...extra, ...files],
      {
        cwd,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    let maxRss = 0;
    const sample = setInterval(() => (maxRss = Math.max(maxRss, treeRssOf(child.pid))), 100);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(sample);
      const problems: string[] = [];
      let json: unknown = null;
      if (timedOut) problems.push(`no answer in ${timeoutMs / 1000} s`);
      else if (code === null || ![0, 1, 2].includes(code)) problems.push(`exit ${code ?? signal}`);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      try {
        const parsed = JSON.parse(stdout) as { file: string }[];
        json = parsed;
        const named = new Set(parsed.map((e) => e.file));
        for (const f of files) if (!named.has(f)) problems.push(`no entry for ${f} in the JSON`);
      } catch {
        problems.push(`stdout is not valid JSON (${stdout.length} characters)`);
      }
      if (STACK_LINE.test(stderr)) problems.push(`a stack trace on stderr: ${stderr.slice(0, 300)}`);
      const seconds = (performance.now() - start) / 1000;
      resolve({ files: [...files], command, code, seconds, maxRss, json, problems });
    });
  });
}

// --- The run: cases in a worker thread, the table -----------------------------------------------------------------

interface Options {
  cases: number;
  seed: number;
  cli: number;
  out: string;
  /** Seconds after which a case is a hang (the worker is ended). */
  hang: number;
  /** Seconds a case may take (longer counts as slow in the table). */
  slow: number;
  /** Only write this case's file to `out` (a reproducer), and run nothing. */
  only: number | null;
  /** Stop starting cases after this many minutes (the table says how many ran). */
  minutes: number;
  /** Run only these cases (their indices), as the full run would have made them. */
  list: number[] | null;
  /**
   * The per-file time limit (`--timeout`, seconds) a hang is run again under through the CLI: a case past `hang` in
   * process must end under the limit there, with its finding (batches, the server and the queue read files so).
   */
  limit: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    cases: 10_000,
    seed: 1,
    cli: 50,
    out: join(tmpdir(), 'nianbao-fuzz'),
    hang: 120,
    slow: 30,
    only: null,
    minutes: Infinity,
    list: null,
    limit: 30,
  };
  for (let i = 0; i < argv.length; i++) {
    const [k, v] = [argv[i]!, argv[i + 1]];
    const n = Number(v);
    if (k === '--cases') o.cases = n;
    else if (k === '--seed') o.seed = n;
    else if (k === '--cli') o.cli = n;
    else if (k === '--hang') o.hang = n;
    else if (k === '--out') o.out = v!;
    else if (k === '--case') o.only = n;
    else if (k === '--minutes') o.minutes = n;
    else if (k === '--timeout') o.limit = n;
    else if (k === '--cases-list') o.list = v!.split(',').map(Number);
    else continue;
    i++;
  }
  if (o.list?.some((n) => !Number.isInteger(n) || n < 0))
    throw new Error('--cases-list takes case numbers separated by commas');
  for (const k of ['cases', 'seed', 'cli', 'hang', 'limit'] as const)
    if (!Number.isInteger(o[k]) || o[k] < 0) throw new Error(`--${k} takes a whole number`);
  return o;
}

/** A child process running cases for the main process (the cases are remade from the seed and index there). */
function serve(): void {
  process.on('message', (m: { seed: number; index: number }) => {
    void runCase(makeCase(m.seed, m.index)).then((outcome) => process.send!(outcome));
  });
}

/**
 * A child process running the cases (scripts/fuzz-worker.mjs registers tsx in it first): a case that kills its
 * process (V8 out of memory, a fatal error, a segmentation fault) is a crash of that case, not of the run.
 */
function startChild(): ChildProcess {
  return fork(fileURLToPath(new URL('./fuzz-worker.mjs', import.meta.url)), [], {
    execArgv: [],
    env: { ...process.env, NIANBAO_FUZZ_CHILD: '1' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
}

/** The resident memory of a process, bytes (Linux: /proc; 0 elsewhere). */
function rssOf(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

const MB = 1024 * 1024;
const GIB = 1024 * MB;

/** The peak resident memory of one case run alone in a fresh process (sampled every 50 ms), bytes. */
async function freshPeak(seed: number, index: number, hang: number): Promise<number> {
  const c = startChild();
  let peak = 0;
  const sample = setInterval(() => (peak = Math.max(peak, rssOf(c.pid))), 50);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, hang * 1000);
    c.once('message', () => (clearTimeout(timer), resolve()));
    c.once('exit', () => (clearTimeout(timer), resolve()));
    c.send({ seed, index });
  });
  clearInterval(sample);
  peak = Math.max(peak, rssOf(c.pid));
  c.kill('SIGKILL');
  return peak;
}

/** The resident memory of a process and of its descendants (the reading processes of a batch), bytes. */
export function treeRssOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  let children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`))
      children = children.concat(
        readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
      );
  } catch {
    // Gone, or not Linux.
  }
  return rssOf(pid) + children.reduce((n, c) => n + treeRssOf(c), 0);
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  mkdirSync(o.out, { recursive: true });
  if (o.only !== null) {
    const c = makeCase(o.seed, o.only);
    const path = join(o.out, c.name);
    writeFileSync(path, c.bytes);
    console.log(
      `case ${o.only} of seed ${o.seed} (${c.kind}, ${c.mutation}, from ${c.from}, OCR ${c.ocr ? 'on' : 'off'}): ${path}`,
    );
    return;
  }
  let child: ChildProcess | null = null;
  let maxRss = process.memoryUsage().rss;
  let current = -1;
  let maxRssCase = -1;
  let maxFresh = 0;
  let maxFreshCase = -1;
  const sample = setInterval(() => {
    const rss = rssOf(child?.pid);
    if (rss > maxRss) [maxRss, maxRssCase] = [rss, current];
    // Past 3 GB the case is ended (it dies, and is counted so), before it takes the machine.
    if (rss > 3 * 1024 ** 3) child?.kill('SIGKILL');
  }, 200);
  sample.unref();
  const byKind = new Map<
    string,
    { cases: number; crashes: number; hangs: number; bounded: number; slow: number; maxSeconds: number }
  >();
  const row = (kind: string) => {
    let r = byKind.get(kind);
    if (!r) byKind.set(kind, (r = { cases: 0, crashes: 0, hangs: 0, bounded: 0, slow: 0, maxSeconds: 0 }));
    return r;
  };
  const hangs: number[] = [];
  const failures: string[] = [];
  const save = (index: number) => {
    const c = makeCase(o.seed, index);
    const path = join(o.out, c.name);
    writeFileSync(path, c.bytes);
    return path;
  };
  const start = performance.now();
  let ran = 0;
  const indices = o.list ?? Array.from({ length: o.cases }, (_, i) => i);
  for (const index of indices) {
    if (performance.now() - start > o.minutes * 60_000) break;
    ran++;
    child ??= startChild();
    current = index;
    const w = child;
    let stderr = '';
    w.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    const outcome = await new Promise<CaseOutcome | 'hang'>((resolve) => {
      const timer = setTimeout(() => resolve('hang'), o.hang * 1000);
      const done = (m: CaseOutcome) => {
        clearTimeout(timer);
        w.off('exit', died);
        resolve(m);
      };
      const died = (code: number | null, signal: string | null) => {
        clearTimeout(timer);
        w.off('message', done);
        if (child === w) child = null;
        const why = `the process died (exit ${code ?? signal}): ${stderr.trim().split('\n').slice(0, 4).join(' / ')}`;
        resolve({
          index,
          kind: KINDS[index % KINDS.length]!,
          mutation: '?',
          seconds: 0,
          problems: [why],
          ids: [],
        });
      };
      w.once('message', done);
      w.once('exit', died);
      w.send({ seed: o.seed, index });
    });
    w.stderr?.removeAllListeners('data');
    const rss = rssOf(w.pid);
    if (rss > maxRss) [maxRss, maxRssCase] = [rss, index];
    // The process running the cases keeps what each left (caches, garbage, its own mutations): past 1 GB it is
    // replaced, and the case that took it there runs again alone in a fresh one, where its own peak is measured.
    if (outcome !== 'hang' && rss > GIB) {
      w.removeAllListeners('exit');
      w.kill('SIGKILL');
      child = null;
      const peak = await freshPeak(o.seed, index, o.hang);
      if (peak > maxFresh) [maxFresh, maxFreshCase] = [peak, index];
      if (peak > GIB)
        failures.push(
          `memory: case ${index}, ${Math.round(peak / MB)} MB alone in a fresh process, ${save(index)}`,
        );
    }
    const kind = KINDS[index % KINDS.length]!;
    const r = row(kind);
    r.cases++;
    if (outcome === 'hang') {
      r.hangs++;
      w.removeAllListeners('exit');
      w.kill('SIGKILL');
      child = null;
      hangs.push(index);
      continue;
    }
    r.maxSeconds = Math.max(r.maxSeconds, outcome.seconds);
    if (outcome.seconds > o.slow) {
      r.slow++;
      failures.push(
        `slow (${outcome.seconds.toFixed(1)} s): case ${index} ${outcome.mutation}, ${save(index)}`,
      );
    }
    if (outcome.problems.length > 0) {
      r.crashes++;
      failures.push(
        `crash: case ${index} ${outcome.mutation}, ${save(index)}: ${outcome.problems.join('; ')}`,
      );
    }
    if ((index + 1) % 500 === 0)
      process.stderr.write(
        `${index + 1}/${o.cases} cases, ${((performance.now() - start) / 1000).toFixed(0)} s, max RSS ${Math.round(maxRss / 1e6)} MB\n`,
      );
  }
  (child as ChildProcess | null)?.kill();
  child = null;
  const inProcessSeconds = (performance.now() - start) / 1000;

  // Each hang again, the way the product reads a file: through the CLI under --timeout, where it must end by the
  // limit with its finding (read/timeout) and valid JSON. One that does not is a hang past the limit.
  for (const index of hangs) {
    const path = save(index);
    const run = await runCli('extract', [basename(path)], o.out, (o.limit + 60) * 1000, [
      '--timeout',
      String(o.limit),
    ]);
    const entry = (run.json as { diagnostics?: { ruleId: string }[] }[] | null)?.[0];
    const ids = entry?.diagnostics?.map((d) => d.ruleId) ?? [];
    const r = row(KINDS[index % KINDS.length]!);
    if (run.problems.length === 0 && run.seconds <= o.limit + 30) {
      r.bounded++;
      failures.push(
        `in process past ${o.hang} s, through the CLI ${run.seconds.toFixed(1)} s under --timeout ${o.limit} (${ids.includes('read/timeout') ? 'read/timeout' : ids.join(', ') || 'read'}): case ${index}, ${path}`,
      );
    } else
      failures.push(
        `hang past the limit: case ${index}, ${path}: in process past ${o.hang} s; through the CLI under --timeout ${o.limit}: ${run.problems.join('; ') || `${run.seconds.toFixed(1)} s`}`,
      );
  }

  // A sample through the CLI: every (cases / cli)-th case, ten files a child process, extract and check in turn.
  const cliRows: CliOutcome[] = [];
  if (o.cli > 0) {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-fuzz-cli-'));
    const step = Math.max(1, Math.floor(ran / o.cli));
    const names: string[] = [];
    for (let index = 0; index < ran && names.length < o.cli; index += step) {
      const c = makeCase(o.seed, index);
      writeFileSync(join(dir, c.name), c.bytes);
      names.push(c.name);
    }
    for (let i = 0; i < names.length; i += 10) {
      const run = await runCli(i % 20 === 0 ? 'extract' : 'check', names.slice(i, i + 10), dir);
      cliRows.push(run);
      for (const p of run.problems) failures.push(`CLI ${run.command} ${run.files.join(' ')}: ${p}`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  clearInterval(sample);

  const lines = [
    `nianbao fuzz: seed ${o.seed}, ${ran} of ${o.list?.length ?? o.cases} cases in process (${inProcessSeconds.toFixed(0)} s), ${cliRows.reduce((n, r) => n + r.files.length, 0)} through the CLI`,
    '',
    `| kind | cases | crashes | in process > ${o.hang} s | of those, ended by --timeout ${o.limit} | slow (> ${o.slow} s) | max seconds |`,
    '|---|---:|---:|---:|---:|---:|---:|',
    ...KINDS.filter((k) => byKind.has(k)).map((k) => {
      const r = byKind.get(k)!;
      return `| ${k} | ${r.cases} | ${r.crashes} | ${r.hangs} | ${r.bounded} | ${r.slow} | ${r.maxSeconds.toFixed(1)} |`;
    }),
    '',
    `CLI: ${cliRows.length} child processes, ${cliRows.filter((r) => r.problems.length > 0).length} with problems, exit codes ${[...new Set(cliRows.map((r) => r.code))].join(', ') || '-'}, max ${Math.max(0, ...cliRows.map((r) => r.seconds)).toFixed(1)} s`,
    `max RSS of the process running the cases: ${Math.round(maxRss / MB)} MB, at case ${maxRssCase} (it runs case after case, and is replaced past 1 GB)`,
    `cases that took that process past 1 GB, run again alone: max ${Math.round(maxFresh / MB)} MB${maxFreshCase >= 0 ? ` (case ${maxFreshCase})` : ''} (limit 1024 MB)`,
    '',
    failures.length === 0 ? 'no failures' : `${failures.length} cases to look at:\n${failures.join('\n')}`,
  ];
  console.log(lines.join('\n'));
  // A hang the time limit ended is not a failure of the product (pdf.js's own loops can only be stopped so); a
  // crash, a hang past the limit, a slow case or memory past 1 GB is.
  const bounded = [...byKind.values()].reduce((n, r) => n + r.bounded, 0);
  process.exitCode = failures.length > bounded ? 1 : 0;
}

if (process.env.NIANBAO_FUZZ_CHILD === '1' && process.send) serve();
else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
