// X-1: the figures the narrative states equal the tables (format-spec §8.4 X-1; the mismatch of §10.2).
import type { ModelPath } from '../model/diagnostic.ts';
import type { FormatDef, SectionKey } from '../model/format.ts';
import { parseChineseNumber } from '../model/numerals.ts';
import { SECTION_KEYS, type Report } from '../model/report.ts';
import { cellAt, locate, nameOf } from '../model/cells.ts';
import type { Rule } from './types.ts';

/**
 * What a narrative figure counts: a table-3 row or group of rows, a table-4 block, or a 2021 table-2 column of
 * 第二十条第（一）项 — 行政规范性文件 alone (normative…) or 规章 and 规范性文件 together (documents…).
 */
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
  | 'litigation'
  | 'normativeIssued'
  | 'normativeInForce'
  | 'documentsIssued'
  | 'documentsInForce';

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

// Table 2 (2021 format, 第二十条第（一）项): 本年制发件数 and 现行有效件数 of 规范性文件, as the text states them. Read only
// with the noun next to the verb or to 现行有效, in 件 or 份 (条 counts items of information, not documents:
// "政策、规范性文件类信息4条"), and never where the documents may be another body's or a part of the year's.

/** The documents a figure counts: 规章和规范性文件 (both rows), or 规范性文件 alone (the 行政规范性文件 row). */
const DOCS = String.raw`(?<docs>规章(?:和|及|与|、|以及)(?:行政)?规范性文件|(?:行政)?规范性文件)`;
const DOC_UNIT = '(?:件|份)';
const DOC_AFTER = String.raw`(?=$|[\s，,。；;、:：）)」”和及与或]|其中|均|全部|都)`;
/** Issuing: 制发, 印发, 出台, 发布, 制定(并印发); not 公开发布 (publishing, see DOC_PART) nor 起草 (drafting). */
const ISSUE = String.raw`(?:制发|印发|出台|发布|制定(?:并|和)?(?:印发|出台|发布)?)`;
const NOT_BEFORE_ISSUE = String.raw`(?<!未|没有|不|无|拟|将|待|再)`;

/** Statements with the noun: 制发行政规范性文件3件, 现行有效的规范性文件共393件, 行政规范性文件现行有效393件. */
const DOC_FIGURES: readonly { kind: 'Issued' | 'InForce'; re: RegExp }[] = [
  {
    kind: 'Issued',
    re: new RegExp(
      String.raw`${NOT_BEFORE_ISSUE}${ISSUE}(?:了)?(?:的)?${DOCS}${FILL}${NUM}${DOC_UNIT}${DOC_AFTER}`,
      'g',
    ),
  },
  {
    kind: 'InForce',
    re: new RegExp(
      String.raw`(?<!非|不再|不|未)现行有效(?:的)?${DOCS}${FILL}${NUM}${DOC_UNIT}${DOC_AFTER}`,
      'g',
    ),
  },
  {
    kind: 'InForce',
    re: new RegExp(String.raw`${DOCS}中?${FILL}现行有效(?:的)?${FILL}${NUM}${DOC_UNIT}${DOC_AFTER}`, 'g'),
  },
];
/**
 * A clause without the noun, after one that named it: "制发行政规范性文件3件，废止1件，现行有效14件". Read only where
 * the clause group names one kind of document (a 规章 named apart makes the bare clause ambiguous).
 */
const BARE_FIGURES: readonly { kind: 'Issued' | 'InForce'; re: RegExp }[] = [
  {
    kind: 'Issued',
    re: new RegExp(
      String.raw`(?<=^|[，,、：:])(?:本年度?|全年|年内)?(?:共)?(?:制发|印发|出台)(?:了)?${FILL}${NUM}${DOC_UNIT}${DOC_AFTER}`,
      'g',
    ),
  },
  {
    kind: 'InForce',
    re: new RegExp(
      String.raw`(?<=^|[，,、：:])(?:目前)?现行有效(?:的)?${FILL}${NUM}${DOC_UNIT}${DOC_AFTER}`,
      'g',
    ),
  },
];
/** "本年度未制发行政规范性文件": none issued. */
const NO_DOCS = new RegExp(
  String.raw`(?<!有)(?:未|没有)(?:制发|印发|出台|制定)(?:过|任何|新的|新)*${DOCS}(?=$|[\s，,。；;）)])`,
  'g',
);
/** Every mention of the documents of 第二十条第（一）项, to tell whether a clause group names one kind only. */
const DOC_MENTIONS = /规章(?:和|及|与|、|以及)(?:行政)?规范性文件|规范性文件|规章/g;
/**
 * A clause group is not read for table 2 where the documents may be other bodies' or a part of the year's: a
 * clearing or review (清理, 备案审查: a count at some date, often of the region's documents), a region or its units
 * (全区, 各部门, 所属), documents drafted for or with another body (以…名义, 代拟, 起草, 联合).
 */
