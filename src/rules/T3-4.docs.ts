// The documentation of rule T3-4: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { T3_HEADER, withCells, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'T3-4',
  what: {
    zh: '表三的每个数字都是申请件数，应为非负整数。',
    en: 'Every figure of table 3 is a count of applications: a whole number ≥ 0.',
  },
  why: {
    zh: '表三统计申请的件数（format-spec §8.1 T3-4）。负数多见于用“新收 + 上年结转 − 办结”倒推结转下年度数、而办结数又多计了的情况——这时勾稽关系照样成立，只有本规则能发现。',
    en: 'Table 3 counts applications (format-spec §8.1 T3-4); a negative carry-forward hides a double count that the sums do not show.',
  },
  fix: {
    zh: '核对该栏的办理结果是否重复计数，按台账的实际件数填写；结转下年度不能为负。',
    en: 'Find the double count and write the actual numbers; nothing is carried forward below zero.',
  },
  example: {
    defect: {
      zh: '法律服务机构的办结数多计了 2 件（予以公开 3 件），结转下年度按“新收 + 上年结转 − 办结”倒推成了 -1；各项合计照样相符。',
      en: 'Two applications counted twice; the carry-forward computed back to -1, and every sum still holds.',
    },
    report: (r) =>
      withCells(r, {
        'requests.granted.legalService': 3,
        'requests.granted.total': 51,
        'requests.totalHandled.legalService': 4,
        'requests.totalHandled.total': 113,
        'requests.carriedForward.legalService': -1,
        'requests.carriedForward.total': 3,
      }),
    also: [T3_HEADER],
  },
};
