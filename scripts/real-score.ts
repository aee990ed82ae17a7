// Scores extraction and checking on the real published reports in test/fixtures/real against their hand truth:
// cells right / blank / wrong per file, and the findings per rule. `node --import tsx scripts/real-score.ts [--json]`.
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
