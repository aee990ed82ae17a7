// Parts of the format that are identical in 2019 and 2021: the six sections, table 3's columns and most rows, table 4.
import type { ColumnDef, RowDef, SectionDef, TableDef } from '../format.ts';

/** The six sections (format-spec §3), with the heading variants met in published reports. */
export const SECTIONS: readonly SectionDef[] = [
  {
    key: 'overview',
    number: '一',
    heading: '一、总体情况',
    headingEn: '1 (overview)',
    variants: ['一、政府信息公开工作基本情况', '一、概述', '1、总体情况'],
    match: ['总体情况', '基本情况', '概述'],
  },
  {
    key: 'proactive',
    number: '二',
    heading: '二、主动公开政府信息情况',
    headingEn: '2 (proactive disclosure)',
    variants: ['二、主动公开政府信息的情况'],
    match: ['主动公开'],
  },
  {
    key: 'requests',
    number: '三',
    heading: '三、收到和处理政府信息公开申请情况',
    headingEn: '3 (requests)',
    variants: ['三、依申请公开政府信息情况'],
    match: ['收到和处理', '公开申请', '依申请'],
  },
  {
    key: 'reviewLitigation',
    number: '四',
    heading: '四、政府信息公开行政复议、行政诉讼情况',
    headingEn: '4 (review and litigation)',
    variants: [
      '四、因政府信息公开工作被申请行政复议和提起行政诉讼情况',
      '四、政府信息公开行政复议和行政诉讼情况',
    ],
    match: ['行政复议', '行政诉讼'],
  },
  {
    key: 'problems',
    number: '五',
    heading: '五、存在的主要问题及改进情况',
    headingEn: '5 (problems and improvements)',
    variants: ['五、政府信息公开工作存在的主要问题及改进情况', '五、存在问题及改进情况'],
    match: ['问题', '改进'],
  },
  {
    key: 'other',
    number: '六',
    heading: '六、其他需要报告的事项',
    headingEn: '6 (other matters)',
    variants: ['六、其他需要报告事项'],
    match: ['其他需要报告', '需要报告的事项', '其他事项'],
  },
];

/** The word of table 2's block captions, 第二十条第（一）项 …: the article of the Regulations its rows report on. */
export const BLOCK_MARK = '第二十条';

/** The header of table 2's label column. */
export const LABEL_HEADER = '信息内容';

/** A column of table 2; amounts are stored in 万元 (report-json.md). */
export const proactiveColumn = (
  key: string,
  label: string,
  kind: ColumnDef['kind'],
  contains: readonly string[],
): ColumnDef => ({
  key,
  label,
  kind,
  match: { contains },
  ...(kind === 'amount' ? { unit: '万元' as const } : {}),
});

/** A row of table 2, in the block (第二十条第（X）项) given as its group. */
export const proactiveRow = (
  path: string,
  label: string,
  group: string,
  contains: readonly string[],
  columns: readonly ColumnDef[],
  variants?: readonly string[],
): RowDef => ({
  path: [path],
  label,
  group,
  match: { contains },
  columns,
  ...(variants ? { variants } : {}),
});

const count = (
  key: string,
  label: string,
  match: readonly string[],
  equals?: readonly string[],
): ColumnDef => ({
  key,
  label,
  kind: 'count',
  match: equals ? { contains: match, equals } : { contains: match },
});

/** The five columns printed under the header 法人或其他组织 (format-spec §5.1). */
const org = (c: ColumnDef): ColumnDef => ({ ...c, group: '法人或其他组织' });

/** Table 3's seven applicant columns (format-spec §5.1). There is no official 法人或其他组织 小计 column. */
export const APPLICANT_COLUMNS: readonly ColumnDef[] = [
  count('naturalPerson', '自然人', ['自然人']),
  org(count('commercial', '商业企业', ['商业企业'])),
  org(count('research', '科研机构', ['科研机构'])),
  org(count('publicInterest', '社会公益组织', ['社会公益组织', '公益组织'])),
  org(count('legalService', '法律服务机构', ['法律服务机构', '法律服务'])),
  org(count('otherOrg', '其他', [], ['其他'])),
  count('total', '总计', ['总计', '合计']),
];

