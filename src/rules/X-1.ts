// X-1: the figures the narrative states equal the tables (format-spec §8.4 X-1; the mismatch of §10.2).
import type { ModelPath } from '../model/diagnostic.ts';
import type { FormatDef, SectionKey } from '../model/format.ts';
import { parseChineseNumber } from '../model/numerals.ts';
import { SECTION_KEYS, type Report } from '../model/report.ts';
import { cellAt, nameOf } from './cells.ts';
import type { Rule } from './types.ts';

/** What a narrative figure counts: a table-3 row or group of rows, or a table-4 block. */
export type Target =
  | 'newlyReceived'
  | 'carriedOver'
  | 'granted'
  | 'grantedOrPartial'
  | 'partiallyGranted'
  | 'denied'
  | 'unableToProvide'
  | 'notProcessed'
  | 'totalHandled'
  | 'carriedForward'
  | 'review'
  | 'litigation';

/** A figure the narrative states: "予以公开7件" → granted, 7; "未收到政府信息公开申请" → newlyReceived, 0. */
export interface Statement {
  target: Target;
  /** The phrase as written. */
  text: string;
  stated: number;
  /** True for a statement of none ("未收到…申请", "未发生…行政复议"). */
  none: boolean;
  section: SectionKey;
}

// ---------------------------------------------------------------------------------------------------------------
// Recognition. Conservative by design (the issue: "never raise a false alarm on a correct report"): a figure is
// read only where the phrase leaves no doubt that it is the year's total for the row, and whole sentences are
// skipped at the least sign of a part, a ratio, a comparison or another period.

/** A figure: Arabic (thousands separators allowed) or Chinese (五, 十二, 两, 一百零五). */
const NUM = String.raw`(?<n>\d{1,3}(?:,\d{3})+|\d+|[零〇一二两三四五六七八九十百千万]+)`;
/** Words that may stand between a keyword and its figure: 予以公开的共计7件, 收到申请数量为15件. */
const FILL = String.raw`(?:的|了|数量|总数|总量|数|共计|合计|总计|共|计|为|是|达到|达|有|\s|[:：])*`;
/** What may follow the unit: the end of the clause, a conjunction, or the noun 申请 — not 次 (件次), 以上, 事项…. */
const AFTER = String.raw`(?=$|[\s，,。；;、:：）)」”和及与或]|(?:(?:政府)?信息公开|依申请公开(?:政府信息)?)?申请(?!人)|其中|已|均|全部|都|目前|后)`;
/** The application noun, optional after a keyword: 收到政府信息公开申请, 受理依申请公开. */
const NOUN = String.raw`(?:(?:政府)?信息公开申请|(?:政府)?信息公开|依申请公开(?:政府信息)?(?:申请)?|申请)?`;
const CASE_UNIT = '(?:件|起|宗)';
/** The application noun after a figure, quoted with it: 收到265件政府信息公开申请. */
const TAIL = String.raw`(?:(?:政府)?信息公开申请|依申请公开(?:政府信息)?申请|申请)?`;

