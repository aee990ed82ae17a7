// Makes test/fixtures/html/: web pages of the sample reports (and of one 2021 report) in the layouts sites publish them in.
//
// Run: npx tsx scripts/make-html-fixtures.ts
//
// Each fixture NAME.html comes with NAME.json: the report it was made from (`truth`: formatVersion, agency, year and
// the three tables) and, for every written figure, the line and column of the <td> (or, in <pre>, of the figure)
// that holds it (`figures`), so the test can check provenance.
import { APPLICANT_TOTAL } from '../src/model/formats/common.ts';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { extract } from '../src/extract/index.ts';
import type { Block } from '../src/model/document.ts';
import type { FormatDef, SectionKey, TableDef } from '../src/model/format.ts';
import { formatOf } from '../src/model/formats/index.ts';
import { table3Labels, type GCell } from './lib/grid.ts';
import { random } from './lib/random.ts';
import { cellsOf, rowValues, SECTION_KEYS, type Report } from '../src/model/report.ts';
import { readText } from '../src/read/text.ts';
import { validReport, withCells } from '../src/rules/valid-report.ts';
import { writeDocx } from '../test/support/docx-writer.ts';
import { writeReport } from '../test/support/writer.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'test/fixtures/html');

// ---------------------------------------------------------------------------------------------------------------
// The report's text: title lines, then each section's heading and paragraphs

interface Source {
  report: Report;
  /** Lines before the first section heading (the title, a preamble). */
  preamble: string[];
  sections: { key: SectionKey; heading: string; lines: string[] }[];
}

/** A sample report: its extracted report, and its own wording (title lines, headings, section paragraphs). */
function sampleSource(file: string): Source {
  const bytes = readFileSync(join(root, 'examples/reports', file));
  const doc = readText(bytes, { path: file });
  const report = extract(doc).report!;
  const firstHeading = report.outline![0]!.source as { line: number };
  const preamble = doc.blocks
    .filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph')
    .filter((b) => b.source.kind === 'text' && b.source.line < firstHeading.line)
    .map((b) => b.text);
  return { report, preamble, sections: sectionsOf(report) };
}

function sectionsOf(report: Report): Source['sections'] {
  const f = formatOf(report.formatVersion);
  return SECTION_KEYS.map((key, i) => ({
    key,
    heading: report.outline?.find((o) => o.section === key)?.text ?? f.sections[i]!.heading,
    lines: (report.sections[key] ?? '').split('\n').filter((l) => l.trim() !== ''),
  }));
}

/**
 * A 2021-format report: the rule tester's valid report with figures of a city bureau that every identity of
 * format-spec §8 holds for (T3-1, T3-2, T3-3, T4-1…T4-3).
 */
