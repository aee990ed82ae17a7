// The report as one standalone printable HTML page in the official layout of its format version (issue 5).
import type { SectionKey } from '../../model/format.ts';
import { formatOf } from '../../model/formats/index.ts';
import type { Report } from '../../model/report.ts';
import { officialLayout, reportTitle, type LayoutCell, type TableLayout } from '../layout.ts';
import { emWidth, words } from './breaks.ts';

/** Options of `renderHtml`. */
export interface RenderHtmlOptions {
  /**
   * Language of the few words nianbao adds of its own (the page description, the accessible name of blank
   * cells); the report itself is always printed in Chinese, as the official format is.
   */
  lang?: 'zh' | 'en';
  /**
   * Fonts for the page to be set in and nothing else, with the @font-face rules that load them (the PDF renderer's
   * Noto Serif SC and Noto Sans SC from npm): the same type on every machine. Without them the page names the
   * official fonts (仿宋_GB2312, 黑体, …), then the Noto CJK fonts a machine may have installed.
   */
  fonts?: PageFonts;
}

/** Web fonts for a page: @font-face rules, and the families they define for serif and sans-serif text. */
export interface PageFonts {
  css: string;
  serif: string;
  sans: string;
}

const WORDS = {
  zh: { blank: '空白（未填写）', description: '政府信息公开工作年度报告（统一格式）' },
  en: { blank: 'blank (not filled in)', description: 'Annual report on government information disclosure' },
} as const;

/** Escapes text for HTML content and attribute values (a report's text may hold anything, markup included). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

/**
 * Column widths in per cent of the type area (156 mm between GB/T 9704's 28 mm and 26 mm margins), in the
 * proportions of the official blank template (国办公开办函〔2021〕30号's Word file), the same for both versions.
 */
const COLUMN_WIDTHS: Record<TableLayout['key'], (t: TableLayout) => number[]> = {
  // 信息内容 | three figure columns, all four equal (2435 twips each); 信息内容 wider where a label needs it (2019's
  // 其他对外管理服务事项, ten characters), so that no label wraps.
  proactive: (t) => {
    const first = Math.max(25, labelShare(t, TABLE_FONT_PT.proactive));
    return [first, ...Array<number>(t.cols - 1).fill((100 - first) / (t.cols - 1))];
  },
  // The corner note over three label columns (group 754, sub-group 921, row label 3271), then seven applicant
  // columns of 685 each (of 9741). A column is widened to what the widest word of its heads or group labels needs
  // (自然人, 本年度: three characters), taken from the row label column, so that no word is broken.
  requests: (t) => {
    const share = (col: number, twips: number) =>
      Math.max((twips / 9741) * 100, wordShare(t, col, TABLE_FONT_PT.requests));
    const applicant = Math.max(...Array.from({ length: t.cols - 3 }, (_, i) => share(3 + i, 685)));
    const [outer, inner] = [share(0, 754), share(1, 921)];
    return [
      outer,
      inner,
      100 - outer - inner - applicant * (t.cols - 3),
      ...Array<number>(t.cols - 3).fill(applicant),
    ];
  },
  // Fifteen figure columns: 行政复议 and the two kinds of 行政诉讼, five outcomes each.
  reviewLitigation: (t) => Array<number>(t.cols).fill(100 / t.cols),
};

/**
 * The share of the type area (per cent) that the widest word of column `col`'s one-column heads and group labels
 * needs, with half a point to spare: such a word is never broken in print (a screen, rounding advances, may).
 */
function wordShare(t: TableLayout, col: number, fontPt: number): number {
  const widest = Math.max(
    0,
    ...t.cells
      .filter((c) => c.col === col && c.colSpan === 1 && (c.role === 'header' || c.rowSpan > 1))
      .flatMap((c) => words(c.text).map(emWidth)),
  );
  return ((widest * fontPt + FIGURE_INSET_PT + 0.5) / TYPE_AREA_PT) * 100;
}

/** The share of the type area (per cent) that table 2's longest row label needs on one line, with one em to spare. */
function labelShare(t: TableLayout, fontPt: number): number {
  const longest = Math.max(...t.cells.filter((c) => c.role === 'label').map((c) => emWidth(c.text)));
  return (((longest + 1) * fontPt + FIGURE_INSET_PT) / TYPE_AREA_PT) * 100;
}

