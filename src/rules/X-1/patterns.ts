// X-1's recognition, its patterns. Conservative by design (the issue: "never raise a false alarm on a correct
// report"): a figure is read only where the phrase leaves no doubt that it is the year's total for the row, and
// whole sentences are skipped at the least sign of a part, a ratio, a comparison or another period.

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
export const FIGURES: readonly { target: Target; re: RegExp }[] = [
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
export const NO_REQUESTS =
  /(?:未|没有)(?:收到|接到|新收)(?:过|到)?(?:任何|有关|相关|政府信息|政府|信息公开|依申请公开|方面|的|类)*申请(?![人书表])(?=$|[\s，,。；;、）)]|事项|的情况|情况)/g;

/** Words between "未发生" and the cases: 未发生因政府信息公开工作被申请行政复议和提起行政诉讼的情况. */
const CASE_FILL = String.raw`(?:因|由于|政府信息公开|信息公开|依申请公开|政府信息|工作|申请|提出|提请|被申请|被提起|被|提起|引起的?|引发的?|而|的|过|方面|相关|有关|任何|涉及|答复|行为)*`;

/** "未发生/没有…行政复议(、行政诉讼)": no case this year; the phrase must end the clause (not 未发生行政复议纠错). */
export const NO_CASES = new RegExp(
  String.raw`(?<!有)(?:未|没有|无)(?:发生|收到|出现|产生|涉及|有)?${CASE_FILL}(?:(?<r>行政复议)(?:(?:[、和及与]|或者?)${CASE_FILL}(?<l>(?:行政)?诉讼))?|(?<l2>行政诉讼))(?:案件|案例|的情况|情况|事项|事件|的案件)?(?=$|[\s，,。；;）)])`,
  'g',
);

/** A sentence (。-delimited) is skipped when it speaks of another period: a year other than the report's, 上年, 去年…. */
export const OTHER_PERIOD = /上一?年(?!度?结转)|去年|前年|往年|历年|近[一二两三几\d]+年|明年/;

/** A clause group (；-delimited) is skipped at a sign of a part, ratio, comparison, estimate or cumulative figure. */
export const SKIP =
  /占|%|同比|环比|较上年|比上年|增长|增加|减少|下降|上升|持平|以来|累计|截至|截止|平均|约|含|包括|分别|各[\d一二两三四五六七八九十]|其余|剩余|除|计划|预计|力争|目标/;

/** A qualifier in the clause before a requests figure makes it a part: 网上收到, 因不掌握…无法提供的, 市本级收到. */
export const REQUEST_PART =
  /网上|网络|在线|信函|邮寄|来信|当面|现场|传真|电子邮件|自然人|法人|企业|组织|本级|因|由于|属于|属|对于|针对/;

/** A word in the clause before a case figure that makes the body the 复议机关 or the figure a result. */
export const CASE_PART =
  /办理|审理|受理|审结|办结|作出|复议机关|纠正|纠错|维持|撤销|驳回|确认违法|败诉|胜诉|结果/;

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
export const DOC_FIGURES: readonly { kind: 'Issued' | 'InForce'; re: RegExp }[] = [
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
export const BARE_FIGURES: readonly { kind: 'Issued' | 'InForce'; re: RegExp }[] = [
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
export const NO_DOCS = new RegExp(
  String.raw`(?<!有)(?:未|没有)(?:制发|印发|出台|制定)(?:过|任何|新的|新)*${DOCS}(?=$|[\s，,。；;）)])`,
  'g',
);

/** Every mention of the documents of 第二十条第（一）项, to tell whether a clause group names one kind only. */
export const DOC_MENTIONS = /规章(?:和|及|与|、|以及)(?:行政)?规范性文件|规范性文件|规章/g;

/**
 * A clause group is not read for table 2 where the documents may be other bodies' or a part of the year's: a
 * clearing or review (清理, 备案审查: a count at some date, often of the region's documents), a region or its units
 * (全区, 各部门, 所属), documents drafted for or with another body (以…名义, 代拟, 起草, 联合).
 */
export const DOC_SCOPE =
  /清理|备案|审查|审核|合法性|修订|修改|评估|全[省市区县州盟旗镇乡]|各(?:级|地|部门|单位|区|县|市|乡|镇|街道|科室|处室)|所属|下属|系统|辖区|名义|代拟|起草|牵头|联合|会同|党内/;

/** A word in the clause before a table-2 figure that makes it publishing, not issuing or holding in force. */
export const DOC_PART = /网|平台|专栏|栏目|公开|公布|公报|转发|转载|解读|报送|报备|上报/;

/** The year's end, which is when 现行有效件数 is counted: 截至2022年底, 截至年末 (not 截至目前, not 截至6月). */
export const YEAR_END =
  /截[至止](?:到)?(?:\d{4}年|本年度?|今年|年)?(?:底|末|年底|年末|12月31日|12月底|12月末)[，,]?/g;

export const FULLWIDTH = /[０-９％]/g;
