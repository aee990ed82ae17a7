// The documentation of rule T4-4: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { T4_HEADER, withCells, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'T4-4',
  what: {
    zh: '表四的十五个数字都是案件件数，应为非负整数。',
    en: 'The fifteen figures of table 4 are counts of cases: whole numbers ≥ 0.',
  },
  why: {
    zh: '表四统计行政复议和行政诉讼的案件数（format-spec §6、§8.2 T4-4）。用负数冲减（例如把撤回的案件记为 −1）会使总计照样相符，只有本规则能发现。',
    en: 'Table 4 counts cases (format-spec §8.2 T4-4); a negative used to cancel a case keeps the total right and hides it.',
  },
  fix: {
    zh: '按案件的实际结果计数，撤回、终止的计入“其他结果”。',
    en: 'Count each case under its actual result; withdrawn cases go to 其他结果.',
  },
  example: {
    defect: {
      zh: '表四“行政复议”中 1 件撤回的案件先计入了结果维持（3 件），又在“其他结果”记 -1 冲减，总计照样为 4。',
      en: 'Table 4, 行政复议: a withdrawn case counted as upheld, then cancelled with -1 under 其他结果; the total still adds up.',
    },
    report: (r) => withCells(r, { 'reviewLitigation.review.upheld': 3, 'reviewLitigation.review.other': -1 }),
    also: [T4_HEADER],
  },
};
