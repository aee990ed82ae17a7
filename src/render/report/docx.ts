// DOCX writer: a Report as a Word document in the official layout of its format version, set as GB/T 9704 公文.
import {
  AlignmentType,
  Document,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type IParagraphStyleOptions,
} from 'docx';
import type { TableKey } from '../../model/format.ts';
import { formatOf } from '../../model/formats/index.ts';
import { SECTION_KEYS, type Report } from '../../model/report.ts';
import { layoutGrid, officialLayout, reportTitle, type LayoutCell, type TableLayout } from '../layout.ts';
import { emWidth, lines, titleLines, words } from './breaks.ts';
import { isSubheading } from './html.ts';

// ---------------------------------------------------------------------------------------------------------------
// Page and type (GB/T 9704-2012 党政机关公文格式)

/** Twips (1/20 pt) per millimetre. */
const MM = 1440 / 25.4;
/** A4 portrait (GB/T 9704 §5.2.1), in twips. */
const PAGE = { width: 11906, height: 16838 } as const;
/** Margins (GB/T 9704 §5.2.2: 天头 37 mm, 订口 28 mm; the text block 156 × 225 mm), in twips. */
const MARGIN = {
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
} as const;
/** Width of the text block, which every table fills exactly. */
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** 22 lines to the page (GB/T 9704 §5.2.3): 225 mm / 22 ≈ 28.95 pt, written as an exact 29 pt line. */
const LINE = 580;

/**
 * Fonts as government documents request them (GB/T 9704 §5.2.3 and §7.2: title 2号小标宋, body 3号仿宋, 一级标题
 * 3号黑体). Figures and Latin letters use Times New Roman, as the East-Asian fonts' Latin glyphs are poor.
 */
const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  latin: 'Times New Roman',
} as const;

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt, 小五 9 pt. */
const SIZE = { title: 44, body: 32, table: 21, wide: 20, wideFigure: 18 } as const;

/**
 * The run fonts of a text: the East-Asian font for Chinese, Times New Roman for figures and Latin. The eastAsia hint
 * sets the characters both scripts share (“”, ·, —) in the Chinese font, as Chinese documents print them.
 */
const fonts = (eastAsia: string) => ({
  ascii: FONT.latin,
  hAnsi: FONT.latin,
  cs: FONT.latin,
  eastAsia,
  hint: 'eastAsia',
});

/**
 * The font table, with an alternate for each Chinese font: a machine without 仿宋_GB2312 (most non-Chinese
 * Windows, every Linux) then picks FangSong rather than an arbitrary default. Charset 86 is GB2312; the panose
 * numbers are those Word writes for these fonts, so that a word processor can match them by class.
 */
const FONT_ENTRIES: readonly (readonly [
  name: string,
  alt: string | null,
  panose: string,
  charset: string,
  family: string,
  pitch: string,
])[] = [
  [FONT.body, 'FangSong', '02010609030101010101', '86', 'modern', 'fixed'],
  [FONT.title, 'SimSun', '02000000000000000000', '86', 'auto', 'variable'],
  [FONT.heading, 'SimHei', '02010609060101010101', '86', 'modern', 'fixed'],
  [FONT.latin, null, '02020603050405020304', '00', 'roman', 'variable'],
];
const FONT_TABLE =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  FONT_ENTRIES.map(
    ([name, alt, panose, charset, family, pitch]) =>
      `<w:font w:name="${name}">${alt ? `<w:altName w:val="${alt}"/>` : ''}<w:panose1 w:val="${panose}"/>` +
      `<w:charset w:val="${charset}"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`,
  ).join('') +
  '</w:fonts>';

/** Paragraph styles, so that a person editing the document finds 标题, 正文 and 一级标题 as named styles. */
const STYLES: IParagraphStyleOptions[] = [
  {
    id: 'Title',
    name: 'Title',
    basedOn: 'Normal',
    next: 'Normal',
    run: { font: fonts(FONT.title), size: SIZE.title },
    paragraph: {
      alignment: AlignmentType.CENTER,
      indent: { firstLine: 0, firstLineChars: 0 },
      // The title's glyphs are taller than the 29 pt body line: a 40 pt exact line keeps them whole.
      spacing: { line: 800, lineRule: LineRuleType.EXACT, after: LINE },
      keepNext: true,
    },
  },
  {
    id: 'Heading1',
    name: 'heading 1',
    basedOn: 'Normal',
    next: 'Normal',
    run: { font: fonts(FONT.heading), size: SIZE.body },
    paragraph: {
      outlineLevel: 0,
      keepNext: true,
      indent: { firstLine: 2 * 320, firstLineChars: 200 },
    },
  },
  ...(
    [
      ['TableCell', AlignmentType.CENTER, SIZE.table],
      ['TableLabel', AlignmentType.LEFT, SIZE.table],
      ['WideHeader', AlignmentType.CENTER, SIZE.wide],
      ['WideLabel', AlignmentType.LEFT, SIZE.wide],
      ['WideFigure', AlignmentType.CENTER, SIZE.wideFigure],
    ] as const
  ).map(([id, alignment, size]): IParagraphStyleOptions => ({
    id,
    name: id.replace(/(?<=.)([A-Z])/g, ' $1'),
    basedOn: 'Normal',
    run: { size },
    // Table text is single-spaced and not indented, unlike the body.
    paragraph: {
      alignment,
      indent: { firstLine: 0, firstLineChars: 0 },
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
    },
  })),
];

