// Test tables of the reading and extraction rules: real texts that show each problem, checked under its own id.
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { extract } from '../extract/index.ts';
import { compareRestated } from '../extract/restated.ts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.ts';
import { readHtml } from '../read/html.ts';
import { read } from '../read/index.ts';
import { readPdf } from '../read/pdf.ts';
import { loadPdfJs, openPdf } from '../read/pdf/load.ts';
import { ocrPages } from '../read/pdf/ocr-merge.ts';
import { readPage } from '../read/pdf/page.ts';
import { readText } from '../read/text.ts';
import { EXTRACTION_RULES } from './extraction.ts';
import { partition, scopeFindings } from '../aggregate/partition.ts';
import { aggregate } from '../aggregate/sum.ts';
import { regionFinding } from '../library.ts';
import { check } from '../check.ts';
import { processFile } from '../cli/process.ts';
import { workerFailed } from '../cli/batch.ts';
import type { Document } from '../model/document.ts';
import { withCells } from './valid-report.ts';
import type { Rule } from './types.ts';
import { testRule, validReport, type RuleCase } from '../../test/support/rule-tester.ts';

const HEAD = '某市民政局2019年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n';
const T3 = (rows: string) =>
  `${HEAD}（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n${rows}\n`;

/** A case from a text: the report and extraction diagnostics as `nianbao check` gets them. */
function fromText(name: string, text: string | Uint8Array, messageId: string, times = 1): RuleCase {
  const doc = readText(typeof text === 'string' ? new TextEncoder().encode(text) : text);
  const { report, diagnostics } = extract(doc);
  const errors = Array.from({ length: times }, () => ({ messageId }));
  return { name, report: report!, options: { extraction: [...doc.diagnostics, ...diagnostics] }, errors };
}

/** A PDF of the given page objects (Helvetica text), written by hand; `kids` are the pages' object numbers. */
function tinyPdf(pageObjects: string[]): Uint8Array {
  const content = 'BT /F1 12 Tf 72 700 Td (Hello) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageObjects.map((_, i) => `${5 + i} 0 R`).join(' ')}] /Count ${pageObjects.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ...pageObjects,
  ];
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
  return new TextEncoder().encode(out);
}
const TEXT_PAGE =
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>';
const BLANK_PAGE = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>';
const pdfFixture = (name: string) =>
  new Uint8Array(readFileSync(join(import.meta.dirname, '../../test/fixtures/pdf', name)));

/** A case from a PDF: its reading diagnostics, on a valid report (a PDF's problem is the same on any report). */
async function fromPdf(
  name: string,
  bytes: Uint8Array,
  ruleId: string,
  messageId: string,
  ocr = true,
): Promise<RuleCase> {
  const doc = await readPdf(bytes, { path: 'r.pdf', ocr });
  const found = doc.diagnostics.filter((d) => d.ruleId === ruleId);
  expect(found.map((d) => d.messageId)).toEqual([messageId]);
  return { name, report: validReport('2021'), options: { extraction: found }, errors: [{ messageId }] };
}

/** A case from any file as `read` takes it (the kind told by its bytes): its one finding of `ruleId`, on a valid report. */
async function fromFile(
  name: string,
  bytes: Uint8Array,
  ruleId: string,
  messageId: string,
): Promise<RuleCase> {
  const doc = await read(bytes, { path: 'r' });
  const found = doc.diagnostics.filter((d) => d.ruleId === ruleId);
  expect(found.map((d) => d.messageId)).toEqual([messageId]);
  return {
    name,
    report: validReport('2021'),
    options: { extraction: found },
    errors: [{ messageId, data: { file: 'r', ...(ruleId === 'read/unsupported' ? { kind: 'zip' } : {}) } }],
  };
}

/** A reproducer of test/fixtures/crashers (found by fuzzing). */
const crasher = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/crashers/${name}`, import.meta.url)));

/** A workbook of test/fixtures/xlsx (scripts/make-xlsx-fixtures.ts). */
const xlsxFixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/xlsx/${name}`, import.meta.url)));

