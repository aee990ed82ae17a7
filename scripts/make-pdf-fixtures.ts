// Makes the PDF fixtures of src/read/pdf.test.ts: reports rendered as official-layout HTML pages, printed to PDF by
// LibreOffice. Needs `soffice` (libreoffice-writer-nogui), fonts-noto-cjk and poppler-utils; not run by the tests.
import { APPLICANT_TOTAL } from '../src/model/formats/common.ts';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from '../src/extract/index.ts';
import type { Document } from '../src/model/document.ts';
import type { RowDef, TableKey } from '../src/model/format.ts';
import { formatOf } from '../src/model/formats/index.ts';
import { rowValues, type Report } from '../src/model/report.ts';
import { readText } from '../src/read/text.ts';
import { validReport, withCells } from '../src/rules/valid-report.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'test/fixtures/pdf');
const work = mkdtempSync(join(tmpdir(), 'nianbao-pdf-'));
// A profile of our own, so that a LibreOffice started elsewhere does not lock this one out.
const profile = `-env:UserInstallation=file://${join(work, 'profile')}`;

/** What goes on the page, in order. */
type Part =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string; newPage?: boolean }
  | { kind: 'p'; text: string }
  | { kind: 'table'; key: TableKey }
  /** Empty lines that move what follows down the page. */
  | { kind: 'space'; lines: number };

/** How a page is drawn. */
interface Style {
  /** Table font size in points. */
  tableFont: number;
  /** Widths (points) of table 3's three label columns and of a figure column. */
  labelWidths: readonly [number, number, number];
  figureWidth: number;
  /** Ruled tables (the official layout) or tables without any line. */
  ruled: boolean;
  /** The program that prints the page: page header and number are written for it. */
  printer?: 'libreoffice' | 'chromium';
}

