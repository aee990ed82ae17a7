// The documentation of rule T2-5: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { withCells, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'T2-5',
  what: {
    zh: '表二“规章”一行填了大于 0 的数字，而从机关名称看，该机关没有规章制定权（地方人民政府的工作部门，或县级、乡级人民政府）。名称看不出机关性质时不报告。',
    en: 'Table 2 reports 规章 for a body that, by its name, cannot make them.',
  },
  why: {
    zh: '依《中华人民共和国立法法》第九十一条、第九十三条，只有国务院部门和省、自治区、直辖市、设区的市、自治州的人民政府制定规章；湖北填报说明也注明“规章（设区的市、自治州人民政府应提供相关数据）”（format-spec §8.3 T2-5）。部门填了规章数，多是把本部门起草、以政府名义发布的规章或本部门的规范性文件计入了此行。本规则凭机关名称推断，故为警告。',
    en: 'Only State Council departments and province and city governments make 规章 (立法法第九十一条、第九十三条).',
  },
  fix: {
    zh: '规章由制定它的人民政府报告，部门的“规章”一行填 0；本部门制发的文件填在“行政规范性文件”（2019 年格式为“规范性文件”）一行。',
    en: 'Write 0 for 规章; the department’s own documents go to the 规范性文件 row.',
  },
  example: {
    defect: {
      zh: '市自然资源和规划局把本局起草、市政府发布的 2 件规章计入了表二“规章”一行。',
      en: 'A city bureau counts the 2 regulations it drafted for the city government.',
    },
    report: (r) => withCells(r, { 'proactive.regulations.issued': 2, 'proactive.regulations.inForce': 2 }),
  },
};