const t3 = (
  path: readonly string[],
  label: string,
  contains: readonly string[],
  extra: { group?: string; variants?: readonly string[]; equals?: readonly string[] } = {},
): RowDef => ({
  path,
  label,
  ...(extra.group ? { group: extra.group } : {}),
  // The numbered groups （三）–（六） sit inside 三、本年度办理结果 (format-spec §5.2).
  ...(extra.group && /^（[三四五六]）/.test(extra.group) ? { parentGroup: RESULTS } : {}),
  ...(extra.variants ? { variants: extra.variants } : {}),
  match: extra.equals ? { contains, equals: extra.equals } : { contains },
  columns: APPLICANT_COLUMNS,
});

const RESULTS = '三、本年度办理结果';
const DENIED = '（三）不予公开';
const UNABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';

/** Table 3 rows before （六）其他处理 (format-spec §5.2, rows 1–20), identical in both versions. */
export const REQUEST_ROWS_HEAD: readonly RowDef[] = [
  t3(['newlyReceived'], '一、本年新收政府信息公开申请数量', ['本年新收', '新收政府信息公开申请', '新收申请']),
  t3(['carriedOver'], '二、上年结转政府信息公开申请数量', ['上年结转']),
  t3(['granted'], '（一）予以公开', ['予以公开'], { group: '三、本年度办理结果' }),
  t3(['partiallyGranted'], '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ['部分公开'], {
    group: '三、本年度办理结果',
    variants: ['（二）部分公开'],
  }),
  t3(['denied', 'stateSecret'], '1.属于国家秘密', ['国家秘密'], { group: DENIED }),
  t3(['denied', 'prohibitedByLaw'], '2.其他法律行政法规禁止公开', ['禁止公开', '法规禁止'], {
    group: DENIED,
    variants: ['2.其他法律法规禁止公开'],
  }),
  t3(['denied', 'threeSafetiesOneStability'], '3.危及“三安全一稳定”', ['三安全一稳定', '三安全'], {
    group: DENIED,
    variants: ['3.危及"三安全一稳定"', '3.危及三安全一稳定'],
  }),
  t3(['denied', 'thirdPartyRights'], '4.保护第三方合法权益', ['第三方合法权益', '第三方'], { group: DENIED }),
  t3(['denied', 'internalAffairs'], '5.属于三类内部事务信息', ['内部事务'], { group: DENIED }),
  t3(['denied', 'processInformation'], '6.属于四类过程性信息', ['过程性信息', '过程性'], { group: DENIED }),
  t3(['denied', 'enforcementFiles'], '7.属于行政执法案卷', ['执法案卷'], { group: DENIED }),
  t3(['denied', 'queryMatters'], '8.属于行政查询事项', ['查询事项'], { group: DENIED }),
  t3(['unableToProvide', 'notHeld'], '1.本机关不掌握相关政府信息', ['不掌握'], { group: UNABLE }),
  t3(['unableToProvide', 'needsCreation'], '2.没有现成信息需要另行制作', ['另行制作', '现成信息'], {
    group: UNABLE,
  }),
  t3(['unableToProvide', 'stillUnclear'], '3.补正后申请内容仍不明确', ['仍不明确', '补正后'], {
    group: UNABLE,
  }),
  t3(['notProcessed', 'complaints'], '1.信访举报投诉类申请', ['信访', '举报投诉'], { group: NOT_PROCESSED }),
  t3(['notProcessed', 'repeated'], '2.重复申请', ['重复申请'], { group: NOT_PROCESSED }),
  t3(['notProcessed', 'publications'], '3.要求提供公开出版物', ['出版物'], { group: NOT_PROCESSED }),
  t3(['notProcessed', 'excessive'], '4.无正当理由大量反复申请', ['大量反复', '反复申请'], {
    group: NOT_PROCESSED,
  }),
  t3(
    ['notProcessed', 'confirmations'],
    '5.要求行政机关确认或重新出具已获取信息',
    ['重新出具', '确认或重新'],
    {
      group: NOT_PROCESSED,
    },
  ),
];

