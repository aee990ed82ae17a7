// The documentation of rule X-4: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { change, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'X-4',
  what: {
    zh: '2021 年格式的报告，“六、其他需要报告的事项”应说明信息处理费的收取情况（收取的金额，或“未收取信息处理费”“未发生收费情况”）。写在其他部分的，提示移到第六部分（elsewhere）。报告没有第六部分的，由 [[section-missing]] 报告缺少该部分，本规则不再重复报告（一个原因只报告一次）。',
    en: 'A 2021-format report states the 信息处理费 collected (or that none was) in section 六; a report without section 六 is left to section-missing.',
  },
  why: {
    zh: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）自 2021 年起施行，2021 年度起的报告普遍在第六部分报告信息处理费的收取情况（format-spec §3.1、§9、§8.4 X-4）。这一要求未能从国家格式原文逐字核实，故本规则为提示性检查。',
    en: 'The fee regime (国办函〔2020〕109号) applies from 2021 and reports state the fees in section 六; not verified word for word, hence a warning.',
  },
  fix: {
    zh: '在第六部分写明本年度信息处理费的收取情况，例如“本年度未收取信息处理费”，或收取的件数和金额。',
    en: 'Say in section 六 whether fees were collected, and how much.',
  },
  example: {
    defect: {
      zh: '“六、其他需要报告的事项”没有说明信息处理费的收取情况。',
      en: 'Section 六 says nothing about 信息处理费.',
    },
    report: change((r) => {
      r.sections.other = '本局无其他需要报告的事项。';
    }),
  },
};
