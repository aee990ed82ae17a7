// `nianbao compare`: two reports of one body (from the library, or two files) cell by cell, indicator by indicator.
import { compareReports, type Comparison } from '../aggregate/compare.ts';
import type { IndicatorKey } from '../aggregate/indicators.ts';
import type { Lang } from '../model/diagnostic.ts';
import { formatOf } from '../model/formats/index.ts';
import type { Report } from '../model/report.ts';
import { agencyYears, comparisonObject, type CompareSide } from '../region.ts';
import { EXIT, type Io } from './io.ts';
import { columns, parseYear, say, withStore, type LibraryOptions } from './library.ts';

/** Options of `nianbao compare`. */
export interface CompareCommandOptions extends LibraryOptions {
  agency?: string;
  /** --years A,B: the earlier year first. */
  years?: string;
  region?: string;
  format: 'text' | 'json' | 'html';
}

export type { CompareSide } from '../region.ts';

/** The names of the indicators (docs/indicators.md), in both languages. */
export const INDICATOR_NAMES: Record<IndicatorKey, { zh: string; en: string }> = {
  applications: { zh: '本年新收申请数', en: 'applications received' },
  handled: { zh: '本年办结数', en: 'applications handled' },
  'shares.granted': { zh: '予以公开率', en: 'share granted' },
  'shares.partiallyGranted': { zh: '部分公开率', en: 'share partly granted' },
  'shares.denied': { zh: '不予公开率', en: 'share denied' },
  'shares.unableToProvide': { zh: '无法提供率', en: 'share unable to provide' },
  'shares.notProcessed': { zh: '不予处理率', en: 'share not processed' },
  'shares.otherHandling': { zh: '其他处理率', en: 'share otherwise handled' },
  reviewCorrectionRate: { zh: '行政复议纠错率', en: 'review correction rate' },
  litigationCorrectionRate: { zh: '行政诉讼纠错率', en: 'litigation correction rate' },
};

const WORDS = {
  zh: {
    usage:
      '请给出两个报告文件（nianbao compare 文件A 文件B），或用 --agency 名称 --years 2021,2022 比较数据库中的报告',
    years: '--years {value}：应为两个年度，用逗号分隔，例如 --years 2021,2022',
    noAgency: '数据库中找不到机构“{name}”{where}',
    ambiguous: '“{name}”对应多个机构，请用 --region 指定地区：{list}',
    noReport: '{agency}没有 {year} 年的报告（有报告的年度：{years}）',
    cells: '单元格差异 {n} 处',
    noCells: '单元格差异：无',
    table2: '（两份报告格式版本不同，表二栏目含义不同，不作比较：format-spec §4.3）',
    indicators: '指标',
    sections: '正文相似度（字符二元组加权 Jaccard，0–1；X-5 以此判断内容雷同）',
    cell: '单元格',
    change: '变化',
    section: '部分',
    length: '字数',
    similarity: '相似度',
    pp: '个百分点',
    title: '年度报告比较',
  },
  en: {
    usage:
      'give two report files (nianbao compare FILE_A FILE_B), or --agency NAME --years 2021,2022 to compare reports in the library',
    years: '--years {value}: two years separated by a comma are expected, e.g. --years 2021,2022',
    noAgency: 'no agency "{name}" in the library{where}',
    ambiguous: '"{name}" matches several agencies; give --region: {list}',
    noReport: '{agency} has no report for {year} (years reported: {years})',
    cells: '{n} cells differ',
    noCells: 'cells that differ: none',
    table2:
      '(the reports use different format versions: table 2 columns mean different things and are not compared, format-spec §4.3)',
    indicators: 'Indicators',
    sections: 'Text similarity (weighted Jaccard of character bigrams, 0–1; X-5 judges copied text by it)',
    cell: 'cell',
    change: 'change',
    section: 'section',
    length: 'characters',
    similarity: 'similarity',
    pp: 'pp',
    title: 'Annual reports compared',
  },
} as const;

function w(lang: Lang, key: keyof (typeof WORDS)['zh'], data: Record<string, unknown> = {}): string {
  return WORDS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(data[k] ?? ''));
}

/**
 * Compares two reports: `files` of any input kind (no database needed), or with `--agency` and `--years` the
 * agency's current reports of the two years from the library. Text for a terminal, JSON, or a standalone HTML page.
 */
export async function runCompare(files: string[], options: CompareCommandOptions, io: Io): Promise<number> {
  const { lang } = options;
  let sides: [CompareSide, CompareSide] | number;
  if (files.length === 2 && options.agency === undefined) sides = await fromFiles(files, lang, io);
  else if (files.length === 0 && options.agency !== undefined && options.years !== undefined)
    sides = await fromLibrary(options, io);
  else {
    io.err(`nianbao: ${w(lang, 'usage')}\n`);
    return EXIT.usage;
  }
  if (typeof sides === 'number') return sides;
  const [a, b] = sides;
  const comparison = compareReports(a.report, b.report, { lang });
  const body =
    options.format === 'json'
      ? compareJson(a, b, comparison)
      : options.format === 'html'
        ? compareHtml(a, b, comparison, lang)
        : compareText(a, b, comparison, lang);
  await io.out(body);
  return EXIT.ok;
}