/** Table 3 rows after （六）其他处理: （七）总计 and 四、结转下年度继续办理. */
export const REQUEST_ROWS_TAIL: readonly RowDef[] = [
  t3(['totalHandled'], '（七）总计', ['总计', '合计'], { group: '三、本年度办理结果' }),
  t3(['carriedForward'], '四、结转下年度继续办理', ['结转下年', '下年度继续办理', '继续办理']),
];

/** Words of table 3's header that locate it. */
export const REQUESTS_VOCABULARY = [
  '申请人情况',
  '勾稽关系',
  '自然人',
  '法人或其他组织',
  '商业企业',
  '科研机构',
];

/** T3-2: in every row 总计 = the six applicant columns. */
export const APPLICANT_TOTAL = {
  id: 'T3-2',
  total: 'total',
  parts: ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'],
} as const;

/** Builds table 3 from its version-specific （六）其他处理 rows. */
export function requestsTable(otherHandling: readonly RowDef[]): TableDef {
  const outcomes = [...REQUEST_ROWS_HEAD.slice(2), ...otherHandling].map((r) => r.path.join('.'));
  return {
    key: 'requests',
    section: 'requests',
    title: '收到和处理政府信息公开申请情况',
    layout: 'rows',
    rows: [...REQUEST_ROWS_HEAD, ...otherHandling, ...REQUEST_ROWS_TAIL],
    rowIdentities: [APPLICANT_TOTAL],
    columnIdentities: [
      // The printed 勾稽关系 note: 第一项加第二项之和，等于第三项加第四项之和 (format-spec §8.1).
      { id: 'T3-1', lhs: ['newlyReceived', 'carriedOver'], rhs: ['totalHandled', 'carriedForward'] },
      // （七）总计 is the sum of the outcome rows （一）…（六） (format-spec §8.1, from the label 总计).
      { id: 'T3-3', lhs: ['totalHandled'], rhs: outcomes },
    ],
    vocabulary: REQUESTS_VOCABULARY,
    lineage: 'requests',
    note: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  };
}

/** Makes a 2019 （六）其他处理 or 2021 （六）1–3 row. */
export const requestRow = t3;

const outcome = (key: string, label: string, match: readonly string[]): ColumnDef => count(key, label, match);

/** The five columns of each block of table 4. */
export const OUTCOME_COLUMNS: readonly ColumnDef[] = [
  outcome('upheld', '结果维持', ['维持']),
  outcome('corrected', '结果纠正', ['纠正']),
  outcome('other', '其他结果', ['其他结果']),
  outcome('pending', '尚未审结', ['尚未审结', '未审结']),
  outcome('total', '总计', ['总计', '合计']),
];

/** Table 4 (format-spec §6): identical in both versions. */
export const REVIEW_LITIGATION_TABLE: TableDef = {
  key: 'reviewLitigation',
  section: 'reviewLitigation',
  title: '政府信息公开行政复议、行政诉讼情况',
  layout: 'wide',
  rows: [
    { path: ['review'], label: '行政复议', match: { contains: ['行政复议'] }, columns: OUTCOME_COLUMNS },
    {
      path: ['litigationDirect'],
      label: '未经复议直接起诉',
      group: '行政诉讼',
      match: { contains: ['直接起诉', '未经复议'] },
      columns: OUTCOME_COLUMNS,
      header: '直接起诉',
    },
    {
      path: ['litigationAfterReview'],
      label: '复议后起诉',
      group: '行政诉讼',
      match: { contains: ['复议后起诉'] },
      columns: OUTCOME_COLUMNS,
      header: '复议后起诉',
    },
  ],
  rowIdentities: [{ id: 'T4-1', total: 'total', parts: ['upheld', 'corrected', 'other', 'pending'] }],
  vocabulary: ['结果维持', '结果纠正', '尚未审结', '直接起诉', '复议后起诉', '行政诉讼'],
  lineage: 'reviewLitigation',
};
