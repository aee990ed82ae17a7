// The documentation of rule late-publication: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'late-publication',
  what: {
    zh: '报告的发布日期（`--published-at` 给出）晚于法定期限：县级以上人民政府部门（包括政府办公室）为次年 1 月 31 日，县级以上地方人民政府（本级政府年报）为次年 3 月 31 日。机关类别按名称判断（以“人民政府”结尾的为政府），乡镇人民政府、街道办事处没有全国统一的期限，不核对。',
    en: 'Published (--published-at) after 31 January (departments) or 31 March (a government’s own report) of the next year.',
  },
  why: {
    zh: '《中华人民共和国政府信息公开条例》第四十九条规定了两个期限；2021 年版格式把“不按时发布”列为应追究责任的问题（format-spec §1、§9）。发布日期来自报告之外，所以是警告。',
    en: '条例第四十九条 sets the deadlines; the 2021 format sanctions late publication (format-spec §1, §9).',
  },
  fix: {
    zh: '按期发布下一年度报告；本年度已逾期的，尽快发布并在报告中说明原因。',
    en: 'Publish by the deadline; if already late, publish at once and say why.',
  },
  example: {
    defect: {
      zh: '市自然资源和规划局的 2022 年度报告 2023 年 2 月 15 日才发布，晚于 1 月 31 日的法定期限。',
      en: 'A city bureau’s 2022 report published on 15 February 2023, after the 31 January deadline.',
    },
    publishedAt: { correct: '2023-01-20', incorrect: '2023-02-15' },
  },
};
