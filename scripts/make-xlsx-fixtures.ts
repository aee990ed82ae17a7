// Makes the workbooks other programs wrote: nianbao's XLSX of a report (`render --to xlsx`, with its note on the
// title), its blank template (`new`) and that template filled in, each opened and saved again by openpyxl and by
// LibreOffice Calc, so the reader meets their XML (openpyxl names parts with absolute paths and its own comment part
// names, and saves formulas without their results; LibreOffice calculates them and writes shared formulas). Also
// the example workbooks of the read/xlsx-… findings' docs.
// Needs /usr/bin/python3 with openpyxl (Debian python3-openpyxl) and soffice (libreoffice-calc-nogui); not run by
// the tests.  node --import tsx scripts/make-xlsx-fixtures.ts
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from '../src/extract/index.ts';
import type { Report } from '../src/model/report.ts';
import { read } from '../src/read/index.ts';
import { loadableWorkbook } from '../src/read/xlsx.ts';
import { newReport } from '../src/render/report/template.ts';
import { renderXlsx } from '../src/render/report/xlsx.ts';
import { fillTemplate } from '../test/support/xlsx-fill.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'test/fixtures/xlsx');
// The Word fixtures' reports (test/fixtures/README.md): the 2021 one, and sample 000 (2019 format).
const fromWord = async (name: string) =>
  extract(await read(readFileSync(join(root, 'test/fixtures/docx', `${name}.docx`)))).report!;
const template = (r: Report) =>
  renderXlsx(newReport({ formatVersion: r.formatVersion, agency: r.agency, year: r.year }).report, {
    template: true,
  });
const r2021 = await fromWord('2021');
const r000 = await fromWord('000');
const workbooks: [string, Uint8Array][] = [
  ['2021', await renderXlsx(r2021)],
  ['000', await renderXlsx(r000)],
  [
    'template-2025',
    await renderXlsx(newReport({ formatVersion: '2021', agency: '某县审计局', year: 2025 }).report, {
      template: true,
    }),
  ],
  // The template of each report's year, filled in with its figures and texts (the sums left to their formulas).
  ['filled-2021', await fillTemplate(await template(r2021), r2021)],
  ['filled-000', await fillTemplate(await template(r000), r000)],
];
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-xlsx-'));
for (const [name, bytes] of workbooks) {
  const own = join(tmp, `${name}.xlsx`);
  writeFileSync(own, bytes);
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

// extract/xlsx-data-disagrees: render --to xlsx of the 2021 report, then a figure changed in the layout sheet only and
// one typed only into the data sheet.
{
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await renderXlsx(r2021)) as unknown as ArrayBuffer);
  const t3 = wb.getWorksheet('收到和处理政府信息公开申请情况')!;
  let row = 1;
  while (t3.getCell(row, 1).value !== '一、本年新收政府信息公开申请数量') row++;
  t3.getCell(row, 4).value = Number(t3.getCell(row, 4).value ?? 0) + 1;
  const data = wb.getWorksheet('data')!;
  data.eachRow((r) => {
    if (
      r.getCell(1).value === 'reviewLitigation' &&
      r.getCell(2).value === 'review' &&
      r.getCell(4).value === 'upheld'
    )
      r.getCell(6).value = 3;
  });
  writeFileSync(join(out, 'data-disagrees.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
}
// read/xlsx-formula-uncached: the filled 2021 template saved by openpyxl, with 本年新收 / 总计 written as a formula of
// the author's own (not one of the template's sums), which nobody calculated.
{
  const wb = new ExcelJS.Workbook();
  const saved = loadableWorkbook(new Uint8Array(readFileSync(join(out, 'filled-2021-openpyxl.xlsx'))));
  await wb.xlsx.load(Buffer.from(saved) as unknown as ArrayBuffer);
  const t3 = wb.getWorksheet('收到和处理政府信息公开申请情况')!;
  let row = 1;
  while (t3.getCell(row, 1).value !== '一、本年新收政府信息公开申请数量') row++;
  t3.getCell(row, 10).value = { formula: `D${row}+E${row}+F${row}+G${row}+H${row}+I${row}` };
  writeFileSync(join(out, 'formula-uncached.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
}
console.log(`written to ${out}`);
