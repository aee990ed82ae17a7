// What a rule's documentation is (RuleDocs), and the kit its examples are made with: a realistic example report, its
// year before, a regional aggregate, and edits of the written text. Each rule's docs sit beside it in
// src/rules/<id>.docs.ts (src/rules/docs/read.ts and extract.ts for the stage findings); scripts/rule-docs.ts turns
// them into docs/rules/, and test/rules-docs.test.ts runs the pages' commands.
import { readFileSync } from 'node:fs';
import { aggregate } from '../../aggregate/sum.ts';
import type { FormatVersion } from '../../model/format.ts';
import { APPLICANT_TOTAL } from '../../model/formats/common.ts';
import { formatOf } from '../../model/formats/index.ts';
import type { Report } from '../../model/report.ts';
import type { Texts } from '../types.ts';
import { validReport, withCells } from '../valid-report.ts';

export { withCells };

// The prose of each rule, for a reviewer in a 政务公开 office: what the rule checks, why (the clause), how to fix.
// [[id]] becomes a link to that rule's page (plain text while the rule is not registered).

/** What a rule checks, why, and how to fix a finding: Chinese, then one English line. */
export interface Prose {
  what: Texts;
  why: Texts;
  fix: Texts;
}

/** The documentation of one rule: its prose and how its examples are made. */
export interface RuleDocs extends Prose {
  /** The rule's id: a registered rule has exactly one RuleDocs (test/rules-docs.test.ts). */
  id: string;
  /** How its examples are made; absent for a finding no file given to `nianbao check` shows (see `unshown`). */
  example?: Example;
  /** Why the page has no example: where the finding comes from instead (a regional sum, a bug in nianbao). */
  unshown?: Texts;
}

/** The two examples of a rule. */
export type Kind = 'correct' | 'incorrect';

/** How a rule's examples are made. */
export interface Example {
  /** The defect of the incorrect example, in a sentence. */
  defect: Texts;
  /** The report both examples start from (default: baseReport()). */
  base?: () => Report;
  /** The defect on the report (cells, texts, metadata)… */
  report?: (r: Report) => Report;
  /** …and/or on the written text (headings, rows, layout)… */
  text?: (text: string) => string;
  /** …or on its bytes (encodings)… */
  bytes?: (bytes: Uint8Array) => Uint8Array;
  /** …or the incorrect example is a file of its own: a PDF, a ZIP, binary bytes (the readers' problems; shown by name, not as lines). */
  pdf?: () => Uint8Array;
  /** …or the incorrect example is a file that is not there (the path is named, nothing is written). */
  missing?: true;
  /** Lines shown besides those around the change (column headers). */
  also?: readonly Focus[];
  /** Lines shown instead of those around the change (when the change is too long to show). */
  focus?: readonly Focus[];
  /** Last year's report, for the cross-year rules: written beside the examples and passed with --previous. */
  previous?: () => Report;
  /** Member reports of a regional aggregate: written beside the examples and passed with --member each. */
  members?: () => Report[];
  /** The publication date of each example, passed with --published-at. */
  publishedAt?: Record<Kind, string>;
}

// ---------------------------------------------------------------------------------------------------------------
// The example reports: a realistic 2022 report of a city bureau (2021 format), its 2020 report (2019 format), and
// for each rule the defect it catches.

export const AGENCY = '安平市自然资源和规划局';
const APPLICANTS = [...APPLICANT_TOTAL.parts, APPLICANT_TOTAL.total];
const OUTCOMES = ['upheld', 'corrected', 'other', 'pending', 'total'];

/** Cells of rows given as arrays of figures in column order. */
function rows(
  table: string,
  columns: readonly string[],
  values: Record<string, number[]>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [row, figures] of Object.entries(values))
    figures.forEach((v, i) => (out[`${table}.${row}.${columns[i]!}`] = v));
  return out;
}

