// The documentation of rule T3-1: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { T3_HEADER, withCells, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'T3-1',
  what: {
    zh: '表三每一栏（自然人、五类法人或其他组织、总计）都要满足表头注明的勾稽关系：“一、本年新收” + “二、上年结转” = “（七）总计” + “四、结转下年度继续办理”。各行总计都等于各栏之和时，总计栏的不平衡只是某个申请人栏不平衡的反映，nianbao 只报告出错的申请人栏（format-spec §8.1 T3-8）。',
    en: 'In every column of table 3: new + carried over = （七）总计 + carried forward; the failing applicant column is named.',
  },
  why: {
    zh: '这是统一格式在表三表头印明的勾稽关系：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”（format-spec §8.1 T3-1）。不平衡说明有申请漏计、重计或结转数算错，format-spec §10.3 将其列为最常见的计算错误。',
    en: 'The relation is printed in the header of table 3 (format-spec §8.1 T3-1); a failure means applications lost or counted twice.',
  },
  fix: {
    zh: '按栏核对四个数：本年新收、上年结转、办理结果总计、结转下年度。上年结转应等于上一年度报告的“结转下年度继续办理”。输出中有“建议”时，它是唯一能同时满足各项关系的改法，可据以核对原始台账。',
    en: 'Check the four figures of the column against the register; a suggestion, when given, is the only one-cell repair.',
  },
  example: {
    defect: {
      zh: '表三“一、本年新收”一行的自然人数 96 误填为 95，本行总计也跟着改成了 109，自然人一栏的勾稽关系因此不成立。',
      en: 'Table 3: new applications by natural persons 95 instead of 96, the row total adjusted to 109.',
    },
    report: (r) =>
      withCells(r, { 'requests.newlyReceived.naturalPerson': 95, 'requests.newlyReceived.total': 109 }),
    also: [T3_HEADER],
  },
};
