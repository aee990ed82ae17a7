// The documentation of rule T4-3: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { T4_HEADER, withCells, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'T4-3',
  what: {
    zh: '表四“行政诉讼—复议后起诉”的总计应等于结果维持、结果纠正、其他结果、尚未审结四栏之和。',
    en: 'Table 4, suits filed after review: the total is upheld + corrected + other + pending.',
  },
  why: {
    zh: '表头“总计”即四种结果之和（format-spec §6、§8.2 T4-3）。注意：复议后起诉的案件数不必小于本年行政复议总数，复议可能发生在上一年度或由其他机关办理（format-spec §8.2 T4-6），nianbao 不作此项核对。',
    en: 'The header 总计 is the sum of the four results (format-spec §8.2 T4-3).',
  },
  fix: {
    zh: '重新合计，年底未审结的案件也计入总计。',
    en: 'Add up again, counting the pending suits too.',
  },
  example: {
    defect: {
      zh: '表四“复议后起诉”的总计漏了尚未审结的 1 件，填成 1。',
      en: 'Table 4, suits after review: the total 1 leaves out the pending suit.',
    },
    report: (r) => withCells(r, { 'reviewLitigation.litigationAfterReview.total': 1 }),
    also: [T4_HEADER],
  },
};
