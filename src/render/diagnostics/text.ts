// Diagnostics as text for a terminal (ESLint's "stylish"): findings grouped by file, suggestions, a summary line.
import type { Diagnostic, Lang, Severity } from '../../model/diagnostic.ts';
import { formatSpan } from '../../model/source.ts';
import { countFigures, describeReport } from '../describe.ts';
import { displayWidth, pad } from '../width.ts';
import { placeOf } from './place.ts';
import { countSeverities } from './types.ts';
import type { CheckedFile, SeverityCounts } from './types.ts';

/** Options of the text formatter. */
export interface TextOptions {
  /** Language of the fixed wording (severities, headers, summary); messages come worded by the checker. */
  lang?: Lang;
  /** ANSI colours, for a terminal (the CLI turns them on only when standard output is a TTY). */
  color?: boolean;
  /**
   * Fold a run of findings of one rule and message in a file (a blank 总计 column is 23 findings of one cause): the
   * first is shown, then one line counting the others with their places (default true; JSON and SARIF keep all).
   */
  fold?: boolean;
}

/** From how many findings of one rule and message in a file on they are folded. */
export const FOLD_FROM = 4;
/** How many places a fold line names before "…". */
const FOLD_PLACES = 8;

const SEVERITY: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

const WORDS = {
  zh: { noReport: '（未能读出报告）', figures: (r: number, t: number) => `读出数字 ${r}/${t}` },
  en: { noReport: '(no report could be read)', figures: (r: number, t: number) => `${r}/${t} figures read` },
} as const;

type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'cyan' | 'green' | 'underline';
const ANSI: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  underline: [4, 24],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
};
const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };

function painter(color: boolean) {
  return (text: string, ...styles: Style[]) =>
    color && text ? styles.reduce((s, st) => `\x1b[${ANSI[st][0]}m${s}\x1b[${ANSI[st][1]}m`, text) : text;
}

/** The header line of a file: the path, then agency · year · format · figures read. */
export function textHeader(result: CheckedFile, options: TextOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const paint = painter(options.color ?? false);
  const w = WORDS[lang];
  let about: string = w.noReport;
  if (result.report) {
    const { read, total } = countFigures(result.report);
    about = `${describeReport(result.report, lang)} · ${w.figures(read, total)}`;
  }
  return `${paint(result.file, 'bold', 'underline')}  ${about}`;
}

/** How a place is tagged in front of a message that does not name it itself. */
const TAG: Record<Lang, (place: string) => string> = {
  zh: (place) => `【${place}】`,
  en: (place) => `[${place}] `,
};

/**
 * One file: the header, then one line per finding, `line:col  severity  message  ruleId` (the source location from
 * `formatSpan`), and each suggestion on an indented line under its finding's message. The table, row or cell a
 * finding points at is named by `nameOf`; when the rule's message does not already name it, the name is tagged in
 * front of the message (【表三（依申请公开）“（一）予以公开”行“总计”列】…). Columns are aligned by display width
 * within the file. Ends with a newline.
 */
export function textFile(result: CheckedFile, options: TextOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const paint = painter(options.color ?? false);
  const rows = result.diagnostics.map((d) => {
    const place = placeOf(result.report, d.path, lang);
    return {
      d,
      span: formatSpan(d.source) || '-',
      severity: SEVERITY[lang][d.severity],
      message: place && !d.message.includes(place) ? TAG[lang](place) + d.message : d.message,
    };
  });
  const spanWidth = Math.max(0, ...rows.map((r) => displayWidth(r.span)));
  const severityWidth = Math.max(0, ...rows.map((r) => displayWidth(r.severity)));
  const indent = ' '.repeat(2 + spanWidth + 2 + severityWidth + 2);
  const out = [textHeader(result, options)];
  const line = (r: (typeof rows)[number]) =>
    `  ${paint(pad(r.span, spanWidth), 'dim')}  ` +
    `${paint(pad(r.severity, severityWidth), SEVERITY_STYLE[r.d.severity])}  ` +
    `${r.message}  ${paint(r.d.ruleId, 'dim')}`;
  for (const run of runsOf(rows, options.fold ?? true)) {
    const [first, ...rest] = run;
    out.push(line(first!));
    for (const s of first!.d.suggestions ?? []) out.push(indent + paint(s.message, 'green'));
    if (rest.length === 0) continue;
    // Where the others are, as short as the first line's location: line:col, else the table/row/cell.
    const places = rest.map((r) => (r.span !== '-' ? r.span : placeOf(result.report, r.d.path, lang) || '-'));
    out.push(indent + paint(FOLDED[lang](rest.length, places), 'dim'));
  }
  return out.join('\n') + '\n';
}

/** The fold line: how many more findings of the same cause, and where the first of them are. */
const FOLDED: Record<Lang, (n: number, places: string[]) => string> = {
  zh: (n, places) =>
    `…… 同类另有 ${n} 处：${places.slice(0, FOLD_PLACES).join('、')}${places.length > FOLD_PLACES ? '……' : ''}（--no-fold 逐条列出）`,
  en: (n, places) =>
    `… ${n} more of the same: ${places.slice(0, FOLD_PLACES).join(', ')}${places.length > FOLD_PLACES ? ', …' : ''} (--no-fold lists each)`,
};