// Table 3: 110 new, 6 carried over, 111 handled, 5 carried forward; every identity holds (format-spec §8.1).
const REQUESTS = {
  newlyReceived: [96, 8, 0, 1, 3, 2, 110],
  carriedOver: [5, 1, 0, 0, 0, 0, 6],
  granted: [41, 5, 0, 1, 1, 1, 49],
  partiallyGranted: [9, 1, 0, 0, 0, 0, 10],
  'denied.thirdPartyRights': [2, 0, 0, 0, 0, 0, 2],
  'denied.processInformation': [3, 0, 0, 0, 0, 0, 3],
  'unableToProvide.notHeld': [28, 2, 0, 0, 1, 0, 31],
  'unableToProvide.needsCreation': [2, 0, 0, 0, 0, 0, 2],
  'unableToProvide.stillUnclear': [3, 0, 0, 0, 0, 0, 3],
  'notProcessed.complaints': [4, 0, 0, 0, 0, 0, 4],
  'notProcessed.repeated': [3, 0, 0, 0, 0, 1, 4],
  'notProcessed.confirmations': [1, 0, 0, 0, 0, 0, 1],
  totalHandled: [97, 9, 0, 1, 2, 2, 111],
  carriedForward: [4, 0, 0, 0, 1, 0, 5],
};
/** The example's figures that differ by format version (none for a version without its own: all 0). */
const OTHER_HANDLING: Partial<Record<FormatVersion, Record<string, number[]>>> = {
  '2019': { otherHandling: [1, 1, 0, 0, 0, 0, 2] },
  '2021': {
    'otherHandling.overdueCorrection': [1, 0, 0, 0, 0, 0, 1],
    'otherHandling.other': [0, 1, 0, 0, 0, 0, 1],
  },
};
const REVIEW_LITIGATION = {
  review: [2, 1, 0, 1, 4],
  litigationDirect: [1, 0, 1, 1, 3],
  litigationAfterReview: [1, 0, 0, 1, 2],
};
const PROACTIVE: Partial<Record<FormatVersion, Record<string, number>>> = {
  '2021': {
    ...rows('proactive', ['issued', 'repealed', 'inForce'], {
      regulations: [0, 0, 0],
      normativeDocuments: [3, 1, 14],
    }),
    'proactive.licensing.decisions': 1286,
    'proactive.penalties.decisions': 37,
    'proactive.coercion.decisions': 2,
    'proactive.fees.amount': 126.35,
  },
  '2019': {
    ...rows('proactive', ['newlyMade', 'newlyPublished', 'totalPublished'], {
      regulations: [0, 0, 0],
      normativeDocuments: [4, 4, 21],
    }),
    ...rows('proactive', ['previousItems', 'change', 'decisions'], {
      licensing: [58, -3, 1102],
      otherAdminServices: [26, 2, 4310],
      penalties: [312, 5, 29],
      coercion: [12, 0, 1],
      fees: [6, -1],
    }),
    'proactive.procurement.projects': 14,
    'proactive.procurement.amount': 386.52,
  },
};

/** Whether the format's table 2 has a column (2021: 本年制发件数, 现行有效件数; 2019: 本年新制作数量 …). */
function hasColumn(version: FormatVersion, column: string): boolean {
  const table = formatOf(version).tables.find((t) => t.key === 'proactive')!;
  return table.rows.some((r) => r.columns.some((c) => c.key === column));
}

/**
 * The section texts of the example report (paragraphs separated by "\n"). The figures are written as {path} and
 * taken from the tables when the report is written (reportText), as an author copies them: an example that changes
 * a table changes the text with it, and only the X-1 example makes them disagree.
 */
