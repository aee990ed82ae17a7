// The documentation of rule X-3: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { baseReport, edit, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'X-3',
  what: {
    zh: '人民政府（各级，含乡、民族乡、镇人民政府）的年度报告应写明工作考核、社会评议和责任追究结果情况；消息列出正文未提及的事项。按机关性质判断：调用方说明了机关性质（政府或部门）的以其为准，否则看名称是否以“人民政府”“政府”结尾。街道办事处不是一级人民政府，而是市辖区、不设区的市人民政府的派出机关，开发区管委会、行政公署也是派出机构，均不作此要求；政府的办公室和工作部门不作此要求，从名称看不出机关性质的不检查。',
    en: 'A people’s government’s report (township governments included; not a 街道办事处, which is a district government’s agency) states its assessment, public evaluation and accountability results.',
  },
  why: {
    zh: '《条例》第五十条第（四）项：“各级人民政府的年度报告还应当包括工作考核、社会评议和责任追究结果情况”；2021 年格式把这一内容放在“（一）总体情况”的“监督保障”中（format-spec §3.1、§8.4 X-3）。各级人民政府是《宪法》第九十五条所列的省、市、县、市辖区、乡、民族乡、镇人民政府；街道办事处由市辖区、不设区的市人民政府设立，是其派出机关（《地方各级人民代表大会和地方各级人民政府组织法》第八十五条），不是一级政府。',
    en: '条例第五十条第（四）项 requires it of 各级人民政府, the governments of 宪法第九十五条 down to 乡 and 镇; a 街道办事处 is a 派出机关 (地方组织法第八十五条). The 2021 format puts it under 监督保障 in section 一 (format-spec §3.1, §8.4 X-3).',
  },
  fix: {
    zh: '在“总体情况”的监督保障部分写明本年度政务公开工作考核、社会评议和责任追究的结果；没有发生责任追究的，写明“未发生”。',
    en: 'State the results of assessment, evaluation and accountability under 监督保障, "none" included.',
  },
  example: {
    defect: {
      zh: '区人民政府的报告，“（五）监督保障”没有写工作考核、社会评议和责任追究的结果。',
      en: 'A district government’s report without assessment, evaluation and accountability results.',
    },
    base: () => baseReport('2021', { agency: '安平市清河区人民政府' }),
    text: (t) =>
      edit(t, /（五）监督保障。.*\n/, '（五）监督保障。加强政务公开工作人员队伍建设，组织业务培训2次。\n'),
  },
};
