// The documentation of rule T2-4: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { baseReport, withCells, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'T2-4',
  what: {
    zh: '2019 年格式表二第二十条第（一）项（规章、规范性文件）：“本年新公开数量”不应大于“对外公开总数量”。',
    en: '2019 format, table 2 （一）: published this year does not exceed published in total.',
  },
  why: {
    zh: '本年新公开的文件包含在对外公开的总数之中（format-spec §8.3 T2-4，推断规则，故为警告）。前者大于后者，多是两栏填反了，或总数只填了本年的部分。',
    en: 'This year’s documents are among all published ones (format-spec §8.3 T2-4); the columns are often swapped.',
  },
  fix: {
    zh: '核对两栏是否填反；对外公开总数量应为截至年底对外公开的文件总数。',
    en: 'Check whether the two columns were swapped.',
  },
  example: {
    defect: {
      zh: '表二“规范性文件”的本年新公开数量与对外公开总数量两栏填反：21 和 4。',
      en: 'Table 2, 规范性文件: the two columns swapped, 21 and 4.',
    },
    base: () => baseReport('2019'),
    report: (r) =>
      withCells(r, {
        'proactive.normativeDocuments.newlyPublished': 21,
        'proactive.normativeDocuments.totalPublished': 4,
      }),
  },
};