async function fromFiles(files: string[], lang: Lang, io: Io): Promise<[CompareSide, CompareSide] | number> {
  const { processFile } = await import('./process.ts');
  const cwd = io.cwd ?? process.cwd();
  const out: CompareSide[] = [];
  let failed = false;
  for (const file of files) {
    const r = await processFile(file, { lang, cwd });
    if (r.report) out.push({ report: r.report, file });
    else {
      failed = true;
      const why = (r.diagnostics.find((d) => d.severity === 'error') ?? r.diagnostics[0])?.message ?? '';
      io.err(`nianbao: ${why.includes(file) ? why : `${file}: ${why}`}\n`);
    }
  }
  return failed ? EXIT.unreadable : [out[0]!, out[1]!];
}

async function fromLibrary(
  options: CompareCommandOptions,
  io: Io,
): Promise<[CompareSide, CompareSide] | number> {
  const { lang } = options;
  const parts = options.years!.split(/[,，]/).map((s) => s.trim());
  if (parts.length !== 2) {
    io.err(`nianbao: ${w(lang, 'years', { value: options.years })}\n`);
    return EXIT.usage;
  }
  const years: number[] = [];
  for (const p of parts) {
    const y = parseYear(p, lang, io);
    if (y === null) return EXIT.usage;
    years.push(y);
  }
  let sides: [CompareSide, CompareSide] | number = EXIT.usage;
  const code = await withStore(options, io, async (store) => {
    const name = options.agency!;
    const got = await agencyYears(store, name, options.region ?? null, years);
    if ('problem' in got) {
      if (got.problem === 'no-agency') {
        const where = options.region
          ? lang === 'zh'
            ? `（${options.region}）`
            : ` (${options.region})`
          : '';
        io.err(`nianbao: ${w(lang, 'noAgency', { name, where })}\n`);
      } else if (got.problem === 'ambiguous') {
        const list = got.agencies.map((a) => `${a.name}（${a.regionPath || '—'}）`).join('、');
        io.err(`nianbao: ${w(lang, 'ambiguous', { name, list })}\n`);
      } else
        io.err(
          `nianbao: ${w(lang, 'noReport', { agency: got.agency.name, year: got.year, years: got.years.join(', ') || '—' })}\n`,
        );
      return EXIT.usage;
    }
    const [a, b] = got.reports.map((r): CompareSide => ({
      report: r.report,
      file: r.fileName,
      reportId: r.id,
      version: r.version,
    }));
    sides = [a!, b!];
    return EXIT.ok;
  });
  return code === EXIT.ok ? sides : code;
}

/** The comparison as JSON: the two sides, then compareReports' result as it is. */
export function compareJson(a: CompareSide, b: CompareSide, c: Comparison): string {
  return JSON.stringify(comparisonObject(a, b, c), null, 2) + '\n';
}

const isShare = (k: IndicatorKey) => k.startsWith('shares.') || k.endsWith('Rate');

/** An indicator's value: counts as written, shares as percentages to one decimal; blank when unknown. */
function indicatorText(k: IndicatorKey, v: number | null): string {
  if (v === null) return '·';
  return isShare(k) ? `${(v * 100).toFixed(1)}%` : String(v);
}

function signed(n: number, text: string): string {
  return n > 0 ? `+${text}` : text;
}

function indicatorDelta(k: IndicatorKey, d: number | null, lang: Lang): string {
  if (d === null) return '·';
  return isShare(k)
    ? signed(d, `${(Math.round(d * 1000) / 10 || 0).toFixed(1)} ${w(lang, 'pp')}`)
    : signed(d, String(d));
}

function figure(v: number | null): string {
  return v === null ? '·' : String(v);
}

function sideTitle(s: CompareSide, lang: Lang): string {
  const agency = s.report.agency ?? say(lang, 'noAgency');
  const year = s.report.year ?? say(lang, 'noYear');
  const version = s.version !== undefined ? ` · ${say(lang, 'version', { n: s.version })}` : '';
  return `${agency} · ${year} · ${s.report.formatVersion}${version} · ${s.file}`;
}

function yearOf(s: CompareSide, fallback: string): string {
  return s.report.year === null ? fallback : String(s.report.year);
}

function sectionHeading(report: Report, key: string): string {
  return formatOf(report.formatVersion).sections.find((s) => s.key === key)?.heading ?? key;
}

