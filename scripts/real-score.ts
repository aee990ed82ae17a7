// Scores extraction and checking on the real published reports in test/fixtures/real against their hand truth:
// cells right / blank / wrong per file, and the findings per rule; with --patterns, also the table cells of every
// pattern fixture made from a sample (re-laid text, pdftotext prints, PDFs, Word-pasted HTML) per pattern.
// `npm run score:real [-- --patterns]`.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { check } from '../src/check.ts';
import { extract } from '../src/extract/index.ts';
import { read } from '../src/read/index.ts';
import { scoreAgainstTruth, type Truth } from '../test/support/real.ts';

const DIR = 'test/fixtures/real';
const files = readdirSync(DIR)
  .filter((f) => /\.(txt|html)$/.test(f))
  .sort();
let right = 0;
let blank = 0;
let wrong = 0;
let total = 0;
const rules = new Map<string, number>();
let balanced = 0;
for (const f of files) {
  const truth = JSON.parse(
    readFileSync(join(DIR, 'expected', f.replace(/\.\w+$/, '.json')), 'utf8'),
  ) as Truth;
  const doc = await read(readFileSync(join(DIR, f)), { path: f });
  const ex = extract(doc);
  const s = scoreAgainstTruth(ex.report, truth);
  right += s.right;
  blank += s.blank;
  wrong += s.wrong.length;
  total += s.total;
  const findings = ex.report
    ? check(ex.report, { extraction: [...doc.diagnostics, ...ex.diagnostics] })
    : ex.diagnostics;
  const errors = findings.filter((d) => d.severity === 'error');
  for (const d of findings)
    rules.set(`${d.severity} ${d.ruleId}`, (rules.get(`${d.severity} ${d.ruleId}`) ?? 0) + 1);
  if (!findings.some((d) => /^T[34]-[123]$/.test(d.ruleId))) balanced++;
  console.log(
    `${basename(f)}: right ${s.right}/${s.total}, blank ${s.blank}, wrong ${s.wrong.length}${s.wrong.length ? ` (${s.wrong.slice(0, 6).join('; ')})` : ''}${s.missedNull.length ? `; should be blank ${s.missedNull.length}` : ''}; errors ${errors.map((d) => d.ruleId).join(', ') || '-'}`,
  );
}
console.log(
  `total: right ${right}/${total} (${((100 * right) / total).toFixed(1)} %), blank ${blank}, wrong ${wrong}; sums hold in ${balanced}/${files.length}`,
);
for (const [k, v] of [...rules].sort()) console.log(`  ${k}: ${v}`);

if (process.argv.includes('--patterns')) {
  // Pattern fixtures: the table cells only (the pdftotext prints hold the first sentence of each paragraph only).
  const sets: { pattern: string; file: string; truth: Truth }[] = [];
  const json = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as Truth & { truth?: Truth };
  const index = json('test/fixtures/patterns/index.json') as unknown as {
    file: string;
    pattern: string;
    truth: string;
  }[];
  for (const e of index)
    sets.push({ pattern: e.pattern, file: join('test/fixtures/patterns', e.file), truth: json(e.truth) });
  // chromium.pdf holds table 4 only (its truth has the whole report): left out.
  for (const f of readdirSync('test/fixtures/pdf')
    .filter((n) => n.endsWith('.truth.json') && n !== 'chromium.truth.json')
    .sort())
    sets.push({
      pattern: 'pdf',
      file: join('test/fixtures/pdf', f.replace('.truth.json', '.pdf')),
      truth: json(join('test/fixtures/pdf', f)),
    });
  for (const f of readdirSync('test/fixtures/html')
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const t = json(join('test/fixtures/html', f));
    sets.push({
      pattern: f.startsWith('word-split') ? 'html-word-split' : 'html',
      file: join('test/fixtures/html', f.replace(/\.json$/, '.html')),
      truth: t.truth ?? t,
    });
  }
  const per = new Map<
    string,
    { files: number; right: number; blank: number; wrong: number; total: number }
  >();
  for (const s of sets) {
    const doc = await read(readFileSync(s.file), { path: s.file, ocr: s.pattern === 'pdf' });
    const { report } = extract(doc);
    const tablesOnly = { ...s.truth, agency: report?.agency ?? null, year: report?.year ?? null } as Truth;
    const r = scoreAgainstTruth(report, tablesOnly);
    const p = per.get(s.pattern) ?? { files: 0, right: 0, blank: 0, wrong: 0, total: 0 };
    p.files++;
    p.right += r.right - 2;
    p.blank += r.blank;
    p.wrong += r.wrong.length;
    p.total += r.total - 2;
    per.set(s.pattern, p);
    if (r.wrong.length) console.log(`  WRONG in ${s.file}: ${r.wrong.slice(0, 6).join('; ')}`);
    if (r.blank && process.argv.includes('--verbose')) console.log(`  ${s.file}: blank ${r.blank}`);
  }
  console.log('\npattern fixtures (table cells and format version):');
  for (const [k, p] of per)
    console.log(
      `  ${k}: ${p.files} files, right ${p.right}/${p.total} (${((100 * p.right) / p.total).toFixed(1)} %), blank ${p.blank}, wrong ${p.wrong}`,
    );
}