/** A case with the data of each finding it expects, in order (the stage's data, passed on by the rule). */
function stating(c: RuleCase, ...data: Record<string, unknown>[]): RuleCase {
  if (data.length !== c.errors?.length)
    throw new Error(`${c.name}: ${data.length} data for ${c.errors?.length} errors`);
  return { ...c, errors: c.errors.map((e, i) => ({ ...e, data: data[i]! })) };
}

/**
 * Files that are not regular files, and one too large to read (sparse: no disk is used), in a directory of their
 * own: a named pipe, a symlink to /dev/zero, a socket, a 201 MB file.
 */
const SPECIAL = mkdtempSync(join(tmpdir(), 'nianbao-special-'));
const FIFO = 'pipe';
execFileSync('mkfifo', [join(SPECIAL, FIFO)]);
symlinkSync('/dev/zero', join(SPECIAL, 'zero.txt'));
truncateSync((writeFileSync(join(SPECIAL, 'big.txt'), ''), join(SPECIAL, 'big.txt')), 201 * 1024 * 1024);
const socket = createServer();
await new Promise<void>((resolve) => socket.listen(join(SPECIAL, 'sock'), resolve));
afterAll(() => {
  socket.close();
  rmSync(SPECIAL, { recursive: true, force: true });
});

/** A diagnostic as the PDF reader gives it when tesseract fails (no page of this test can make it fail). */
const ocrFailed: Diagnostic = {
  ruleId: 'read/ocr',
  severity: 'warning',
  messageId: 'ocrFailed',
  message: 'r.pdf：PDF 第 2 页没有文字层，文字识别（OCR）失败，这些页的内容未读取：worker exited',
  data: { file: 'r.pdf', pages: '2', reason: 'worker exited' },
};

/** A case from the findings a stage gave (the CLI, a regional sum, the engine): those of `ruleId`, on a valid report. */
function fromFindings(
  name: string,
  diagnostics: readonly Diagnostic[],
  ruleId: string,
  messageId: string,
  data: Record<string, unknown>,
): RuleCase {
  const found = diagnostics.filter((d) => d.ruleId === ruleId);
  expect(found.map((d) => d.messageId)).toEqual([messageId]);
  return { name, report: validReport('2021'), options: { extraction: found }, errors: [{ messageId, data }] };
}

/** A rule that throws, as a rule with a bug would. */
const throwing: Rule = {
  meta: { ...EXTRACTION_RULES[0]!.meta, id: 'probe' },
  check() {
    throw new Error('boom');
  },
};

/** Two members of a regional sum, one in each format, with a blank cell and a 2019 （六） that cannot be split. */
const MEMBER_2019 = withCells(validReport('2019'), {
  'requests.otherHandling.naturalPerson': 2,
  'requests.otherHandling.total': 2,
});
const MEMBER_2021 = withCells(validReport('2021'), { 'requests.granted.research': null });