const OFFICIAL: Style = { tableFont: 10, labelWidths: [58, 70, 150], figureWidth: 40, ruled: true };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fig = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** The official HTML page of a report: title, headings, paragraphs and the three tables with their merges. */
function renderHtml(report: Report, parts: readonly Part[], style: Style): string {
  const body = parts
    .map((p) => {
      switch (p.kind) {
        case 'title':
          // One regular face for everything: a bold face would be a second CJK font subset in every file.
          return `<p align="center" style="font-size:16pt">${esc(p.text)}</p>`;
        case 'heading':
          return `<p style="font-size:12pt${p.newPage ? '; page-break-before: always' : ''}">${esc(p.text)}</p>`;
        case 'space':
          return '<p>&nbsp;</p>'.repeat(p.lines);
        case 'p':
          return `<p style="font-size:12pt">${esc(p.text)}</p>`;
        case 'table':
          return table(report, p.key, style);
      }
    })
    .join('\n');
  const running = `${esc(report.agency ?? '')}政府信息公开工作年度报告`;
  // LibreOffice takes a page header and footer from <div title="header|footer">, Chromium from @page margin boxes.
  const furniture =
    style.printer === 'chromium'
      ? `@page { size: A4; margin: 20mm 18mm; @top-center { content: "${running}"; font-size: 9pt }
  @bottom-center { content: "- " counter(page) " -"; font-size: 10pt } }
table { border-collapse: collapse; } td { border: ${style.ruled ? '0.75pt solid #000' : 'none'}; padding: 3pt; }`
      : '';
  const header =
    style.printer === 'chromium'
      ? ''
      : `<div title="header"><p align="center" style="font-size:9pt">${running}</p></div>
<div title="footer"><p align="center" style="font-size:10pt">- <sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield> -</p></div>`;
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${esc(report.agency ?? '')}</title>
<style>body { font-family: "Noto Sans CJK SC"; font-size: 12pt; } td { font-size: ${style.tableFont}pt; }
${furniture}</style>
</head><body>
${header}
${body}
</body></html>
`;
}

function tableOpen(style: Style, widths: readonly number[]): string {
  const attrs = style.ruled
    ? 'border="1" cellspacing="0" cellpadding="3"'
    : 'border="0" cellspacing="0" cellpadding="3"';
  const total = widths.reduce((a, b) => a + b, 0);
  return (
    `<table ${attrs} width="${Math.round(total)}">` +
    widths.map((w) => `<col width="${Math.round(w)}">`).join('')
  );
}

const td = (text: string, attrs: { colspan?: number; rowspan?: number; align?: string } = {}) => {
  const a = [
    attrs.colspan && attrs.colspan > 1 ? ` colspan="${attrs.colspan}"` : '',
    attrs.rowspan && attrs.rowspan > 1 ? ` rowspan="${attrs.rowspan}"` : '',
    ` align="${attrs.align ?? 'center'}"`,
  ].join('');
  return `<td${a}>${esc(text).replace(/\n/g, '<br>')}</td>`;
};

function table(report: Report, key: TableKey, style: Style): string {
  if (key === 'proactive') return proactiveTable(report, style);
  if (key === 'requests') return requestsTable(report, style);
  return reviewTable(report, style);
}

/** Table 2: one block per 第二十条 item, a caption row, a 信息内容 header row, then its rows (format-spec §4). */
function proactiveTable(report: Report, style: Style): string {
  const def = formatOf(report.formatVersion).tables.find((t) => t.key === 'proactive')!;
  // 2019: six value sub-columns (three columns of two, or two of three); 2021: three.
  const sub = report.formatVersion === '2019' ? 6 : 3;
  const widths = [120, ...Array<number>(sub).fill((style.figureWidth * 9) / sub)];
  const rows: string[] = [];
  let group = '';
  for (const r of def.rows) {
    if (r.group !== group) {
      group = r.group ?? '';
      rows.push(`<tr>${td(group, { colspan: sub + 1 })}</tr>`);
      const span = sub / r.columns.length;
      rows.push(`<tr>${td('信息内容')}${r.columns.map((c) => td(c.label, { colspan: span })).join('')}</tr>`);
    }
    const v = rowValues(report.proactive, r);
    const span = sub / r.columns.length;
    rows.push(
      `<tr>${td(r.label)}${r.columns.map((c) => td(fig(v[c.key]), { colspan: span })).join('')}</tr>`,
    );
  }
  return `${tableOpen(style, widths)}\n${rows.join('\n')}\n</table>`;
}

/** Table 3: the three header rows with the corner note, then the rows with their group labels (format-spec §5). */
function requestsTable(report: Report, style: Style): string {
  const def = formatOf(report.formatVersion).tables.find((t) => t.key === 'requests')!;
  const [w1, w2, w3] = style.labelWidths;
  const widths = [w1, w2, w3, ...Array<number>(7).fill(style.figureWidth)];
  const head = [
    `<tr>${td(def.note ?? '', { colspan: 3, rowspan: 3 })}${td('申请人情况', { colspan: 7 })}</tr>`,
    `<tr>${td('自然人', { rowspan: 2 })}${td('法人或其他组织', { colspan: 5 })}${td('总计', { rowspan: 2 })}</tr>`,
    `<tr>${['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t) => td(t)).join('')}</tr>`,
  ];
  const results = def.rows.filter((r) => r.parentGroup || r.group === '三、本年度办理结果');
  const body: string[] = [];
  const figures = (r: RowDef) => {
    const v = rowValues(report.requests, r);
    return r.columns.map((c) => td(fig(v[c.key]))).join('');
  };
  const seenGroups = new Set<string>();
  def.rows.forEach((r) => {
    let cells = '';
    if (r === results[0]) cells += td('三、本年度办理结果', { rowspan: results.length });
    const inGroup = r.group && r.group !== '三、本年度办理结果';
    if (inGroup && !seenGroups.has(r.group!)) {
      seenGroups.add(r.group!);
      cells += td(r.group!, { rowspan: def.rows.filter((x) => x.group === r.group).length });
    }
    const span = !r.group ? 3 : r.group === '三、本年度办理结果' ? 2 : 1;
    cells += td(r.label, { colspan: span, align: 'left' });
    body.push(`<tr>${cells}${figures(r)}</tr>`);
  });
  // <thead>: LibreOffice repeats the header rows on every page the table runs onto.
  return `${tableOpen(style, widths)}\n<thead>${head.join('\n')}</thead>\n<tbody>${body.join('\n')}</tbody>\n</table>`;
}

/** Table 4: 行政复议 | 行政诉讼 (直接起诉, 复议后起诉), three header rows and one row of 15 figures (format-spec §6). */
function reviewTable(report: Report, style: Style): string {
  const def = formatOf(report.formatVersion).tables.find((t) => t.key === 'reviewLitigation')!;
  const labels = def.rows[0]!.columns.map((c) => c.label);
  const widths = Array<number>(15).fill(32);
  const rows = [
    `<tr>${td('行政复议', { colspan: 5 })}${td('行政诉讼', { colspan: 10 })}</tr>`,
    `<tr>${labels.map((l) => td(l, { rowspan: 2 })).join('')}${td('未经复议直接起诉', { colspan: 5 })}${td('复议后起诉', { colspan: 5 })}</tr>`,
    `<tr>${[...labels, ...labels].map((l) => td(l)).join('')}</tr>`,
    `<tr>${def.rows.flatMap((r) => r.columns.map((c) => td(fig(rowValues(report.reviewLitigation, r)[c.key])))).join('')}</tr>`,
  ];
  return `${tableOpen(style, widths)}\n${rows.join('\n')}\n</table>`;
}

/** The parts of a sample report's page: its own paragraphs, the official tables in sections 二, 三 and 四. */
function sampleParts(doc: Document, report: Report): Part[] {
  const parts: Part[] = [];
  const headings = new Map((report.outline ?? []).map((h) => [h.text, h]));
  let section: string | null = null;
  let titled = false;
  for (const b of doc.blocks) {
    if (b.kind !== 'paragraph') continue;
    const h = headings.get(b.text);
    if (h) {
      section = h.section;
      parts.push({ kind: 'heading', text: b.text });
      if (section === 'proactive' || section === 'requests' || section === 'reviewLitigation')
        if (!parts.some((p) => p.kind === 'table' && p.key === section))
          parts.push({ kind: 'table', key: section });
      continue;
    }
    // The tables' sections hold only their tables in the samples; their text rows are the table, drawn above.
    if (section === 'proactive' || section === 'requests' || section === 'reviewLitigation') continue;
    if (!titled && section === null && /报告/.test(b.text)) {
      parts.push({ kind: 'title', text: b.text });
      titled = true;
      continue;
    }
    parts.push({ kind: 'p', text: firstSentence(b.text) });
  }
  return parts;
}

/**
 * The first sentence of a paragraph, and any sentence that dates or signs the report (the statistics period, "由…编制"):
 * the tests do not compare the running text, and every distinct character is a glyph in the embedded font (about 300
 * bytes each), so whole paragraphs tripled the size of a file.
 */
function firstSentence(text: string): string {
  const sentences = text.match(/[^。]+(?:。|$)/g) ?? [text];
  return sentences.filter((x, i) => i === 0 || /1\s*月\s*1\s*日|编制/.test(x)).join('');
}

/** The parts of a generated report: title, each heading with its text, the tables after their section's text. */
function reportParts(report: Report): Part[] {
  const parts: Part[] = [{ kind: 'title', text: `${report.agency}${report.year}年政府信息公开工作年度报告` }];
  for (const h of report.outline ?? []) {
    parts.push({ kind: 'heading', text: h.text });
    for (const line of (report.sections[h.section] ?? '').split('\n'))
      if (line) parts.push({ kind: 'p', text: line });
    if (h.section === 'proactive' || h.section === 'requests' || h.section === 'reviewLitigation')
      parts.push({ kind: 'table', key: h.section });
  }
  return parts;
}

/** A 2021-format report with realistic figures that satisfy every identity of the format (T3-1…T3-3, T4-1). */
function report2021(agency: string, year: number, seed: number): Report {
  const base: Report = { ...validReport('2021'), agency, year };
  base.sections = {
    ...base.sections,
    overview:
      `${year}年，${agency}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》和上级关于政务公开工作的部署要求，` +
      '围绕中心工作，深化重点领域信息公开，加强政策解读和回应关切，不断提升政务公开质量和实效。全年通过门户网站主动公开政府信息一千余条，' +
      '及时更新机构职能、规划计划、财政预决算等信息，依法依规做好政府信息公开申请办理工作，各项工作平稳有序推进。',
    problems:
      '一是政策解读形式还不够丰富，图解、视频等解读方式运用较少；二是信息发布的及时性有待提高。下一步，我们将进一步加强培训，丰富解读形式，' +
      '建立健全信息发布审核机制，推动政务公开工作再上新台阶。',
  };
  const applicants = [...APPLICANT_TOTAL.parts];
  // A small deterministic generator: the same seed, the same figures.
  let s = seed;
  const rnd = (max: number) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % (max + 1);
  };
  const f2021 = formatOf('2021');
  const req = f2021.tables.find((t) => t.key === 'requests')!;
  const cells: Record<string, number | null> = {};
  const scale: Record<string, number> = {
    naturalPerson: 40,
    commercial: 6,
    research: 1,
    publicInterest: 1,
    legalService: 3,
    otherOrg: 2,
  };
  const outcomes = req.rows.filter(
    (r) => !['newlyReceived', 'carriedOver', 'totalHandled', 'carriedForward'].includes(r.path[0]!),
  );
  const sum: Record<string, number> = Object.fromEntries(applicants.map((a) => [a, 0]));
  for (const r of outcomes) {
    const big = r.path[0] === 'granted' || r.path.join('.') === 'unableToProvide.notHeld';
    for (const a of applicants) {
      const v = rnd(big ? scale[a]! : Math.max(1, Math.floor(scale[a]! / 8)));
      cells[`requests.${r.path.join('.')}.${a}`] = v;
      sum[a] = sum[a]! + v;
    }
  }
  const carriedOver = Object.fromEntries(
    applicants.map((a) => [a, rnd(Math.max(1, Math.floor(scale[a]! / 10)))]),
  );
  const forward = Object.fromEntries(
    applicants.map((a) => [a, rnd(Math.max(1, Math.floor(scale[a]! / 10)))]),
  );
  // 一 + 二 = （七） + 四 (T3-1): 一 is what is left when the others are chosen.
  for (const a of applicants) {
    const over = Math.min(carriedOver[a]!, sum[a]! + forward[a]!);
    cells[`requests.carriedOver.${a}`] = over;
    cells[`requests.totalHandled.${a}`] = sum[a]!;
    cells[`requests.carriedForward.${a}`] = forward[a]!;
    cells[`requests.newlyReceived.${a}`] = sum[a]! + forward[a]! - over;
  }
  for (const r of req.rows) {
    const p = `requests.${r.path.join('.')}`;
    cells[`${p}.total`] = applicants.reduce((t, a) => t + (cells[`${p}.${a}`] as number), 0);
  }
  for (const b of ['review', 'litigationDirect', 'litigationAfterReview']) {
    const parts = [rnd(6), rnd(2), rnd(2), rnd(1)];
    ['upheld', 'corrected', 'other', 'pending'].forEach(
      (k, i) => (cells[`reviewLitigation.${b}.${k}`] = parts[i]!),
    );
    cells[`reviewLitigation.${b}.total`] = parts.reduce((a, c) => a + c, 0);
  }
  Object.assign(cells, {
    'proactive.regulations.issued': rnd(3),
    'proactive.regulations.repealed': rnd(1),
    'proactive.regulations.inForce': 10 + rnd(20),
    'proactive.normativeDocuments.issued': 5 + rnd(20),
    'proactive.normativeDocuments.repealed': rnd(6),
    'proactive.normativeDocuments.inForce': 60 + rnd(200),
    'proactive.licensing.decisions': 1000 + rnd(20000),
    'proactive.penalties.decisions': 100 + rnd(3000),
    'proactive.coercion.decisions': rnd(80),
    'proactive.fees.amount': (1000 + rnd(900000)) / 10000,
  });
  const report = withCells(base, cells);
  const received = cells['requests.newlyReceived.total']!;
  const cases = ['review', 'litigationDirect', 'litigationAfterReview'].reduce(
    (t, b) => t + cells[`reviewLitigation.${b}.total`]!,
    0,
  );
  report.sections.requests = `本年度共新收政府信息公开申请${received}件，均已依法按时答复，具体情况如下。`;
  report.sections.reviewLitigation = `本年度发生政府信息公开行政复议、行政诉讼案件共${cases}件，具体情况如下。`;
  return report;
}

