// The documentation of rule T2-2: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { lastYearReport, withCells, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'T2-2',
  what: {
    zh: '2021 年版格式表二第二十条第（一）项：本年“现行有效件数”应等于上一年度报告的现行有效件数，加本年制发件数，减本年废止件数（规章、行政规范性文件两行分别核对）。需要用 `--previous` 给出上一年度报告，且两年都用 2021 年版格式。',
    en: 'In force this year = in force last year + issued − repealed (2021 format); needs last year’s report (--previous).',
  },
  why: {
    zh: '现行有效的文件只会因制发而增加、因废止而减少（format-spec §8.3 T2-2）。文件修改、机构改革划转会打破这一关系，所以是警告。',
    en: 'Documents in force change only by issue and repeal (format-spec §8.3 T2-2); amendments and reorganisations break it, hence a warning.',
  },
  fix: {
    zh: '按文件清理台账重新统计现行有效件数，并核对本年制发、废止件数；确有划转等情况的，在正文中说明。',
    en: 'Recount the documents in force from the register and check the issued and repealed counts.',
  },
  example: {
    defect: {
      zh: '上一年度末现行有效行政规范性文件 12 件，本年制发 3 件、废止 1 件，现行有效件数却填为 15 件（漏减废止的 1 件）。',
      en: '12 in force last year, 3 issued and 1 repealed, but 15 in force (the repeal not deducted).',
    },
    previous: () => lastYearReport('2021'),
    report: (r) => withCells(r, { 'proactive.normativeDocuments.inForce': 15 }),
  },
};