/** Width of the type area in points: A4's 210 mm less GB/T 9704's 28 mm and 26 mm margins. */
const TYPE_AREA_PT = ((210 - 28 - 26) / 25.4) * 72;
/** Type size of each table in points (五号 10.5 pt; smaller where there are more columns). */
const TABLE_FONT_PT: Record<TableLayout['key'], number> = {
  proactive: 10.5,
  requests: 10,
  reviewLitigation: 9,
};
/** Horizontal padding plus border of a figure cell, in points (see the CSS below). */
const FIGURE_INSET_PT = 2 * 1 + 0.75;
/** Advance of a digit in the CJK fonts used (Noto Serif CJK SC and SC: 0.549 em), with a margin for other faces. */
const DIGIT_EM = 0.58;

/** The font stacks of the page: page numbers (宋体), body (仿宋), title (小标宋), headings and table titles (黑体). */
interface FontStacks {
  number: string;
  body: string;
  title: string;
  heading: string;
}

/** The official fonts of a government document, then the Noto CJK fonts (Debian's fonts-noto-cjk, or Google's). */
const SYSTEM_FONTS: FontStacks = {
  number: '"宋体", "SimSun", "Noto Serif CJK SC", "Noto Serif SC", serif',
  body: '"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Noto Sans CJK SC", "Noto Serif SC", serif',
  title:
    '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "Noto Serif CJK SC", "Noto Serif SC", serif',
  heading: '"黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
};

/** The stacks of a page set in the given web fonts only. */
function webFontStacks(fonts: PageFonts): FontStacks {
  const serif = `"${fonts.serif}", serif`;
  return { number: serif, body: serif, title: serif, heading: `"${fonts.sans}", sans-serif` };
}

/**
 * The page's style. Print: A4 with the margins of GB/T 9704 (党政机关公文格式: top 37 mm, bottom 35 mm, left
 * 28 mm, right 26 mm), title in 方正小标宋 (二号, 22 pt), body in 仿宋_GB2312 (三号, 16 pt), first-level headings in
 * 黑体, each falling back to the Noto CJK fonts (or, printed to PDF, set in Noto Serif SC and Noto Sans SC from
 * npm). Tables use smaller type, fixed column widths and wrapping words so that table 4's fifteen columns fit the
 * 156 mm type area.
 */
const style = (fonts: FontStacks) => `
@page {
  size: A4;
  margin: 37mm 26mm 35mm 28mm;
}
/*
 * GB/T 9704 7.5: the page number in Arabic figures between two 一字线, 4号, 7 mm below the type area, at the outer
 * edge: odd pages (the first is a right page) on the right, even pages on the left, each one character (空一字) in.
 */
@page :right {
  @bottom-right {
    content: "— " counter(page) " —";
    font-family: ${fonts.number};
    font-size: 14pt;
    text-align: right;
    vertical-align: top;
    padding: 7mm 1em 0 0;
  }
}
@page :left {
  @bottom-left {
    content: "— " counter(page) " —";
    font-family: ${fonts.number};
    font-size: 14pt;
    text-align: left;
    vertical-align: top;
    padding: 7mm 0 0 1em;
  }
}
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0;
  font-family: ${fonts.body};
  font-size: 16pt;
  line-height: 1.8;
  color: #000;
}
.report { width: 156mm; margin: 0 auto; }
@media screen {
  html { background: #e8e8e8; }
  .report { background: #fff; padding: 37mm 26mm 35mm 28mm; margin: 8mm auto; box-shadow: 0 0 4px rgba(0, 0, 0, 0.3); }
}
/* Title, column heads and group labels break between words only (<wbr>), a word wider than its box at any character. */
h1 {
  word-break: keep-all;
  overflow-wrap: anywhere;
  font-family: ${fonts.title};
  font-size: 22pt;
  font-weight: normal;
  line-height: 1.5;
  text-align: center;
  margin: 0 0 1em;
}
h2 {
  font-family: ${fonts.heading};
  font-size: 16pt;
  font-weight: normal;
  margin: 0.5em 0 0;
  text-indent: 2em;
}
h1 .rest { white-space: nowrap; }
/* A heading is never left at the foot of a page: it and the block after it are kept together (.keep). */
h2, p.sub { break-after: avoid; page-break-after: avoid; }
.keep { break-inside: avoid; page-break-inside: avoid; }
p { margin: 0; text-indent: 2em; text-align: justify; overflow-wrap: anywhere; orphans: 2; widows: 2; }
table {
  width: 100%;
  table-layout: fixed;
  border-collapse: collapse;
  margin: 0.5em 0 1em;
  font-size: ${TABLE_FONT_PT.proactive}pt;
  line-height: 1.25;
}
table.requests { font-size: ${TABLE_FONT_PT.requests}pt; }
table.reviewLitigation { font-size: ${TABLE_FONT_PT.reviewLitigation}pt; }
th, td {
  border: 0.75pt solid #000;
  padding: 1pt 2pt;
  vertical-align: middle;
  overflow-wrap: anywhere;
  word-break: break-all;
}
th { font-weight: normal; text-align: center; }
th, td.group { word-break: keep-all; overflow-wrap: anywhere; }
th { padding-left: 1pt; padding-right: 1pt; }
th.note { font-size: 9pt; text-align: left; }
td.label { text-align: left; }
td.figure { text-align: center; white-space: nowrap; padding-left: 1pt; padding-right: 1pt; }
thead { display: table-header-group; }
tr, tbody, table.whole { break-inside: avoid; page-break-inside: avoid; }
`;

