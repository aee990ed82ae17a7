// Makes test/fixtures/html/word-split-*.html: report pages written the way Word-pasted pages are, every label and
// header cell of the three tables broken into <p>/<span> pieces with &nbsp; runs between some of them.
//
// Run: npx tsx scripts/make-word-split-fixtures.ts   (deterministic: running it again gives the same bytes)
//
// - word-split-003.html: sample 003 (its figures from test/fixtures/expected/003_*.json, the hand transcription;
//   its wording from the sample's text) as Word's "save as web page" writes it: charset gb2312, CRLF, source lines
//   wrapped at 78 columns, unquoted attributes, mso styles, <o:p></o:p>, one <td> per line.
// - word-split-2021.html: the 2021-format report of test/fixtures/html/2021-official.json (its `truth`) copied
//   from Word into a CMS editor: UTF-8, the article in <div class="TRS_Editor">, Word's markup kept inside the
//   cells, each table row on one source line (the editor re-serialises the paste), so neighbouring cells' spans
//   touch.
// Each NAME.html has a NAME.json beside it: `truth` (formatVersion, agency, year, the three tables) and `figures`
// (1-based line and column of the <td> of every written figure), as the other HTML fixtures have.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { extract } from '../src/extract/index.ts';
import type { Block } from '../src/model/document.ts';
import type { FormatVersion, SectionKey, TableDef } from '../src/model/format.ts';
import { formatOf } from '../src/model/formats/index.ts';
import { table3Labels, type GCell } from './lib/grid.ts';
import { random } from './lib/random.ts';
import { rowValues, SECTION_KEYS, type TableValues } from '../src/model/report.ts';
import { readHtml } from '../src/read/html.ts';
import { readText } from '../src/read/text.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'test/fixtures/html');

interface Tables {
  formatVersion: FormatVersion;
  agency: string | null;
  year: number | null;
  proactive: TableValues;
  requests: TableValues;
  reviewLitigation: TableValues;
}

interface Source {
  truth: Tables;
  /** Lines before the first section heading. */
  preamble: string[];
  sections: { key: SectionKey; heading: string; lines: string[] }[];
}

function tablesOf(o: Record<string, unknown>): Tables {
  return {
    formatVersion: o.formatVersion as FormatVersion,
    agency: o.agency as string | null,
    year: o.year as number | null,
    proactive: o.proactive as TableValues,
    requests: o.requests as TableValues,
    reviewLitigation: o.reviewLitigation as TableValues,
  };
}

/** The wording of a report (title lines, headings, paragraphs) as the project reads it; figures come from the truth. */
function wording(
  blocks: readonly Block[],
  report: NonNullable<ReturnType<typeof extract>['report']>,
): Omit<Source, 'truth'> {
  const first = report.outline![0]!.source as { line: number };
  const preamble = blocks
    .filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph')
    .filter((b) => (b.source as { line: number }).line < first.line)
    .map((b) => b.text);
  const f = formatOf(report.formatVersion);
  const sections = SECTION_KEYS.map((key, i) => ({
    key,
    heading: report.outline?.find((o) => o.section === key)?.text ?? f.sections[i]!.heading,
    lines: (report.sections[key] ?? '').split('\n').filter((l) => l.trim() !== ''),
  }));
  return { preamble, sections };
}

// ---------------------------------------------------------------------------------------------------------------
// The official layout as a grid (format-spec §5): the same grids as scripts/make-html-fixtures.ts draws.

type GRow = GCell[];

const fig = (v: number | null | undefined, thousands: boolean) =>
  v === null || v === undefined ? '' : thousands ? v.toLocaleString('en-US') : String(v);

function proactiveGrid(t: Tables, def: TableDef, thousands: boolean): GRow[] {
  const rows: GRow[] = [];
  let block = '';
  for (const r of def.rows) {
    if (r.group !== block) {
      block = r.group!;
      rows.push([{ text: block, colspan: 4 }]);
      rows.push([
        { text: '信息内容' },
        ...r.columns.map((c, i, a) => ({ text: c.label, colspan: i === a.length - 1 ? 4 - a.length : 1 })),
      ]);
    }
    const v = rowValues(t.proactive, r);
    rows.push([
      { text: r.label },
      ...r.columns.map((c, i, a) => ({
        text: fig(v[c.key], thousands),
        path: `proactive.${r.path.join('.')}.${c.key}`,
        colspan: i === a.length - 1 ? 4 - a.length : 1,
      })),
    ]);
  }
  return rows;
}

