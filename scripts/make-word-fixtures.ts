// Makes the Word fixtures: each sample report (and a 2021 report) as DOCX by the test writer, re-saved by
// LibreOffice as DOCX and as Word 97 DOC. Needs `soffice` (Debian libreoffice-writer-nogui); not run by the tests.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from '../src/extract/index.ts';
import type { Report } from '../src/model/report.ts';
import { readText } from '../src/read/text.ts';
import { validReport, withCells } from '../src/rules/valid-report.ts';
import { writeDocx } from '../test/support/docx-writer.ts';

const root = join(import.meta.dirname, '..');
const reports: [string, Report][] = readdirSync(join(root, 'examples/reports'))
  .filter((n) => n.endsWith('.txt'))
  .map((n) => [
    n.replace(/_.*$/, ''),
    extract(readText(readFileSync(join(root, 'examples/reports', n)))).report!,
  ]);
reports.push([
  '2021',
  withCells(
    {
      ...validReport('2021'),
      agency: '上饶市信州区审计局',
      year: 2023,
      sections: {
        ...validReport('2021').sections,
        overview:
          '2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，全年收到政府信息公开申请7件，均已办结。',
        requests: '本年度收到政府信息公开申请7件，予以公开4件，申请人逾期不补正3件。',
        reviewLitigation: '本年度发生政府信息公开行政复议1件，结果维持；未发生行政诉讼。',
      },
    },
    {
      'proactive.normativeDocuments.issued': 2,
      'proactive.normativeDocuments.inForce': 11,
      'proactive.licensing.decisions': 37,
      'proactive.fees.amount': 1.2345,
      'requests.newlyReceived.naturalPerson': 6,
      'requests.newlyReceived.commercial': 1,
      'requests.newlyReceived.total': 7,
      'requests.granted.naturalPerson': 4,
      'requests.granted.total': 4,
      'requests.otherHandling.overdueCorrection.naturalPerson': 2,
      'requests.otherHandling.overdueCorrection.commercial': 1,
      'requests.otherHandling.overdueCorrection.total': 3,
      'requests.totalHandled.naturalPerson': 6,
      'requests.totalHandled.commercial': 1,
      'requests.totalHandled.total': 7,
      'reviewLitigation.review.upheld': 1,
      'reviewLitigation.review.total': 1,
    },
  ),
]);
const work = mkdtempSync(join(tmpdir(), 'nianbao-word-'));
for (const [name, report] of reports) {
  const source = join(work, `${name}.docx`);
  writeFileSync(source, writeDocx(report));
  for (const [to, dir] of [
    ['doc', 'doc'],
    ['docx', 'docx'],
  ] as const) {
    const out = join(work, to);
    execFileSync('soffice', ['--headless', '--convert-to', to, '--outdir', out, source], { stdio: 'ignore' });
    renameSync(join(out, `${name}.${to}`), join(root, 'test/fixtures', dir, `${name}.${to}`));
  }
  const { formatVersion, agency, year, proactive, requests, reviewLitigation } = report;
  const truth = { formatVersion, agency, year, proactive, requests, reviewLitigation };
  writeFileSync(
    join(root, 'test/fixtures/truth', `${name}.truth.json`),
    JSON.stringify(truth, null, 1) + '\n',
  );
}
