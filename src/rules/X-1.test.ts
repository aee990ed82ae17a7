// Test table of X-1: narrative figures against the tables, and the statements it must not read.
import { describe, expect, it } from 'vitest';
import type { FormatVersion } from '../model/format.ts';
import type { Report } from '../model/report.ts';
import { runRule, testRule, validReport, withCells } from './tester.ts';
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
      name: 'a blank 总计 beside written figures makes the group sum unknown',
      report: narrated('本年度不予公开政府信息公开申请35件。', {
        'requests.denied.thirdPartyRights.naturalPerson': 30,
        'requests.denied.thirdPartyRights.commercial': 5,
        'requests.denied.thirdPartyRights.total': null,
      }),
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
        { messageId: 'mismatch', path: 'requests.granted.total' },
        { messageId: 'mismatch', path: 'requests.unableToProvide' },
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
        { messageId: 'mismatch', path: 'requests.newlyReceived.total' },
        { messageId: 'mismatch', path: 'requests.carriedOver.total' },
        { messageId: 'mismatch', path: 'requests.granted.total' },
        { messageId: 'mismatch', path: 'requests.partiallyGranted.total' },
        { messageId: 'mismatch', path: 'requests.denied' },
        { messageId: 'mismatch', path: 'requests.unableToProvide' },
        { messageId: 'mismatch', path: 'requests.notProcessed' },
        { messageId: 'mismatch', path: 'requests.totalHandled.total' },
        { messageId: 'mismatch', path: 'requests.carriedForward.total' },
        { messageId: 'mismatch', path: 'reviewLitigation.review.total' },
        { messageId: 'mismatch', path: 'reviewLitigation.litigationDirect.total' },
      ],
    },
    {
      name: '三门峡 with a wrong litigation cell: 行政诉讼26起 vs 18 + 7',
      report: narrated(
        SANMENXIA,
        { ...SANMENXIA_CELLS, 'reviewLitigation.litigationAfterReview.total': 7 },
        '2019',
      ),
      errors: [{ messageId: 'mismatch', path: 'reviewLitigation.litigationDirect.total' }],
    },
    {
      name: '"未收到政府信息公开申请" but the table has 3',
      report: withCells(validReport('2021'), {
        'requests.newlyReceived.total': 3,
        'requests.newlyReceived.naturalPerson': 3,
      }),
      errors: [{ messageId: 'mismatchNone', path: 'requests.newlyReceived.total' }],
    },
    {
      name: '"未发生…行政复议、行政诉讼案件" but table 4 has one of each',
      report: withCells(validReport('2021'), {
        'reviewLitigation.review.total': 1,
        'reviewLitigation.litigationAfterReview.total': 1,
      }),
      errors: [
        { messageId: 'mismatchNone', path: 'reviewLitigation.review.total' },
        { messageId: 'mismatchNone', path: 'reviewLitigation.litigationDirect.total' },
      ],
    },
  ],
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
