// What the authoring template adds to the XLSX layout: sum formulas with the identities in words, data validation,
// the preamble and a box for each section's text (nianbao new; issue 13 item 12).
import type ExcelJS from 'exceljs';
import type { ColumnKind, FormatDef, RowDef, SectionKey, TableDef } from '../../model/format.ts';
import type { Cell, Report } from '../../model/report.ts';
import { rowValues } from '../../model/report.ts';
import type { TableLayout } from '../layout.ts';

/**
 * The workbook-level defined name of the template's guidance cells (the identities in words beside a table): the
 * reader leaves the cells it names out of the document, so that a guide is never read as a report's text. Defined
 * names survive Excel, WPS, LibreOffice and openpyxl, and move with the cells when rows or columns are inserted.
 */
export const GUIDE_NAME = 'nianbao_guide';

/** Fill of the cells the template computes (a formula), and of the boxes for a section's text. */
const COMPUTED_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } as const;
const TEXT_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFBEA' } } as const;

/** A sum the template writes as a formula: the total's model path and those of its parts, with the words shown. */
interface Sum {
  total: string;
  parts: string[];
  words: string;
}

/** The numbering a label starts with ("三、", "（七）", "1."), without its punctuation: 三, （七）, 1. */
function numbering(label: string | undefined): string {
  const m = /^([一二三四五六七八九十]+)、|^(（[一二三四五六七八九十]+）)|^(\d+)\./.exec(label ?? '');
  return m ? (m[1] ?? m[2] ?? m[3]!) : (label ?? '');
}

/** A row named by its numbering as the 勾稽关系 note does: 一, 二, 三（七）, 四. */
function rowName(row: RowDef): string {
  const outer = row.parentGroup ?? (row.group && !row.group.startsWith('（') ? row.group : undefined);
  const inner = row.parentGroup ? numbering(row.group) : '';
  return (outer ? numbering(outer) : '') + inner + (row.parentGroup ? '' : numbering(row.label));
}

/** The numbered groups a list of rows falls in, once each, in order: （一）, （二）, （三）… */
function groupNames(rows: readonly RowDef[]): string[] {
  return [...new Set(rows.map((r) => numbering(r.parentGroup ? r.group : r.label)))];
}

/**
 * The sums of a table the template computes, from the format's identities: every row identity (表三 总计 = the six
 * applicants, T3-2; 表四 each block's 总计, T4-1) and every column identity whose left side is one row (表三（七）总计
 * = （一）…（六）, T3-3). A cell that is both (（七）总计 / 总计) is the row's sum. An identity with two rows on a
 * side (T3-1, 一 + 二 = 三（七） + 四) is no total: it is shown in words, as a check.
 */
export function templateSums(table: TableDef): Sum[] {
  const sums: Sum[] = [];
  const taken = new Set<string>();
  const path = (row: RowDef, col: string) => [table.key, ...row.path, col].join('.');
  for (const id of table.rowIdentities)
    for (const row of table.rows) {
      if (!row.columns.some((c) => c.key === id.total)) continue;
      const label = (k: string) => row.columns.find((c) => c.key === k)!.label;
      const total = path(row, id.total);
      taken.add(total);
      sums.push({
        total,
        parts: id.parts.map((p) => path(row, p)),
        words: `${label(id.total)} = ${id.parts.map(label).join(' + ')}`,
      });
    }
  const byId = new Map(table.rows.map((r) => [r.path.join('.'), r]));
  for (const id of table.columnIdentities ?? []) {
    if (id.lhs.length !== 1) continue;
    const lhs = byId.get(id.lhs[0]!)!;
    const rhs = id.rhs.map((r) => byId.get(r)!);
    for (const c of lhs.columns) {
      const total = path(lhs, c.key);
      if (taken.has(total)) continue;
      sums.push({
        total,
        parts: rhs.map((r) => path(r, c.key)),
        words: `${rowName(lhs)}${lhs.label.replace(/^（[一二三四五六七八九十]+）/, '')} = ${groupNames(rhs).join(' + ')}`,
      });
    }
  }
  return sums;
}

/** The identities of a table in words, for the guide beside it: by the model path of the row they stand beside. */
export function identityLines(table: TableDef): { row: string | null; text: string }[] {
  const out: { row: string | null; text: string }[] = [];
  for (const id of table.rowIdentities) {
    const row = table.rows.find((r) => r.columns.some((c) => c.key === id.total))!;
    const label = (k: string) => row.columns.find((c) => c.key === k)!.label;
    const each = table.layout === 'wide' ? '每一类的' : '每一行的';
    out.push({
      row: null,
      text: `${each}“${label(id.total)}” = ${id.parts.map(label).join(' + ')}（灰色格为公式，自动计算）`,
    });
  }
  const byId = new Map(table.rows.map((r) => [r.path.join('.'), r]));
  for (const id of table.columnIdentities ?? []) {
    const lhs = id.lhs.map((r) => byId.get(r)!);
    const rhs = id.rhs.map((r) => byId.get(r)!);
    if (lhs.length === 1)
      out.push({
        row: id.lhs[0]!,
        text: `${rowName(lhs[0]!)}总计 = ${groupNames(rhs).join(' + ')}（每一列，公式自动计算）`,
      });
    else
      out.push({
        row: id.rhs[id.rhs.length - 1]!,
        text: `${lhs.map(rowName).join(' + ')} = ${rhs.map(rowName).join(' + ')}（每一列都应相等，请核对）`,
      });
  }
  return out;
}

