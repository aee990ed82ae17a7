// The documentation of rule aggregate-mismatch: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { regionalReport, regionMembers, T4_HEADER, withCells, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'aggregate-mismatch',
  what: {
    zh: '一个地区的汇总年报（本级政府汇总部门和下级政府的报告）的每个数字，应等于所属单位报告同一单元格之和。所属单位报告用 `--member` 逐个给出（`nianbao` 的报告库以后会自动给出）；两版格式的表二不相加，表三“（六）其他处理”按 T3-7 对应。任一方留空的单元格不核对。',
    en: 'Each figure of a regional aggregate equals the sum of the members’ reports (--member each); blanks are not compared.',
  },
  why: {
    zh: '全部单位在列时，汇总数等于各单位之和（format-spec §8.5）；不等说明汇总时漏加、重复或抄错。缺少某个单位的报告、统计口径不同也会造成差异，所以是警告。',
    en: 'With every member present the aggregate is their sum (format-spec §8.5); a missing member also explains a difference, hence a warning.',
  },
  fix: {
    zh: '核对汇总表与各单位报告，补上漏加的单位或更正抄错的数字；确有单位不在汇总范围内的，在正文中说明。',
    en: 'Check the aggregate against each member’s report; add what was left out or correct the figure.',
  },
  example: {
    defect: {
      zh: '安平市人民政府的汇总年报中，表四“行政复议”只计入了市自然资源和规划局的 4 件，漏了市民政局的 4 件。',
      en: 'The city’s aggregate counts only one member’s 4 administrative reviews in table 4, not the other’s 4.',
    },
    base: () => regionalReport(regionMembers()),
    members: regionMembers,
    report: (r) =>
      withCells(r, {
        'reviewLitigation.review.upheld': 2,
        'reviewLitigation.review.corrected': 1,
        'reviewLitigation.review.pending': 1,
        'reviewLitigation.review.total': 4,
      }),
    also: [T4_HEADER],
  },
};
