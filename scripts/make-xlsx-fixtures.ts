// Makes the workbooks other programs wrote: nianbao's XLSX of a report (`render --to xlsx`, with its note on the
// title) and its blank template (`new`), each opened and saved again by openpyxl and by LibreOffice Calc, so the
// reader meets their XML (openpyxl names parts with absolute paths and its own comment part names).
// Needs /usr/bin/python3 with openpyxl (Debian python3-openpyxl) and soffice (libreoffice-calc-nogui); not run by
// the tests.  node --import tsx scripts/make-xlsx-fixtures.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from '../src/extract/index.ts';
import type { Report } from '../src/model/report.ts';
import { read } from '../src/read/index.ts';
import { newReport } from '../src/render/report/template.ts';
import { renderXlsx } from '../src/render/report/xlsx.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'test/fixtures/xlsx');
// The Word fixtures' reports (test/fixtures/README.md): the 2021 one, and sample 000 (2019 format).
const fromWord = async (name: string) =>
  extract(await read(readFileSync(join(root, 'test/fixtures/docx', `${name}.docx`)))).report!;
const workbooks: [string, Report][] = [
  ['2021', await fromWord('2021')],
  ['000', await fromWord('000')],
  ['template-2025', newReport({ formatVersion: '2021', agency: '某县审计局', year: 2025 }).report],
];
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-xlsx-'));
for (const [name, report] of workbooks) {
  const own = join(tmp, `${name}.xlsx`);
  writeFileSync(own, await renderXlsx(report));
  // openpyxl: load and save, as a script that edits a template would.
  execFileSync('/usr/bin/python3', [
    '-c',
    'import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[2])',
    own,
    join(out, `${name}-openpyxl.xlsx`),
  ]);
  // LibreOffice Calc: open and save as Excel 2007–365.
  const lo = join(tmp, 'lo');
  execFileSync(
    'soffice',
    ['--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', lo, own],
    {
      stdio: 'ignore',
    },
  );
  renameSync(join(lo, `${name}.xlsx`), join(out, `${name}-libreoffice.xlsx`));
}
console.log(`written to ${out}`);
