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
const SIZE = { title: 44, body: 32, tableTitle: 28, table: 21, wide: 20, wideFigure: 18 } as const;

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
  {
    id: 'TableTitle',
    name: 'Table Title',
    basedOn: 'Normal',
    next: 'Normal',
    run: { font: fonts(FONT.heading), size: SIZE.tableTitle },
    paragraph: {
      alignment: AlignmentType.CENTER,
      keepNext: true,
      indent: { firstLine: 0, firstLineChars: 0 },
    },
  },
  ...(
    [
      ['TableCell', AlignmentType.CENTER, SIZE.table],
      ['TableLabel', AlignmentType.LEFT, SIZE.table],
      ['WideHeader', AlignmentType.CENTER, SIZE.wide],
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

/**
 * Column widths of each table as shares of the text width. Table 2: the item column wider than the three figure
 * columns. Table 3: the outer group (三、本年度办理结果, merged down 20 rows), the inner group （三）…, the row
 * label (the three together hold 一、本年新收政府信息公开申请数量 on one line), then the seven applicant columns, each
 * wide enough for a six-digit figure. Table 4: fifteen equal columns.
 */
const SHARES: Record<TableKey, (cols: number) => number[]> = {
  proactive: (cols) => [1.45, ...Array<number>(cols - 1).fill(1)],
  requests: (cols) => [0.67, 1.25, 2.9, ...Array<number>(cols - 3).fill(0.9)],
  reviewLitigation: (cols) => Array<number>(cols).fill(1),
};

/** Widths in twips from shares, rounded so that they sum to the text width exactly. */
function columnWidths(t: TableLayout): number[] {
  const shares = SHARES[t.key](t.cols);
  const sum = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((s) => Math.floor((s / sum) * TEXT_WIDTH));
  widths[0]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/**
 * The paragraph style of a cell: labels left, headers and figures centred; 五号 in tables 2 and 3, while table 4's
 * fifteen columns take 10 pt headers and 9 pt figures. Styles rather than run properties keep each cell small.
 */
function styleOf(t: TableLayout, cell: LayoutCell): string {
  if (t.key === 'reviewLitigation') return cell.role === 'figure' ? 'WideFigure' : 'WideHeader';
  return cell.role === 'label' ? 'TableLabel' : 'TableCell';
}

/**
 * One table: every grid position of `layoutGrid` becomes a Word cell, a merged cell once with `gridSpan` for its
 * columns and `vMerge` restart/continue down its rows, as Word itself writes merged cells.
 */
function table(t: TableLayout): Table {
  const widths = columnWidths(t);
  const grid = layoutGrid(t);
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
          children: [new Paragraph({ style: styleOf(t, cell), text: origin ? cell.text : '' })],
        }),
      );
      c += cell.colSpan;
    }
    const headerOnly = line.every((g) => g.cell.role === 'header');
    return new TableRow({
      children: cells,
      // The header rows are printed again on each page the table runs onto (tblHeader).
      tableHeader: r < t.headerRows,
      // A caption or header row (table 2's 第二十条第（X）项 and 信息内容 rows) never ends a page alone.
      keepNext: headerOnly,
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

/**
 * Renders a report as DOCX in the official layout of its format version: the title, the six section headings of the
 * format each followed by the section's text (one paragraph per line) and, in sections 二, 三 and 四, the table
 * with its title. Figures are printed exactly as the report holds them; blank cells stay empty.
 */
export async function renderDocx(report: Report): Promise<Uint8Array> {
  const format = formatOf(report.formatVersion);
  const tables = officialLayout(report);
  const children: (Paragraph | Table)[] = [new Paragraph({ style: 'Title', text: reportTitle(report) })];
  SECTION_KEYS.forEach((key, i) => {
    children.push(new Paragraph({ style: 'Heading1', text: format.sections[i]!.heading }));
    for (const line of (report.sections[key] ?? '').split('\n'))
      if (line.trim() !== '') children.push(new Paragraph({ text: line }));
    for (const t of format.tables.filter((d) => d.section === key)) {
      const laid = tables.find((l) => l.key === t.key)!;
      children.push(new Paragraph({ style: 'TableTitle', text: laid.title }));
      children.push(table(laid));
    }
  });
  const doc = new Document({
    creator: 'nianbao',
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
        // 页码 (GB/T 9704 §7.5): 4号 Arabic figures between two dashes, "— 1 —", under the text block.
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                indent: { firstLine: 0, firstLineChars: 0 },
                spacing: { line: 240, lineRule: LineRuleType.AUTO },
                children: [
                  new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fonts('宋体'), size: 28 }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.pack(doc, 'uint8array', false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}