function report2021(): Report {
  const rnd = random(2021);
  const pick = (max: number, zeroChance = 0.5) => (rnd() < zeroChance ? 0 : 1 + Math.floor(rnd() * max));
  const f = formatOf('2021');
  const requests = f.tables.find((t) => t.key === 'requests')!;
  const cells: Record<string, number> = {
    'proactive.regulations.issued': 0,
    'proactive.regulations.repealed': 0,
    'proactive.regulations.inForce': 0,
    'proactive.normativeDocuments.issued': 3,
    'proactive.normativeDocuments.repealed': 1,
    'proactive.normativeDocuments.inForce': 27,
    'proactive.licensing.decisions': 1520,
    'proactive.penalties.decisions': 37,
    'proactive.coercion.decisions': 4,
    'proactive.fees.amount': 12.3456,
  };
  const applicants = [...APPLICANT_TOTAL.parts];
  const scale: Record<string, number> = { naturalPerson: 20, commercial: 4, legalService: 2 };
  const outcomes = requests.rows.filter(
    (r) => r.group && r.path[0] !== 'totalHandled' && r.path[0] !== 'newlyReceived',
  );
  for (const col of applicants) {
    let handled = 0;
    for (const r of outcomes) {
      const v = scale[col] ? pick(scale[col]!, 0.55) : 0;
      cells[`requests.${r.path.join('.')}.${col}`] = v;
      handled += v;
    }
    cells[`requests.totalHandled.${col}`] = handled;
    const over = scale[col] ? pick(3, 0.6) : 0;
    let forward = scale[col] ? pick(4, 0.6) : 0;
    if (handled + forward - over < 0) forward = over - handled;
    cells[`requests.carriedOver.${col}`] = over;
    cells[`requests.carriedForward.${col}`] = forward;
    cells[`requests.newlyReceived.${col}`] = handled + forward - over;
  }
  for (const r of requests.rows) {
    const p = `requests.${r.path.join('.')}`;
    cells[`${p}.total`] = applicants.reduce((s, c) => s + (cells[`${p}.${c}`] ?? 0), 0);
  }
  for (const block of ['review', 'litigationDirect', 'litigationAfterReview']) {
    let total = 0;
    for (const k of ['upheld', 'corrected', 'other', 'pending']) {
      const v = pick(3, 0.5);
      cells[`reviewLitigation.${block}.${k}`] = v;
      total += v;
    }
    cells[`reviewLitigation.${block}.total`] = total;
  }
  const r = withCells(validReport('2021'), cells);
  r.agency = '清河市生态环境局';
  r.year = 2022;
  r.sections.overview =
    '2022年，清河市生态环境局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作。\n' +
    '（一）主动公开。全年通过门户网站主动公开政府信息1268条，其中政策文件27件。\n' +
    '（二）依申请公开。严格依法办理政府信息公开申请，全部在法定期限内答复。';
  r.sections.requests = null;
  r.sections.proactive = null;
  r.sections.reviewLitigation = null;
  return r;
}

// ---------------------------------------------------------------------------------------------------------------
// Tables in the official layout, as grids of cells with rowspan and colspan

type GRow = GCell[];

const fig = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

function proactiveGrid(report: Report, t: TableDef): GRow[] {
  const rows: GRow[] = [];
  let block = '';
  for (const r of t.rows) {
    if (r.group !== block) {
      block = r.group!;
      rows.push([{ text: block, colspan: 4, head: true }]);
      rows.push([
        { text: '信息内容', head: true },
        ...r.columns.map((c, i, a) => ({
          text: c.label,
          head: true,
          colspan: i === a.length - 1 ? 4 - a.length : 1,
        })),
      ]);
    }
    const v = rowValues(report.proactive, r);
    rows.push([
      { text: r.label },
      ...r.columns.map((c, i, a) => ({
        text: fig(v[c.key]),
        path: `proactive.${r.path.join('.')}.${c.key}`,
        colspan: i === a.length - 1 ? 4 - a.length : 1,
      })),
    ]);
  }
  return rows;
}

/** Table 3 as format-spec §5.1–5.2 draws it: the corner note 3×3, 三、本年度办理结果 rowspan 20 (2019) or 22 (2021). */
function requestsGrid(report: Report, t: TableDef, breakHeader = false): GRow[] {
  const orgs = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
  const rows: GRow[] = [
    [
      { text: t.note!, colspan: 3, rowspan: 3, head: true },
      { text: '申请人情况', colspan: 7, head: true },
    ],
    [
      { text: '自然人', rowspan: 2, head: true },
      { text: '法人或其他组织', colspan: 5, head: true },
      { text: '总计', rowspan: 2, head: true },
    ],
    // Narrow header cells wrap in the original ("商业<br>企业").
    orgs.map((o) => ({
      text: breakHeader && o.length === 4 ? `${o.slice(0, 2)}\n${o.slice(2)}` : o,
      head: true,
    })),
  ];
  const labelCells = table3Labels(t.rows);
  t.rows.forEach((r, i) => {
    const labels = labelCells[i]!;
    const v = rowValues(report.requests, r);
    rows.push([
      ...labels,
      ...r.columns.map((c) => ({ text: fig(v[c.key]), path: `requests.${r.path.join('.')}.${c.key}` })),
    ]);
  });
  return rows;
}