/** Converts an HTML page to PDF by way of an ODT (the direct route drops the page header after a page break). */
function toPdf(name: string, html: string, exportOptions?: string): Buffer {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const src = join(dir, `${name}.html`);
  writeFileSync(src, html);
  const soffice = (args: string[]) =>
    execFileSync('soffice', [profile, '--headless', ...args], { stdio: 'ignore' });
  soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'odt', '--outdir', dir, src]);
  soffice([
    '--convert-to',
    `pdf${exportOptions ? `:writer_pdf_Export:${exportOptions}` : ''}`,
    '--outdir',
    join(dir, 'pdf'),
    join(dir, `${name}.odt`),
  ]);
  return readFileSync(join(dir, 'pdf', `${name}.pdf`));
}

/** Prints an HTML page to PDF with headless Chromium (fonts of type 3: glyphs as drawings, a size per glyph). */
function toPdfChromium(name: string, html: string): Buffer {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const src = join(dir, `${name}.html`);
  writeFileSync(src, html);
  const pdf = join(dir, `${name}.pdf`);
  execFileSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${join(work, 'chromium')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      src,
    ],
    { stdio: 'ignore' },
  );
  return readFileSync(pdf);
}

/** The report's contract keys: what a test compares the PDF's extraction with. */
function truth(report: Report) {
  const { formatVersion, agency, year, proactive, requests, reviewLitigation } = report;
  return { formatVersion, agency, year, proactive, requests, reviewLitigation };
}

