// Renders one report of each format version to DOCX, has LibreOffice print it, and saves the table pages as PNG in
// docs/images/; checks that the printed PDF reads back with the same tables, and times the DOCX writer. Run by hand:
// `node --import tsx scripts/make-docx-images.ts` (needs soffice, pdftoppm; not run by the tests).
import { createCanvas, loadImage } from '@napi-rs/canvas';
import fc from 'fast-check';
import { zlibSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extract } from '../src/extract/index.ts';
import { blankReport, SECTION_KEYS, type Report } from '../src/model/report.ts';
import { ReportSchema } from '../src/model/schemas.ts';
import { read } from '../src/read/index.ts';
import { readText } from '../src/read/text.ts';
import { renderDocx } from '../src/render/report/docx.ts';
import { validReport } from '../src/rules/valid-report.ts';
import { arbBlankyReport, arbReport, reportCells } from '../test/support/arbitrary.ts';

const root = join(import.meta.dirname, '..');

/**
 * Every sample (2019 format) and the 2021 Word fixture's report (上饶市信州区审计局 2023: its tables from
 * test/fixtures/truth, the short sections of the rule tester's valid 2021 report). All are printed and read back;
 * the pictures show sample 003 (三门峡市人民政府办公室, every table filled) and the 2021 report.
 */
const reports: [string, Report][] = [
  ...readdirSync(join(root, 'examples/reports'))
    .filter((n) => n.endsWith('.txt'))
    .map((n): [string, Report] => [
      n.replace(/_.*$/, ''),
      extract(readText(readFileSync(join(root, 'examples/reports', n)))).report!,
    ]),
  [
    '2021',
    ReportSchema.parse({
      ...blankReport('2021'),
      sections: validReport('2021').sections,
      ...JSON.parse(readFileSync(join(root, 'test/fixtures/truth/2021.truth.json'), 'utf8')),
    }) as Report,
  ],
];
/** The pictures: file name in docs/images → report. */
const PICTURES: Record<string, string> = { '003': '2019', '2021': '2021' };

/** CRC-32 of PNG chunks (ISO 3309, as the PNG specification gives it). */
const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  let c = 0xffffffff;
  for (const b of out.subarray(4, 8 + data.length)) c = CRC[(c ^ b) & 0xff]! ^ (c >>> 8);
  view.setUint32(8 + data.length, (c ^ 0xffffffff) >>> 0);
  return out;
}

/**
 * An 8-bit greyscale PNG of RGBA pixels: the pages are black on white, and one grey channel with the "up" filter
 * makes the file a third of the canvas's RGBA PNG, well under the 300 KB the README pictures may take.
 */
function greyPng(rgba: Uint8ClampedArray, width: number, height: number): Uint8Array {
  const raw = new Uint8Array((width + 1) * height);
  let prev = new Uint8Array(width);
  for (let y = 0; y < height; y++) {
    const row = new Uint8Array(width);
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      row[x] = Math.round(0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!);
    }
    raw[y * (width + 1)] = 2; // filter "up": the difference to the row above
    for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = (row[x]! - prev[x]!) & 0xff;
    prev = row;
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 0, 0, 0, 0], 8); // 8 bits, greyscale, deflate, adaptive filtering, no interlace
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
}

const work = mkdtempSync(join(tmpdir(), 'nianbao-docx-images-'));
// A LibreOffice profile of our own, so that a soffice another process runs does not take the conversion over.
const profile = pathToFileURL(join(work, 'profile')).href;

/** Every model cell whose value differs between two reports, as "path: expected → got". */
function differences(want: Report, got: Report | null): string[] {
  if (!got) return ['no report'];
  const g = new Map(reportCells(got).map((c) => [c.path, c.value]));
  return reportCells(want)
    .filter((c) => g.get(c.path) !== c.value)
    .map((c) => `${c.path}: ${c.value} → ${g.get(c.path)}`);
}