function requestsGrid(t: Tables, def: TableDef, thousands: boolean): GRow[] {
  const rows: GRow[] = [
    [
      { text: def.note!, colspan: 3, rowspan: 3 },
      { text: '申请人情况', colspan: 7 },
    ],
    [
      { text: '自然人', rowspan: 2 },
      { text: '法人或其他组织', colspan: 5 },
      { text: '总计', rowspan: 2 },
    ],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((text) => ({ text })),
  ];
  const labelCells = table3Labels(def.rows);
  def.rows.forEach((r, i) => {
    const labels = labelCells[i]!;
    const v = rowValues(t.requests, r);
    rows.push([
      ...labels,
      ...r.columns.map((c) => ({
        text: fig(v[c.key], thousands),
        path: `requests.${r.path.join('.')}.${c.key}`,
      })),
    ]);
  });
  return rows;
}

function reviewGrid(t: Tables, def: TableDef, thousands: boolean): GRow[] {
  const outcomes = def.rows[0]!.columns.map((c) => c.label);
  return [
    [
      { text: '行政复议', colspan: 5 },
      { text: '行政诉讼', colspan: 10 },
    ],
    [
      ...outcomes.map((text) => ({ text, rowspan: 2 })),
      { text: '未经复议直接起诉', colspan: 5 },
      { text: '复议后起诉', colspan: 5 },
    ],
    [...outcomes, ...outcomes].map((text) => ({ text })),
    def.rows.flatMap((r) =>
      r.columns.map((c) => ({
        text: fig(rowValues(t.reviewLitigation, r)[c.key], thousands),
        path: `reviewLitigation.${r.path.join('.')}.${c.key}`,
      })),
    ),
  ];
}

function gridOf(t: Tables, def: TableDef, thousands: boolean): GRow[] {
  if (def.key === 'proactive') return proactiveGrid(t, def, thousands);
  if (def.key === 'requests') return requestsGrid(t, def, thousands);
  return reviewGrid(t, def, thousands);
}

// ---------------------------------------------------------------------------------------------------------------
// Word's markup

type Quote = (s: string) => string;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Word writes attribute values unquoted when it can, style in single quotes; a CMS editor quotes everything. */
const wordQuote: Quote = (v) => (/^[\w.-]+$/.test(v) ? v : `'${v}'`);
const cmsQuote: Quote = (v) => `"${v.replace(/'/g, '&quot;').replace(/"/g, "'")}"`;

const CELL_RUN =
  'font-size:10.5pt;font-family:宋体;mso-ascii-font-family:"Times New Roman";mso-hansi-font-family:"Times New Roman";mso-bidi-font-family:宋体;mso-font-kerning:0pt';
const FIG_RUN =
  'font-size:10.5pt;font-family:"Times New Roman";mso-fareast-font-family:宋体;mso-font-kerning:0pt';
const P_CENTER = 'text-align:center;mso-pagination:widow-orphan';

/** How two pieces of a cell's text are joined, as Word writes a label typed with breaks and spaces in a narrow cell. */
type Join = 'p' | 'span' | 'nbsp' | 'p-nbsp';

/**
 * The pieces of a label or header: the three cells the issue quotes exactly as seen in real pages, the others cut in
 * 2–4 pieces at random places, each cut a new paragraph, a new run, or a run of &nbsp; (with or without a new
 * paragraph).
 */
function piecesOf(text: string, rnd: () => number): { pieces: string[]; joins: Join[] } {
  if (text === '三、本年度办理结果')
    return { pieces: ['三、本', '年', '度办', '理结果'], joins: ['p', 'span', 'span'] };
  if (text === '商业企业') return { pieces: ['商业', '企业'], joins: ['p'] };
  if (text === '社会公益组织') return { pieces: ['社会', '公益', '组织'], joins: ['nbsp', 'nbsp'] };
  const chars = Array.from(text);
  if (chars.length < 3) return { pieces: [text], joins: [] };
  const k = Math.min(chars.length, chars.length <= 4 ? 2 : 2 + Math.floor(rnd() * 3));
  const cuts = new Set<number>();
  while (cuts.size < k - 1) cuts.add(1 + Math.floor(rnd() * (chars.length - 1)));
  const at = [0, ...[...cuts].sort((a, b) => a - b), chars.length];
  const pieces = at.slice(1).map((e, i) => chars.slice(at[i], e).join(''));
  const kinds: Join[] = ['p', 'p', 'span', 'nbsp', 'p-nbsp'];
  const joins = pieces.slice(1).map(() => kinds[Math.floor(rnd() * kinds.length)]!);
  return { pieces, joins };
}