interface Fixture {
  name: string;
  report: Report;
  parts: Part[];
  style: Style;
  note: string;
}

const fixtures: Fixture[] = [];
for (const file of readdirSync(join(root, 'examples/reports')).filter((n) => n.endsWith('.txt'))) {
  const doc = readText(readFileSync(join(root, 'examples/reports', file)));
  const report = extract(doc).report!;
  fixtures.push({
    name: `sample-${file.slice(0, 3)}`,
    report,
    parts: sampleParts(doc, report),
    style: OFFICIAL,
    note:
      `examples/reports/${file} read and extracted; its title, headings and the first sentence of each ` +
      'paragraph, and the three tables in the official layout (ruled, merged cells); table 3 runs onto the next page',
  });
}
const r2021 = report2021('上饶市信州区审计局', 2023, 7);
fixtures.push({
  name: 'v2021',
  report: r2021,
  parts: reportParts(r2021),
  style: OFFICIAL,
  note: "`validReport('2021')` of src/rules/valid-report.ts with realistic figures (every identity of the format holds), official layout",
});
const wrapped = fixtures.find((f) => f.name === 'sample-003')!;
fixtures.push({
  name: 'wrapped-labels',
  report: wrapped.report,
  parts: wrapped.parts,
  style: { ...OFFICIAL, tableFont: 10.5, labelWidths: [34, 40, 62], figureWidth: 36 },
  note:
    'sample-003 with narrow label columns: every label and header wraps over two to four lines inside its cell, ' +
    'and a row is cut in two by the page break',
});
const borderless = fixtures.find((f) => f.name === 'sample-001')!;
fixtures.push({
  name: 'borderless',
  report: borderless.report,
  parts: borderless.parts,
  style: { ...OFFICIAL, ruled: false },
  note:
    'sample-001 with its tables drawn without a single line: columns only by where the text is; most rows have ' +
    'one figure of seven, so the figures must be placed under their headers by position',
});