/** A1-style references of cells, consecutive cells of one row or one column joined into a range (D5:I5). */
export function references(cells: readonly { row: number; col: number; address: string }[]): string {
  const out: string[] = [];
  let run: (typeof cells)[number][] = [];
  const flush = () => {
    if (run.length)
      out.push(run.length === 1 ? run[0]!.address : `${run[0]!.address}:${run.at(-1)!.address}`);
    run = [];
  };
  for (const c of cells) {
    const last = run.at(-1);
    const next =
      last &&
      ((c.row === last.row && c.col === last.col + 1) || (c.col === last.col && c.row === last.row + 1)) &&
      (run.length < 2 || (c.row === last.row) === (run[0]!.row === run[1]!.row));
    if (!next) flush();
    run.push(c);
  }
  flush();
  return out.join(',');
}

/** The formula of a sum over cells: blank while none of them holds a figure (a blank is never 0), else their SUM. */
export const sumFormula = (refs: string) => `IF(COUNT(${refs})=0,"",SUM(${refs}))`;

/**
 * The value a template's sums give: the figure of each cell, a sum's from its parts (sums of sums included), null
 * while none of its parts holds a figure. Used for the formulas' cached results, so that a reader that does not
 * calculate sees what Excel shows.
 */
export function sumValues(report: Report, format: FormatDef): Map<string, Cell> {
  const values = new Map<string, Cell>();
  const sums = new Map(format.tables.flatMap((t) => templateSums(t)).map((s) => [s.total, s]));
  for (const t of format.tables)
    for (const r of t.rows) {
      const v = rowValues(report[t.key], r);
      for (const c of r.columns) values.set([t.key, ...r.path, c.key].join('.'), v[c.key] ?? null);
    }
  const memo = new Map<string, Cell>();
  const valueOf = (path: string): Cell => {
    const sum = sums.get(path);
    if (!sum) return values.get(path) ?? null;
    if (memo.has(path)) return memo.get(path)!;
    const parts = sum.parts.map(valueOf).filter((v): v is number => v !== null);
    const v = parts.length ? parts.reduce((a, b) => a + b, 0) : null;
    memo.set(path, v);
    return v;
  };
  return new Map([...values.keys()].map((p) => [p, sums.has(p) ? valueOf(p) : values.get(p)!]));
}

/**
 * Writes the template's formulas, notes and validation into a table written from `startRow` on. A sum cell gets its
 * formula (with the cached result) unless it already holds a figure the formula would not give (a carried 总计
 * that is not the sum of its carried parts): a figure is never overwritten.
 */
export function guideTable(
  ws: ExcelJS.Worksheet,
  t: TableLayout,
  table: TableDef,
  startRow: number,
  computed: Map<string, Cell>,
): void {
  const at = new Map<string, { row: number; col: number; address: string; kind: ColumnKind }>();
  for (const c of t.cells)
    if (c.role === 'figure' && c.path) {
      const cell = ws.getCell(startRow + c.row, 1 + c.col);
      at.set(c.path, { row: Number(cell.row), col: Number(cell.col), address: cell.address, kind: c.kind! });
    }
  const sums = new Map(templateSums(table).map((s) => [s.total, s]));
  for (const [path, p] of at) {
    const cell = ws.getCell(p.row, p.col);
    const sum = sums.get(path);
    const written = cell.value;
    const result = computed.get(path) ?? null;
    if (sum && (written === null || written === result)) {
      const refs = references(sum.parts.map((q) => at.get(q)!));
      cell.value = result === null ? { formula: sumFormula(refs) } : { formula: sumFormula(refs), result };
      cell.fill = COMPUTED_FILL;
      cell.note = `自动计算：${sum.words}。\n也可直接填写数字（公式即被替换）。`;
    }
    cell.dataValidation = validation(p.kind, sum ? sum.words : undefined);
  }
}

/** The data validation of a figure cell: whole numbers ≥ 0 (counts), decimals ≥ 0 (amounts), whole numbers (增/减). */
function validation(kind: ColumnKind, sum: string | undefined): ExcelJS.DataValidation {
  const input = {
    count: '填写整数（件数、条数），大于或等于 0；没有的填 0，不要留空或写“无”。',
    amount: '填写金额，单位万元，可有小数，大于或等于 0；没有的填 0。',
    signed: '填写整数，可为负数（本年增/减）；没有变化的填 0。',
  }[kind];
  const common = {
    allowBlank: true,
    showInputMessage: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    promptTitle: sum ? '自动计算' : '填写数字',
    prompt: (sum ? `${sum}（公式）。` : '') + input,
    errorTitle: '数字不符合要求',
  } as const;
  if (kind === 'amount')
    return {
      ...common,
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      formulae: [0],
      error: '请填写大于或等于 0 的数字（万元）。',
    };
  if (kind === 'signed')
    return {
      ...common,
      type: 'whole',
      operator: 'between',
      formulae: [-999999999, 999999999],
      error: '请填写整数。',
    };
  return {
    ...common,
    type: 'whole',
    operator: 'greaterThanOrEqual',
    formulae: [0],
    error: '请填写大于或等于 0 的整数。',
  };
}