/** Figure patterns, tried on every clause group; requests targets need the sentence to speak of 申请. */
const FIGURES: readonly { target: Target; re: RegExp }[] = [
  {
    target: 'newlyReceived',
    re: new RegExp(
      String.raw`(?<!不予|未予|不|未|没有|无|尚未)(?:新收|收到|接收|接到|受理)(?:了)?${NOUN}${FILL}${NUM}件${TAIL}${AFTER}`,
      'g',
    ),
  },
  {
    target: 'carriedOver',
    re: new RegExp(
      String.raw`上一?年度?结转(?:至本年度?|到本年度?)?(?:的|了)?${NOUN}${FILL}${NUM}件${AFTER}`,
      'g',
    ),
  },
  {
    // 予以公开及部分公开258件 (Shanghai 2019, format-spec §10.2): the two rows together.
    target: 'grantedOrPartial',
    re: new RegExp(
      String.raw`(?<!不)(?:予以|同意)公开(?:及|和|与|或|、)(?:予以)?部分公开(?:的)?(?:申请)?${FILL}${NUM}件${AFTER}`,
      'g',
    ),
  },
  {
    target: 'granted',
    re: new RegExp(String.raw`(?<!不|部分)(?:予以|同意)公开(?:的)?(?:申请)?${FILL}${NUM}件${AFTER}`, 'g'),
  },
  {
    target: 'partiallyGranted',
    re: new RegExp(
      String.raw`(?<!公开(?:及|和|与|或|、)(?:予以)?)(?:(?:予以|同意)部分公开|部分(?:予以)?公开)(?:的)?(?:申请)?${FILL}${NUM}件${AFTER}`,
      'g',
    ),
  },
  {
    target: 'denied',
    re: new RegExp(String.raw`不予(?:以)?公开(?:的)?(?:申请)?${FILL}${NUM}件${AFTER}`, 'g'),
  },
  {
    target: 'unableToProvide',
    re: new RegExp(String.raw`无法提供(?:的)?(?:申请)?${FILL}${NUM}件${AFTER}`, 'g'),
  },
  {
    target: 'notProcessed',
    re: new RegExp(String.raw`不予处理(?:的)?(?:申请)?${FILL}${NUM}件${AFTER}`, 'g'),
  },
  {
    // Not 按时办结, 当场办结… (a part of the total).
    target: 'totalHandled',
    re: new RegExp(
      String.raw`(?<!按时|按期|如期|内|限期|当场|当日|当天|延期|逾期|提前|未|没有|尚未|不)(?:全部)?办结(?:了)?${NOUN}${FILL}${NUM}件${AFTER}`,
      'g',
    ),
  },
  {
    target: 'carriedForward',
    re: new RegExp(
      String.raw`(?:结转|转入|转至)(?:至|到|入)?下一?年度?(?:继续)?(?:办理)?(?:的)?${NOUN}${FILL}${NUM}件${AFTER}`,
      'g',
    ),
  },
  {
    // Not 办理/审理行政复议… (the body as 复议机关, not as respondent) nor 行政复议申请 (applications it received).
    target: 'review',
    re: new RegExp(
      String.raw`(?<!办理|审理|受理|办结|审结|作出|处理|转办)(?:被申请|收到|发生|产生|引起|引发|提起|涉及)?行政复议(?:案件)?${FILL}${NUM}${CASE_UNIT}${AFTER}`,
      'g',
    ),
  },
  {
    target: 'litigation',
    re: new RegExp(
      String.raw`(?<!办理|审理|受理|办结|审结|应诉|处理)(?:被提起|被起诉|提起|发生|产生|引起|引发|收到|涉及)?行政诉讼(?:案件)?${FILL}${NUM}${CASE_UNIT}${AFTER}`,
      'g',
    ),
  },
];

/** "未收到（政府信息公开）申请": no application this year. */
const NO_REQUESTS =
  /(?:未|没有)(?:收到|接到|新收)(?:过|到)?(?:任何|有关|相关|政府信息|政府|信息公开|依申请公开|方面|的|类)*申请(?![人书表])(?=$|[\s，,。；;、）)]|事项|的情况|情况)/g;
/** Words between "未发生" and the cases: 未发生因政府信息公开工作被申请行政复议和提起行政诉讼的情况. */
const CASE_FILL = String.raw`(?:因|由于|政府信息公开|信息公开|依申请公开|政府信息|工作|申请|提出|提请|被申请|被提起|被|提起|引起的?|引发的?|而|的|过|方面|相关|有关|任何|涉及|答复|行为)*`;
/** "未发生/没有…行政复议(、行政诉讼)": no case this year; the phrase must end the clause (not 未发生行政复议纠错). */
const NO_CASES = new RegExp(
  String.raw`(?<!有)(?:未|没有|无)(?:发生|收到|出现|产生|涉及|有)?${CASE_FILL}(?:(?<r>行政复议)(?:(?:[、和及与]|或者?)${CASE_FILL}(?<l>(?:行政)?诉讼))?|(?<l2>行政诉讼))(?:案件|案例|的情况|情况|事项|事件|的案件)?(?=$|[\s，,。；;）)])`,
  'g',
);

