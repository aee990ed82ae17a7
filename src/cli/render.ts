// Terminal renderings for the CLI: a report's three tables (labels from the format data) and diagnostic lines.
import type { ColumnDef, RowDef, TableDef } from '../model/format.ts';
import { formatOf } from '../model/formats/index.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { rowValues } from '../model/report.ts';
import type { Cell, Report, TableValues } from '../model/report.ts';
import { formatSpan } from '../model/source.ts';
import { countFigures, describeReport } from '../render/describe.ts';
import type { ReportFile } from '../model/file.ts';
import { displayWidth, pad, truncate } from '../render/width.ts';

/** The mark of a blank cell (null), distinct from a written 0 (report-json.md: never turn a blank into 0). */
export const BLANK = '·';
/** Appended to a figure that was placed by inference rather than read from its own cell. */
export const INFERRED = '*';
/** Row labels longer than this (in terminal columns) are cut with "…". */
const MAX_LABEL = 44;
const GAP = '  ';

export { countFigures, describeReport } from '../render/describe.ts';

/**
 * A diagnostic as one line: `line:col  severity  message  (ruleId)`; `spanWidth` aligns a list of them (0: no
 * location column, when no diagnostic of the list has a source).
 */
export function formatDiagnostic(d: Diagnostic, spanWidth = displayWidth(formatSpan(d.source))): string {
  const span = spanWidth > 0 ? pad(formatSpan(d.source) || '-', spanWidth) + '  ' : '';
  return `${span}${pad(d.severity, 7)}  ${d.message}  (${d.ruleId})`;
}

/** Diagnostic lines of one file, locations aligned, each prefixed with `indent`. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], indent = '  '): string[] {
  const spanWidth = Math.max(0, ...diagnostics.map((d) => displayWidth(formatSpan(d.source))));
  return diagnostics.map((d) => indent + formatDiagnostic(d, spanWidth));
}

/** A column header: the official label, with the unit when the label does not already say it. */
function columnLabel(c: ColumnDef): string {
  return c.unit && !c.label.includes(c.unit) ? `${c.label}（${c.unit}）` : c.label;
}

type Line = { kind: 'heading'; text: string } | { kind: 'row'; label: string; cells: string[] };

interface Block {
  /** Text of the header row's label cell (the block caption of table 2), or ''. */
  caption: string;
  columns: readonly ColumnDef[];
  lines: Line[];
}

const signature = (r: RowDef) => r.columns.map((c) => c.key).join(',');

/**
 * Splits a table into blocks sharing one header. A table whose rows have different columns (table 2) gets a
 * block per group and column set, the group as caption; a table whose rows all share their columns (tables 3
 * and 4) is one block, with group headings between its rows.
 */
function blocksOf(t: TableDef): { rows: RowDef[]; caption: string; grouped: boolean }[] {
  const uniform = new Set(t.rows.map(signature)).size === 1;
  if (uniform || t.layout === 'wide')
    return [{ rows: [...t.rows], caption: '', grouped: t.layout === 'rows' }];
  const out: { rows: RowDef[]; caption: string; grouped: boolean }[] = [];
  for (const r of t.rows) {
    const last = out[out.length - 1];
    if (last && last.rows[0]!.group === r.group && signature(last.rows[0]!) === signature(r))
      last.rows.push(r);
    else out.push({ rows: [r], caption: r.group ?? '', grouped: false });
  }
  return out;
}

function cellText(value: Cell | undefined, inferred: boolean): string {
  if (value === null || value === undefined) return BLANK;
  return String(value) + (inferred ? INFERRED : '');
}

