// The documentation of rule T3-3: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { T3_HEADER, withCells, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'T3-3',
  what: {
    zh: '表三每一栏的“（七）总计”应等于各项办理结果之和：（一）予以公开、（二）部分公开、（三）不予公开 1–8、（四）无法提供 1–3、（五）不予处理 1–5、（六）其他处理（2021 年格式为 1–3 三行）。',
    en: 'In every column of table 3, （七）总计 is the sum of the outcome rows （一）–（六）.',
  },
  why: {
    zh: '“（七）总计”是本年度办理结果的合计（format-spec §8.1 T3-3）。每件申请只计入一种办理结果，部分公开的只计入“（二）部分公开”（行注“区分处理的，只计这一情形，不计其他情形”，format-spec §8.1 T3-5）。统一格式没有（三）至（六）的小计行，小计不要填进表内。',
    en: 'Each application is counted under one outcome only (format-spec §8.1 T3-3, T3-5).',
  },
  fix: {
    zh: '按栏逐项相加核对，检查是否有申请被计入两种办理结果，或有办结的申请漏计。',
    en: 'Add the outcomes of the column again; look for applications counted twice or not at all.',
  },
  example: {
    defect: {
      zh: '表三“1.本机关不掌握相关政府信息”一行自然人数 28 误填为 23（本行总计随之为 26），（七）总计不再等于各项办理结果之和。',
      en: 'Table 3, 1.本机关不掌握: 23 instead of 28 (row total 26); （七）总计 no longer adds up.',
    },
    report: (r) =>
      withCells(r, {
        'requests.unableToProvide.notHeld.naturalPerson': 23,
        'requests.unableToProvide.notHeld.total': 26,
      }),
    also: [T3_HEADER],
  },
};
