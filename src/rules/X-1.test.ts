// Test table of X-1: narrative figures against the tables, and the statements it must not read.
import { describe, expect, it } from 'vitest';
import type { FormatVersion } from '../model/format.ts';
import type { Report } from '../model/report.ts';
import { runRule, testRule, validReport, withCells } from '../../test/support/rule-tester.ts';
import { narrativeFigures, rule } from './X-1.ts';
import { APPLICANT_COLUMNS } from '../model/formats/common.ts';

/** A valid report whose overview is `text` (the other sections state no figure) and with some cells set. */
function narrated(
  text: string,
  cells: Record<string, number | null> = {},
  version: FormatVersion = '2021',
): Report {
  const r = withCells(validReport(version), cells);
  r.sections = {
    overview: text,
    proactive: '本机关依法做好主动公开工作。',
    requests: '依申请公开工作依法有序开展。',
    reviewLitigation: '详见下表。',
    problems: '公开内容的深度有待拓展，下一步将加强培训。',
    other: '本年度未收取信息处理费。',
  };
  return r;
}

const SANMENXIA =
  '2019年，全市共收到265件政府信息公开申请，上年结转2件，已全部办结。其中174件为主动公开范围之内，同意公开174件，' +
  '不属于本行政机关公开数55件，补正后内容仍不明确的2件。共收到因政府信息公开答复引起行政复议50起和行政诉讼26起。';
const SANMENXIA_CELLS = {
  'requests.newlyReceived.total': 265,
  'requests.carriedOver.total': 2,
  'requests.granted.total': 174,
  'reviewLitigation.review.total': 50,
  'reviewLitigation.litigationDirect.total': 18,
  'reviewLitigation.litigationAfterReview.total': 8,
};
const HENAN =
  '（二）依申请公开办理情况。全年受理依申请公开15件，其中网络申请6件，信函申请9件；予以公开7件，' +
  '因我局不掌握相关信息无法提供的3件，属投诉反映情况类的5件。全年因依申请公开产生行政复议1件，后当事人撤销复议；' +
  '行政诉讼1件，目前正在审理。';
const HENAN_CELLS = {
  'requests.newlyReceived.total': 15,
  'requests.granted.total': 7,
  'requests.unableToProvide.notHeld.total': 3,
  'requests.notProcessed.complaints.total': 5,
  'reviewLitigation.review.total': 1,
  'reviewLitigation.litigationDirect.total': 1,
};

/** Modelled on format-spec §10.2 (上海市政府办公厅 2019): the text's 258 and 265 against the table's 275 and 337. */
const SHANGHAI = narrated(
  '2019年，予以公开及部分公开258件，不予公开35件，无法提供265件，不予处理158件，均依法向申请人作出答复。',
  {
    'requests.granted.total': 272,
    'requests.partiallyGranted.total': 3,
    'requests.denied.thirdPartyRights.total': 35,
    'requests.unableToProvide.notHeld.total': 265,
    'requests.unableToProvide.needsCreation.total': 47,
    'requests.unableToProvide.stillUnclear.total': 25,
    'requests.notProcessed.complaints.total': 158,
  },
  '2019',
);

/** The six applicant columns of a table-3 row, in order; null for a blank cell. */
function applicants(row: string, figures: readonly (number | null)[]): Record<string, number | null> {
  return Object.fromEntries(
    APPLICANT_COLUMNS.filter((c) => c.key !== 'total').map((c, i) => [
      `requests.${row}.${c.key}`,
      figures[i]!,
    ]),
  );
}

/**
 * format-spec §10.2 as published (上海市政府办公厅 2019): 总计 blank on （一）, （二） and every （三）–（五） sub-row;
 * zeros written as blanks. (一) 258 + 12 + 1 + 1 = 272, (二) 3; (四) 1–3 written 252 + 12 + 1, 44 + 3, 25 = 337.
 */
const SHANGHAI_BLANK_TOTALS = {
  ...applicants('granted', [258, 12, null, null, 1, 1]),
  'requests.granted.total': null,
  ...applicants('partiallyGranted', [3, null, null, null, null, null]),
  'requests.partiallyGranted.total': null,
  ...applicants('unableToProvide.notHeld', [252, 12, null, null, null, 1]),
  'requests.unableToProvide.notHeld.total': null,
  ...applicants('unableToProvide.needsCreation', [44, 3, null, null, null, null]),
  'requests.unableToProvide.needsCreation.total': null,
  ...applicants('unableToProvide.stillUnclear', [25, null, null, null, null, null]),
  'requests.unableToProvide.stillUnclear.total': null,
  ...applicants('denied.thirdPartyRights', [35, null, null, null, null, null]),
  'requests.denied.thirdPartyRights.total': null,
  ...applicants('notProcessed.complaints', [158, null, null, null, null, null]),
  'requests.notProcessed.complaints.total': null,
};
const SHANGHAI_TEXT =
  '2019年，予以公开及部分公开258件，不予公开35件，无法提供265件，不予处理158件，均依法向申请人作出答复。';