const DOC_SCOPE =
  /清理|备案|审查|审核|合法性|修订|修改|评估|全[省市区县州盟旗镇乡]|各(?:级|地|部门|单位|区|县|市|乡|镇|街道|科室|处室)|所属|下属|系统|辖区|名义|代拟|起草|牵头|联合|会同|党内/;
/** A word in the clause before a table-2 figure that makes it publishing, not issuing or holding in force. */
const DOC_PART = /网|平台|专栏|栏目|公开|公布|公报|转发|转载|解读|报送|报备|上报/;
/** The year's end, which is when 现行有效件数 is counted: 截至2022年底, 截至年末 (not 截至目前, not 截至6月). */
const YEAR_END =
  /截[至止](?:到)?(?:\d{4}年|本年度?|今年|年)?(?:底|末|年底|年末|12月31日|12月底|12月末)[，,]?/g;

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
 * The figures the narrative of a report states for table 3, table 4 and (2021 format) the 规范性文件 of table 2, in
 * the order written. Only clear statements of the year's total count: clauses after 其中, sentences on another
 * year, clause groups with 占, %, 同比, 含…, and figures qualified as a part (网上收到, 因…无法提供的) are not read.
 */
export function narrativeFigures(report: Report): Statement[] {
  const out: Statement[] = [];
  // Table 2's 本年制发件数 and 现行有效件数 exist in the 2021 format only (the 2019 columns count what was made and
  // published, format-spec §4.1).
  const documents = cellAt(report, ['proactive', 'normativeDocuments', 'inForce']) !== undefined;
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
        if (documents) {
          // 现行有效 is counted at the year's end: "截至2022年底" states it rather than a cumulative figure.
          const atYearEnd = group.replace(YEAR_END, '');
          if (!SKIP.test(atYearEnd) && !DOC_SCOPE.test(atYearEnd)) readDocuments(atYearEnd, section, out);
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

/** Reads the table-2 statements of one clause group (2021 format) into `out`. */
function readDocuments(group: string, section: SectionKey, out: Statement[]) {
  const found: (Statement & { at: number })[] = [];
  const both = (docs: string) => docs.startsWith('规章');
  const target = (kind: 'Issued' | 'InForce', docs: string) =>
    `${both(docs) ? 'documents' : 'normative'}${kind}` as Target;
  const clauseBefore = (at: number) =>
    group
      .slice(0, at)
      .split(/[，,：:]/)
      .pop()!;
  const taken: [number, number][] = [];
  for (const { kind, re } of DOC_FIGURES)
    for (const m of group.matchAll(re)) {
      const stated = figure(m.groups!.n!);
      if (stated === null || DOC_PART.test(clauseBefore(m.index))) continue;
      if (taken.some(([a, b]) => m.index < b && a < m.index + m[0].length)) continue;
      taken.push([m.index, m.index + m[0].length]);
      found.push({
        target: target(kind, m.groups!.docs!),
        text: m[0],
        stated,
        none: false,
        section,
        at: m.index,
      });
    }
  for (const m of group.matchAll(NO_DOCS))
    found.push({
      target: target('Issued', m.groups!.docs!),
      text: m[0],
      stated: 0,
      none: true,
      section,
      at: m.index,
    });
  // Bare clauses take the noun of the group, when it names one kind of document only.
  const mentions = [...group.matchAll(DOC_MENTIONS)];
  const kinds = new Set(mentions.map((m) => m[0]));
  if (mentions.length > 0 && kinds.size === 1 && kinds.values().next().value !== '规章') {
    const docs = mentions[0]![0];
    for (const { kind, re } of BARE_FIGURES)
      for (const m of group.matchAll(re)) {
        if (m.index < mentions[0]!.index! || taken.some(([a, b]) => m.index < b && a < m.index + m[0].length))
          continue;
        const stated = figure(m.groups!.n!);
        if (stated === null) continue;
        found.push({ target: target(kind, docs), text: m[0], stated, none: false, section, at: m.index });
      }
  }
  found.sort((a, b) => a.at - b.at);
  for (const f of found)
    out.push({ target: f.target, text: f.text, stated: f.stated, none: f.none, section });
}

// ---------------------------------------------------------------------------------------------------------------
// Comparison with the tables.

/**
 * The cells a target's figure is compared with (several: their sum): the 总计 of a table-3 row or group of rows or
 * of a table-4 block, or table-2 cells. Empty where the format has no such cell (table 2 of the 2019 format).
 */
function cellsOf(format: FormatDef, target: Target): ModelPath[] {
  const requests = format.tables.find((t) => t.key === 'requests')!;
  const group = (key: string) =>
    requests.rows.filter((r) => r.path[0] === key).map((r) => ['requests', ...r.path, 'total']);
  const documents = (column: string, rows: readonly string[]) => {
    const proactive = format.tables.find((t) => t.key === 'proactive')!;
    const paths = rows.map((row) => ['proactive', row, column]);
    const exists = (p: ModelPath) =>
      proactive.rows.some((r) => r.path[0] === p[1] && r.columns.some((c) => c.key === p[2]));
    return paths.every(exists) ? paths : [];
  };
  switch (target) {
    case 'grantedOrPartial':
      return [
        ['requests', 'granted', 'total'],
        ['requests', 'partiallyGranted', 'total'],
      ];
    case 'denied':
    case 'unableToProvide':
    case 'notProcessed':
      return group(target);
    case 'review':
      return [['reviewLitigation', 'review', 'total']];
    case 'litigation':
      return [
        ['reviewLitigation', 'litigationDirect', 'total'],
        ['reviewLitigation', 'litigationAfterReview', 'total'],
      ];
    case 'normativeIssued':
      return documents('issued', ['normativeDocuments']);
    case 'normativeInForce':
      return documents('inForce', ['normativeDocuments']);
    case 'documentsIssued':
      return documents('issued', ['regulations', 'normativeDocuments']);
    case 'documentsInForce':
      return documents('inForce', ['regulations', 'normativeDocuments']);
    default:
      return [['requests', target, 'total']];
  }
}

/** The table's figure for a target: exact, or a lower bound where blanks leave part of it unknown. */
interface TableFigure {
  value: number;
  /** False when `value` is only the sum of the cells written, blanks unknown (every cell being ≥ 0, T3-4). */
  exact: boolean;
  /** True when a blank 总计 was replaced by the sum of its row's columns. */
  fromColumns: boolean;
}

/**
 * The table's figure for some cells: their sum. A blank 总计 is the sum of its row's columns (the row identity,
 * T3-2: the six applicant columns; T4-1: the four outcomes) when all of them are written (format-spec §10.2, where
 * the 总计 column is blank); 0 where its whole row is blank or 0 (zeros written as empty cells, §10.2); otherwise the
 * row counts with what is written, and the figure is a lower bound. Null when nothing at all is written, or where a
 * negative figure makes a lower bound unsound.
 */
function tableValue(report: Report, format: FormatDef, cells: readonly ModelPath[]): TableFigure | null {
  let value = 0;
  let written = 0;
  let exact = true;
  let fromColumns = false;
  for (const path of cells) {
    const v = cellAt(report, path);
    if (typeof v === 'number') {
      value += v;
      written++;
      continue;
    }
    const { table, row } = locate(format, path);
    const column = path[path.length - 1]!;
    const identity = table?.rowIdentities.find((i) => i.total === column);
    if (!row || !identity) {
      exact = false; // a blank table-2 cell: unknown, ≥ 0
      continue;
    }
    const parts = identity.parts.map((c) => cellAt(report, [...path.slice(0, -1), c]));
    const present = parts.filter((c): c is number => typeof c === 'number');
    if (present.every((c) => c === 0)) {
      if (present.length === parts.length) {
        written++; // every column written, all 0
      }
      continue; // blank or 0 throughout: zeros written as empty cells
    }
    if (present.some((c) => c < 0)) return null;
    value += present.reduce((a, b) => a + b, 0);
    written++;
    fromColumns = true;
    if (present.length < parts.length) exact = false;
  }
  if (written === 0) return null;
  if (!exact && cells.some((p) => (cellAt(report, p) ?? 0) < 0)) return null;
  return { value, exact, fromColumns };
}

/** The name of what a target is compared with, as a reviewer reads it. */
function nameOfTarget(format: FormatDef, cells: readonly ModelPath[], lang: 'zh' | 'en'): string {
  if (cells.length === 1) return nameOf(format, cells[0]!, lang);
  const table = format.tables.find((t) => t.key === cells[0]![0])!;
  const label = (p: ModelPath) => table.rows.find((r) => r.path.every((k, i) => p[i + 1] === k))!;
  const first = label(cells[0]!);
  const tableZh = { proactive: '表二', requests: '表三', reviewLitigation: '表四' }[table.key];
  const tableEn = { proactive: 'table 2', requests: 'table 3', reviewLitigation: 'table 4' }[table.key];
  // Without the row's printed note: “（二）部分公开（区分处理的，只计这一情形，不计其他情形）”.
  const labels = cells.map((p) => label(p).label.replace(/(?<=.)（[^（）]*）$/, ''));
  if (table.key === 'proactive') {
    const column = first.columns.find((c) => c.key === cells[0]![cells[0]!.length - 1])!.label;
    return lang === 'zh'
      ? `${tableZh}${labels.map((l) => `“${l}”`).join('与')}“${column}”之和`
      : `the sum of ${tableEn}, ${labels.map((l) => `"${l}"`).join(' and ')}, column "${column}"`;
  }
  if (first.path.length > 1 && first.group) {
    // A group of rows: （三）不予公开 1.–8.
    return lang === 'zh'
      ? `${tableZh}“${first.group}”各项总计之和`
      : `the sum of the totals of ${tableEn}, group "${first.group}"`;
  }
  return lang === 'zh'
    ? `${tableZh}${labels.map((l) => `“${l}”`).join('与')}总计之和`
    : `the sum of the totals of ${tableEn}, ${labels.map((l) => `"${l}"`).join(' and ')}`;
}

/** The wording of what a figure was taken from: the cells, or a row's columns where its 总计 is blank. */
function describe(
  format: FormatDef,
  cells: readonly ModelPath[],
  figure: TableFigure,
): { cell: string; cellEn: string; note: string; noteEn: string } {
  const single = cells.length === 1 && figure.fromColumns;
  const row = cells[0]!.slice(0, -1);
  const cell = single ? `${nameOf(format, row)}各栏之和` : nameOfTarget(format, cells, 'zh');
  const cellEn = single
    ? `the sum of the columns of ${nameOf(format, row, 'en')}`
    : nameOfTarget(format, cells, 'en');
  const blanks = figure.exact ? '' : '，空白栏未计入';
  const blanksEn = figure.exact ? '' : '; blank cells not counted';
  if (figure.fromColumns)
    return single
      ? { cell, cellEn, note: `（总计栏空白${blanks}）`, noteEn: ` (总计 blank${blanksEn})` }
      : {
          cell,
          cellEn,
          note: `（总计栏空白的行按该行各栏之和计${blanks}）`,
          noteEn: ` (a row whose 总计 is blank counts the sum of its columns${blanksEn})`,
        };
  return figure.exact
    ? { cell, cellEn, note: '', noteEn: '' }
    : { cell, cellEn, note: '（空白栏未计入）', noteEn: ' (blank cells not counted)' };
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
      'format-spec §8.4 X-1（正文“总体情况”等处复述的新收、办结、复议诉讼件数应与表格一致）；§10.2 上海市政府办公厅2019年报“予以公开及部分公开258件”与表格275件不符（总计栏空白）',
    skipOnAggregate: true,
    messages: {
      mismatch: {
        zh: '正文称“{text}”（{stated}件），但{cell}为 {table}{note}，二者不一致',
        en: 'The text says "{text}" ({stated}), but {cellEn} is {table}{noteEn}',
      },
      mismatchNone: {
        zh: '正文称“{text}”，但{cell}为 {table}{note}，二者不一致',
        en: 'The text says "{text}" (none), but {cellEn} is {table}{noteEn}',
      },
      mismatchAtLeast: {
        zh: '正文称“{text}”（{stated}件），但{cell}至少为 {table}{note}，二者不一致',
        en: 'The text says "{text}" ({stated}), but {cellEn} is at least {table}{noteEn}',
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
      const cells = cellsOf(ctx.format, target);
      if (cells.length === 0) continue;
      const table = tableValue(ctx.report, ctx.format, cells);
      const s = statements[0]!;
      // A lower bound proves a mismatch only when it already exceeds the text's figure.
      if (table === null || (table.exact ? table.value === s.stated : table.value <= s.stated)) continue;
      // A group of rows (（三）不予公开…) is pointed at as a whole; otherwise the first cell.
      const isGroup = target === 'denied' || target === 'unableToProvide' || target === 'notProcessed';
      const path = isGroup ? ['requests', target] : cells[0]!;
      const related = cells.filter((p) => p.join('.') !== path.join('.'));
      ctx.add({
        messageId: !table.exact ? 'mismatchAtLeast' : s.none ? 'mismatchNone' : 'mismatch',
        data: {
          text: s.text,
          stated: s.stated,
          table: table.value,
          ...describe(ctx.format, cells, table),
          section: s.section,
        },
        path,
        ...(related.length > 0 ? { related } : {}),
        actual: s.stated,
        ...(table.exact ? { expected: table.value } : {}),
      });
    }
  },
};