// ---------------------------------------------------------------------------------------------------------------
// Tables

/** Twips per em of the tables' type: 五号 (10.5 pt) in table 2, 10 pt in table 3 (as on the HTML page) and table 4. */
const TABLE_EM = { proactive: 210, requests: 200, reviewLitigation: 200 } as const;
/** A cell's left and right margins (see `table`), in twips. */
const CELL_INSET = 2 * 28;

/**
 * Twips that the widest word of column `col`'s one-column heads and group labels needs, with three points to spare
 * (LibreOffice set 自然人, three 10.5 pt characters, on two lines in 35 pt).
 */
function wordTwips(t: TableLayout, col: number): number {
  const widest = Math.max(
    0,
    ...t.cells
      .filter((c) => c.col === col && c.colSpan === 1 && (c.role === 'header' || c.rowSpan > 1))
      .flatMap((c) => words(c.text).map(emWidth)),
  );
  return widest * TABLE_EM[t.key] + CELL_INSET + 60;
}

/**
 * Column widths of each table as shares of the text width, in the proportions of the official blank template
 * (国办公开办函〔2021〕30号's Word file). Table 2: four equal columns (2435 twips each), 信息内容 wider where its
 * longest label needs it (2019's 其他对外管理服务事项). Table 3: the outer group (三、本年度办理结果, 754), the inner
 * group （三）… (921), the row label (3271), then the seven applicant columns (685 each), a column widened to what
 * the widest word of its heads or group labels needs (自然人, 本年度), taken from the row label. Table 4: fifteen
 * equal columns.
 */
const SHARES: Record<TableKey, (t: TableLayout) => number[]> = {
  proactive: (t) => {
    const longest = Math.max(...t.cells.filter((c) => c.role === 'label').map((c) => emWidth(c.text)));
    const first = Math.max(TEXT_WIDTH / 4, (longest + 1) * TABLE_EM.proactive + CELL_INSET);
    return [first, ...Array<number>(t.cols - 1).fill((TEXT_WIDTH - first) / (t.cols - 1))];
  },
  requests: (t) => {
    const share = (col: number, twips: number) => Math.max((twips / 9741) * TEXT_WIDTH, wordTwips(t, col));
    const applicant = Math.max(...Array.from({ length: t.cols - 3 }, (_, i) => share(3 + i, 685)));
    const [outer, inner] = [share(0, 754), share(1, 921)];
    return [
      outer,
      inner,
      TEXT_WIDTH - outer - inner - applicant * (t.cols - 3),
      ...Array<number>(t.cols - 3).fill(applicant),
    ];
  },
  reviewLitigation: (t) => Array<number>(t.cols).fill(1),
};