mkdirSync(out, { recursive: true });
const readme: string[] = [];
for (const f of fixtures) {
  const pdf = toPdf(f.name, renderHtml(f.report, f.parts, f.style));
  writeFileSync(join(out, `${f.name}.pdf`), pdf);
  writeFileSync(join(out, `${f.name}.truth.json`), JSON.stringify(truth(f.report), null, 1) + '\n');
  readme.push(`- \`${f.name}.pdf\` (+ \`${f.name}.truth.json\`, the report it was drawn from): ${f.note}.`);
}

// Table 3 cut by a page break inside its （三）不予公开 group: heading 三 starts a new page (CSS page-break-before)
// and empty paragraphs above the table move the break into the group. LibreOffice ignores page-break-before on a
// table row, so the space is searched: the fewest empty lines that put 1.属于国家秘密 and 8.属于行政查询事项 on two pages.
const split = report2021('杭州市西湖区民政局', 2022, 11);
const splitParts = (space: number): Part[] =>
  reportParts(split).flatMap((p): Part[] =>
    p.kind === 'heading' && p.text.startsWith('三、')
      ? [{ ...p, newPage: true }]
      : p.kind === 'table' && p.key === 'requests'
        ? [{ kind: 'space', lines: space }, p]
        : [p],
  );
let splitPdf: Buffer | null = null;
let space = 0;
for (; space <= 30 && !splitPdf; space++) {
  const pdf = toPdf('table3-two-pages', renderHtml(split, splitParts(space), OFFICIAL));
  const file = join(work, 'split.pdf');
  writeFileSync(file, pdf);
  const pageOf = (text: string) => {
    for (let page = 1; page <= 6; page++) {
      const t = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'])
        .toString()
        .replace(/\s+/g, '');
      if (t.includes(text)) return page;
    }
    return 0;
  };
  const first = pageOf('1.属于国家秘密');
  if (first > 0 && pageOf('8.属于行政查询事项') === first + 1) splitPdf = pdf;
}
if (!splitPdf) throw new Error('no space puts the page break inside table 3’s （三） group');
writeFileSync(join(out, 'table3-two-pages.pdf'), splitPdf);
writeFileSync(join(out, 'table3-two-pages.truth.json'), JSON.stringify(truth(split), null, 1) + '\n');
readme.push(
  `- \`table3-two-pages.pdf\` (+ \`.truth.json\`): a 2021-format report whose heading 三 starts a new page ` +
    `(CSS \`page-break-before\`); ${space - 1} empty paragraphs above table 3 put the page break inside its ` +
    '（三）不予公开 group (LibreOffice ignores a page break on a table row), and the header rows are repeated on the ' +
    'next page (`<thead>`).',
);

