// The documentation of rule format-version: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { baseReport, TITLE, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'format-version',
  what: {
    zh: '统计表的格式版本与报告年度不符：2019、2020 年度报告应使用 2019 年（试行）格式（国办公开办函〔2019〕60号），2021 年度起应使用 2021 年格式（国办公开办函〔2021〕30号）。',
    en: 'The format of the tables does not fit the report year: 2019 format for 2019–2020, 2021 format from 2021.',
  },
  why: {
    zh: '2021 年格式修订了表二（第（一）项改为本年制发件数、本年废止件数、现行有效件数；第（五）（六）项改为本年处理决定数量；第（八）项改为收费金额；删去第（九）项）和表三“（六）其他处理”（format-spec §4.3、§7）。两版栏目不能相互换算，套用旧模板的报告无法与其他单位汇总比较（format-spec §10.3 第 9 项）。',
    en: 'The 2021 format changed table 2 and table 3 （六） (format-spec §4.3, §7); an old template cannot be summed with the others.',
  },
  fix: {
    zh: '按报告年度适用的格式重新填写统计表。',
    en: 'Fill in the tables of the format that applies to the report year.',
  },
  example: {
    defect: {
      zh: '2022 年度报告套用了 2019 年（试行）格式的统计表（表二第（一）项为“本年新制作数量”等，表三“（六）其他处理”只有一行）。',
      en: 'A 2022 report on the 2019 template.',
    },
    report: () => baseReport('2019', { year: 2022 }),
    focus: [TITLE, [/^第二十条第（一）项/, 3]],
  },
};
