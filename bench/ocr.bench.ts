// OCR time per page and the cells read, on the scanned fixtures (`npx tsx bench/ocr.bench.ts`; not a timed test).
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract, FORMATS } from '../src/index.ts';
import { cellsOf, rowValues, type TableValues } from '../src/model/report.ts';
import { readPdf } from '../src/read/pdf.ts';

const dir = fileURLToPath(new URL('../test/fixtures/pdf/', import.meta.url));
const cpu = cpus();
console.log(
  `machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, load ${loadavg()[0]!.toFixed(1)}`,
);
console.log(
  `node ${process.version}; each file read twice, the second time measured (pdf.js and tesseract.js loaded; every read starts its own tesseract worker)\n`,
);

for (const name of ['scan-title', 'scan-2019', 'scan-2021']) {
  const bytes = new Uint8Array(readFileSync(join(dir, `${name}.pdf`)));
  await readPdf(bytes, { path: name });
  const start = performance.now();
  const doc = await readPdf(bytes, { path: name });
  const ms = performance.now() - start;
  const pages = Number(
    /第 ([\d、]+) 页/.exec(doc.diagnostics[0]?.message ?? '')?.[1]?.split('、').length ?? 0,
  );
  const { report } = extract(doc);
  let line = `${name}: ${pages} pages in ${(ms / 1000).toFixed(1)} s, ${(ms / 1000 / Math.max(1, pages)).toFixed(1)} s per page`;
  try {
    const truth = JSON.parse(readFileSync(join(dir, `${name}.truth.json`), 'utf8'));
    const format = FORMATS.find((f) => f.version === truth.formatVersion)!;
    let right = 0;
    let blank = 0;
    let wrong = 0;
    for (const { table, row, column } of cellsOf(format)) {
      const want = rowValues(truth[table.key] as TableValues, row)[column.key];
      const got = report ? rowValues(report[table.key], row)[column.key] : null;
      if (want === got) right++;
      else if (got === null) blank++;
      else wrong++;
    }
    line += `; cells ${right} right, ${blank} left blank, ${wrong} wrong`;
  } catch {
    // No truth (a page of a report): the time only.
  }
  console.log(line);
}