for (const [name, report] of reports) {
  const docx = join(work, `${name}.docx`);
  writeFileSync(docx, await renderDocx(report));
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx],
    {
      stdio: 'ignore',
    },
  );
  const pdf = readFileSync(join(work, `${name}.pdf`));
  // The printed PDF through nianbao's own PDF reader: an independent check of what LibreOffice laid out.
  const doc = await read(pdf, { path: `${name}.pdf` });
  const back = extract(doc);
  const diffs = differences(report, back.report);
  console.log(
    `${name}: LibreOffice PDF read back: ${reportCells(report).length - diffs.length}/${reportCells(report).length} cells equal` +
      (diffs.length ? `; differences: ${diffs.join('; ')}` : '') +
      `; agency ${back.report?.agency === report.agency ? 'same' : `differs (${back.report?.agency})`}` +
      `, year ${back.report?.year === report.year ? 'same' : `differs (${back.report?.year})`}` +
      `, format ${back.report?.formatVersion === report.formatVersion ? 'same' : 'differs'}`,
  );
  // Section texts: a PDF wraps lines where the page ends them, so they are compared without white space.
  const squash = (t: string | null | undefined) => (t ?? '').replace(/\s+/g, '');
  const sectionDiffs = SECTION_KEYS.filter(
    (k) => squash(report.sections[k]) !== squash(back.report?.sections[k]),
  );
  console.log(
    `${name}: section texts (white space aside) ${sectionDiffs.length ? `differ in ${sectionDiffs.join(', ')}` : 'same'}`,
  );
  for (const k of sectionDiffs) {
    const [a, b] = [squash(report.sections[k]), squash(back.report?.sections[k])];
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    console.log(`  ${k} from character ${i}: written “${a.slice(i, i + 40)}”, read “${b.slice(i, i + 40)}”`);
  }
  // The pages holding table cells, from the sources the PDF reader gives them.
  const picture = PICTURES[name];
  if (!picture) continue;
  const pages = new Set<number>();
  for (const b of doc.blocks)
    if (b.kind === 'table')
      for (const r of b.rows) for (const c of r.cells) if (c.source.kind === 'pdf') pages.add(c.source.page);
  const list = [...pages].sort((a, b) => a - b);
  const images = [];
  for (const p of list) {
    const out = join(work, `${name}-page`);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      String(p),
      '-l',
      String(p),
      '-singlefile',
      join(work, `${name}.pdf`),
      out,
    ]);
    images.push(await loadImage(readFileSync(`${out}.png`)));
  }
  // The table pages side by side, a thin gap between them, as one picture for the README.
  const gap = 8;
  const canvas = createCanvas(
    images.reduce((w, i) => w + i.width, 0) + gap * (images.length - 1),
    Math.max(...images.map((i) => i.height)),
  );
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#d0d0d0';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  let x = 0;
  for (const i of images) {
    ctx.drawImage(i, x, 0);
    x += i.width + gap;
  }
  const png = join(root, 'docs/images', `${picture}-docx.png`);
  writeFileSync(
    png,
    greyPng(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height),
  );
  console.log(
    `${name}: pages ${list.join(', ')} → docs/images/${picture}-docx.png (${Math.round(statSync(png).size / 1024)} KB)`,
  );
}

// Timing of the writer alone (no reading): the sample repeated, and 200 generated reports of both versions.
const time = async (rs: readonly Report[]) => {
  await renderDocx(rs[0]!); // warm-up: module initialisation and JIT
  const t0 = performance.now();
  for (const r of rs) await renderDocx(r);
  return (performance.now() - t0) / rs.length;
};
const sampleMs = await time(Array<Report>(50).fill(reports.find(([n]) => n === '003')![1]));
const generated = fc.sample(fc.oneof(arbReport(), arbBlankyReport()), { numRuns: 200, seed: 1 });
const generatedMs = await time(generated);
console.log(
  `renderDocx: ${sampleMs.toFixed(1)} ms per render of sample 003 (50 runs); ${generatedMs.toFixed(1)} ms per render of 200 generated reports`,
);
rmSync(work, { recursive: true, force: true });