function reviewGrid(report: Report, t: TableDef): GRow[] {
  const outcomes = t.rows[0]!.columns.map((c) => c.label);
  return [
    [
      { text: '行政复议', colspan: 5, head: true },
      { text: '行政诉讼', colspan: 10, head: true },
    ],
    [
      ...outcomes.map((text) => ({ text, rowspan: 2, head: true })),
      { text: '未经复议直接起诉', colspan: 5, head: true },
      { text: '复议后起诉', colspan: 5, head: true },
    ],
    [...outcomes, ...outcomes].map((text) => ({ text, head: true })),
    t.rows.flatMap((r) =>
      r.columns.map((c) => ({
        text: fig(rowValues(report.reviewLitigation, r)[c.key]),
        path: `reviewLitigation.${r.path.join('.')}.${c.key}`,
      })),
    ),
  ];
}

function gridOf(report: Report, t: TableDef, breakHeader = false): GRow[] {
  if (t.key === 'proactive') return proactiveGrid(report, t);
  if (t.key === 'requests') return requestsGrid(report, t, breakHeader);
  return reviewGrid(report, t);
}

/**
 * Splits a grid after row `at` into two tables as a page that pasted a long table in two pieces does: cells whose
 * rowspan crosses the cut are cut, and the second table repeats them, blank, with the rest of their rowspan.
 */
function splitGrid(rows: GRow[], at: number): [GRow[], GRow[]] {
  // Place every cell on the grid to know which cells cross the cut.
  const placed: { cell: GCell; row: number; col: number }[] = [];
  const taken = new Set<string>();
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (taken.has(`${r}/${col}`)) col++;
      placed.push({ cell, row: r, col });
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr++)
        for (let dc = 0; dc < (cell.colspan ?? 1); dc++) taken.add(`${r + dr}/${col + dc}`);
      col += cell.colspan ?? 1;
    }
  });
  const first = rows.slice(0, at + 1).map((row, r) =>
    row.map((cell) => {
      const rowspan = cell.rowspan ?? 1;
      return r + rowspan - 1 > at ? { ...cell, rowspan: at - r + 1 } : cell;
    }),
  );
  const second = rows.slice(at + 1).map((row) => [...row]);
  const crossing = placed
    .filter((p) => p.row <= at && p.row + (p.cell.rowspan ?? 1) - 1 > at)
    .sort((a, b) => b.col - a.col);
  for (const p of crossing)
    second[0]!.unshift({
      text: '',
      rowspan: p.row + (p.cell.rowspan ?? 1) - 1 - at,
      colspan: p.cell.colspan ?? 1,
    });
  return [first, second];
}

// ---------------------------------------------------------------------------------------------------------------
// HTML writing

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Lines of HTML being written, with the line and column of each figure's <td>. */
class Page {
  readonly lines: string[] = [];
  readonly figures: Record<string, { line: number; column: number }> = {};
  add(...lines: string[]): void {
    for (const l of lines) this.lines.push(...l.split('\n'));
  }
  /** Adds a line and returns its 1-based number. */
  line(text: string): number {
    this.lines.push(text);
    return this.lines.length;
  }
  text(): string {
    return this.lines.join('\n') + '\n';
  }
}

type TableStyle = 'word' | 'plain';