// The same layout printed by Chromium: Type 3 fonts (each glyph a drawing, about 1.5 KB) whose glyphs map to
// radicals ("⺠" for 民), borders drawn by another program. Only the title and table 4, to keep the file small.
const chrome = report2021('长沙市民政局', 2024, 5);
// Table 4 on a page of its own (Chromium honours page-break-before), so that the page header repeats.
const chromeParts = reportParts(chrome).flatMap((p): Part[] =>
  p.kind === 'title' || (p.kind === 'table' && p.key === 'reviewLitigation')
    ? [p]
    : p.kind === 'heading' && p.text.startsWith('四、')
      ? [{ ...p, newPage: true }]
      : [],
);
writeFileSync(
  join(out, 'chromium.pdf'),
  toPdfChromium('chromium', renderHtml(chrome, chromeParts, { ...OFFICIAL, printer: 'chromium' })),
);
writeFileSync(join(out, 'chromium.truth.json'), JSON.stringify(truth(chrome), null, 1) + '\n');
readme.push(
  '- `chromium.pdf` (+ `.truth.json`): the title and (on page 2) table 4 of a 2021-format report printed by headless ' +
    'Chromium (`chromium --headless --no-sandbox --disable-gpu … --no-pdf-header-footer --print-to-pdf`), page ' +
    'header and number from CSS `@page` margin boxes; its Type 3 fonts map some glyphs to radicals (⺠ for 民). ' +
    'Tables 2 and 3 are left out: every distinct character costs about 1.5 KB in such a file.',
);

// A password-protected PDF (user password "secret") and a scanned page (an image, no text layer).
const small = fixtures.find((f) => f.name === 'v2021')!;
const encrypted = toPdf(
  'encrypted',
  renderHtml(small.report, small.parts.slice(0, 3), small.style),
  '{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}',
);
writeFileSync(join(out, 'encrypted.pdf'), encrypted);
readme.push(
  '- `encrypted.pdf`: the title and overview of `v2021`, exported with the open password "secret".',
);
execFileSync('pdftoppm', [
  '-r',
  '30',
  '-gray',
  '-png',
  '-f',
  '1',
  '-l',
  '1',
  join(out, 'v2021.pdf'),
  join(work, 'scan'),
]);
const png = readdirSync(work).find((n) => n.startsWith('scan') && n.endsWith('.png'))!;
renameSync(join(work, png), join(work, 'scan.png'));
const scanned = toPdf(
  'scanned',
  `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p><img src="${join(work, 'scan.png')}" width="600" height="848"></p></body></html>`,
);
writeFileSync(join(out, 'scanned.pdf'), scanned);
readme.push(
  '- `scanned.pdf`: page 1 of `v2021.pdf` as a 30 dpi grey image (`pdftoppm -r 30 -gray`), the only thing on the page: no text layer.',
);

writeFileSync(
  join(out, 'README.md'),
  `# PDF fixtures

Made by \`npx tsx scripts/make-pdf-fixtures.ts\` (LibreOffice ${execFileSync('soffice', [profile, '--version']).toString().split(' ')[1]}, fonts-noto-cjk):
each report is drawn as an HTML page in the official layout (title, headings, paragraphs, the three tables with
their rowspan/colspan merges, a running header and a "- N -" page number on every page), converted by
\`soffice --headless --infilter="HTML (StarWriter)" --convert-to odt\` and then \`--convert-to pdf\`.
The \`.truth.json\` beside each PDF is the report it was drawn from (formatVersion, agency, year and every cell).

${readme.join('\n')}
`,
);
console.log(`wrote ${fixtures.length + 2} PDFs to ${out}`);