/**
 * The type size a figure needs to fit its cell on one line: the table's size, or smaller for a long figure in a
 * narrow column (a 7-digit 总计 in table 3, a 6-digit count in table 4), so that nothing wraps or is cut off.
 */
function figureSize(text: string, widthPt: number, base: number): number | null {
  if (text === '') return null;
  const fits = (widthPt - FIGURE_INSET_PT) / (DIGIT_EM * text.length);
  return fits >= base ? null : Math.floor(fits * 10) / 10;
}

/** A text with a break opportunity (<wbr>) between its words and nowhere else (with word-break: keep-all). */
export function wordBreaks(text: string): string {
  return words(text).map(escapeHtml).join('<wbr>');
}

/**
 * One cell of the official layout as a <th> or <td>, with its spans and, for a figure, its model path. Column heads
 * and the group labels down the side of table 3 (三、本年度办理结果, （三）不予公开) break between words only.
 */
function cellHtml(c: LayoutCell, widthPt: number, base: number, blank: string): string {
  const span =
    (c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '') + (c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '');
  if (c.role === 'header') {
    // The corner cell of table 3 holds the 勾稽关系 note, printed smaller and left-aligned as in the format.
    const cls = c.text.startsWith('（本列数据') ? ' class="note"' : '';
    return `<th${cls}${span}>${wordBreaks(c.text)}</th>`;
  }
  if (c.role === 'label')
    return c.rowSpan > 1
      ? `<td class="label group"${span}>${wordBreaks(c.text)}</td>`
      : `<td class="label"${span}>${escapeHtml(c.text)}</td>`;
  // Blanks stay empty cells (never a 0), figures exactly as the report holds them (figureText).
  const aria = c.text === '' ? ` aria-label="${escapeHtml(blank)}"` : '';
  const size = figureSize(c.text, widthPt, base);
  const style = size === null ? '' : ` style="font-size:${size}pt"`;
  return `<td class="figure"${span}${style} data-path="${escapeHtml(c.path ?? '')}"${aria}>${escapeHtml(c.text)}</td>`;
}

/**
 * A statistics table without a caption (the official format has none: the section heading names it), the layout's
 * header rows in <thead>, so that they repeat on every printed page the table runs onto; the other rows in <tbody>.
 * Tables 3 and 4 are printed whole on one page (class "whole"); table 2 may break between its blocks (第二十条第（X）
 * 项, each a <tbody> of its own), never inside one.
 */
function tableHtml(t: TableLayout, blank: string): string {
  const widths = COLUMN_WIDTHS[t.key](t);
  const rows: string[][] = Array.from({ length: t.rows }, () => []);
  const widthOf = (c: LayoutCell) =>
    (widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0) / 100) * TYPE_AREA_PT;
  for (const c of t.cells) rows[c.row]!.push(cellHtml(c, widthOf(c), TABLE_FONT_PT[t.key], blank));
  const tr = (cells: string[]) => `<tr>${cells.join('')}</tr>`;
  const head = rows.slice(0, t.headerRows).map(tr);
  // A block starts at a row whose first cell spans the table (table 2's 第二十条第（X）项).
  const starts = t.cells.filter((c) => c.col === 0 && c.colSpan === t.cols).map((c) => c.row);
  const bodies: string[][] = [];
  for (let r = t.headerRows; r < t.rows; r++) {
    if (bodies.length === 0 || (t.key === 'proactive' && starts.includes(r))) bodies.push([]);
    bodies[bodies.length - 1]!.push(tr(rows[r]!));
  }
  return [
    `<table class="${t.key}${t.key === 'proactive' ? '' : ' whole'}">`,
    `<colgroup>${widths.map((w) => `<col style="width:${w.toFixed(3)}%">`).join('')}</colgroup>`,
    ...(head.length ? [`<thead>${head.join('\n')}</thead>`] : []),
    ...bodies.map((b) => `<tbody>\n${b.join('\n')}\n</tbody>`),
    `</table>`,
  ].join('\n');
}