/** A table as a CMS or Word writes it: each cell on its own line; `word` puts the text in <p><span>, &nbsp; for blanks. */
function writeTable(page: Page, rows: GRow[], style: TableStyle, indent = ''): void {
  if (style === 'word')
    page.add(
      `${indent}<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" width="600" style="border-collapse:collapse;border:none">`,
      `${indent}<tbody>`,
    );
  else page.add(`${indent}<table border="1" cellpadding="2" style="width:100%">`);
  for (const row of rows) {
    page.add(style === 'word' ? `${indent}<tr style="height:21.0pt">` : `${indent}<tr>`);
    for (const cell of row) {
      const attrs =
        (cell.colspan && cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '') +
        (cell.rowspan && cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '');
      const tag = style === 'plain' && cell.head ? 'th' : 'td';
      const body = cell.text.split('\n').map(esc).join('<br>');
      const content =
        style === 'word'
          ? `<p class="MsoNormal" align="center" style="text-align:center"><span style="font-size:10.5pt;font-family:宋体">${
              body === '' ? '&nbsp;' : body
            }<o:p></o:p></span></p>`
          : body === ''
            ? '&nbsp;'
            : body;
      const prefix = `${indent}  `;
      const no = page.line(
        `${prefix}<${tag}${attrs}${style === 'word' ? ' valign="center" style="border:solid windowtext 1.0pt;padding:0cm 5.4pt"' : ''}>${content}</${tag}>`,
      );
      if (cell.path) page.figures[cell.path] = { line: no, column: prefix.length + 1 };
    }
    page.add(`${indent}</tr>`);
  }
  if (style === 'word') {
    // Word's "save as web page" ends a table with a row of empty cells that fixes the column widths.
    const width = rows[0]!.reduce((n, c) => n + (c.colspan ?? 1), 0);
    page.add(
      `${indent}<![if !supportMisalignedColumns]>`,
      `${indent}<tr height="0">${'<td width="57" style="border:none"></td>'.repeat(width)}</tr>`,
      `${indent}<![endif]>`,
    );
  }
  page.add(style === 'word' ? `${indent}</tbody>\n${indent}</table>` : `${indent}</table>`);
}

interface BodyOptions {
  style: TableStyle;
  /** Headings as <h3> or as bold paragraphs. */
  headings: 'h3' | 'strong';
  /** Table 3 cut in two <table>s after this row of its grid. */
  splitRequestsAt?: number;
  /** Whether the title lines go inside the article (else the page puts the title above it). */
  titleInside: boolean;
  indent?: string;
}

/** The report's article: preamble, headings, paragraphs, tables after their section's text. */
function writeArticle(page: Page, src: Source, o: BodyOptions): void {
  const f: FormatDef = formatOf(src.report.formatVersion);
  const i = o.indent ?? '';
  if (o.titleInside)
    for (const p of src.preamble) page.add(`${i}<p style="text-align:center"><b>${esc(p)}</b></p>`);
  for (const s of src.sections) {
    page.add(
      o.headings === 'h3'
        ? `${i}<h3>${esc(s.heading)}</h3>`
        : `${i}<p style="text-indent:2em"><strong><span style="font-family:黑体">${esc(s.heading)}</span></strong></p>`,
    );
    for (const l of s.lines)
      page.add(
        `${i}<p style="text-indent:2em;line-height:1.75em"><span style="font-family:仿宋_GB2312">${esc(l)}</span></p>`,
      );
    for (const t of f.tables.filter((x) => x.section === s.key)) {
      const grid = gridOf(src.report, t, o.style === 'word');
      if (t.key === 'requests' && o.splitRequestsAt !== undefined) {
        const [a, b] = splitGrid(grid, o.splitRequestsAt);
        writeTable(page, a, o.style, i);
        page.add(`${i}<p>&nbsp;</p>`);
        writeTable(page, b, o.style, i);
      } else writeTable(page, grid, o.style, i);
    }
  }
}

const titleOf = (src: Source) => src.preamble.find((p) => /报告|年报/.test(p)) ?? '政府信息公开工作年度报告';