function sections(version: FormatVersion, year: number, agency: string): Report['sections'] {
  const government = agency.endsWith('人民政府');
  const body = government ? '本级政府' : '本局';
  const proactive = hasColumn(version, 'issued')
    ? `${year}年，${body}制发行政规范性文件{proactive.normativeDocuments.issued}件，废止{proactive.normativeDocuments.repealed}件，现行有效{proactive.normativeDocuments.inForce}件；作出行政许可决定{proactive.licensing.decisions}件、行政处罚决定{proactive.penalties.decisions}件、行政强制决定{proactive.coercion.decisions}件；收取行政事业性收费{proactive.fees.amount}万元。`
    : `${year}年，${body}新制作并公开规范性文件{proactive.normativeDocuments.newlyPublished}件，对外公开规范性文件共{proactive.normativeDocuments.totalPublished}件；作出行政许可决定{proactive.licensing.decisions}件、其他对外管理服务事项处理决定{proactive.otherAdminServices.decisions}件、行政处罚决定{proactive.penalties.decisions}件；政府集中采购项目{proactive.procurement.projects}个，采购总金额{proactive.procurement.amount}万元。`;
  return {
    overview: [
      `${year}年，${agency}认真贯彻落实《中华人民共和国政府信息公开条例》，围绕国土空间规划、不动产登记、征地补偿等社会关注度高的领域，扎实推进政府信息公开工作。`,
      '（一）主动公开。通过门户网站“政府信息公开”专栏和政务新媒体主动公开政府信息1865条，发布政策解读12篇。',
      '（二）依申请公开。全年新收政府信息公开申请{requests.newlyReceived}件，上年结转{requests.carriedOver}件，办结{requests.totalHandled}件，结转下年度继续办理{requests.carriedForward}件。',
      '（三）政府信息管理。落实公开属性源头认定，开展行政规范性文件清理，动态更新政府信息公开目录。',
      '（四）平台建设。优化门户网站政府信息公开专栏，规范栏目设置，及时更新内容。',
      government
        ? '（五）监督保障。将政务公开工作纳入全区绩效考核，委托第三方开展社会评议，本年度未发生因政府信息公开工作引起的责任追究情况。'
        : '（五）监督保障。将政务公开工作纳入年度目标考核，组织业务培训2次，接受社会监督。',
    ].join('\n'),
    proactive,
    requests:
      '本年度新收政府信息公开申请{requests.newlyReceived}件，上年结转{requests.carriedOver}件，办结{requests.totalHandled}件，其中予以公开{requests.granted}件，部分公开{requests.partiallyGranted}件，不予公开{requests.denied}件，无法提供{requests.unableToProvide}件，不予处理{requests.notProcessed}件，其他处理{requests.otherHandling}件；结转下年度继续办理{requests.carriedForward}件。',
    reviewLitigation:
      '本年度因政府信息公开工作被申请行政复议{reviewLitigation.review}件，其中维持{reviewLitigation.review.upheld}件、纠正{reviewLitigation.review.corrected}件、尚未审结{reviewLitigation.review.pending}件；被提起行政诉讼{reviewLitigation.litigationDirect+reviewLitigation.litigationAfterReview}件，其中未经复议直接起诉{reviewLitigation.litigationDirect}件、复议后起诉{reviewLitigation.litigationAfterReview}件。',
    problems: [
      '（一）存在的主要问题。一是政策解读形式较为单一；二是依申请公开答复的规范化水平有待提高。',
      '（二）改进情况。针对上年度报告提出的主动公开不够及时的问题，已建立主动公开事项清单和限时公开制度，整改完成。下一步将丰富解读形式，加强答复文书审核。',
    ].join('\n'),
    other:
      year >= 2021
        ? `依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），${body}${year}年未收取信息处理费。`
        : '无其他需要报告的事项。',
  };
}

/** The figure of a {path} of the section texts: a cell, a row's 总计, or the sum of the 总计 of a group of rows. */
function figureAt(report: Report, path: string): number {
  const total = (node: unknown): number => {
    if (typeof node === 'number') return node;
    if (node === null || typeof node !== 'object') return 0;
    const row = node as Record<string, unknown>;
    if ('total' in row) return typeof row.total === 'number' ? row.total : 0;
    return Object.values(row).reduce((s: number, v) => s + total(v), 0);
  };
  return path.split('+').reduce((sum, p) => {
    let node: unknown = report;
    for (const k of p.split('.')) {
      if (node === null || typeof node !== 'object' || !(k in node)) throw new Error(`no ${p} in the report`);
      node = (node as Record<string, unknown>)[k];
    }
    return sum + total(node);
  }, 0);
}