function buildBlocks(report: Report, t: TableDef): Block[] {
  const values: TableValues = report[t.key];
  return blocksOf(t).map(({ rows, caption, grouped }) => {
    const lines: Line[] = [];
    let group: string | undefined;
    let parent: string | undefined;
    for (const r of rows) {
      let label = r.label;
      if (t.layout === 'wide' && r.group) label = `${r.group} · ${r.label}`;
      if (grouped) {
        // Headings for the groups that start here: the outer one (三、本年度办理结果) once, then the inner one.
        const outer = r.parentGroup ?? r.group;
        if (outer !== parent && outer) lines.push({ kind: 'heading', text: outer });
        if (r.parentGroup && r.group !== group && r.group)
          lines.push({ kind: 'heading', text: '  ' + r.group });
        parent = outer;
        group = r.group;
        if (r.group) label = (r.parentGroup ? '    ' : '  ') + label;
      }
      const v = rowValues(values, r);
      const cells = r.columns.map((c) => {
        const path = [t.key, ...r.path, c.key].join('.');
        return cellText(v[c.key], report.provenance?.[path]?.inferred !== undefined);
      });
      lines.push({ kind: 'row', label: truncate(label, MAX_LABEL), cells });
    }
    return { caption, columns: rows[0]!.columns, lines };
  });
}

function renderBlock(b: Block, labelWidth: number): string[] {
  // In a column holding inferred figures, every entry keeps a place for the mark so that the digits stay aligned.
  const marked = b.columns.map((_, i) =>
    b.lines.some((l) => l.kind === 'row' && l.cells[i]!.endsWith(INFERRED)),
  );
  for (const l of b.lines)
    if (l.kind === 'row') l.cells = l.cells.map((c, i) => (marked[i] && !c.endsWith(INFERRED) ? c + ' ' : c));
  const headers = b.columns.map((c, i) => columnLabel(c) + (marked[i] ? ' ' : ''));
  const widths = headers.map((h, i) =>
    Math.max(displayWidth(h), ...b.lines.map((l) => (l.kind === 'row' ? displayWidth(l.cells[i] ?? '') : 0))),
  );
  const out = [
    pad(b.caption, labelWidth) + GAP + headers.map((h, i) => pad(h, widths[i]!, 'right')).join(GAP),
  ];
  for (const l of b.lines) {
    if (l.kind === 'heading') out.push(l.text);
    else
      out.push(pad(l.label, labelWidth) + GAP + l.cells.map((c, i) => pad(c, widths[i]!, 'right')).join(GAP));
  }
  return out.map((s) => '  ' + s.trimEnd());
}

/** The three tables of a report, rendered for a terminal with the official labels of its format version. */
export function renderReportTables(report: Report): string[] {
  const f = formatOf(report.formatVersion);
  const out: string[] = [];
  let inferred = false;
  for (const t of f.tables) {
    const section = f.sections.find((s) => s.key === t.section);
    out.push('', section?.heading ?? t.title);
    const blocks = buildBlocks(report, t);
    inferred ||= blocks.some((b) =>
      b.lines.some((l) => l.kind === 'row' && l.cells.some((c) => c.endsWith(INFERRED))),
    );
    const labelWidth = Math.max(
      ...blocks.flatMap((b) => [
        displayWidth(b.caption),
        ...b.lines.map((l) => (l.kind === 'row' ? displayWidth(l.label) : 0)),
      ]),
    );
    blocks.forEach((b, i) => {
      if (i > 0) out.push('');
      out.push(...renderBlock(b, labelWidth));
    });
  }
  out.push('', `  ${BLANK} 空白（未填写）  0 填写为零` + (inferred ? `  ${INFERRED} 按版面或算术推断` : ''));
  return out;
}

/** One file's result as the `--format table` output: heading, metadata, tables, diagnostics. */
export function renderResult(r: ReportFile): string {
  const out = [`━━ ${r.file}`];
  if (r.report) {
    const { read, total } = countFigures(r.report);
    out.push(`${describeReport(r.report)} · 读出数字 ${read}/${total}`);
    out.push(...renderReportTables(r.report));
  } else {
    out.push('（未能读出报告）');
  }
  out.push('', r.diagnostics.length ? `诊断 ${r.diagnostics.length} 条：` : '诊断：无');
  out.push(...formatDiagnostics(r.diagnostics));
  return out.join('\n') + '\n';
}