/** The comparison as text for a terminal: the two reports, then the differing cells, indicators and sections. */
export function compareText(a: CompareSide, b: CompareSide, c: Comparison, lang: Lang): string {
  const ya = yearOf(a, 'A');
  const yb = yearOf(b, 'B');
  const out: string[] = [`A  ${sideTitle(a, lang)}`, `B  ${sideTitle(b, lang)}`, ''];
  out.push(c.cells.length ? w(lang, 'cells', { n: c.cells.length }) : w(lang, 'noCells'));
  if (!c.comparable.proactive) out.push(w(lang, 'table2'));
  if (c.cells.length)
    out.push(
      columns(
        [
          [w(lang, 'cell'), ya, yb, w(lang, 'change')],
          ...c.cells.map((d) => [
            d.label,
            figure(d.a),
            figure(d.b),
            d.delta === null ? '·' : signed(d.delta, String(d.delta)),
          ]),
        ].map((r, i) => (i === 0 ? r : r.map((x, j) => (j === 0 ? '  ' + x : x)))),
        ['left', 'right', 'right', 'right'],
      ).trimEnd(),
    );
  out.push('', w(lang, 'indicators'));
  out.push(
    columns(
      [['', ya, yb, w(lang, 'change')]].concat(
        c.indicators.map((i) => [
          '  ' + INDICATOR_NAMES[i.key][lang],
          indicatorText(i.key, i.a),
          indicatorText(i.key, i.b),
          indicatorDelta(i.key, i.delta, lang),
        ]),
      ),
      ['left', 'right', 'right', 'right'],
    ).trimEnd(),
  );
  out.push('', w(lang, 'sections'));
  out.push(
    columns(
      [['', `${w(lang, 'length')} ${ya} / ${yb}`, w(lang, 'similarity')]].concat(
        c.sections.map((s) => [
          '  ' + sectionHeading(b.report, s.section),
          `${s.lengthA} / ${s.lengthB}`,
          s.similarity === null ? '·' : s.similarity.toFixed(2),
        ]),
      ),
      ['left', 'right', 'right'],
    ).trimEnd(),
  );
  return out.join('\n') + '\n';
}

/** Text escaped for HTML content and attribute values: every report string passes through it. */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
}

/** The comparison as one standalone HTML page (no script, no outside resource; every text escaped). */
export function compareHtml(a: CompareSide, b: CompareSide, c: Comparison, lang: Lang): string {
  const e = escapeHtml;
  const ya = e(yearOf(a, 'A'));
  const yb = e(yearOf(b, 'B'));
  const row = (cells: string[], head = false) =>
    `<tr>${cells.map((x, i) => (head ? `<th>${x}</th>` : i === 0 ? `<th scope="row">${x}</th>` : `<td>${x}</td>`)).join('')}</tr>`;
  const table = (head: string[], rows: string[][]) =>
    `<table><thead>${row(head, true)}</thead><tbody>${rows.map((r) => row(r)).join('\n')}</tbody></table>`;
  const parts = [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head><meta charset="utf-8">',
    `<title>${e(w(lang, 'title'))}</title>`,
    '<style>body{font-family:"Noto Sans CJK SC",sans-serif;margin:2em;line-height:1.5}' +
      'table{border-collapse:collapse;margin:0.5em 0 1.5em}th,td{border:1px solid #999;padding:0.2em 0.6em}' +
      'td{text-align:right;font-variant-numeric:tabular-nums}th[scope=row]{text-align:left;font-weight:normal}' +
      'thead th{background:#eee}</style>',
    '</head><body>',
    `<h1>${e(w(lang, 'title'))}</h1>`,
    `<p>A：${e(sideTitle(a, lang))}<br>B：${e(sideTitle(b, lang))}</p>`,
    `<h2>${e(c.cells.length ? w(lang, 'cells', { n: c.cells.length }) : w(lang, 'noCells'))}</h2>`,
    c.comparable.proactive ? '' : `<p>${e(w(lang, 'table2'))}</p>`,
    c.cells.length
      ? table(
          [e(w(lang, 'cell')), ya, yb, e(w(lang, 'change'))],
          c.cells.map((d) => [
            e(d.label),
            e(figure(d.a)),
            e(figure(d.b)),
            e(d.delta === null ? '·' : signed(d.delta, String(d.delta))),
          ]),
        )
      : '',
    `<h2>${e(w(lang, 'indicators'))}</h2>`,
    table(
      ['', ya, yb, e(w(lang, 'change'))],
      c.indicators.map((i) => [
        e(INDICATOR_NAMES[i.key][lang]),
        e(indicatorText(i.key, i.a)),
        e(indicatorText(i.key, i.b)),
        e(indicatorDelta(i.key, i.delta, lang)),
      ]),
    ),
    `<h2>${e(w(lang, 'sections'))}</h2>`,
    table(
      [
        e(w(lang, 'section')),
        `${e(w(lang, 'length'))} ${ya}`,
        `${e(w(lang, 'length'))} ${yb}`,
        e(w(lang, 'similarity')),
      ],
      c.sections.map((s) => [
        e(sectionHeading(b.report, s.section)),
        String(s.lengthA),
        String(s.lengthB),
        s.similarity === null ? '·' : s.similarity.toFixed(2),
      ]),
    ),
    '</body></html>',
  ];
  return parts.filter(Boolean).join('\n') + '\n';
}
