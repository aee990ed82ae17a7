// The documentation of rule T3-6: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { lastYearReport, T3_HEADER, withCells, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'T3-6',
  what: {
    zh: '本年度表三“二、上年结转政府信息公开申请数量”一行的每一栏，应等于同一机关上一年度报告“四、结转下年度继续办理”一行的同一栏。需要用 `--previous` 给出上一年度报告；没有给出时不核对。给出的报告不是上一年度的，则提示并不核对。',
    en: 'Each column of this year’s 二、上年结转 equals the same column of last year’s 四、结转下年度继续办理; needs last year’s report (--previous).',
  },
  why: {
    zh: '上一年度结转的申请就是本年度接着办理的申请，两张报告应当衔接（format-spec §8.1 T3-6）。统一格式没有明文规定这一关系，机构改革、职能划转时也可能合理地不一致，所以是警告。',
    en: 'What was carried forward is what is carried over (format-spec §8.1 T3-6); not stated in the format and broken by reorganisations, hence a warning.',
  },
  fix: {
    zh: '核对上一年度结转的申请在本年度的办理台账，使“上年结转”与上一年度“结转下年度继续办理”一致；确因机构调整等原因不一致的，在正文中说明。',
    en: 'Take the carried-over figures from last year’s carry-forward, or explain the difference in the text.',
  },
  example: {
    defect: {
      zh: '上一年度报告结转下年度 6 件（自然人 5 件、商业企业 1 件），本年度“二、上年结转”填成了 5 件（自然人 4 件），新收一行随之少填 1 件，表内各项合计照样相符。',
      en: 'Last year carried 6 forward; this year says 5 were carried over (and 1 more received), every sum still holds.',
    },
    previous: () => lastYearReport('2021'),
    report: (r) =>
      withCells(r, {
        'requests.carriedOver.naturalPerson': 4,
        'requests.carriedOver.total': 5,
        'requests.newlyReceived.naturalPerson': 97,
        'requests.newlyReceived.total': 111,
      }),
    also: [T3_HEADER],
  },
};
