// The documentation of rule blank-total: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { T3_HEADER, withCells, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'blank-total',
  what: {
    zh: '表三、表四中已填了数字的表格，“总计”栏不得留空，没有发生的应填 0。',
    en: 'In tables 3 and 4, a total cell is never blank where the table has figures.',
  },
  why: {
    zh: '表三每一栏都应填写（format-spec §5.3）；已发布的报告中出现过总计栏整列留空的情况（format-spec §10.2、§10.3 第 5 项）。总计空白，读者无从得知合计，[[T3-2]]、[[T4-1]] 等核对也无法进行；nianbao 不把空白当作 0（design.md 原则 2）。',
    en: 'Every cell of table 3 is to be filled (format-spec §5.3); blank totals were seen in official reports (§10.2).',
  },
  fix: {
    zh: '填写总计，没有发生的填 0。',
    en: 'Write the total, 0 where there is nothing.',
  },
  example: {
    defect: {
      zh: '表三“1.属于国家秘密”一行的总计留空（各栏均为 0）。',
      en: 'Table 3, 1.属于国家秘密: the total left blank (every column is 0).',
    },
    report: (r) => withCells(r, { 'requests.denied.stateSecret.total': null }),
    also: [T3_HEADER],
  },
};