/** The report with the {path} figures of its section texts filled in from its tables. */
export function withFigures(report: Report): Report {
  const r = structuredClone(report);
  for (const key of Object.keys(r.sections) as (keyof Report['sections'])[])
    r.sections[key] =
      r.sections[key]?.replace(/\{([\w.+]+)\}/g, (_, path: string) => {
        const v = figureAt(report, path);
        return String(Math.round(v * 1e6) / 1e6);
      }) ?? null;
  return r;
}

/** The example report: every identity true, realistic figures, in the format `version`. */
export function baseReport(
  version: FormatVersion = '2021',
  options: { year?: number; agency?: string } = {},
): Report {
  // The second year of the format: 2020 for the 2019 format, 2022 for the 2021 one.
  const year = options.year ?? formatOf(version).years[0] + 1;
  const agency = options.agency ?? AGENCY;
  const r = withCells(validReport(version), {
    ...PROACTIVE[version],
    ...rows('requests', APPLICANTS, { ...REQUESTS, ...OTHER_HANDLING[version] }),
    ...rows('reviewLitigation', OUTCOMES, REVIEW_LITIGATION),
  });
  r.agency = agency;
  r.year = year;
  r.sections = sections(version, year, agency);
  delete r.outline; // the text is written from the format's headings; the outline comes from reading it back
  return r;
}

/**
 * The section texts of the year before: the same body, written afresh (a report that copied them would be X-5's
 * defect). Figures as {path}, filled in from that year's tables.
 */
export function lastYearSections(version: FormatVersion, year: number, agency: string): Report['sections'] {
  return {
    overview: [
      `${year}年，${agency}以《中华人民共和国政府信息公开条例》为依据，把政务公开作为转变作风、服务群众的重要抓手，重点做好规划编制、用地审批和矿产资源管理等领域的信息发布。`,
      '（一）主动公开。全年在门户网站发布各类信息1532条，在政务微信公众号推送信息418条，举办新闻发布会3场。',
      '（二）依申请公开。本年度共受理申请{requests.newlyReceived}件，已答复{requests.totalHandled}件，尚在办理{requests.carriedForward}件。',
      '（三）政府信息管理。建立公开前保密审查和合法性审查“双审查”机制，清理失效文件并在网站标注。',
      '（四）平台建设。完成门户网站集约化迁移，新增“规划公示”“用地审批”两个专题栏目。',
      '（五）监督保障。局党组专题研究公开工作一次，将公开要求写入各科室岗位职责。',
    ].join('\n'),
    proactive: hasColumn(version, 'issued')
      ? `全年制定行政规范性文件{proactive.normativeDocuments.issued}件，截至年底有效{proactive.normativeDocuments.inForce}件。`
      : `全年新制作规范性文件{proactive.normativeDocuments.newlyMade}件，对外公开规范性文件累计{proactive.normativeDocuments.totalPublished}件。`,
    requests: `申请主要集中在征地补偿、不动产登记资料查询两类。对于不属于政府信息公开范围的申请，均依法告知了申请人办理渠道。`,
    reviewLitigation: `全年涉及政府信息公开的行政复议{reviewLitigation.review}件，行政诉讼{reviewLitigation.litigationDirect+reviewLitigation.litigationAfterReview}件。`,
    problems: [
      '主要问题：部分科室对公开工作重视不够，信息报送不及时，个别栏目更新滞后；政策解读以文字为主，图表和音视频解读较少，群众不易理解。',
      '改进措施：建立信息报送月通报制度，把栏目更新情况纳入科室年度考核；邀请业务骨干和专家参与解读，尝试以问答、图解形式解读与群众切身利益相关的重要政策。',
    ].join('\n'),
    other:
      year >= 2021 ? `${year}年度，本局办理政府信息公开申请未收取任何费用。` : '本年度无其他需要报告的事项。',
  };
}