/**
 * A line of a section's text that heads what follows: short, numbered as the reports number their parts
 * (（一）…, 一、…, 1. …), not ended as a sentence is.
 */
export function isSubheading(line: string): boolean {
  const l = line.trim();
  return (
    /^(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+[.．、])/u.test(l) &&
    [...l].length <= 30 &&
    !/[。；;：:]$/u.test(l)
  );
}

/** A section's text as paragraphs, one per line of the text; empty lines are not printed. Sub-headings are marked. */
function paragraphs(text: string | null): Block[] {
  return (text ?? '')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) =>
      isSubheading(l)
        ? { html: `<p class="sub">${escapeHtml(l)}</p>`, kind: 'head' }
        : { html: `<p>${escapeHtml(l)}</p>`, kind: 'text' },
    );
}

/** A block of a section: a heading (the section's, a sub-heading), a paragraph or a table. */
interface Block {
  html: string;
  kind: 'head' | 'text' | 'table';
}

/** At most this much text between a heading and a table printed whole is kept with both (a line or two). */
const KEPT_TEXT = { paragraphs: 2, characters: 120 };

/**
 * Blocks in order; the headings before a table printed whole, with a short text between them and it (KEPT_TEXT),
 * are wrapped with the table in a <div class="keep"> that is not broken across pages: no heading is left at the
 * foot of a page while its table starts on the next. A heading before longer text or before table 2 is kept with
 * what follows by break-after: avoid (with the text's orphans, table 2's first block), which may break further on.
 */
function keepHeadings(blocks: Block[]): string[] {
  const out: string[] = [];
  let pending: Block[] = [];
  const flush = () => {
    out.push(...pending.map((b) => b.html));
    pending = [];
  };
  for (const b of blocks) {
    if (b.kind === 'head') {
      if (pending.some((p) => p.kind === 'text')) flush();
      pending.push(b);
    } else if (b.kind === 'text' && pending.length > 0) {
      pending.push(b);
      const texts = pending.filter((p) => p.kind === 'text');
      if (
        texts.length > KEPT_TEXT.paragraphs ||
        texts.reduce((n, p) => n + p.html.length, 0) > KEPT_TEXT.characters + 7 * texts.length
      )
        flush();
    } else if (b.kind === 'table' && b.html.includes(' whole"') && pending.length > 0) {
      out.push(`<div class="keep">\n${[...pending, b].map((p) => p.html).join('\n')}\n</div>`);
      pending = [];
    } else {
      flush();
      out.push(b.html);
    }
  }
  flush();
  return out;
}

/**
 * The title as the page prints it: one line when it fits, else broken after the body's name, before
 * "<year>年政府信息公开工作年度报告" (kept whole), and within the name only between words.
 */
function titleHtml(report: Report): string {
  const title = reportTitle(report);
  const agency = report.agency ?? '';
  const rest = `<span class="rest">${escapeHtml(title.slice(agency.length))}</span>`;
  return agency === '' ? rest : `${wordBreaks(agency)}<wbr>${rest}`;
}

/**
 * The report as one self-contained printable HTML page in the official layout of its format version: the title,
 * the six sections with their official headings and text, and each statistics table in its section after the
 * text, drawn from `officialLayout` (merged cells as the format prints them). Blanks stay empty cells.
 */
export function renderHtml(report: Report, options: RenderHtmlOptions = {}): string {
  const words = WORDS[options.lang ?? 'zh'];
  const format = formatOf(report.formatVersion);
  const tables = officialLayout(report);
  const tablesOf = (key: SectionKey) =>
    format.tables
      .map((def, i) => ({ def, layout: tables[i]! }))
      .filter(({ def }) => def.section === key)
      .map(({ layout }) => tableHtml(layout, words.blank));
  const title = escapeHtml(reportTitle(report));
  const body = format.sections.map((s) =>
    [
      `<section class="${s.key}">`,
      ...keepHeadings([
        { html: `<h2>${escapeHtml(s.heading)}</h2>`, kind: 'head' },
        ...paragraphs(report.sections[s.key]),
        ...tablesOf(s.key).map((html): Block => ({ html, kind: 'table' })),
      ]),
      `</section>`,
    ].join('\n'),
  );
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="nianbao">
<meta name="description" content="${escapeHtml(`${words.description} · ${format.document}`)}">
<title>${title}</title>
<style>${options.fonts ? `\n${options.fonts.css}\n` : ''}${style(options.fonts ? webFontStacks(options.fonts) : SYSTEM_FONTS)}</style>
</head>
<body>
<article class="report" data-format-version="${report.formatVersion}">
<h1>${titleHtml(report)}</h1>
${body.join('\n')}
</article>
</body>
</html>
`;
}