/** A sentence (。-delimited) is skipped when it speaks of another period: a year other than the report's, 上年, 去年…. */
const OTHER_PERIOD = /上一?年(?!度?结转)|去年|前年|往年|历年|近[一二两三几\d]+年|明年/;
/** A clause group (；-delimited) is skipped at a sign of a part, ratio, comparison, estimate or cumulative figure. */
const SKIP =
  /占|%|同比|环比|较上年|比上年|增长|增加|减少|下降|上升|持平|以来|累计|截至|截止|平均|约|含|包括|分别|各[\d一二两三四五六七八九十]|其余|剩余|除|计划|预计|力争|目标/;
/** A qualifier in the clause before a requests figure makes it a part: 网上收到, 因不掌握…无法提供的, 市本级收到. */
const REQUEST_PART =
  /网上|网络|在线|信函|邮寄|来信|当面|现场|传真|电子邮件|自然人|法人|企业|组织|本级|因|由于|属于|属|对于|针对/;
/** A word in the clause before a case figure that makes the body the 复议机关 or the figure a result. */
const CASE_PART = /办理|审理|受理|审结|办结|作出|复议机关|纠正|纠错|维持|撤销|驳回|确认违法|败诉|胜诉|结果/;

const FULLWIDTH = /[０-９％]/g;

/** Reads a figure: Arabic digits, or a Chinese numeral that starts with a digit or 十. */
function figure(s: string): number | null {
  if (/^[\d,]+$/.test(s)) return Number(s.replace(/,/g, ''));
  if (!/^(?:[零〇一二两三四五六七八九]|十)/.test(s)) return null;
  return parseChineseNumber(s);
}

/** The years a sentence names (2019年, 二〇一九年). */
function yearsIn(s: string): number[] {
  return [...s.matchAll(/(?<![\d])(\d{4}|[〇零○一二三四五六七八九]{4})\s*年/g)].map((m) =>
    /\d/.test(m[1]!) ? Number(m[1]) : (parseChineseNumber(m[1]!.replace(/○/g, '〇')) ?? 0),
  );
}

/** Splits a section into sentences: wrapped lines joined, table rows (tabs, pipes) dropped. */
function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) out.push(current);
    current = '';
  };
  for (const line of text
    .replace(FULLWIDTH, (c) => (c === '％' ? '%' : String(c.charCodeAt(0) - 0xff10)))
    .split(/\r?\n/)) {
    if (/[\t|]/.test(line)) {
      flush();
      continue;
    }
    current += line.trim();
    // A line that does not end a sentence is a wrapped line or an item of a list ("其中：" + lines ending in "；"):
    // join it to the next, so that 其中 keeps its reach.
    if (/[。！？!?]$/.test(current) || line.trim() === '') flush();
  }
  flush();
  return out.flatMap((p) => p.split(/[。！？!?]+/)).filter((s) => s.trim() !== '');
}

/**
 * The figures the narrative of a report states for table 3 and table 4, in the order written. Only clear statements
 * of the year's total count: clauses after 其中, sentences on another year, clause groups with 占, %, 同比, 含…,
 * and figures qualified as a part (网上收到, 因…无法提供的) are not read.
 */
export function narrativeFigures(report: Report): Statement[] {
  const out: Statement[] = [];
  for (const section of SECTION_KEYS) {
    const text = report.sections[section];
    if (!text) continue;
    for (const sentence of sentencesOf(text)) {
      if (OTHER_PERIOD.test(sentence)) continue;
      const years = yearsIn(sentence);
      if (years.length > 0 && (report.year === null || years.some((y) => y !== report.year))) continue;
      const aboutRequests = sentence.includes('申请');
      const aboutCases = section === 'reviewLitigation' || /信息公开|依申请/.test(sentence);
      let rest = false;
      for (let group of sentence.split(/[；;]/)) {
        if (rest) break;
        // 其中 opens a breakdown: what follows it is a part (to the end of the sentence after "其中：").
        const q = group.indexOf('其中');
        if (q >= 0) {
          if (/^其中\s*[:：]/.test(group.slice(q))) rest = true;
          group = group.slice(0, q);
        }
        if (SKIP.test(group)) continue;
        read(group, section, aboutRequests, aboutCases, out);
      }
    }
  }
  return out;
}