/** (a) A plain CMS page: the title above the article container, the report in <div class="TRS_Editor">. */
function officialPage(src: Source, style: TableStyle): Page {
  const page = new Page();
  const title = titleOf(src);
  page.add(
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${esc(title)}</title>`,
    '<link rel="stylesheet" href="/css/article.css">',
    '</head>',
    '<body>',
    '<div class="article">',
  );
  const others = src.preamble.filter((p) => p !== title);
  if (src.preamble.includes(title)) page.add(`  <h1 class="title">${esc(title)}</h1>`);
  page.add('  <div class="info">发布日期：2020-01-31</div>', '  <div class="TRS_Editor">');
  writeArticle(
    page,
    { ...src, preamble: others },
    { style, headings: style === 'word' ? 'strong' : 'h3', titleInside: true, indent: '  ' },
  );
  page.add('  </div>', '</div>', '</body>', '</html>');
  return page;
}

/** The navigation, sidebar and footer of a county government site. */
const HEADER = `<div class="header">
  <div class="logo"><img src="/images/logo.png" alt="人民政府门户网站"></div>
  <div class="search"><form action="/search"><input type="text" name="q" value="请输入关键字"><button>搜索</button></form></div>
  <ul class="nav">
    <li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li>
    <li><a href="/hdjl/">互动交流</a></li><li><a href="/zjxq/">走进本市</a></li><li><a href="/ztzl/">专题专栏</a></li>
  </ul>
  <div class="date">今天是：<span id="today"></span></div>
</div>
<script type="text/javascript">document.getElementById('today').innerHTML = new Date().toLocaleDateString();</script>`;
const SIDEBAR = `<div class="left">
    <h3 class="lm">政府信息公开</h3>
    <ul>
      <li><a href="/xxgk/zn/">政府信息公开指南</a></li>
      <li><a href="/xxgk/zd/">政府信息公开制度</a></li>
      <li><a href="/xxgk/fdzdgknr/">法定主动公开内容</a></li>
      <li><a href="/xxgk/nb/">政府信息公开年报</a></li>
      <li><a href="/xxgk/nb/2019.html">2019年政府信息公开工作年度报告</a></li>
      <li><a href="/xxgk/nb/2018.html">2018年政府信息公开工作年度报告</a></li>
    </ul>
  </div>`;
const FOOTER = `<div class="footer">
  <p><a href="/about">关于我们</a> | <a href="/map">网站地图</a> | <a href="/contact">联系我们</a></p>
  <p>版权所有：市人民政府办公室\u3000主办：市人民政府办公室\u3000承办：市大数据中心</p>
  <p>地址：人民路88号\u3000邮编：472300\u3000电话：0398-5812345</p>
  <p>网站标识码：4112810001\u3000豫ICP备05012345号\u3000豫公网安备 41128102000123号</p>
  <script type="text/javascript">var _hmt = _hmt || []; (function(){ var hm = document.createElement("script"); hm.src = "https://hm.baidu.com/hm.js?abc"; })();</script>
</div>`;

/** (b) The report inside a county site's chrome: menus, search, breadcrumbs, sidebar, share bar, related links, footer. */
function noisyPage(src: Source, charset: string): Page {
  const page = new Page();
  const title = titleOf(src);
  page.add(
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
    '<html xmlns="http://www.w3.org/1999/xhtml">',
    '<head>',
    `<meta http-equiv="Content-Type" content="text/html; charset=${charset}" />`,
    `<title>${esc(title)}_政府信息公开年报_市人民政府门户网站</title>`,
    '<meta name="SiteName" content="市人民政府门户网站">',
    `<meta name="ArticleTitle" content="${esc(title)}">`,
    '<style type="text/css">body{font-size:14px} .nav li{float:left}</style>',
    '<script src="/js/jquery.min.js"></script>',
    '</head>',
    '<body>',
    HEADER,
    '<div class="main">',
    '  <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; <a href="/xxgk/nb/">政府信息公开年报</a></div>',
    `  ${SIDEBAR}`,
    '  <div class="right">',
    `    <div class="bt"><h1>${esc(title)}</h1></div>`,
    '    <div class="xx">发布时间：2020-01-20 09:12\u3000来源：市民政局\u3000浏览次数：<span id="hits">1024</span>\u3000字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>',
    '    <div id="zoom" class="zoom">',
  );
  writeArticle(
    page,
    { ...src, preamble: src.preamble.filter((p) => p !== title) },
    { style: 'word', headings: 'strong', titleInside: true, indent: '      ' },
  );
  page.add(
    '    </div>',
    '    <div class="share bdsharebuttonbox">分享到：<a class="bds_weixin">微信</a><a class="bds_tsina">微博</a><a class="bds_qzone">QQ空间</a></div>',
    '    <div class="dy">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>',
    '    <div class="xglj"><h4>相关链接</h4><ul><li><a href="/1.html">市民政局2018年政府信息公开工作年度报告</a></li><li><a href="/2.html">市民政局政府信息公开指南</a></li></ul></div>',
    '  </div>',
    '</div>',
    FOOTER,
    '</body>',
    '</html>',
  );
  return page;
}

/** (f) An old site laid out with tables: page, columns and article are table cells nested three deep. */
function nestedLayoutPage(src: Source): Page {
  const page = new Page();
  const title = titleOf(src);
  page.add(
    '<html>',
    '<head>',
    '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
    `<title>${esc(title)}</title>`,
    '</head>',
    '<body leftmargin="0" topmargin="0">',
    '<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">',
    '  <tr><td colspan="2"><table width="100%"><tr><td><a href="/">首页</a></td><td><a href="/zwgk">政务公开</a></td><td><a href="/bsfw">办事服务</a></td><td><a href="/gzhd">公众互动</a></td></tr></table></td></tr>',
    '  <tr>',
    '    <td width="220" valign="top">',
    '      <table width="100%"><tr><td class="lm">信息公开</td></tr><tr><td><a href="/zn">公开指南</a></td></tr><tr><td><a href="/zd">公开制度</a></td></tr><tr><td><a href="/nb">公开年报</a></td></tr></table>',
    '    </td>',
    '    <td width="780" valign="top">',
    '      <table width="100%" border="0" cellspacing="0" cellpadding="0">',
    '        <tr><td class="position">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/nb">公开年报</a></td></tr>',
    `        <tr><td align="center" height="50"><font size="4" color="#CC0000"><b>${esc(title)}</b></font></td></tr>`,
    '        <tr><td align="center">日期：2021-01-29\u3000点击：<script>document.write(312)</script></td></tr>',
    '        <tr>',
    '          <td class="content">',
  );
  writeArticle(
    page,
    { ...src, preamble: src.preamble.filter((p) => p !== title) },
    { style: 'plain', headings: 'strong', titleInside: true, indent: '            ' },
  );
  page.add(
    '          </td>',
    '        </tr>',
    '        <tr><td align="right"><a href="javascript:window.print()">打印本页</a>\u3000<a href="javascript:window.close()">关闭窗口</a></td></tr>',
    '      </table>',
    '    </td>',
    '  </tr>',
    '  <tr><td colspan="2" align="center">版权所有 © 新乡市牧野区人民政府\u3000网站标识码：4107020001</td></tr>',
    '</table>',
    '</body>',
    '</html>',
  );
  return page;
}

/**
 * (d) The tables typed as text: the report written as `pdftotext -layout` prints it (test/support/writer.ts),
 * paragraphs as <p>, each table's lines in a <pre>.
 */
function prePage(report: Report): Page {
  const written = writeReport(report, 'aligned', { seed: 4, wrap: 0, variants: 0, eol: '\n' });
  // The writer's text must read back to the report as text, or the fixture would test the writer.
  const back = extract(readText(new TextEncoder().encode(written.text))).report!;
  for (const c of cellsOf(formatOf(report.formatVersion))) {
    const at = (r: Report) => c.path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], r);
    if (at(back) !== at(report)) throw new Error(`aligned text does not read back at ${c.path.join('.')}`);
  }
  const lines = written.text.split('\n');
  const f = formatOf(report.formatVersion);
  const headings = new Set(f.sections.map((s) => s.heading));
  const paragraphs = new Set(
    SECTION_KEYS.flatMap((k) => (report.sections[k] ?? '').split('\n')).map((l) => l.trim()),
  );
  const page = new Page();
  page.add(
    '<!DOCTYPE html>',
    '<html>',
    '<head><meta charset="utf-8"><title>年度报告</title></head>',
    '<body>',
    '<div id="content">',
  );
  const figureLines = new Map<number, { path: string; column: number }[]>();
  for (const [path, loc] of written.cells) {
    const list = figureLines.get(loc.line) ?? [];
    list.push({ path, column: loc.column });
    figureLines.set(loc.line, list);
  }
  // Group the lines: prose (title, headings, paragraphs) and runs of table lines, each run after its heading.
  const parts: ({ prose: string } | { heading: string; lines: { raw: string; n: number }[] })[] = [];
  let heading = '';
  const firstLine = lines.findIndex((l) => l.trim() !== '');
  lines.forEach((raw, n) => {
    const t = raw.trim();
    if (t !== '' && (headings.has(t) || paragraphs.has(t) || n === firstLine)) {
      if (headings.has(t)) heading = t;
      parts.push({ prose: t });
      return;
    }
    const last = parts.at(-1);
    if (last && 'lines' in last) last.lines.push({ raw, n });
    else if (t !== '') parts.push({ heading, lines: [{ raw, n }] });
  });
  for (const part of parts) {
    if ('prose' in part) {
      page.add(headings.has(part.prose) ? `<h3>${esc(part.prose)}</h3>` : `<p>${esc(part.prose)}</p>`);
      continue;
    }
    while (part.lines.length > 0 && part.lines.at(-1)!.raw.trim() === '') part.lines.pop();
    if (part.lines.some((l) => esc(l.raw) !== l.raw)) throw new Error('a table line needs escaping');
    if (part.heading.startsWith('四')) {
      // Table 4 typed into the editor: one <p>, lines broken by <br>, spaces kept as &nbsp;.
      page.add('<p style="font-family:宋体">');
      part.lines.forEach(({ raw, n }, i) => {
        const html = raw.replace(/ /g, '&nbsp;');
        const no = page.line(html + (i < part.lines.length - 1 ? '<br>' : ''));
        for (const f of figureLines.get(n + 1) ?? [])
          page.figures[f.path] = {
            line: no,
            column: raw.slice(0, f.column - 1).replace(/ /g, '&nbsp;').length + 1,
          };
      });
      page.add('</p>');
      continue;
    }
    page.add('<pre style="font-family:宋体">');
    for (const { raw, n } of part.lines) {
      const no = page.line(raw);
      for (const f of figureLines.get(n + 1) ?? []) page.figures[f.path] = { line: no, column: f.column };
    }
    page.add('</pre>');
  }
  page.add('</div>', '</body>', '</html>');
  return page;
}

// ---------------------------------------------------------------------------------------------------------------

function save(name: string, page: Page, report: Report, encode?: (s: string) => Uint8Array): void {
  const text = page.text();
  const bytes = encode ? encode(text) : new TextEncoder().encode(text);
  writeFileSync(join(out, `${name}.html`), bytes);
  const truth = {
    formatVersion: report.formatVersion,
    agency: report.agency,
    year: report.year,
    proactive: report.proactive,
    requests: report.requests,
    reviewLitigation: report.reviewLitigation,
  };
  const figures = Object.fromEntries(
    Object.entries(page.figures).filter(([path]) => {
      const v = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], report);
      return v !== null;
    }),
  );
  writeFileSync(join(out, `${name}.json`), JSON.stringify({ truth, figures }, null, 1) + '\n');
  console.log(`${name}.html: ${bytes.length} bytes, ${Object.keys(figures).length} figures located`);
}

function gbk(text: string): Uint8Array {
  const bytes = iconv.encode(text, 'gbk');
  if (new TextDecoder('gb18030').decode(bytes) !== text) throw new Error('the page has characters GBK lacks');
  return bytes;
}

mkdirSync(out, { recursive: true });
const samples = readdirSync(join(root, 'examples/reports')).filter((f) => f.endsWith('.txt'));
const source = (prefix: string) => sampleSource(samples.find((f) => f.startsWith(prefix))!);

// (a) the five samples in the official layout, UTF-8; Word-style cells for three, plain cells for two.
for (const file of samples) {
  const src = sampleSource(file);
  const n = file.slice(0, 3);
  save(`${n}-official`, officialPage(src, ['000', '002', '004'].includes(n) ? 'word' : 'plain'), src.report);
}
// (b) sample 001 saved as GBK (declared gb2312) inside a county site's chrome.
const s001 = source('001');
save('001-gbk-chrome', noisyPage(s001, 'gb2312'), s001.report, gbk);
// (c) sample 000 with table 3 pasted as two tables, cut inside （三）不予公开 (after its 4th row).
const s000 = source('000');
{
  const split = new Page();
  split.add(
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8"><title>义马市人民政府办公室2019年政府信息公开工作年度报告</title></head>',
    '<body>',
    '<div class="detail">',
  );
  writeArticle(split, s000, { style: 'plain', headings: 'h3', titleInside: true, splitRequestsAt: 10 });
  split.add('</div>', '</body>', '</html>');
  save('000-split-table', split, s000.report);
}
// (d) sample 004 with its tables as aligned text in <pre>.
save('004-pre', prePage(source('004').report), source('004').report);
// (e) a 2021-format report in the official layout.
const r2021 = report2021();
const s2021: Source = {
  report: r2021,
  preamble: [`${r2021.agency}${r2021.year}年政府信息公开工作年度报告`],
  sections: sectionsOf(r2021),
};
save('2021-official', officialPage(s2021, 'word'), r2021);
// (h) the same page with its three tables published as images (a real pattern: the text is HTML, the tables are
// screenshots); no figure can be read, extraction says the tables are images.
{
  let n = 0;
  const names = ['proactive', 'requests', 'review-litigation'];
  const text = officialPage(s2021, 'word')
    .text()
    .replace(/<table[\s\S]*?<\/table>/g, () => {
      const name = names[n++]!;
      return `<p align="center"><img src="/upload/2024/${name}.png" alt="" width="640" height="480"></p>`;
    });
  if (n !== 3) throw new Error(`expected three tables, found ${n}`);
  writeFileSync(join(out, '2021-images.html'), text);
  console.log(`2021-images.html: ${text.length} characters, tables as <img>`);
}
// (g) the 2021 report written as DOCX and saved as HTML by LibreOffice (font/span runs split at every digit).
{
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-html-'));
  writeFileSync(join(dir, '2021-libreoffice.docx'), writeDocx(r2021));
  try {
    execFileSync(
      'soffice',
      ['--headless', '--convert-to', 'html', '--outdir', dir, join(dir, '2021-libreoffice.docx')],
      {
        stdio: 'ignore',
      },
    );
    const page = new Page();
    page.add(readFileSync(join(dir, '2021-libreoffice.html'), 'utf8').replace(/\n$/, ''));
    save('2021-libreoffice', page, r2021);
  } catch {
    console.log('2021-libreoffice.html: soffice is not installed, the fixture is left as it is');
  }
}
// (f) sample 002 in nested layout tables.
const s002 = source('002');
save('002-nested-layout', nestedLayoutPage(s002), s002.report);
