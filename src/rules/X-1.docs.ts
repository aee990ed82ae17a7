// The documentation of rule X-1: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { edit, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'X-1',
  what: {
    zh: '正文中复述的年度数字应与统计表一致：新收、上年结转、办结、结转下年度的申请件数，予以公开、部分公开、不予公开、无法提供、不予处理的件数，被申请行政复议、被提起行政诉讼的案件数，以及（2021 年格式）表二的行政规范性文件“本年制发件数”“现行有效件数”（正文写“规章和规范性文件”的，与两行之和比较）。只读取明确的全年合计，“其中”之后的分项、涉及其他年度或比例、同比的句子不读取；表二只读取写明“件”或“份”的规范性文件件数（“政策、规范性文件类信息4条”是信息条数，不读取），清理、备案审查、全区或各部门的文件、以其他机关名义印发的文件、“截至目前”的数字也不读取，避免误报。表三某行“总计”栏空白的，与该行六个申请人栏之和比较；有的栏也空白的，已填写各栏之和已经大于正文数字时才报告（空白栏只会使合计更大），消息写明“至少为”。',
    en: 'Year totals the text states (applications received, handled, carried; outcomes; review and litigation cases; 2021 table 2: 规范性文件 issued and in force) equal the tables; a blank 总计 is replaced by the sum of its row’s columns.',
  },
  why: {
    zh: '正文（特别是“一、总体情况”）常复述表中的主要数字。已发布的报告中出现过正文与表格不一致的情况：上海市政府办公厅 2019 年报告正文写“予以公开及部分公开258件”，表中“总计”栏空白，各栏合计为 275 件（format-spec §10.2）——只与“总计”栏比较就会漏掉它；也有报告正文写现行有效规范性文件 393 件，表二“现行有效件数”却是 470 件。2021 年格式把“发布内容不准确”列为追责情形（format-spec §3.1）。本规则从文字中识别数字，属提示性检查（format-spec §8.4 X-1）。',
    en: 'Text and tables disagreed in official reports, one with its 总计 column blank (format-spec §10.2), one on the 规范性文件 in force; the check reads figures from prose, so it is a warning (§8.4 X-1).',
  },
  fix: {
    zh: '以核对无误的统计表为准，改正正文或表格中错误的一处。',
    en: 'Correct whichever of the text and the table is wrong.',
  },
  example: {
    defect: {
      zh: '正文两处都写“新收政府信息公开申请101件”（把 110 写成了 101），表三为 110 件。',
      en: 'The text says 101 new applications twice; table 3 says 110.',
    },
    text: (t) => edit(t, /新收政府信息公开申请110件/g, '新收政府信息公开申请101件'),
  },
};
