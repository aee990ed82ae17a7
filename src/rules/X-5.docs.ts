// The documentation of rule X-5: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { lastYearReport, lastYearSections, AGENCY, change, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'X-5',
  what: {
    zh: '与上一年度报告逐部分比较文字：某一部分两年都有 100 字以上，且相似度达到 90% 以上的，提示疑似照抄。相似度为字二元组（相邻两字）多重集的 Jaccard 系数，比较前去掉空白和标点，数字一律视为相同（只改了数字和年份的照抄计为 100%）。需要用 `--previous` 给出上一年度报告。',
    en: 'A section of 100+ characters at least 90% similar to last year’s (character-bigram multiset Jaccard, figures masked); needs --previous.',
  },
  why: {
    zh: '2021 年版格式“三、有关要求（四）明确责任”把“内容雷同、敷衍塞责”列为应追究责任的问题（format-spec §3.1、§8.4 X-5）；已有年报多年照抄的实例（format-spec §10.1）。固定的工作制度可能合理地重复，所以是警告。',
    en: 'The 2021 format sanctions "内容雷同" (copied content) (format-spec §3.1, §8.4 X-5); a standing procedure may rightly repeat, hence a warning.',
  },
  fix: {
    zh: '按本年度的实际工作重写该部分：第五部分写本年新发现的问题和上一年度问题的整改情况，第一部分写本年的具体做法和成效。',
    en: 'Rewrite the section from this year’s work: new problems and how last year’s were rectified.',
  },
  example: {
    defect: {
      zh: '“五、存在的主要问题及改进情况”照抄了上一年度报告的同一部分。',
      en: 'Section 五 copied from last year’s report.',
    },
    previous: () => lastYearReport('2021'),
    report: change((r) => {
      r.sections.problems = lastYearSections('2021', 2021, AGENCY).problems;
    }),
  },
};