/** A 2021 report whose table 2 gives 规章 and 行政规范性文件 these 本年制发 / 废止 / 现行有效 figures. */
function documents(
  text: string,
  normative: readonly (number | null)[],
  regulations: readonly (number | null)[] = [0, 0, 0],
): Report {
  const cells: Record<string, number | null> = {};
  ['issued', 'repealed', 'inForce'].forEach((c, i) => {
    cells[`proactive.normativeDocuments.${c}`] = normative[i]!;
    cells[`proactive.regulations.${c}`] = regulations[i]!;
  });
  return narrated(text, cells);
}

testRule(rule, {
  valid: [
    {
      name: 'the minimal report: "未收到…申请", "未发生…行政复议、行政诉讼" and zeros',
      report: validReport('2021'),
    },
    { name: 'the minimal 2019 report', report: validReport('2019') },
    {
      name: '三门峡 2019 (sample 003): 265, 2, 50 and 18 + 8 agree',
      report: narrated(SANMENXIA, SANMENXIA_CELLS, '2019'),
    },
    {
      name: '河南省机关事务管理局 2019 (sample 004): 15, 7, 1 and 1 agree',
      report: narrated(HENAN, HENAN_CELLS, '2019'),
    },
    {
      name: 'Chinese numerals that agree: 十二件, 五件, 两件',
      report: narrated('本年度收到政府信息公开申请十二件，予以公开五件，部分公开两件，不予处理十二件。', {
        'requests.newlyReceived.total': 12,
        'requests.granted.total': 5,
        'requests.partiallyGranted.total': 2,
        'requests.notProcessed.repeated.total': 12,
      }),
    },
    {
      name: 'a figure after 其中 is a part, not the total',
      report: narrated('共收到政府信息公开申请20件，其中网上申请12件，予以公开8件。', {
        'requests.newlyReceived.total': 20,
      }),
    },
    {
      name: 'after "其中：" the whole sentence is a breakdown',
      report: narrated(
        '各单位共收到政府信息公开申请20件，其中：市政府办公室收到申请5件；市教育局收到申请15件。',
        {
          'requests.newlyReceived.total': 20,
        },
      ),
    },
    {
      name: 'a "其中：" list over several lines stays a breakdown',
      report: narrated(
        '各单位收到申请情况如下，其中：\n市政府办公室收到政府信息公开申请5件；\n其余单位均已按时答复。',
      ),
    },
    {
      name: 'ratios and comparisons are skipped (占, %, 同比)',
      report: narrated('共收到政府信息公开申请30件，同比增长50%。予以公开8件，占全部申请的40%。'),
    },
    {
      name: 'another year is skipped (2018年, 上年)',
      report: narrated('2018年共收到政府信息公开申请12件。上年度办结政府信息公开申请9件。'),
    },
    {
      name: 'other units and approximations are skipped (条, 件次, 余件, 以上)',
      report: narrated(
        '依申请公开工作中，予以公开政府信息120条，收到申请15件次，共收到政府信息公开申请200余件，办结申请100件以上。',
      ),
    },
    {
      name: 'a blank table cell is not compared',
      report: narrated('本年度予以公开政府信息公开申请7件。', { 'requests.granted.total': null }),
    },
    {
      name: 'statements that disagree among themselves are not judged (收到 30, 受理 28)',
      report: narrated('共收到政府信息公开申请30件，受理28件。', { 'requests.newlyReceived.total': 25 }),
    },
    {
      name: 'the body as 复议机关 (办理…行政复议案件) is not table 4',
      report: narrated('市政府作为复议机关，办理政府信息公开类行政复议案件30件。'),
    },
    {
      name: 'one figure for review and litigation together is not read',
      report: narrated('因政府信息公开被申请行政复议和提起行政诉讼共3件。', {
        'reviewLitigation.review.total': 1,
        'reviewLitigation.litigationDirect.total': 2,
      }),
    },
    {
      name: 'a sentence without 申请 is not about requests (工单)',
      report: narrated('依托热线平台，全年共受理工单1300件，办结1094件。'),
    },
    {
      name: 'a qualified figure is a part (因…无法提供的, 网上收到, 按时办结)',
      report: narrated(
        '因不掌握相关信息无法提供的申请3件。网上收到政府信息公开申请9件。按时办结政府信息公开申请28件。',
        {
          'requests.unableToProvide.notHeld.total': 3,
          'requests.unableToProvide.needsCreation.total': 2,
        },
      ),
    },
    {
      name: '含上年结转 makes the figure ambiguous',
      report: narrated('共受理政府信息公开申请32件（含上年结转2件）。', {
        'requests.newlyReceived.total': 30,
      }),
    },
    {
      name: '一起 meaning "together" is not a count',
      report: narrated('将政府信息公开行政复议一起纳入考核。'),
    },
    {
      name: 'zeros written as blanks count as 0 in a group sum (不予公开 35)',
      report: narrated(
        '本年度不予公开政府信息公开申请35件。',
        Object.fromEntries([
          ['requests.denied.thirdPartyRights.total', 35],
          ...[
            'stateSecret',
            'prohibitedByLaw',
            'threeSafetiesOneStability',
            'internalAffairs',
            'processInformation',
            'enforcementFiles',
            'queryMatters',
          ].flatMap((row) =>
            APPLICANT_COLUMNS.map((c) => c.key).map((c) => [`requests.denied.${row}.${c}`, null]),
          ),
        ]),
      ),
    },
    {
      name: 'a blank 总计 counts the sum of its six columns when all are written (30 + 5 + 0 × 4 = 35)',
      report: narrated('本年度不予公开政府信息公开申请35件。', {
        'requests.denied.thirdPartyRights.naturalPerson': 30,
        'requests.denied.thirdPartyRights.commercial': 5,
        'requests.denied.thirdPartyRights.total': null,
      }),
    },
    {
      name: 'a blank 总计 beside blank columns: the written 30 does not exceed 35, so nothing is proved',
      report: narrated('本年度不予公开政府信息公开申请35件。', {
        ...applicants('denied.thirdPartyRights', [30, null, null, null, null, null]),
        'requests.denied.thirdPartyRights.total': null,
      }),
    },
    {
      name: 'format-spec §10.2 with 总计 blank and its figures agreeing: 272 + 3 = 275',
      report: narrated(
        '2019年，予以公开及部分公开275件，均依法向申请人作出答复。',
        {
          ...applicants('granted', [258, 12, 0, 0, 1, 1]),
          'requests.granted.total': null,
          ...applicants('partiallyGranted', [3, 0, 0, 0, 0, 0]),
          'requests.partiallyGranted.total': null,
        },
        '2019',
      ),
    },
    {
      name: '表二: "截至2022年底…现行有效的行政规范性文件共470件" agrees with 现行有效件数 470',
      report: documents('截至2022年底，本机关现行有效的行政规范性文件共470件。', [12, 3, 470]),
    },
    {
      name: '表二: 平潭 管委会办公室 2021 "2021年发布规范性文件20份" agrees with 本年制发件数 20',
      report: {
        ...documents(
          '加强规范性文件管理，在区政府门户网站设立规范性文件专栏，集中统一对外公开规范性文件并动态更新，初步解决底数不清问题，2021年发布规范性文件20份。',
          [20, 1, 55],
        ),
        year: 2021,
      },
    },
    {
      name: '表二: "规章和规范性文件" is the sum of both rows (77 + 393)',
      report: documents('目前，本级政府现行有效规章和行政规范性文件共470件。', [5, 0, 393], [1, 0, 77]),
    },
    {
      name: '表二: a chain "制发…3件，废止1件，现行有效14件" agrees',
      report: documents('2022年，本局制发行政规范性文件3件，废止1件，现行有效14件。', [3, 1, 14]),
    },
    {
      name: '表二: items of information in 条 are not documents (平潭 交通与建设局 2022, 自然资源与生态环境局 2024)',
      report: documents(
        '2022年，我局主动公开政府信息126条，公开类别主要涉及政策规范性文件类信息4条、重大建设项目信息9条。全年政府信息主动公开38条，其中政策及规范性文件类2条。',
        [0, 0, 16],
      ),
    },
    {
      name: '表二: a clearing, the region, publishing and 截至目前 are not the year-end figure of the body',
      report: documents(
        '对现行有效的393件行政规范性文件进行全面清理。经清理，现行有效规范性文件380件。全区现行有效规范性文件1200件。' +
          '在门户网站公开现行有效规范性文件393件。截至目前，现行有效规范性文件393件。以区政府名义印发规范性文件6件。',
        [2, 0, 470],
      ),
    },
    {
      name: '表二: a bare "现行有效20件" after 规章 and 规范性文件 named apart is ambiguous',
      report: documents('本年度制发规章2件、行政规范性文件3件，现行有效20件。', [3, 0, 25], [2, 0, 4]),
    },
    {
      name: '表二: a 2019-format report has no 现行有效件数 (its columns count what was made and published)',
      report: narrated('截至2019年底，现行有效规范性文件393件，本年度制发规范性文件5件。', {}, '2019'),
    },
    {
      name: '表二: a blank cell is not compared',
      report: documents('截至2022年底，现行有效行政规范性文件393件。', [null, null, null]),
    },
    {
      name: 'table rows inside the text are not narrative',
      report: narrated('一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3件\n依申请公开情况见下表。'),
    },
  ],
  invalid: [
    {
      // format-spec §10.2: the text says 258 and 265, the table 272 + 3 = 275 and 265 + 47 + 25 = 337.
      name: 'Shanghai 2019 市政府办公厅: 予以公开及部分公开258件 vs 275, 无法提供265件 vs 337',
      report: SHANGHAI,
      errors: [
        {
          messageId: 'mismatch',
          data: {
            text: '予以公开及部分公开258件',
            stated: 258,
            table: 275,
            cell: '表三“（一）予以公开”与“（二）部分公开”总计之和',
            cellEn: 'the sum of the totals of table 3, "（一）予以公开" and "（二）部分公开"',
            note: '',
            noteEn: '',
            section: 'overview',
          },
          path: 'requests.granted.total',
        },
        {
          messageId: 'mismatch',
          data: {
            text: '无法提供265件',
            stated: 265,
            table: 337,
            cell: '表三“（四）无法提供”各项总计之和',
            cellEn: 'the sum of the totals of table 3, group "（四）无法提供"',
            note: '',
            noteEn: '',
            section: 'overview',
          },
          path: 'requests.unableToProvide',
        },
      ],
    },
    {
      name: 'format-spec §10.2 with 总计 blank and all six written: 258 against 272 + 3 = 275',
      report: narrated(
        '2019年，予以公开及部分公开258件，均依法向申请人作出答复。',
        {
          ...applicants('granted', [258, 12, 0, 0, 1, 1]),
          'requests.granted.total': null,
          ...applicants('partiallyGranted', [3, 0, 0, 0, 0, 0]),
          'requests.partiallyGranted.total': null,
        },
        '2019',
      ),
      errors: [
        {
          messageId: 'mismatch',
          data: {
            text: '予以公开及部分公开258件',
            stated: 258,
            table: 275,
            cell: '表三“（一）予以公开”与“（二）部分公开”总计之和',
            cellEn: 'the sum of the totals of table 3, "（一）予以公开" and "（二）部分公开"',
            note: '（总计栏空白的行按该行各栏之和计）',
            noteEn: ' (a row whose 总计 is blank counts the sum of its columns)',
            section: 'overview',
          },
          path: 'requests.granted.total',
        },
      ],
    },
    {
      // Blanks may hide more, never less (every cell ≥ 0): the written cells alone prove both mismatches; 不予公开 35
      // and 不予处理 158, which the written cells only reach, are not judged.
      name: 'format-spec §10.2 as published, zeros blank: 258 against at least 275, 265 against at least 337',
      report: narrated(SHANGHAI_TEXT, SHANGHAI_BLANK_TOTALS, '2019'),
      errors: [
        {
          messageId: 'mismatchAtLeast',
          data: {
            text: '予以公开及部分公开258件',
            stated: 258,
            table: 275,
            cell: '表三“（一）予以公开”与“（二）部分公开”总计之和',
            cellEn: 'the sum of the totals of table 3, "（一）予以公开" and "（二）部分公开"',
            note: '（总计栏空白的行按该行各栏之和计，空白栏未计入）',
            noteEn: ' (a row whose 总计 is blank counts the sum of its columns; blank cells not counted)',
            section: 'overview',
          },
          path: 'requests.granted.total',
        },
        {
          messageId: 'mismatchAtLeast',
          data: {
            text: '无法提供265件',
            stated: 265,
            table: 337,
            cell: '表三“（四）无法提供”各项总计之和',
            cellEn: 'the sum of the totals of table 3, group "（四）无法提供"',
            note: '（总计栏空白的行按该行各栏之和计，空白栏未计入）',
            noteEn: ' (a row whose 总计 is blank counts the sum of its columns; blank cells not counted)',
            section: 'overview',
          },
          path: 'requests.unableToProvide',
        },
      ],
    },
    {
      name: '表二: "现行有效…393件" against 现行有效件数 470',
      report: documents('截至2022年底，本机关现行有效的行政规范性文件共393件。', [12, 3, 470]),
      errors: [
        {
          messageId: 'mismatch',
          data: {
            text: '现行有效的行政规范性文件共393件',
            stated: 393,
            table: 470,
            cell: '表二（主动公开）“行政规范性文件”行“现行有效件数”列',
            cellEn: 'table 2 (proactive disclosure), row "行政规范性文件", column "现行有效件数"',
            note: '',
            noteEn: '',
            section: 'overview',
          },
          path: 'proactive.normativeDocuments.inForce',
        },
      ],
    },
    {
      name: '表二: "规章和规范性文件" 393 against 77 + 470',
      report: documents('现行有效规章和规范性文件393件。', [5, 0, 470], [1, 0, 77]),
      errors: [
        {
          messageId: 'mismatch',
          data: {
            text: '现行有效规章和规范性文件393件',
            stated: 393,
            table: 547,
            cell: '表二“规章”与“行政规范性文件”“现行有效件数”之和',
            cellEn: 'the sum of table 2, "规章" and "行政规范性文件", column "现行有效件数"',
            note: '',
            noteEn: '',
            section: 'overview',
          },
          path: 'proactive.regulations.inForce',
        },
      ],
    },
    {
      name: '表二: "行政规范性文件现行有效393件" (noun first), and 本年制发 5 against 3',
      report: documents('本年度印发行政规范性文件5件。行政规范性文件现行有效393件。', [3, 0, 470]),
      errors: [
        {
          messageId: 'mismatch',
          data: {
            text: '印发行政规范性文件5件',
            stated: 5,
            table: 3,
            cell: '表二（主动公开）“行政规范性文件”行“本年制发件数”列',
            cellEn: 'table 2 (proactive disclosure), row "行政规范性文件", column "本年制发件数"',
            note: '',
            noteEn: '',
            section: 'overview',
          },
          path: 'proactive.normativeDocuments.issued',
        },
        {
          messageId: 'mismatch',
          data: {
            text: '行政规范性文件现行有效393件',
            stated: 393,
            table: 470,
            cell: '表二（主动公开）“行政规范性文件”行“现行有效件数”列',
            cellEn: 'table 2 (proactive disclosure), row "行政规范性文件", column "现行有效件数"',
            note: '',
            noteEn: '',
            section: 'overview',
          },
          path: 'proactive.normativeDocuments.inForce',
        },
      ],
    },
    {
      name: '表二: a chain "制发…3件，废止1件，现行有效14件" against 现行有效件数 15',
      report: documents('2022年，本局制发行政规范性文件3件，废止1件，现行有效14件。', [3, 1, 15]),
      errors: [
        {
          messageId: 'mismatch',
          data: {
            text: '现行有效14件',
            stated: 14,
            table: 15,
            cell: '表二（主动公开）“行政规范性文件”行“现行有效件数”列',
            cellEn: 'table 2 (proactive disclosure), row "行政规范性文件", column "现行有效件数"',
            note: '',
            noteEn: '',
            section: 'overview',
          },
          path: 'proactive.normativeDocuments.inForce',
        },
      ],
    },
    {
      name: '表二: "本年度未制发行政规范性文件" against 本年制发件数 2',
      report: documents('本年度未制发行政规范性文件。', [2, 0, 14]),
      errors: [
        {
          messageId: 'mismatchNone',
          data: {
            text: '未制发行政规范性文件',
            stated: 0,
            table: 2,
            cell: '表二（主动公开）“行政规范性文件”行“本年制发件数”列',
            cellEn: 'table 2 (proactive disclosure), row "行政规范性文件", column "本年制发件数"',
            note: '',
            noteEn: '',
            section: 'overview',
          },
          path: 'proactive.normativeDocuments.issued',
        },
      ],
    },
    {
      name: '表二: no 规章 row (blank): 规章和规范性文件 393 against at least 470',
      report: documents('现行有效规章和规范性文件393件。', [5, 0, 470], [null, null, null]),
      errors: [
        {
          messageId: 'mismatchAtLeast',
          data: {
            text: '现行有效规章和规范性文件393件',
            stated: 393,
            table: 470,
            cell: '表二“规章”与“行政规范性文件”“现行有效件数”之和',
            cellEn: 'the sum of table 2, "规章" and "行政规范性文件", column "现行有效件数"',
            note: '（空白栏未计入）',
            noteEn: ' (blank cells not counted)',
            section: 'overview',
          },
          path: 'proactive.regulations.inForce',
        },
      ],
    },
    {
      name: 'every kind of statement, each one off by one',
      report: narrated(
        '本年度新收政府信息公开申请十二件，上年结转两件；予以公开五件，部分公开1件，不予公开2件，无法提供3件，不予处理1件；' +
          '办结申请13件，结转下年度继续办理1件。本年度因政府信息公开被申请行政复议2起，被提起行政诉讼1件。',
        {
          'requests.newlyReceived.total': 13,
          'requests.carriedOver.total': 3,
          'requests.granted.total': 6,
          'requests.partiallyGranted.total': 2,
          'requests.denied.stateSecret.total': 3,
          'requests.unableToProvide.notHeld.total': 4,
          'requests.notProcessed.repeated.total': 2,
          'requests.totalHandled.total': 14,
          'requests.carriedForward.total': 2,
          'reviewLitigation.review.total': 3,
          'reviewLitigation.litigationAfterReview.total': 2,
        },
      ),
      errors: [
        {
          messageId: 'mismatch',
          data: {
            text: '新收政府信息公开申请十二件',
            stated: 12,
            table: 13,
            cell: '表三（依申请公开）“一、本年新收政府信息公开申请数量”行“总计”列',
            cellEn: 'table 3 (requests), row "一、本年新收政府信息公开申请数量", column "总计"',
            note: '',
            noteEn: '',
            section: 'overview',
          },
          path: 'requests.newlyReceived.total',
        },
        {
          messageId: 'mismatch',
          data: {
            text: '上年结转两件',
            stated: 2,
            table: 3,
            cell: '表三（依申请公开）“二、上年结转政府信息公开申请数量”行“总计”列',
            cellEn: 'table 3 (requests), row "二、上年结转政府信息公开申请数量", column "总计"',
            note: '',
            noteEn: '',
            section: 'overview',
          },
          path: 'requests.carriedOver.total',
        },
        {
          messageId: 'mismatch',
          data: {
            text: '予以公开五件',
            stated: 5,
            table: 6,
            cell: '表三（依申请公开）“（一）予以公开”行“总计”列',
            cellEn: 'table 3 (requests), row "（一）予以公开", column "总计"',
            note: '',
            noteEn: '',
            section: 'overview',
          },
          path: 'requests.granted.total',
        },
        {
          messageId: 'mismatch',
          data: {
            text: '部分公开1件',
            stated: 1,
            table: 2,
            cell: '表三（依申请公开）“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”行“总计”列',
            cellEn:
              'table 3 (requests), row "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", column "总计"',
            note: '',
            noteEn: '',
            section: 'overview',
          },
          path: 'requests.partiallyGranted.total',
        },
        {
          messageId: 'mismatch',
          data: {
            text: '不予公开2件',
            stated: 2,
            table: 3,
            cell: '表三“（三）不予公开”各项总计之和',
            cellEn: 'the sum of the totals of table 3, group "（三）不予公开"',
            note: '',
            noteEn: '',
            section: 'overview',
          },
          path: 'requests.denied',
        },
        {
          messageId: 'mismatch',
          data: {
            text: '无法提供3件',
            stated: 3,
            table: 4,
            cell: '表三“（四）无法提供”各项总计之和',
            cellEn: 'the sum of the totals of table 3, group "（四）无法提供"',
            note: '',
            noteEn: '',
            section: 'overview',
          },
          path: 'requests.unableToProvide',
        },
        {
          messageId: 'mismatch',
          data: {
            text: '不予处理1件',
            stated: 1,
            table: 2,
            cell: '表三“（五）不予处理”各项总计之和',
            cellEn: 'the sum of the totals of table 3, group "（五）不予处理"',
            note: '',
            noteEn: '',
            section: 'overview',
          },
          path: 'requests.notProcessed',
        },
        {
          messageId: 'mismatch',
          data: {
            text: '办结申请13件',
            stated: 13,
            table: 14,
            cell: '表三（依申请公开）“（七）总计”行“总计”列',
            cellEn: 'table 3 (requests), row "（七）总计", column "总计"',
            note: '',
            noteEn: '',
            section: 'overview',
          },
          path: 'requests.totalHandled.total',
        },
        {
          messageId: 'mismatch',
          data: {
            text: '结转下年度继续办理1件',
            stated: 1,
            table: 2,
            cell: '表三（依申请公开）“四、结转下年度继续办理”行“总计”列',
            cellEn: 'table 3 (requests), row "四、结转下年度继续办理", column "总计"',
            note: '',
            noteEn: '',
            section: 'overview',
          },
          path: 'requests.carriedForward.total',
        },
        {
          messageId: 'mismatch',
          data: {
            text: '被申请行政复议2起',
            stated: 2,
            table: 3,
            cell: '表四（复议诉讼）“行政复议”行“总计”列',
            cellEn: 'table 4 (review and litigation), row "行政复议", column "总计"',
            note: '',
            noteEn: '',
            section: 'overview',
          },
          path: 'reviewLitigation.review.total',
        },
        {
          messageId: 'mismatch',
          data: {
            text: '被提起行政诉讼1件',
            stated: 1,
            table: 2,
            cell: '表四“未经复议直接起诉”与“复议后起诉”总计之和',
            cellEn: 'the sum of the totals of table 4, "未经复议直接起诉" and "复议后起诉"',
            note: '',
            noteEn: '',
            section: 'overview',
          },
          path: 'reviewLitigation.litigationDirect.total',
        },
      ],
    },
    {
      name: '三门峡 with a wrong litigation cell: 行政诉讼26起 vs 18 + 7',
      report: narrated(
        SANMENXIA,
        { ...SANMENXIA_CELLS, 'reviewLitigation.litigationAfterReview.total': 7 },
        '2019',
      ),
      errors: [
        {
          messageId: 'mismatch',
          data: {
            text: '行政诉讼26起',
            stated: 26,
            table: 25,
            cell: '表四“未经复议直接起诉”与“复议后起诉”总计之和',
            cellEn: 'the sum of the totals of table 4, "未经复议直接起诉" and "复议后起诉"',
            note: '',
            noteEn: '',
            section: 'overview',
          },
          path: 'reviewLitigation.litigationDirect.total',
        },
      ],
    },
    {
      name: '"未收到政府信息公开申请" but the table has 3',
      report: withCells(validReport('2021'), {
        'requests.newlyReceived.total': 3,
        'requests.newlyReceived.naturalPerson': 3,
      }),
      errors: [
        {
          messageId: 'mismatchNone',
          data: {
            text: '未收到政府信息公开申请',
            stated: 0,
            table: 3,
            cell: '表三（依申请公开）“一、本年新收政府信息公开申请数量”行“总计”列',
            cellEn: 'table 3 (requests), row "一、本年新收政府信息公开申请数量", column "总计"',
            note: '',
            noteEn: '',
            section: 'overview',
          },
          path: 'requests.newlyReceived.total',
        },
      ],
    },
    {
      name: '"未发生…行政复议、行政诉讼案件" but table 4 has one of each',
      report: withCells(validReport('2021'), {
        'reviewLitigation.review.total': 1,
        'reviewLitigation.litigationAfterReview.total': 1,
      }),
      errors: [
        {
          messageId: 'mismatchNone',
          data: {
            text: '未发生政府信息公开行政复议、行政诉讼案件',
            stated: 0,
            table: 1,
            cell: '表四（复议诉讼）“行政复议”行“总计”列',
            cellEn: 'table 4 (review and litigation), row "行政复议", column "总计"',
            note: '',
            noteEn: '',
            section: 'reviewLitigation',
          },
          path: 'reviewLitigation.review.total',
        },
        {
          messageId: 'mismatchNone',
          data: {
            text: '未发生政府信息公开行政复议、行政诉讼案件',
            stated: 0,
            table: 1,
            cell: '表四“未经复议直接起诉”与“复议后起诉”总计之和',
            cellEn: 'the sum of the totals of table 4, "未经复议直接起诉" and "复议后起诉"',
            note: '',
            noteEn: '',
            section: 'reviewLitigation',
          },
          path: 'reviewLitigation.litigationDirect.total',
        },
      ],
    },
  ],
});

