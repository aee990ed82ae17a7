// The documentation of rule T2-3: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { baseReport, lastYearReport, withCells, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'T2-3',
  what: {
    zh: '2019 年（试行）格式表二第二十条第（五）（六）（八）项：2020 年度报告的“上一年项目数量”应等于 2019 年度报告的“上一年项目数量”加“本年增/减”。需要用 `--previous` 给出上一年度报告，且两年都用 2019 年格式。',
    en: 'This year’s items the year before = last year’s items + last year’s change (2019 format, 2019 → 2020); needs --previous.',
  },
  why: {
    zh: '“上一年项目数量”是上一年末的事项数，“本年增/减”是当年的变化，两年报告应当衔接（format-spec §8.3 T2-3）。2021 年版格式已取消这两栏，所以只有 2019 → 2020 可以核对；是警告。',
    en: 'The items at the end of a year are the next year’s starting items (format-spec §8.3 T2-3); the 2021 format dropped these columns.',
  },
  fix: {
    zh: '以上一年度报告的项目数量和增减数为准，核对本年度填报的上一年项目数量。',
    en: 'Take the items the year before from last year’s report and its change.',
  },
  example: {
    defect: {
      zh: '2019 年度报告行政许可上一年项目数量 55 项、本年增加 3 项，2020 年度报告的上一年项目数量却仍填 55 项。',
      en: 'The 2019 report: 55 licensing items and 3 more; the 2020 report still says 55 the year before.',
    },
    base: () => baseReport('2019'),
    previous: () => lastYearReport('2019'),
    report: (r) => withCells(r, { 'proactive.licensing.previousItems': 55 }),
  },
};
