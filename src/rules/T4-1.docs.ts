// The documentation of rule T4-1: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { T4_HEADER, withCells, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'T4-1',
  what: {
    zh: '表四“行政复议”的总计应等于结果维持、结果纠正、其他结果、尚未审结四栏之和。',
    en: 'Table 4, 行政复议: the total is upheld + corrected + other + pending.',
  },
  why: {
    zh: '表头“总计”即四种结果之和（format-spec §6、§8.2 T4-1）。常见的错误是总计只算了已审结的案件，漏了年底尚未审结的。',
    en: 'The header 总计 is the sum of the four results (format-spec §8.2 T4-1); pending cases are often left out.',
  },
  fix: {
    zh: '重新合计；年底仍未审结的案件计入“尚未审结”，也计入总计。',
    en: 'Add up again, counting the pending cases too.',
  },
  example: {
    defect: {
      zh: '表四“行政复议”的总计只算了已审结的 3 件，漏了尚未审结的 1 件。',
      en: 'Table 4, 行政复议: the total 3 leaves out the pending case.',
    },
    report: (r) => withCells(r, { 'reviewLitigation.review.total': 3 }),
    also: [T4_HEADER],
  },
};