/** Reads the statements of one clause group into `out`. */
function read(
  group: string,
  section: SectionKey,
  aboutRequests: boolean,
  aboutCases: boolean,
  out: Statement[],
) {
  const found: (Statement & { at: number })[] = [];
  const clauseBefore = (at: number) =>
    group
      .slice(0, at)
      .split(/[，,：:]/)
      .pop()!;
  for (const { target, re } of FIGURES) {
    const cases = target === 'review' || target === 'litigation';
    if (cases ? !aboutCases : !aboutRequests) continue;
    for (const m of group.matchAll(re)) {
      const stated = figure(m.groups!.n!);
      if (stated === null) continue;
      const before = clauseBefore(m.index);
      if ((cases ? CASE_PART : REQUEST_PART).test(before)) continue;
      // 行政复议和行政诉讼共3件: a figure for both, not for litigation alone.
      if (
        cases &&
        /复议|诉讼/.test(
          before.replace(
            /(?:行政复议|行政诉讼)[^和及与、或]*?[\d零〇一二两三四五六七八九十百千]+[件起宗]/g,
            '',
          ),
        )
      )
        continue;
      found.push({ target, text: m[0], stated, none: false, section, at: m.index });
    }
  }
  for (const m of group.matchAll(NO_REQUESTS))
    found.push({ target: 'newlyReceived', text: m[0], stated: 0, none: true, section, at: m.index });
  if (aboutCases)
    for (const m of group.matchAll(NO_CASES)) {
      if (m.groups!.r)
        found.push({ target: 'review', text: m[0], stated: 0, none: true, section, at: m.index });
      if (m.groups!.l || m.groups!.l2)
        found.push({ target: 'litigation', text: m[0], stated: 0, none: true, section, at: m.index });
    }
  found.sort((a, b) => a.at - b.at);
  for (const f of found)
    out.push({ target: f.target, text: f.text, stated: f.stated, none: f.none, section });
}

// ---------------------------------------------------------------------------------------------------------------
// Comparison with the tables.

/** The rows whose 总计 a target's figure is compared with (several rows: their sum). */
function rowsOf(format: FormatDef, target: Target): ModelPath[] {
  const requests = format.tables.find((t) => t.key === 'requests')!;
  const group = (key: string) =>
    requests.rows.filter((r) => r.path[0] === key).map((r) => ['requests', ...r.path]);
  switch (target) {
    case 'grantedOrPartial':
      return [
        ['requests', 'granted'],
        ['requests', 'partiallyGranted'],
      ];
    case 'denied':
    case 'unableToProvide':
    case 'notProcessed':
      return group(target);
    case 'review':
      return [['reviewLitigation', 'review']];
    case 'litigation':
      return [
        ['reviewLitigation', 'litigationDirect'],
        ['reviewLitigation', 'litigationAfterReview'],
      ];
    default:
      return [['requests', target]];
  }
}

/**
 * The table's figure for some rows: the sum of their 总计. A blank 总计 counts as 0 only where its whole row is blank
 * or 0 (zeros written as empty cells, format-spec §10.2); a blank 总计 beside written figures, or no 总计 written at
 * all, gives null: nothing to compare.
 */
function tableValue(report: Report, rows: readonly ModelPath[]): number | null {
  let sum = 0;
  let written = 0;
  for (const row of rows) {
    const v = cellAt(report, [...row, 'total']);
    if (typeof v === 'number') {
      sum += v;
      written++;
      continue;
    }
    let node: unknown = report;
    for (const k of row) node = (node as Record<string, unknown>)[k];
    if (Object.values(node as Record<string, unknown>).some((c) => typeof c === 'number' && c !== 0))
      return null;
  }
  return written > 0 ? sum : null;
}

