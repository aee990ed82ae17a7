// The documentation of rule T4-2: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { T4_HEADER, withCells, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'T4-2',
  what: {
    zh: '表四“行政诉讼—未经复议直接起诉”的总计应等于结果维持、结果纠正、其他结果、尚未审结四栏之和。',
    en: 'Table 4, suits filed directly: the total is upheld + corrected + other + pending.',
  },
  why: {
    zh: '表头“总计”即四种结果之和（format-spec §6、§8.2 T4-2）。计数口径：复议机关作为共同被告的行政诉讼案件，只计算原行为主体的案件数量（国办公开办函〔2016〕201号，format-spec §8.2 T4-5）。',
    en: 'The header 总计 is the sum of the four results (format-spec §8.2 T4-2).',
  },
  fix: {
    zh: '重新合计；撤诉、终结等计入“其他结果”，年底未审结的计入“尚未审结”。',
    en: 'Add up again; withdrawn or ended suits go to 其他结果, open ones to 尚未审结.',
  },
  example: {
    defect: {
      zh: '表四“未经复议直接起诉”的总计漏了“其他结果”的 1 件，填成 2。',
      en: 'Table 4, suits filed directly: the total 2 leaves out the 其他结果 case.',
    },
    report: (r) => withCells(r, { 'reviewLitigation.litigationDirect.total': 2 }),
    also: [T4_HEADER],
  },
};