describe('X-1 findings on blank totals and on table 2', () => {
  it('say where a figure was taken from the columns of a row whose 总计 is blank', () => {
    const one = narrated('对政府信息公开申请，予以公开258件。', {
      ...applicants('granted', [258, 12, 0, 0, 1, 1]),
      'requests.granted.total': null,
    });
    const [d] = runRule(rule, one);
    expect(d!.message).toBe(
      '正文称“予以公开258件”（258件），但表三（依申请公开）“（一）予以公开”行各栏之和为 272（总计栏空白），二者不一致',
    );
    expect(d!.expected).toBe(272);
    expect(runRule(rule, one, { lang: 'en' })[0]!.message).toBe(
      'The text says "予以公开258件" (258), but the sum of the columns of table 3 (requests), row "（一）予以公开" is 272 (总计 blank)',
    );
  });

  it('say "at least" where blanks leave part unknown, with no expected figure', () => {
    const [granted, unable] = runRule(rule, narrated(SHANGHAI_TEXT, SHANGHAI_BLANK_TOTALS, '2019'));
    expect(granted!.message).toBe(
      '正文称“予以公开及部分公开258件”（258件），但表三“（一）予以公开”与“（二）部分公开”总计之和至少为 275（总计栏空白的行按该行各栏之和计，空白栏未计入），二者不一致',
    );
    expect(granted!.expected).toBeUndefined();
    expect(unable!.data).toMatchObject({ stated: 265, table: 337 });
  });

  it('name the table-2 cell, or the two rows summed', () => {
    const [one] = runRule(rule, documents('现行有效的行政规范性文件共393件。', [12, 3, 470]));
    expect(one!.message).toBe(
      '正文称“现行有效的行政规范性文件共393件”（393件），但表二（主动公开）“行政规范性文件”行“现行有效件数”列为 470，二者不一致',
    );
    const both = documents('现行有效规章和规范性文件393件。', [5, 0, 470], [1, 0, 77]);
    const [sum] = runRule(rule, both);
    expect(sum!.message).toBe(
      '正文称“现行有效规章和规范性文件393件”（393件），但表二“规章”与“行政规范性文件”“现行有效件数”之和为 547，二者不一致',
    );
    expect(sum!.related).toEqual([['proactive', 'normativeDocuments', 'inForce']]);
    expect(runRule(rule, both, { lang: 'en' })[0]!.message).toBe(
      'The text says "现行有效规章和规范性文件393件" (393), but the sum of table 2, "规章" and "行政规范性文件", column "现行有效件数" is 547',
    );
  });

  it('read the statements of the agreeing cases (they pass by agreeing, not by being passed over)', () => {
    const read = (text: string, version: FormatVersion = '2021') =>
      narrativeFigures(narrated(text, {}, version)).map((s) => `${s.target} ${s.stated}`);
    expect(read('2019年，予以公开及部分公开275件，均依法向申请人作出答复。', '2019')).toEqual([
      'grantedOrPartial 275',
    ]);
    expect(read('截至2022年底，本机关现行有效的行政规范性文件共470件。')).toEqual(['normativeInForce 470']);
    expect(read('初步解决底数不清问题，2022年发布规范性文件20份。')).toEqual(['normativeIssued 20']);
    expect(read('目前，本级政府现行有效规章和行政规范性文件共470件。')).toEqual(['documentsInForce 470']);
    expect(read('2022年，本局制发行政规范性文件3件，废止1件，现行有效14件。')).toEqual([
      'normativeIssued 3',
      'normativeInForce 14',
    ]);
    expect(
      read(
        '对现行有效的393件行政规范性文件进行全面清理。经清理，现行有效规范性文件380件。全区现行有效规范性文件1200件。' +
          '在门户网站公开现行有效规范性文件393件。截至目前，现行有效规范性文件393件。以区政府名义印发规范性文件6件。' +
          '本年度制发规章2件、行政规范性文件3件，现行有效20件。',
      ),
    ).toEqual([]);
  });

  it('read the table-2 statements, and not the items of information in 条', () => {
    expect(
      narrativeFigures(
        documents(
          '截至2022年底，现行有效行政规范性文件393件。本年度制发规范性文件5件，废止2件，现行有效393件；主动公开政策、规范性文件类信息4条。',
          [0, 0, 0],
        ),
      ).map((s) => [s.target, s.stated, s.text]),
    ).toEqual([
      ['normativeInForce', 393, '现行有效行政规范性文件393件'],
      ['normativeIssued', 5, '制发规范性文件5件'],
      ['normativeInForce', 393, '现行有效393件'],
    ]);
  });
});