/** Data keys that only say where a finding is (its table, row, cell, columns): findings that differ in these alone
 * have one cause. */
const PLACE_KEYS = new Set([
  'file',
  'table',
  'tableEn',
  'row',
  'rowEn',
  'cell',
  'cellEn',
  'columns',
  'columnsEn',
  'count',
]);

/** What a finding says apart from where: its rule, message, severity and the data that is not a place. */
function causeOf(d: Diagnostic): string | null {
  if (d.suggestions?.length) return null; // each repair is shown
  const rest = Object.entries(d.data ?? {}).filter(([k]) => !PLACE_KEYS.has(k));
  return JSON.stringify([d.ruleId, d.messageId, d.severity, rest]);
}

/**
 * The findings in runs to print: FOLD_FROM or more consecutive findings of one cause (the same rule, message,
 * severity and data but for the place: a blank 总计 column, a table's missing rows) are one run; any other finding
 * is a run of its own, so findings with figures of their own (a mismatch of 2 and of 4) are never folded.
 */
function runsOf<T extends { d: Diagnostic }>(rows: readonly T[], fold: boolean): T[][] {
  const runs: T[][] = [];
  for (let i = 0; i < rows.length;) {
    const k = causeOf(rows[i]!.d);
    let j = i + 1;
    while (fold && k !== null && j < rows.length && causeOf(rows[j]!.d) === k) j++;
    if (j - i >= FOLD_FROM) runs.push(rows.slice(i, j));
    else for (let m = i; m < j; m++) runs.push([rows[m]!]);
    i = j;
  }
  return runs;
}

/** Findings counted by rule over a batch, for the summary's per-rule lines. */
export type RuleCounts = Map<string, SeverityCounts>;

/** Adds a file's findings to the per-rule counts. */
export function countRules(counts: RuleCounts, diagnostics: Iterable<Diagnostic>): void {
  for (const d of diagnostics) {
    let c = counts.get(d.ruleId);
    if (!c) counts.set(d.ruleId, (c = { error: 0, warning: 0, info: 0 }));
    c[d.severity]++;
  }
}

/**
 * The findings by rule, most first (errors before warnings before infos), one rule a line: "  blank-total  错误 23".
 * Ends with a newline; empty when there are no findings.
 */
export function textRuleSummary(counts: RuleCounts, options: TextOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const paint = painter(options.color ?? false);
  const rank = (c: SeverityCounts) => [c.error, c.warning, c.info];
  const rules = [...counts].sort(([a, x], [b, y]) => {
    const [p, q] = [rank(x), rank(y)];
    return q[0]! - p[0]! || q[1]! - p[1]! || q[2]! - p[2]! || (a < b ? -1 : 1);
  });
  if (rules.length === 0) return '';
  const width = Math.max(...rules.map(([id]) => displayWidth(id)));
  const lines = rules.map(([id, c]) => {
    const parts = (['error', 'warning', 'info'] as const)
      .filter((sev) => c[sev] > 0)
      .map((sev) => paint(`${SEVERITY[lang][sev]} ${c[sev]}`, SEVERITY_STYLE[sev]));
    return `  ${pad(id, width)}  ${parts.join(lang === 'zh' ? '，' : ', ')}`;
  });
  return [lang === 'zh' ? '按规则：' : 'By rule:', ...lines].join('\n') + '\n';
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The summary line: "N 个文件：错误 a，警告 b，提示 c" (en "N files: a errors, b warnings, c infos"), naming the files
 * no report could be read from when there are any. Ends with a newline.
 */
export function textSummary(
  files: number,
  counts: SeverityCounts,
  options: TextOptions & { unreadable?: number } = {},
): string {
  const lang = options.lang ?? 'zh';
  const paint = painter(options.color ?? false);
  const unreadable = options.unreadable ?? 0;
  const line =
    lang === 'zh'
      ? `${files} 个文件${unreadable ? `（${unreadable} 个未能读出）` : ''}：` +
        `错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}`
      : `${plural(files, 'file', 'files')}${unreadable ? ` (${unreadable} unreadable)` : ''}: ` +
        `${plural(counts.error, 'error', 'errors')}, ${plural(counts.warning, 'warning', 'warnings')}, ` +
        plural(counts.info, 'info', 'infos');
  const style: Style = counts.error ? 'red' : counts.warning ? 'yellow' : 'green';
  return paint(line, 'bold', style) + '\n';
}

/** Every file (separated by blank lines) and the summary line, for output that is not streamed. */
export function formatText(results: readonly CheckedFile[], options: TextOptions = {}): string {
  const counts = countSeverities(results);
  const unreadable = results.filter((r) => r.report === null).length;
  return [
    ...results.map((r) => textFile(r, options)),
    textSummary(results.length, counts, { ...options, unreadable }),
  ].join('\n');
}