/** Widths in twips from shares, rounded so that they sum to the text width exactly. */
function columnWidths(t: TableLayout): number[] {
  const shares = SHARES[t.key](t);
  const sum = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((s) => Math.floor((s / sum) * TEXT_WIDTH));
  widths[0]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/**
 * The paragraph style of a cell: labels left, headers and figures centred; 五号 in table 2, 10 pt in table 3, while
 * table 4's fifteen columns take 10 pt headers and 9 pt figures. Styles rather than run properties keep each cell
 * small.
 */
function styleOf(t: TableLayout, cell: LayoutCell): string {
  if (t.key === 'reviewLitigation') return cell.role === 'figure' ? 'WideFigure' : 'WideHeader';
  // Table 3 in 10 pt: its seven applicant columns hold 自然人 on a line, and the row labels keep room.
  if (t.key === 'requests') return cell.role === 'label' ? 'WideLabel' : 'WideHeader';
  return cell.role === 'label' ? 'TableLabel' : 'TableCell';
}

/**
 * A cell's paragraph. Column heads and group labels break between words only: Word breaks Chinese between any two
 * characters, so where the text is wider than the cell, it is given in lines of whole words, joined by line breaks
 * (as the blank template writes 商业 / 企业).
 */
function cellParagraph(t: TableLayout, cell: LayoutCell, width: number, origin: boolean): Paragraph {
  const style = styleOf(t, cell);
  if (!origin) return new Paragraph({ style, text: '' });
  const capacity = (width - CELL_INSET) / TABLE_EM[t.key] - 0.25;
  if ((cell.role !== 'header' && cell.rowSpan === 1) || emWidth(cell.text) <= capacity)
    return new Paragraph({ style, text: cell.text });
  return new Paragraph({
    style,
    children: lines(cell.text, capacity).map((text, i) => new TextRun({ text, break: i > 0 ? 1 : 0 })),
  });
}

/**
 * One table: every grid position of `layoutGrid` becomes a Word cell, a merged cell once with `gridSpan` for its
 * columns and `vMerge` restart/continue down its rows, as Word itself writes merged cells. Rows never split; tables 3
 * and 4 are kept on one page (each row kept with the next), table 2 each of its 第二十条 blocks.
 */
function table(t: TableLayout): Table {
  const widths = columnWidths(t);
  const grid = layoutGrid(t);
  // The first row of each of table 2's blocks (第二十条第（X）项, spanning the table).
  const starts = new Set(t.cells.filter((c) => c.col === 0 && c.colSpan === t.cols).map((c) => c.row));
  const rows = grid.map((line, r) => {
    const cells: TableCell[] = [];
    for (let c = 0; c < t.cols;) {
      const { cell, origin } = line[c]!;
      const width = widths.slice(c, c + cell.colSpan).reduce((a, b) => a + b, 0);
      const merge =
        cell.rowSpan === 1 ? undefined : origin ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE;
      cells.push(
        new TableCell({
          width: { size: width, type: WidthType.DXA },
          columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
          verticalMerge: merge,
          verticalAlign: VerticalAlignTable.CENTER,
          // A blank cell holds an empty paragraph: never "0" (a blank is not a zero, format-spec §7).
          children: [cellParagraph(t, cell, width, origin)],
        }),
      );
      c += cell.colSpan;
    }
    const last = r === t.rows - 1 || (t.key === 'proactive' && starts.has(r + 1));
    return new TableRow({
      children: cells,
      // The header rows are printed again on each page the table runs onto (tblHeader).
      tableHeader: r < t.headerRows,
      keepNext: !last,
      cantSplit: true,
      height: { value: 360, rule: HeightRule.ATLEAST },
    });
  });
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    // Narrow cell margins: table 4's columns are 10 mm wide and must hold a six-digit figure on one line.
    margins: { left: 28, right: 28, top: 0, bottom: 0 },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The document

/** The footer with the page number at one edge, one 四号 character in from it. */
function pageNumber(side: 'left' | 'right'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: { firstLine: 0, firstLineChars: 0, [side]: 280 },
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fonts('宋体'), size: 28 }),
        ],
      }),
    ],
  });
}

/**
 * Renders a report as DOCX in the official layout of its format version: the title, the six section headings of the
 * format each followed by the section's text (one paragraph per line) and, in sections 二, 三 and 四, the table
 * with its title. Figures are printed exactly as the report holds them; blank cells stay empty.
 */
export async function renderDocx(report: Report): Promise<Uint8Array> {
  const format = formatOf(report.formatVersion);
  const tables = officialLayout(report);
  // The title in lines of whole words (20 二号 characters to the 156 mm line): after the body's name, before
  // 20XX年政府信息公开工作年度报告, where it does not fit on one.
  const title = titleLines(report, 20).map((text, i) => new TextRun({ text, break: i > 0 ? 1 : 0 }));
  const children: (Paragraph | Table)[] = [new Paragraph({ style: 'Title', children: title })];
  SECTION_KEYS.forEach((key, i) => {
    children.push(new Paragraph({ style: 'Heading1', text: format.sections[i]!.heading }));
    const text = (report.sections[key] ?? '').split('\n').filter((l) => l.trim() !== '');
    const laid = format.tables
      .filter((d) => d.section === key)
      .map((d) => tables.find((l) => l.key === d.key)!);
    text.forEach((line, j) => {
      // A sub-heading is kept with what follows; so is a short last line before the table (KEPT_TEXT in html.ts).
      const keepNext = isSubheading(line) || (j === text.length - 1 && laid.length > 0 && line.length <= 120);
      children.push(new Paragraph({ text: line, ...(keepNext ? { keepNext } : {}) }));
    });
    // No caption: the official format has none, the section heading names the table.
    for (const t of laid) children.push(table(t));
  });
  const doc = new Document({
    creator: 'nianbao',
    // Two footers: odd pages number on the right, even ones on the left.
    evenAndOddHeaderAndFooters: true,
    title: reportTitle(report),
    styles: {
      default: {
        document: {
          run: { font: fonts(FONT.body), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: {
            spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
            // 首行缩进两字 (GB/T 9704 §7.3.3 body text): two 三号 characters, also given in character units.
            indent: { firstLine: 2 * 320, firstLineChars: 200 },
            // Left, not justified: LibreOffice (7.x) drops a "，" that ends a justified CJK line from its layout and PDF
            // (found by reading its PDF back); CJK text is monospaced, so the right edge stays all but straight.
            alignment: AlignmentType.LEFT,
          },
        },
      },
      paragraphStyles: STYLES,
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN, header: Math.round(15 * MM), footer: Math.round(20 * MM), gutter: 0 },
          },
        },
        // 页码 (GB/T 9704 §7.5): 4号 Arabic figures between two dashes, "— 1 —", under the text block at the outer
        // edge, one character (空一字, 280 twips) in: odd pages on the right, even pages on the left.
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children,
      },
    ],
  });
  return Packer.pack(doc, 'uint8array', false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}
