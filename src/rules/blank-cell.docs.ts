// The documentation of rule blank-cell: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { T3_HEADER, withCells, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'blank-cell',
  what: {
    zh: '统计表中总计以外的单元格留空。每行报告一次，列出该行空白的栏目；整张表都没有数字时报告一次。2019 年格式第二十条第（八）、（九）项只有两栏，是格式本身的设计，不算空白。',
    en: 'A cell other than a total is blank; one finding per row, or one for a table with no figures at all.',
  },
  why: {
    zh: '统一格式的每一栏都应填写（format-spec §5.3）。不少报告用空白表示 0（format-spec §10.2），但空白也可能是漏填，读者无法区分；nianbao 保留空白，不当作 0（report-json.md）。',
    en: 'Blanks often mean 0 but may be omissions; nianbao keeps them blank (format-spec §5.3, §10.2).',
  },
  fix: {
    zh: '没有发生的填 0。',
    en: 'Write 0 where there is nothing.',
  },
  example: {
    defect: {
      zh: '表三“1.属于国家秘密”一行的科研机构一格留空，本应填 0。',
      en: 'Table 3, 1.属于国家秘密: the 科研机构 cell left blank instead of 0.',
    },
    report: (r) => withCells(r, { 'requests.denied.stateSecret.research': null }),
    also: [T3_HEADER],
  },
};
