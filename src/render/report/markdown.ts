// A report as Markdown for quick reading: title, the six sections, the three tables as flat GitHub pipe tables.
import type { RowDef, TableDef, TableKey } from '../../model/format.ts';
import { formatOf } from '../../model/formats/index.ts';
import { rowValues, type Report } from '../../model/report.ts';
import { figureText, reportTitle } from '../layout.ts';
import { rowLabelOf } from './csv.ts';

/**
 * What would open raw HTML in CommonMark after a "<" — a tag (`<script`, `<img src`, `</p`), a comment or declaration
 * (`<!`), a processing instruction (`<?`) — or an autolink to a script (`<javascript:…>`). An autolink to a web page
 * (`<http://www.smx.gov.cn>`, as a sample report writes its address) opens none and is left as written.
 */
const OPENS_HTML = /<(?=[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|\/[A-Za-z]|[!?]|(?:javascript|vbscript|data):)/gi;

/**
 * Text that a Markdown viewer shows rather than runs: a "<" that would open raw HTML is backslash-escaped, so a
 * report's text can never inject a page. Any other text is written as it is.
 */
export function inertText(s: string): string {
  return s.replace(OPENS_HTML, '\\<');
}

/** A cell's text made safe inside a pipe table: a literal bar escaped, line breaks as <br> (both read back). */
function cellText(s: string): string {
  return inertText(s).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** One pipe table: a header row, the alignment row (labels left, figures right), the body rows. */
function pipeTable(header: readonly string[], body: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map(cellText).join(' | ')} |`;
  return [
    line(header),
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...body.map(line),
  ];
}

/** The figures of a row in its column order, blanks as empty cells (never 0). */
function figures(table: TableDef, report: Report, row: RowDef): string[] {
  const v = rowValues(report[table.key], row);
  return row.columns.map((c) => figureText(v[c.key] ?? null));
}

/**
 * Table 2: one pipe table per block (第二十条第（X）项), as the blocks have columns of their own; the block's
 * caption heads the label column, as the official 信息内容 header does.
 */
function proactive(table: TableDef, report: Report): string[][] {
  const blocks: RowDef[][] = [];
  for (const row of table.rows)
    if (blocks.at(-1)?.[0]?.group === row.group) blocks.at(-1)!.push(row);
    else blocks.push([row]);
  return blocks.map((rows) =>
    pipeTable(
      // Amounts are stored in 万元 (report-json.md): the header says so, as many reports do, and reading it back
      // keeps 万元.
      [
        rows[0]!.group ?? table.labelHeader ?? '',
        ...rows[0]!.columns.map((c) =>
          c.unit && !c.label.includes(c.unit) ? `${c.label}（${c.unit}）` : c.label,
        ),
      ],
      rows.map((r) => [r.label, ...figures(table, report, r)]),
    ),
  );
}

/**
 * Table 3: Markdown cannot merge cells, so the group labels (三、本年度办理结果, （三）不予公开) are folded into the
 * row label and the applicant header is one row of column labels (法人或其他组织 dropped: its five labels are
 * distinct); the 勾稽关系 note heads the label column, where the official table prints it.
 */
function requests(table: TableDef, report: Report): string[][] {
  const columns = table.rows[0]!.columns;
  return [
    pipeTable(
      [table.note ?? '', ...columns.map((c) => c.label)],
      table.rows.map((r) => [rowLabelOf(r), ...figures(table, report, r)]),
    ),
  ];
}

/**
 * Table 4 is printed wide (15 figures in one row under three header rows); for reading it is turned into one row
 * per block (行政复议, 行政诉讼 · 未经复议直接起诉, 行政诉讼 · 复议后起诉) under the five outcome columns, as a
 * reader compares blocks. Extraction reads a block on its own row as well as the wide row.
 */
function reviewLitigation(table: TableDef, report: Report): string[][] {
  const columns = table.rows[0]!.columns;
  return [
    pipeTable(
      ['', ...columns.map((c) => c.label)],
      table.rows.map((r) => [rowLabelOf(r), ...figures(table, report, r)]),
    ),
  ];
}

/** The pipe tables of each statistics table, by its key. */
const TABLES: Record<TableKey, (table: TableDef, report: Report) => string[][]> = {
  proactive,
  requests,
  reviewLitigation,
};

/**
 * The report as Markdown: the title as a level-1 heading, each official section heading as a level-2 heading
 * followed by its paragraphs (blank-line separated) and, in sections 二 to 四, its table. Text is written as it is,
 * not escaped, so that reading the file back gives the same text — but for a "<" that would open raw HTML
 * (inertText); cells blank in the report are empty cells.
 */
export function renderMarkdown(report: Report): string {
  const format = formatOf(report.formatVersion);
  const out: string[] = [`# ${inertText(reportTitle(report))}`, ''];
  for (const section of format.sections) {
    out.push(`## ${section.heading}`, '');
    for (const p of (report.sections[section.key] ?? '').split('\n'))
      if (p.trim() !== '') out.push(inertText(p.trim()), '');
    for (const table of format.tables.filter((t) => t.section === section.key)) {
      for (const t of TABLES[table.key](table, report)) out.push(...t, '');
    }
  }
  return out.join('\n');
}
