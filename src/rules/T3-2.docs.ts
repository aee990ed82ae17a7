// The documentation of rule T3-2: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { T3_HEADER, withCells, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'T3-2',
  what: {
    zh: '表三每一行的“总计”应等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六栏之和。',
    en: 'Each row total of table 3 is the sum of its six applicant columns.',
  },
  why: {
    zh: '表头“总计”即该行各类申请人的合计（format-spec §5.1、§8.1 T3-2）。统一格式没有“法人或其他组织 小计”一栏，不要另行加计。一个格填错常常同时使 [[T3-3]] 或 [[T3-1]] 不成立，输出中的“建议”指出能同时满足各项关系的那一格。',
    en: 'The header 总计 is the sum of the applicant columns (format-spec §8.1 T3-2); there is no official subtotal column.',
  },
  fix: {
    zh: '重新合计该行，或核对各栏数字；总计栏空白的，见 [[blank-total]]。',
    en: 'Add the row up again or correct the column that is wrong.',
  },
  example: {
    defect: {
      zh: '表三“（一）予以公开”一行的总计 49 误填为 48。',
      en: 'Table 3, （一）予以公开: the total 48 instead of 49.',
    },
    report: (r) => withCells(r, { 'requests.granted.total': 48 }),
    also: [T3_HEADER],
  },
};
