// Diagnostics as text for a terminal (ESLint's "stylish"): findings grouped by file, suggestions, a summary line.
import type { Lang, Severity } from '../../model/diagnostic.ts';
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
}

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
  for (const r of rows) {
    out.push(
      `  ${paint(pad(r.span, spanWidth), 'dim')}  ` +
        `${paint(pad(r.severity, severityWidth), SEVERITY_STYLE[r.d.severity])}  ` +
        `${r.message}  ${paint(r.d.ruleId, 'dim')}`,
    );
    for (const s of r.d.suggestions ?? []) out.push(indent + paint(s.message, 'green'));
  }
  return out.join('\n') + '\n';
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