/** A run of text: Chinese in the 宋体 run, ASCII digits and numbering in an EN-US run, as Word splits them. */
function runs(text: string, q: Quote): string {
  return text
    .split(/([0-9A-Za-z.]+)/)
    .filter((s) => s !== '')
    .map((s) =>
      /^[0-9A-Za-z.]+$/.test(s)
        ? `<span lang=${q('EN-US')} style=${q(FIG_RUN)}>${esc(s)}</span>`
        : `<span style=${q(CELL_RUN)}>${esc(s)}</span>`,
    )
    .join('');
}

const spacerun = (q: Quote, n: number) =>
  `<span style=${q('mso-spacerun:yes')}>${'&nbsp;'.repeat(n)} </span>`;

/** The content of a label or header cell: its pieces over paragraphs and runs. */
function labelContent(text: string, rnd: () => number, q: Quote): string {
  const { pieces, joins } = piecesOf(text, rnd);
  const pOpen = `<p class=${q('MsoNormal')} align=${q('center')} style=${q(P_CENTER)}>`;
  const pClose = `<span lang=${q('EN-US')} style=${q(FIG_RUN)}><o:p></o:p></span></p>`;
  let html = pOpen + runs(pieces[0]!, q);
  joins.forEach((j, i) => {
    const next = runs(pieces[i + 1]!, q);
    if (j === 'p') html += pClose + pOpen + next;
    else if (j === 'span') html += next;
    else if (j === 'nbsp') html += spacerun(q, 2 + Math.floor(rnd() * 4)) + next;
    else html += spacerun(q, 2 + Math.floor(rnd() * 4)) + pClose + pOpen + spacerun(q, 2) + next;
  });
  return html + pClose;
}

/** A figure cell: the digits in an EN-US run (sometimes two, where Word kept a revision mark); a blank is &nbsp;. */
function figureContent(text: string, rnd: () => number, q: Quote): string {
  const pOpen = `<p class=${q('MsoNormal')} align=${q('center')} style=${q(P_CENTER)}>`;
  const run = (s: string) => `<span lang=${q('EN-US')} style=${q(FIG_RUN)}>${s}</span>`;
  if (text === '') return `${pOpen}${run('<o:p>&nbsp;</o:p>')}</p>`;
  if (text.length >= 2 && rnd() < 0.3) {
    const cut = 1 + Math.floor(rnd() * (text.length - 1));
    return `${pOpen}${run(esc(text.slice(0, cut)))}${run(esc(text.slice(cut)))}${run('<o:p></o:p>')}</p>`;
  }
  return `${pOpen}${run(`${esc(text)}<o:p></o:p>`)}</p>`;
}

/** The <td> of a cell with Word's attributes. */
function tdOpen(cell: GCell, q: Quote, width: number): string {
  const span =
    (cell.colspan && cell.colspan > 1 ? ` colspan=${q(String(cell.colspan))}` : '') +
    (cell.rowspan && cell.rowspan > 1 ? ` rowspan=${q(String(cell.rowspan))}` : '');
  const w = width * (cell.colspan ?? 1);
  return `<td width=${q(String(w))}${span} valign=${q('middle')} style=${q(
    `width:${(w * 0.75).toFixed(1)}pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt`,
  )}>`;
}

// ---------------------------------------------------------------------------------------------------------------
// Pages

/** Lines of HTML being written, with the line and column of each figure's <td>. */
class Page {
  readonly lines: string[] = [];
  readonly figures: Record<string, { line: number; column: number }> = {};
  add(...lines: string[]): void {
    for (const l of lines) this.lines.push(...l.split('\n'));
  }
}

/**
 * Wraps a line the way Word wraps the HTML it saves: at a space once the line passes 78 columns, the rest
 * indented by the line's own indent (Word never breaks inside a word, so Chinese text without spaces stays whole).
 */
function wrap(line: string): string[] {
  const indent = /^ */.exec(line)![0];
  const outLines: string[] = [];
  let rest = line;
  while (rest.length > 78) {
    let cut = rest.lastIndexOf(' ', 78);
    if (cut <= indent.length) cut = rest.indexOf(' ', 79);
    if (cut < 0) break;
    outLines.push(rest.slice(0, cut));
    rest = indent + rest.slice(cut + 1);
  }
  outLines.push(rest);
  return outLines;
}

type Style = 'word' | 'cms';