describe('X-1 narrativeFigures', () => {
  it('reads the statements of sample 004 in order, and not the part after 其中 nor 因…无法提供的', () => {
    expect(narrativeFigures(narrated(HENAN, {}, '2019')).map((s) => [s.target, s.stated, s.text])).toEqual([
      ['newlyReceived', 15, '受理依申请公开15件'],
      ['granted', 7, '予以公开7件'],
      ['review', 1, '产生行政复议1件'],
      ['litigation', 1, '行政诉讼1件'],
    ]);
  });

  it('reads statements of none', () => {
    expect(
      narrativeFigures(
        narrated('2022年度未收到政府信息公开申请，没有因政府信息公开被申请行政复议，也未发生行政诉讼。'),
      ).map((s) => [s.target, s.stated, s.none]),
    ).toEqual([
      ['newlyReceived', 0, true],
      ['review', 0, true],
      ['litigation', 0, true],
    ]);
  });

  it('words the finding with the phrase, both figures and the cell, in Chinese and English', () => {
    const [zh] = runRule(rule, SHANGHAI);
    expect(zh!.message).toBe(
      '正文称“予以公开及部分公开258件”（258件），但表三“（一）予以公开”与“（二）部分公开”总计之和为 275，二者不一致',
    );
    expect(zh!.related).toEqual([['requests', 'partiallyGranted', 'total']]);
    expect(zh!.data).toMatchObject({ text: '予以公开及部分公开258件', stated: 258, table: 275 });
    const [en] = runRule(rule, SHANGHAI, { lang: 'en' });
    expect(en!.message).toBe(
      'The text says "予以公开及部分公开258件" (258), but the sum of the totals of table 3, "（一）予以公开" and "（二）部分公开" is 275',
    );
  });
});