/** Writes the guide lines beside a table (one empty column right of it), named by GUIDE_NAME for the reader. */
export function guideBeside(
  ws: ExcelJS.Worksheet,
  t: TableLayout,
  table: TableDef,
  startRow: number,
  wb: ExcelJS.Workbook,
): void {
  const lines = identityLines(table);
  if (lines.length === 0) return;
  const col = t.cols + 2;
  ws.getColumn(col - 1).width = 2;
  ws.getColumn(col).width = 46;
  // The row a line stands beside: the first figure row of its model row, or the table's first row.
  const rowOf = (row: string | null) => {
    if (row === null) return startRow;
    const c = t.cells.find((x) => x.role === 'figure' && x.path?.startsWith(`${table.key}.${row}.`));
    return startRow + (c?.row ?? 0);
  };
  const used = new Set<number>();
  for (const line of lines) {
    let r = rowOf(line.row);
    while (used.has(r)) r++;
    used.add(r);
    const cell = ws.getCell(r, col);
    cell.value = line.text;
    cell.font = { name: '宋体', size: 9, color: { argb: 'FF595959' } };
    cell.alignment = { wrapText: true, vertical: 'middle' };
    wb.definedNames.add(`'${ws.name}'!$${ws.getColumn(col).letter}$${r}`, GUIDE_NAME);
  }
}

/**
 * The preamble the official reports open with (format-spec §3: the legal basis, the six parts, the period of the
 * figures, where to read the report, whom to ask), as two paragraphs: the blanks (＿＿) are the author's to fill.
 */
export function preamble(report: Report, format: FormatDef): string[] {
  const year = report.year ?? '＿＿＿＿';
  const notice =
    format.version === '2019'
      ? '《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）'
      : `《${format.title}》（${format.document}）`;
  const parts = format.sections.map((s) => s.heading.replace(/^[一二三四五六]、/, '')).join('、');
  return [
    `本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和${notice}的要求编制，` +
      `全文包括${parts}六个部分。本报告所列数据统计期限为${year}年1月1日至${year}年12月31日。`,
    `本报告电子版可在＿＿＿＿（网站名称）（网址：＿＿＿＿）查阅或下载。如对本报告有疑问，请与${report.agency ?? '＿＿＿＿'}联系` +
      '（地址：＿＿＿＿；邮编：＿＿＿＿；电话：＿＿＿＿；电子邮箱：＿＿＿＿）。',
  ];
}

/** What the box under a section's heading asks for (its input message). */
const TEXT_PROMPTS: Record<SectionKey, string> = {
  overview:
    '在此填写本部分正文，可分段（单元格内 Alt+Enter 换行）：（一）主动公开；（二）依申请公开；（三）政府信息管理；（四）平台建设；（五）监督保障。',
  proactive: '（可选）本部分的文字说明；统计数字填在下方表中。',
  requests: '（可选）本部分的文字说明；统计数字填在下方表中。',
  reviewLitigation: '（可选）本部分的文字说明；统计数字填在下方表中。',
  problems: '在此填写存在的主要问题及改进情况，可分段（单元格内 Alt+Enter 换行）。',
  other: '在此填写其他需要报告的事项，可分段（单元格内 Alt+Enter 换行）。',
};

/** The box's prompt for section 六 of a format that asks for the 信息处理费. */
const FEES_PROMPT = '须写明本年度收取信息处理费的情况；未收取的，写明“未收取信息处理费”。';

/**
 * Writes the box for a section's text at row `at` (merged over `span` columns, `lines` lines tall, filled, without
 * rules: a ruled empty row would be read as a table row), holding the section's text if it has any; returns the
 * next row.
 */
export function textBox(
  ws: ExcelJS.Worksheet,
  at: number,
  key: SectionKey,
  text: string | null,
  span: number,
  lines: number,
  format: FormatDef,
): number {
  const cell = ws.getCell(at, 1);
  if (text) cell.value = text;
  cell.font = { name: '宋体', size: 11 };
  cell.alignment = { wrapText: true, vertical: 'top' };
  cell.fill = TEXT_FILL;
  if (span > 1) ws.mergeCells(at, 1, at, span);
  ws.getRow(at).height = lines * 16 + 4;
  const prompt = TEXT_PROMPTS[key] + (key === 'other' && format.processingFees ? FEES_PROMPT : '');
  cell.dataValidation = {
    type: 'textLength',
    operator: 'lessThanOrEqual',
    formulae: [32767],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: '填写正文',
    prompt: prompt.slice(0, 255),
  };
  return at + 1;
}
