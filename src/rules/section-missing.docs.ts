// The documentation of rule section-missing: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { dropSection, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'section-missing',
  what: {
    zh: '年度报告缺少统一格式规定的六个部分之一：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。以 JSON 给出的报告没有标题可找：有正文的部分，或其统计表（二、三、四）中填有数字的部分，即视为存在。',
    en: 'One of the six sections of the national format is missing. A report given as JSON has no headings to find: a section with text, or a table section (二, 三, 四) whose table holds a figure, is present.',
  },
  why: {
    zh: '《条例》第五十条列明年度报告应当包括的内容，统一格式据此分为六个部分（format-spec §3）；2021 年格式要求报告内容“不能遗漏，也不宜泛化”。',
    en: '条例第五十条 lists what a report contains; the format has six sections and says "不能遗漏".',
  },
  fix: {
    zh: '补上缺少的部分。确实没有内容的，也保留标题并写明情况（如“本年度无其他需要报告的事项”）。',
    en: 'Add the section; if there is nothing to report, keep the heading and say so.',
  },
  example: {
    defect: {
      zh: '报告没有“五、存在的主要问题及改进情况”部分。',
      en: 'The report has no section 五.',
    },
    text: (t) => dropSection(t, '五、存在的主要问题及改进情况'),
  },
};