const CASES: Record<string, RuleCase[]> = {
  'read/unreadable': [
    fromFindings(
      'a named pipe given as the file (reading it would wait for ever)',
      (await processFile(FIFO, { cwd: SPECIAL })).diagnostics,
      'read/unreadable',
      'pipe',
      { file: FIFO },
    ),
    fromFindings(
      'a symlink to /dev/zero (reading it would never end)',
      (await processFile('zero.txt', { cwd: SPECIAL })).diagnostics,
      'read/unreadable',
      'device',
      { file: 'zero.txt' },
    ),
    fromFindings(
      'a socket given as the file',
      (await processFile('sock', { cwd: SPECIAL })).diagnostics,
      'read/unreadable',
      'socket',
      { file: 'sock' },
    ),
    fromFindings(
      'a file that is not there',
      (await processFile('no-such-file.pdf', { cwd: import.meta.dirname })).diagnostics,
      'read/unreadable',
      'unreadable',
      {
        file: 'no-such-file.pdf',
        code: 'ENOENT',
        reason: '文件不存在',
        osMessage: expect.stringContaining('ENOENT'),
      },
    ),
  ],
  'extract/internal': [
    fromFindings(
      'extraction meets a Document no reader makes (a bug upstream)',
      extract({ kind: 'text', blocks: null, diagnostics: [] } as unknown as Document).diagnostics,
      'extract/internal',
      'internal',
      { error: "Cannot read properties of null (reading 'forEach')" },
    ),
  ],
  'internal/exception': [
    fromFindings(
      'a rule that throws',
      check(validReport('2021'), { ruleSet: [throwing] }),
      'internal/exception',
      'ruleException',
      { rule: 'probe', error: 'boom' },
    ),
    fromFindings(
      'a stage that throws on a file',
      [(await import('../pipeline.ts')).internalError('r.txt', new Error('boom'))],
      'internal/exception',
      'exception',
      { file: 'r.txt', error: 'boom', stack: expect.stringContaining('Error: boom') },
    ),
    fromFindings(
      'an error that crossed a worker thread as a plain object (a pdf.js exception)',
      [
        (await import('../pipeline.ts')).internalError('r.pdf', {
          name: 'XRefEntryException',
          message: 'Bad (uncompressed) XRef entry: 3R',
        }),
      ],
      'internal/exception',
      'exception',
      { file: 'r.pdf', error: 'XRefEntryException: Bad (uncompressed) XRef entry: 3R', stack: undefined },
    ),
  ],
  'aggregate/no-members': [
    fromFindings('nothing to sum', aggregate([]).diagnostics, 'aggregate/no-members', 'no-members', {}),
  ],
  'aggregate/mixed-years': [
    fromFindings(
      'members of two years',
      aggregate([validReport('2021'), { ...validReport('2021'), year: 2023 }]).diagnostics,
      'aggregate/mixed-years',
      'mixed-years',
      { years: '2022、2023', year: '不详' },
    ),
  ],
  'aggregate/mixed-table2': [
    fromFindings(
      'members in both formats',
      aggregate([MEMBER_2019, MEMBER_2021], { year: 2022 }).diagnostics,
      'aggregate/mixed-table2',
      'mixed-table2',
      { formats: '两', counts: '2019 年格式 1 份、2021 年格式 1 份', version: '2021' },
    ),
  ],
  'aggregate/other-handling-unsplit': [
    fromFindings(
      'a 2019 member in a 2021 sum',
      aggregate([MEMBER_2019, MEMBER_2021], { year: 2022 }).diagnostics,
      'aggregate/other-handling-unsplit',
      'other-handling-unsplit',
      {
        n: 1,
        total: 2,
        from: '2019',
        version: '2021',
        row: '（六）其他处理',
        number: '（六）',
        parts: 3,
        partsWord: '三',
      },
    ),
  ],
  'aggregate/scope-unknown': [
    fromFindings(
      'a city government of unknown scope beside a department of the city',
      scopeFindings(
        partition(
          ['河南省'],
          [
            { unit: ['河南省', '三门峡市'], scope: null, government: true, item: 7 },
            { unit: ['河南省', '三门峡市'], scope: 'department', government: false, item: 8 },
          ],
        ),
        (id) => ({
          agency: id === 7 ? '三门峡市人民政府办公室' : '三门峡市民政局',
          reportId: id,
          place: '三门峡市',
        }),
      ),
      'aggregate/scope-unknown',
      'scope-unknown',
      { agency: '三门峡市人民政府办公室', reportId: 7, unit: '市', members: 1 },
    ),
  ],
  'library/region-mismatch': [
    fromFindings(
      'a 新乡市 district filed under 三门峡市',
      [regionFinding({ ...validReport('2021'), agency: '新乡市牧野区人民政府' }, '河南省/三门峡市', 'zh')!],
      'library/region-mismatch',
      'outside',
      {
        agency: '新乡市牧野区人民政府',
        place: '新乡市牧野区',
        placeRegions: '河南省/新乡市/牧野区',
        region: '河南省/三门峡市',
      },
    ),
    fromFindings(
      'a province body filed under one of its cities',
      [regionFinding({ ...validReport('2021'), agency: '河南省机关事务管理局' }, '河南省/三门峡市', 'zh')!],
      'library/region-mismatch',
      'above',
      { agency: '河南省机关事务管理局', place: '河南省', placeRegions: '河南省', region: '河南省/三门峡市' },
    ),
  ],
  'aggregate/blanks': [
    fromFindings(
      'a member left a cell blank',
      aggregate([validReport('2021'), MEMBER_2021]).diagnostics,
      'aggregate/blanks',
      'blanks',
      { cells: 1, count: 1 },
    ),
  ],
  'read/empty': [await fromFile('an empty file', new Uint8Array(0), 'read/empty', 'empty')],
  'read/binary': [
    await fromFile(
      'control characters, not text',
      new Uint8Array(Array.from({ length: 64 }, (_, i) => 1 + (i % 8))),
      'read/binary',
      'binary',
    ),
  ],
  'read/unsupported': [
    await fromFile(
      'a ZIP without a Word or Excel document',
      zipSync({ 'a.txt': strToU8('x') }),
      'read/unsupported',
      'unsupported',
    ),
  ],
  'read/not-report-json': [
    stating(
      await fromFile('no formatVersion', strToU8('{"requests": {}}'), 'read/not-report-json', 'missingKey'),
      { file: 'r', key: 'formatVersion' },
    ),
    stating(
      await fromFile(
        'a version nianbao does not know',
        strToU8('{"formatVersion": "2020"}'),
        'read/not-report-json',
        'badVersion',
      ),
      { file: 'r', value: '"2020"' },
    ),
    stating(
      await fromFile(
        'a year written as text',
        strToU8(JSON.stringify({ ...validReport('2021'), year: '2021' })),
        'read/not-report-json',
        'badValue',
      ),
      { file: 'r', key: 'year', expected: 'Invalid input: expected number, received string' },
    ),
    stating(await fromFile('a list of two', strToU8('[{}, {}]'), 'read/not-report-json', 'severalReports'), {
      file: 'r',
      count: 2,
    }),
    stating(
      await fromFile(
        'an extract entry without a report',
        strToU8('{"report": 3}'),
        'read/not-report-json',
        'notAnObject',
      ),
      { file: 'r' },
    ),
  ],
  'read/encrypted': [
    await fromFile('an encrypted PDF', pdfFixture('encrypted.pdf'), 'read/encrypted', 'encrypted'),
  ],
  'extract/no-report': [
    stating(
      {
        name: 'a meeting notice, not a report',
        report: validReport('2021'),
        options: {
          extraction: extract(
            readText(
              new TextEncoder().encode('关于召开政务公开工作会议的通知\n各科室：定于下周一召开会议。\n'),
            ),
          ).diagnostics,
        },
        errors: [{ messageId: 'noReport' }],
      },
      { chars: 29 },
    ),
  ],
  'read/no-text-layer': [
    stating(
      await fromPdf('a scan, OCR off', pdfFixture('scanned.pdf'), 'read/no-text-layer', 'noTextLayer', false),
      { file: 'r.pdf' },
    ),
    stating(
      await fromPdf(
        'a blank page, OCR off',
        tinyPdf([TEXT_PAGE, BLANK_PAGE]),
        'read/no-text-layer',
        'pagesWithoutText',
        false,
      ),
      { file: 'r.pdf', pages: '2' },
    ),
    stating(
      await fromPdf(
        'a 30 dpi scan OCR cannot read',
        pdfFixture('scanned.pdf'),
        'read/no-text-layer',
        'scanUnreadable',
      ),
      { file: 'r.pdf' },
    ),
    stating(
      await fromPdf(
        'a blank page OCR finds nothing on',
        tinyPdf([TEXT_PAGE, BLANK_PAGE]),
        'read/no-text-layer',
        'pagesUnreadable',
      ),
      { file: 'r.pdf', pages: '2' },
    ),
  ],
  'extract/xlsx-data-disagrees': [
    await (async (): Promise<RuleCase> => {
      const file = 'data-disagrees.xlsx';
      const doc = await read(xlsxFixture(file), { path: file });
      const { diagnostics } = extract(doc);
      const found = diagnostics.filter((d) => d.ruleId === 'extract/xlsx-data-disagrees');
      expect(found.map((d) => d.messageId)).toEqual(['differs', 'differs']);
      return {
        name: 'a figure changed in the layout only, one in the data sheet only (render --to xlsx, edited)',
        report: validReport('2021'),
        options: { extraction: found },
        errors: [{ messageId: 'differs' }, { messageId: 'differs' }],
      };
    })(),
    fromFindings(
      'a figure typed only into the data sheet',
      compareRestated(withCells(validReport('2021'), { 'requests.granted.research': null }), [
        {
          path: 'requests.granted.research',
          text: '4',
          source: { kind: 'xlsx', sheet: 'data', cell: 'F40' },
        },
      ]),
      'extract/xlsx-data-disagrees',
      'onlyData',
      {
        name: '表三（依申请公开）“（一）予以公开”行“科研机构”列',
        cell: '版式表', // the report was not read from a workbook: no layout cell to name
        dataCell: 'data!F40',
        layout: '空白',
        data: '4',
      },
    ),
    fromFindings(
      'a data-sheet row that names no cell',
      compareRestated(validReport('2021'), [
        { path: 'requests.granted.nobody', text: '4', source: { kind: 'xlsx', sheet: 'data', cell: 'F41' } },
      ]),
      'extract/xlsx-data-disagrees',
      'notACell',
      { dataCell: 'data!F41', path: 'requests.granted.nobody', data: '4', version: '2021' },
    ),
  ],
  'read/xlsx-formula-computed': [
    stating(
      await fromFile(
        "nianbao new's template filled in and saved by openpyxl: its sums without results",
        xlsxFixture('filled-2021-openpyxl.xlsx'),
        'read/xlsx-formula-computed',
        'computed',
      ),
      { file: 'r', count: 34, cells: expect.stringMatching(/^收到和处理政府信息公开申请情况!J7、/) },
    ),
  ],
  'read/xlsx-formula-uncached': [
    stating(
      await fromFile(
        "an author's own formula saved without a result",
        xlsxFixture('formula-uncached.xlsx'),
        'read/xlsx-formula-uncached',
        'uncached',
      ),
      { file: 'r', count: 1, cells: '收到和处理政府信息公开申请情况!J7' },
    ),
  ],
  'read/damaged': [
    await fromPdf(
      'a PDF with a bad XRef entry',
      pdfFixture('damaged-xref.pdf'),
      'read/damaged',
      'damaged',
      false,
    ),
  ],
  'read/too-large': [
    stating(
      await fromFile(
        'a zip bomb (738 KB, 201 MB unpacked)',
        crasher('zipbomb-xlsx-200m.xlsx'),
        'read/too-large',
        'unpacked',
      ),
      { file: 'r', kind: 'xlsx', size: 201, limit: 100 },
    ),
    stating(
      await fromFile('a sheet-wide merge', crasher('xlsx-merge-huge.xlsx'), 'read/too-large', 'merge'),
      {
        file: 'r',
        sheet: '收到和处理政府信息公开申请情况',
        range: 'A1:XFD1048576',
        cells: 1048576 * 16384,
        limit: 100_000,
      },
    ),
    fromFindings(
      'a file of 201 MB (sparse: refused from its size, never read)',
      (await processFile('big.txt', { cwd: SPECIAL })).diagnostics,
      'read/too-large',
      'input',
      { file: 'big.txt', size: 201, limit: 200 },
    ),
    stating(
      await fromFile(
        'a page of 500,001 elements',
        strToU8('<p>'.repeat(500_001)),
        'read/too-large',
        'elements',
      ),
      { file: 'r', limit: 500_000 },
    ),
    stating(
      await fromFile(
        'a page of 1,001 nested <div>s (parse5 slows with the depth: 10⁵ took minutes)',
        strToU8(`<body>${'<div>'.repeat(1001)}深${'</div>'.repeat(1001)}</body>`),
        'read/too-large',
        'nesting',
      ),
      { file: 'r', limit: 1000 },
    ),
    stating(
      await fromFile(
        'a page of 200,001 table cells',
        strToU8(`<table><tr>${'<td>1'.repeat(200_001)}</table>`),
        'read/too-large',
        'cells',
      ),
      { file: 'r', limit: 200_000 },
    ),
    stating(
      await fromFile(
        'a table of colspan="1000000" cells (clamped to 1000, as browsers do)',
        crasher('html-colspan-huge.html'),
        'read/too-large',
        'table',
      ),
      { file: 'r', table: 1, rows: 19, cols: 53_000, limit: 1_000_000 },
    ),
    stating(
      await fromPdf('a PDF of 2,001 pages', tinyPdf(Array(2001).fill(BLANK_PAGE)), 'read/too-large', 'pages'),
      { file: 'r.pdf', pages: 2001, limit: 2000 },
    ),
    stating(
      await fromPdf(
        'a page of 20,000 × 20,000 points',
        tinyPdf([TEXT_PAGE.replace('[0 0 595 842]', '[0 0 20000 20000]')]),
        'read/too-large',
        'pageArea',
      ),
      { file: 'r.pdf', page: 1, width: 20000, height: 20000, side: 14400 },
    ),
    stating(
      await fromFile('a cell at XFD1048576', crasher('xlsx-far-cell.xlsx'), 'read/too-large', 'extent'),
      {
        file: 'r',
        sheet: '收到和处理政府信息公开申请情况',
        cell: 'XFD1048576',
        rows: 1048576,
        cols: 16384,
        limit: 2_000_000,
      },
    ),
    fromFindings(
      'a file whose worker thread reached its heap limit',
      workerFailed({ task: 'check', file: 'r.html', lang: 'zh', cwd: '.' }, { maxMemory: 1024 }).diagnostics,
      'read/too-large',
      'memory',
      { file: 'r.html', limit: 1024 },
    ),
  ],
  // A batch's finding for a file whose worker was stopped (src/cli/batch.ts); the real stops, of pdf-01766.pdf at
  // --timeout and of a 100,000-row HTML page at --max-memory, are run in test/batch-limits.test.ts.
  'read/timeout': [
    fromFindings(
      'a file stopped at the time limit',
      workerFailed({ task: 'extract', file: 'r.pdf', lang: 'zh', cwd: '.' }, { timeout: 300 }).diagnostics,
      'read/timeout',
      'timeout',
      { file: 'r.pdf', seconds: 300 },
    ),
  ],
  'read/broken': [
    await fromPdf('a PDF cut short', pdfFixture('scan-title.pdf').slice(0, 400), 'read/broken', 'broken'),
    await fromPdf('a page that is not a page', tinyPdf([TEXT_PAGE, '42']), 'read/broken', 'pageBroken'),
    // word-extractor trips on a DOC cut short ("The value of "sourceStart" is out of range"): said in words.
    stating(
      await fromFile(
        'a Word 97 file cut short, its library tripping over it',
        new Uint8Array(readFileSync(new URL('../../test/fixtures/doc/000.doc', import.meta.url))).slice(
          0,
          8192,
        ),
        'read/broken',
        'structure',
      ),
      { file: 'r', kind: 'doc', detail: expect.stringMatching(/sourceStart/) },
    ),
  ],
  'read/ocr': [
    stating(
      await fromPdf('a scanned page read by OCR', pdfFixture('scan-title.pdf'), 'read/ocr', 'ocrPages'),
      { file: 'r.pdf', pages: '1' },
    ),
    stating(
      {
        name: 'OCR failed',
        report: validReport('2021'),
        options: { extraction: [ocrFailed] },
        errors: [{ messageId: 'ocrFailed' }],
      },
      { file: 'r.pdf', pages: '2', reason: 'worker exited' },
    ),
    await (async () => {
      // The file's OCR budget made smaller than the page (LIMITS.ocrFilePixels is 400 million pixels): page 1 is
      // not rendered, and said so.
      const pdfjs = await loadPdfJs();
      const doc = await openPdf(pdfjs, pdfFixture('scan-title.pdf')).promise;
      const page = await readPage(doc, 1, pdfjs.OPS);
      const diagnostics: Diagnostic[] = [];
      const read = await ocrPages(doc, [page], [1], 'r.pdf', diagnostics, pdfjs.OPS, 1_000_000);
      expect(read).toEqual([]);
      await doc.destroy();
      return fromFindings('a scan past the OCR budget of its file', diagnostics, 'read/ocr', 'ocrLimit', {
        file: 'r.pdf',
        pages: '1',
        limit: 1,
      });
    })(),
  ],
  'extract/unreadable-figure': [
    stating(
      fromText(
        'a figure with an unreadable character (U+FFFD, as a reader leaves it)',
        T3('一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\ufffd'),
        'unreadableFigure',
      ),
      { text: '1' },
    ),
  ],
  'read/charset': [
    stating(
      (() => {
        const page = `<html><head><meta charset="gb2312"></head><body><pre>\n${T3('二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0')}</pre></body></html>`;
        const doc = readHtml(new TextEncoder().encode(page), { path: 'page.html' });
        const { report, diagnostics } = extract(doc);
        return {
          name: 'a UTF-8 page that says gb2312',
          report: report!,
          options: { extraction: [...doc.diagnostics, ...diagnostics] },
          errors: [{ messageId: 'charsetMismatch' }],
        };
      })(),
      { file: 'page.html', declared: 'gb2312', encoding: 'utf-8' },
    ),
  ],
  'read/encoding': [
    stating(
      fromText(
        'bytes that are neither UTF-8 nor GB18030',
        new Uint8Array([
          ...new TextEncoder().encode(T3('一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1')),
          0xff,
          0xfe,
          0x80,
          0x81,
        ]),
        'undecodable',
      ),
      { file: '', count: 4, encoding: 'utf-8' },
    ),
  ],
  'extract/extra-cells': [
    stating(
      fromText('eight figures for seven columns', T3('（七）总计\t15\t0\t0\t0\t0\t0\t0\t15'), 'extraCells'),
      { row: '（七）总计', dropped: '0' },
    ),
  ],
  'extract/missing-cells': [
    stating(
      fromText(
        'six figures placed under their columns',
        T3(
          '一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n四、结转下年度继续办理\t\t\t0\t0\t0\t0\t0\t0',
        ),
        'missingCellsPlaced',
      ),
      { row: '四、结转下年度继续办理' },
    ),
  ],
  'extract/unplaced-cells': [
    stating(
      fromText(
        'one figure for seven columns, beside a row read whole',
        T3('一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5\n（七）总计5'),
        'missingCells',
      ),
      { row: '（七）总计' },
    ),
    // The table read as one stream of tokens (nothing else in it read): the message names the figures.
    stating(fromText('one figure for seven columns', T3('（七）总计5'), 'missingCellsRun'), {
      row: '（七）总计',
      text: '5',
    }),
  ],
  'extract/ambiguous-cells': [
    stating(
      fromText(
        'eight figures no total explains',
        T3('（七）总计\t15\t2\t0\t0\t0\t0\t9\t15'),
        'ambiguousCells',
      ),
      { row: '（七）总计', text: '15 2 0 0 0 0 9 15' },
    ),
    stating(
      fromText(
        'run together, four splits fit, beside a row read whole',
        T3(
          '一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5\n1.信访举报投诉类申请96341471912520255013296',
        ),
        'unsplittable',
      ),
      { row: '1.信访举报投诉类申请' },
    ),
    stating(
      fromText(
        'run together, four splits fit',
        T3('1.信访举报投诉类申请96341471912520255013296'),
        'unsplittableRun',
      ),
      { row: '1.信访举报投诉类申请', text: '96341471912520255013296' },
    ),
  ],
  'extract/split-digits': [
    stating(
      fromText('run together, one split', T3('一、本年新收政府信息公开申请数量7000007'), 'splitDigits'),
      { row: '一、本年新收政府信息公开申请数量' },
    ),
  ],
  'extract/unknown-row': [
    stating(
      fromText(
        'a local row',
        `${HEAD.replace('三、收到和处理政府信息公开申请情况', '二、主动公开政府信息情况')}第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n其他主动公开文件\t1\t1\t1\n规章\t0\t0\t0\n`,
        'unknownRow',
      ),
      { label: '其他主动公开文件', table: '主动公开政府信息情况' },
    ),
  ],
  'extract/duplicate-row': [
    stating(
      fromText(
        'a row given twice',
        T3(
          '二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1',
        ),
        'duplicateRow',
      ),
      { row: '二、上年结转政府信息公开申请数量' },
    ),
  ],
  // 22 of the 23 rows of a 2019 table 3 missing; tables 2 and 4 missing.
  'extract/missing-row': [
    fromText(
      'a table with one row',
      T3('二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0'),
      'missingRow',
      22,
    ),
  ],
  'extract/missing-table': [
    stating(
      (() => {
        const page = readFileSync(join(import.meta.dirname, '../../test/fixtures/html/2021-images.html'));
        const doc = readHtml(new Uint8Array(page), { path: '2021-images.html' });
        const { report, diagnostics } = extract(doc);
        return {
          name: 'a web page whose three tables are images',
          report: report!,
          options: { extraction: [...doc.diagnostics, ...diagnostics] },
          errors: [
            { messageId: 'missingTableImage' },
            { messageId: 'missingTableImage' },
            { messageId: 'missingTableImage' },
          ],
        };
      })(),
      { table: '主动公开政府信息情况', count: 1, images: '/upload/2024/proactive.png' },
      { table: '收到和处理政府信息公开申请情况', count: 1, images: '/upload/2024/requests.png' },
      { table: '政府信息公开行政复议、行政诉讼情况', count: 1, images: '/upload/2024/review-litigation.png' },
    ),
    stating(
      fromText(
        'no tables 2 and 4',
        T3('二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0'),
        'missingTable',
        2,
      ),
      { table: '主动公开政府信息情况' },
      { table: '政府信息公开行政复议、行政诉讼情况' },
    ),
  ],
  'extract/unit-converted': [
    stating(
      fromText(
        '采购总金额 in 元',
        `${HEAD.replace('三、收到和处理政府信息公开申请情况', '二、主动公开政府信息情况')}第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t3\t251000元\n`,
        'unitConverted',
      ),
      { text: '251000元', value: 25.1 },
    ),
  ],
  'extract/format-version-unknown': [
    stating(
      fromText(
        'no version words',
        T3('二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0'),
        'versionUnknown',
      ),
      { version: '2019' },
    ),
  ],
  'extract/agency-missing': [
    stating(
      fromText(
        'no title',
        T3('二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0').split('\n').slice(1).join('\n'),
        'agencyMissing',
      ),
      {},
    ),
  ],
  'extract/year-missing': [
    stating(
      fromText(
        'no year',
        T3('二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0').replace('2019年', ''),
        'yearMissing',
      ),
      {},
    ),
  ],
  'extract/year-conflict': [
    stating(
      fromText(
        'title and period disagree',
        `${HEAD}本报告所列数据统计期限为2018年1月1日至12月31日。\n`,
        'yearConflict',
      ),
      { title: 2019, period: 2018 },
    ),
  ],
};

for (const rule of EXTRACTION_RULES) {
  const cases = CASES[rule.meta.id] ?? [];
  describe(`extraction rule ${rule.meta.id}`, () => {
    it('has cases', () => {
      expect(cases.length).toBeGreaterThan(0);
    });
  });
  testRule(rule, {
    valid: [
      { name: 'a report without that problem', report: validReport('2019'), options: { extraction: [] } },
    ],
    invalid: cases,
  });
}

describe('extraction problems without a rule', () => {
  it('are kept by check as they are, not dropped', () => {
    const report = validReport('2021');
    // A finding of a newer reader (a stored report's findings may have one): no rule of this version speaks for it.
    const page = {
      ruleId: 'read/newer-finding',
      severity: 'warning' as const,
      messageId: 'newer',
      message: '文件“x.pdf”有一个新版本才有的问题',
      data: { file: 'x.pdf' },
    };
    expect(check(report, { extraction: [page] })).toEqual([page]);
    expect(check(report, { extraction: [page], rules: { 'read/newer-finding': 'off' } })).toEqual([]);
  });
});