/** The name of what a target is compared with, as a reviewer reads it. */
function nameOfTarget(format: FormatDef, rows: readonly ModelPath[], lang: 'zh' | 'en'): string {
  if (rows.length === 1) return nameOf(format, [...rows[0]!, 'total'], lang);
  const table = format.tables.find((t) => t.key === rows[0]![0])!;
  const label = (p: ModelPath) => table.rows.find((r) => r.path.every((k, i) => p[i + 1] === k))!;
  const first = label(rows[0]!);
  const tableZh = table.key === 'requests' ? '表三' : '表四';
  if (first.path.length > 1 && first.group) {
    // A group of rows: （三）不予公开 1.–8.
    return lang === 'zh'
      ? `${tableZh}“${first.group}”各项总计之和`
      : `the sum of the totals of ${tableZh === '表三' ? 'table 3' : 'table 4'}, group "${first.group}"`;
  }
  // Without the row's printed note: “（二）部分公开（区分处理的，只计这一情形，不计其他情形）”.
  const labels = rows.map((p) => label(p).label.replace(/(?<=.)（[^（）]*）$/, ''));
  return lang === 'zh'
    ? `${tableZh}${labels.map((l) => `“${l}”`).join('与')}总计之和`
    : `the sum of the totals of ${tableZh === '表三' ? 'table 3' : 'table 4'}, ${labels.map((l) => `"${l}"`).join(' and ')}`;
}

/** X-1: a figure the narrative states for the year equals the table. */
export const rule: Rule = {
  meta: {
    id: 'X-1',
    severity: 'warning',
    title: {
      zh: '正文所述数字与表格一致',
      en: 'Figures stated in the text agree with the tables',
    },
    basis:
      'format-spec §8.4 X-1（正文“总体情况”等处复述的新收、办结、复议诉讼件数应与表格一致）；§10.2 上海市政府办公厅2019年报“予以公开及部分公开258件”与表格275件不符',
    skipOnAggregate: true,
    messages: {
      mismatch: {
        zh: '正文称“{text}”（{stated}件），但{cell}为 {table}，二者不一致',
        en: 'The text says "{text}" ({stated}), but {cellEn} is {table}',
      },
      mismatchNone: {
        zh: '正文称“{text}”，但{cell}为 {table}，二者不一致',
        en: 'The text says "{text}" (none), but {cellEn} is {table}',
      },
    },
  },
  check(ctx) {
    const byTarget = new Map<Target, Statement[]>();
    for (const s of narrativeFigures(ctx.report)) {
      const list = byTarget.get(s.target) ?? [];
      list.push(s);
      byTarget.set(s.target, list);
    }
    for (const [target, statements] of byTarget) {
      // Statements that disagree among themselves (收到30件…受理28件) say something the rule cannot read: skip.
      if (new Set(statements.map((s) => s.stated)).size > 1) continue;
      const rows = rowsOf(ctx.format, target);
      const table = tableValue(ctx.report, rows);
      const s = statements[0]!;
      if (table === null || table === s.stated) continue;
      // A group of rows (（三）不予公开…) is pointed at as a whole; otherwise the first row's 总计.
      const isGroup = target === 'denied' || target === 'unableToProvide' || target === 'notProcessed';
      const path = isGroup ? ['requests', target] : [...rows[0]!, 'total'];
      const related = rows.map((r) => [...r, 'total']).filter((p) => p.join('.') !== path.join('.'));
      ctx.add({
        messageId: s.none ? 'mismatchNone' : 'mismatch',
        data: {
          text: s.text,
          stated: s.stated,
          table,
          cell: nameOfTarget(ctx.format, rows, 'zh'),
          cellEn: nameOfTarget(ctx.format, rows, 'en'),
          section: s.section,
        },
        path,
        ...(related.length > 0 ? { related } : {}),
        actual: s.stated,
        expected: table,
      });
    }
  },
};
