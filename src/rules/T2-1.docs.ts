// The documentation of rule T2-1: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { withCells, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'T2-1',
  what: {
    zh: '表二的数字应为非负整数：件数、项目数、处理决定数不能为负，也不能有小数；2019 年格式的“本年增/减”可以为负（减少用负数表示）；金额（2021 年格式本年收费金额、2019 年格式采购总金额）可以有小数，但不能为负。',
    en: 'Table 2 counts are whole numbers ≥ 0; 2019 本年增/减 may be negative; amounts may have decimals but are ≥ 0.',
  },
  why: {
    zh: '表二各栏是件数、项目数或金额（format-spec §4、§8.3 T2-1）；只有 2019 年格式的“本年增/减”是增减数（湖北填报说明“减用负值表示”）。2021 年格式的“本年废止件数”是废止的件数，填负数多是沿用了 2019 年格式“本年增/减”的习惯。',
    en: 'The columns are counts or amounts (format-spec §8.3 T2-1); only the 2019 change column is signed.',
  },
  fix: {
    zh: '件数填非负整数。2021 年格式废止了 1 件文件，“本年废止件数”就填 1。',
    en: 'Write counts as whole numbers ≥ 0: one document repealed is 1, not -1.',
  },
  example: {
    defect: {
      zh: '表二“行政规范性文件”的本年废止件数按 2019 年格式“本年增/减”的习惯填成了 -1。',
      en: 'Table 2: 本年废止件数 written as -1, the 2019 habit.',
    },
    report: (r) => withCells(r, { 'proactive.normativeDocuments.repealed': -1 }),
  },
};