function writeTable(page: Page, rows: GRow[], style: Style, rnd: () => number): void {
  const q = style === 'word' ? wordQuote : cmsQuote;
  const width = rows[0]!.reduce((n, c) => n + (c.colspan ?? 1), 0);
  const colWidth = Math.round(604 / width);
  const open = `<table class=${q('MsoNormalTable')} border=${q('1')} cellspacing=${q('0')} cellpadding=${q('0')} width=${q('604')} style=${q(
    'width:453.0pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt',
  )}>`;
  const content = (cell: GCell) =>
    cell.path !== undefined ? figureContent(cell.text, rnd, q) : labelContent(cell.text, rnd, q);
  if (style === 'word') {
    page.add('<div align=center>', '', ...wrap(open));
    rows.forEach((row, r) => {
      page.add(...wrap(` <tr style='mso-yfti-irow:${r};height:21.0pt'>`));
      for (const cell of row) {
        if (cell.path && cell.text !== '')
          page.figures[cell.path] = { line: page.lines.length + 1, column: 3 };
        page.add(
          ...wrap(`  ${tdOpen(cell, q, colWidth)}`),
          ...content(cell)
            .split(/(?<=<\/p>)(?=<p)/)
            .flatMap((p) => wrap(`  ${p}`)),
          '  </td>',
        );
      }
      page.add(' </tr>');
    });
    // Word's "save as web page" ends a table with a row of empty cells that fixes the column widths.
    page.add(
      ' <![if !supportMisalignedColumns]>',
      ' <tr height=0>',
      ...Array.from({ length: width }, () => `  <td width=${colWidth} style='border:none'></td>`),
      ' </tr>',
      ' <![endif]>',
      '</table>',
      '',
      '</div>',
    );
    return;
  }
  // A CMS editor keeps the pasted markup but writes each row on one line.
  page.add(`<table ${open.slice('<table '.length)}`, '<tbody>');
  rows.forEach((row) => {
    let line = '<tr style="height:21.0pt">';
    for (const cell of row) {
      if (cell.path && cell.text !== '')
        page.figures[cell.path] = { line: page.lines.length + 1, column: line.length + 1 };
      line += `${tdOpen(cell, q, colWidth)}${content(cell)}</td>`;
    }
    page.add(`${line}</tr>`);
  });
  page.add('</tbody>', '</table>');
}

/** Prose as Word writes it: Chinese and ASCII in separate runs. */
function prose(text: string, q: Quote, font: string, size: string): string {
  return text
    .split(/([0-9A-Za-z.:/@%<>-]+)/)
    .filter((s) => s !== '')
    .map((s) =>
      /^[0-9A-Za-z.:/@%<>-]+$/.test(s)
        ? `<span lang=${q('EN-US')} style=${q(`font-size:${size};font-family:仿宋_GB2312`)}>${esc(s)}</span>`
        : `<span style=${q(`font-size:${size};font-family:${font}`)}>${esc(s)}</span>`,
    )
    .join('');
}

function writeArticle(page: Page, src: Source, style: Style, rnd: () => number): void {
  const q = style === 'word' ? wordQuote : cmsQuote;
  const f = formatOf(src.truth.formatVersion);
  const para = (inner: string, extra = '') =>
    page.add(
      ...(style === 'word'
        ? wrap(
            `<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0${extra}'>${inner}<span lang=EN-US><o:p></o:p></span></p>`,
          )
        : [
            `<p class="MsoNormal" style="text-indent:32.0pt;mso-char-indent-count:2.0${extra}">${inner}<span lang="EN-US"><o:p></o:p></span></p>`,
          ]),
      ...(style === 'word' ? [''] : []),
    );
  for (const p of src.preamble)
    page.add(
      ...(style === 'word'
        ? wrap(
            `<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>${esc(p)}</span></b></p>`,
          )
        : [
            `<p class="MsoNormal" align="center" style="text-align:center"><b><span style="font-size:22.0pt;font-family:方正小标宋简体">${esc(p)}</span></b></p>`,
          ]),
      ...(style === 'word' ? [''] : []),
    );
  for (const s of src.sections) {
    para(`<b>${prose(s.heading, q, '黑体', '16.0pt')}</b>`);
    for (const l of s.lines) para(prose(l, q, '仿宋_GB2312', '16.0pt'), ';line-height:28.0pt');
    for (const t of f.tables.filter((x) => x.section === s.key))
      writeTable(page, gridOf(src.truth, t, style === 'word'), style, rnd);
  }
}