/**
 * The example report's year before, consistent with it: what it carried forward is what the example carries over
 * (T3-6), its documents in force lead to the example's (T2-2), its items and changes to the example's items (T2-3),
 * and its text is its own.
 */
export function lastYearReport(version: FormatVersion = '2021'): Report {
  const year = formatOf(version).years[0];
  const r = baseReport(version, { year });
  const cells: Record<string, number> = {
    ...rows('requests', APPLICANTS, {
      newlyReceived: [97, 9, 0, 1, 2, 2, 111],
      carriedForward: [5, 1, 0, 0, 0, 0, 6],
    }),
  };
  if (hasColumn(version, 'inForce')) cells['proactive.normativeDocuments.inForce'] = 12;
  else
    Object.assign(
      cells,
      rows('proactive', ['previousItems', 'change'], {
        licensing: [55, 3],
        otherAdminServices: [24, 2],
        penalties: [300, 12],
        coercion: [12, 0],
        fees: [7, -1],
      }),
    );
  const out = withCells(r, cells);
  out.sections = lastYearSections(version, year, out.agency!);
  return out;
}

/** The regional report of 安平市 over two members: its cells are their sum, its text that of a government. */
export function regionalReport(members: readonly Report[]): Report {
  const sum = aggregate(members, { year: 2022 }).report;
  const r = baseReport('2021', { agency: '安平市人民政府' });
  for (const k of ['proactive', 'requests', 'reviewLitigation'] as const) r[k] = structuredClone(sum[k]);
  return r;
}

/** The two member reports of the regional example. */
export const regionMembers = (): Report[] => [
  baseReport('2021'),
  baseReport('2021', { agency: '安平市民政局' }),
];

/** Replaces `from` (which must occur) in a text: the examples fail loudly when the writer's output changes. */
export function edit(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`example edit found nothing to change: ${String(from)}`);
  return out;
}

/** Removes a section (heading and paragraphs, up to the next heading). */
export function dropSection(text: string, heading: string): string {
  const lines = text.split('\n');
  const from = lines.indexOf(heading);
  if (from < 0) throw new Error(`no heading ${heading}`);
  let to = from + 1;
  while (to < lines.length && !/^[一二三四五六]、/.test(lines[to]!)) to++;
  lines.splice(from, to - from);
  return lines.join('\n');
}

/** The lines of a section (heading and paragraphs up to the next heading). */
export function sectionLines(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const from = lines.indexOf(heading);
  if (from < 0) throw new Error(`no heading ${heading}`);
  let to = from + 1;
  while (to < lines.length && !/^[一二三四五六]、/.test(lines[to]!)) to++;
  return lines.slice(from, to);
}

/** A line pattern and the number of lines after it to show too. */
export type Focus = readonly [RegExp, number];

/** The column headers of table 3 and table 4, shown with a changed row so that its figures can be read. */
export const T3_HEADER: Focus = [/^（本列数据的勾稽关系/, 2];
export const T4_HEADER: Focus = [/^行政复议\t/, 3];
export const TITLE: Focus = [/政府信息公开工作年度报告$/, 0];

/** A report with `fn` applied to a copy. */
export const change =
  (fn: (r: Report) => void) =>
  (r: Report): Report => {
    const copy = structuredClone(r);
    fn(copy);
    return copy;
  };

/** A PDF of test/fixtures/pdf. */
export const pdfFixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../test/fixtures/pdf/${name}`, import.meta.url)));

/** A workbook of test/fixtures/xlsx (made by scripts/make-xlsx-fixtures.ts). */
export const xlsxFixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../test/fixtures/xlsx/${name}`, import.meta.url)));

/** A reproducer of test/fixtures/crashers (a damaged or hostile file found by fuzzing). */
export const crasherFixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../test/fixtures/crashers/${name}`, import.meta.url)));