/** Word's "save as web page" (filtered off): gb2312, CRLF, Office namespaces, the document properties, WordSection1. */
function wordPage(src: Source, title: string): Page {
  const page = new Page();
  page.add(
    '<html xmlns:v="urn:schemas-microsoft-com:vml"',
    'xmlns:o="urn:schemas-microsoft-com:office:office"',
    'xmlns:w="urn:schemas-microsoft-com:office:word"',
    'xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"',
    'xmlns="http://www.w3.org/TR/REC-html40">',
    '',
    '<head>',
    '<meta http-equiv=Content-Type content="text/html; charset=gb2312">',
    '<meta name=ProgId content=Word.Document>',
    '<meta name=Generator content="Microsoft Word 15">',
    '<meta name=Originator content="Microsoft Word 15">',
    `<title>${esc(title)}</title>`,
    '<!--[if gte mso 9]><xml>',
    ' <o:DocumentProperties>',
    '  <o:Author>Administrator</o:Author>',
    '  <o:Pages>6</o:Pages>',
    '  <o:Company>Microsoft</o:Company>',
    '  <o:Version>16.00</o:Version>',
    ' </o:DocumentProperties>',
    '</xml><![endif]-->',
    '<style>',
    '<!--',
    ' /* Font Definitions */',
    ' @font-face',
    '\t{font-family:宋体;',
    '\tpanose-1:2 1 6 0 3 1 1 1 1 1;}',
    'p.MsoNormal, li.MsoNormal, div.MsoNormal',
    '\t{mso-style-unhide:no;',
    '\tmargin:0cm;',
    '\ttext-align:justify;',
    '\tfont-size:10.5pt;',
    '\tfont-family:"Times New Roman",serif;}',
    '@page WordSection1',
    '\t{size:595.3pt 841.9pt;',
    '\tmargin:72.0pt 90.0pt 72.0pt 90.0pt;}',
    'div.WordSection1',
    '\t{page:WordSection1;}',
    '-->',
    '</style>',
    '</head>',
    '',
    "<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>",
    '',
    "<div class=WordSection1 style='layout-grid:15.6pt'>",
    '',
  );
  writeArticle(page, src, 'word', random(3));
  page.add('</div>', '', '</body>', '', '</html>');
  return page;
}

/** A CMS article page whose editor holds a paste from Word. */
function cmsPage(src: Source, title: string): Page {
  const page = new Page();
  page.add(
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${esc(title)}</title>`,
    '</head>',
    '<body>',
    '<div class="article">',
    `<h1 class="title">${esc(title)}</h1>`,
    '<div class="info">发布日期：2023-01-18</div>',
    '<div class="TRS_Editor">',
  );
  writeArticle(page, { ...src, preamble: src.preamble.filter((p) => p !== title) }, 'cms', random(2021));
  page.add('</div>', '</div>', '</body>', '</html>');
  return page;
}

function save(name: string, page: Page, truth: Tables, encode: (s: string) => Uint8Array, eol: string): void {
  const text = page.lines.join(eol) + eol;
  const bytes = encode(text);
  writeFileSync(join(out, `${name}.html`), bytes);
  writeFileSync(join(out, `${name}.json`), JSON.stringify({ truth, figures: page.figures }, null, 1) + '\n');
  console.log(`${name}.html: ${bytes.length} bytes, ${Object.keys(page.figures).length} figures located`);
}

function gb2312(text: string): Uint8Array {
  const bytes = iconv.encode(text, 'gb2312');
  if (new TextDecoder('gb18030').decode(bytes) !== text)
    throw new Error('the page has characters GB2312 lacks');
  return bytes;
}

// Sample 003: the hand transcription's figures, the sample's own wording.
{
  const file = readdirSync(join(root, 'examples/reports')).find((f) => f.startsWith('003'))!;
  const expected = JSON.parse(
    readFileSync(join(root, 'test/fixtures/expected', file.replace(/\.txt$/, '.json')), 'utf8'),
  ) as Record<string, unknown>;
  const doc = readText(readFileSync(join(root, 'examples/reports', file)), { path: file });
  const src: Source = { truth: tablesOf(expected), ...wording(doc.blocks, extract(doc).report!) };
  save('word-split-003', wordPage(src, '政府信息公开工作年度报告'), src.truth, gb2312, '\r\n');
}
// The 2021-format report of 2021-official (its truth), its wording read from that page.
{
  const official = JSON.parse(readFileSync(join(out, '2021-official.json'), 'utf8')) as {
    truth: Record<string, unknown>;
  };
  const doc = readHtml(readFileSync(join(out, '2021-official.html')));
  const src: Source = { truth: tablesOf(official.truth), ...wording(doc.blocks, extract(doc).report!) };
  const title = `${src.truth.agency}${src.truth.year}年政府信息公开工作年度报告`;
  save('word-split-2021', cmsPage(src, title), src.truth, (s) => new TextEncoder().encode(s), '\n');
}
