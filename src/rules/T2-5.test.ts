// Test table of T2-5: 规章 figures from a body that cannot make 规章.
import { expect, it } from 'vitest';
import type { FormatVersion } from '../model/format.ts';
import { rule } from './T2-5.ts';
import { runRule, testRule, validReport, withCells } from '../../test/support/rule-tester.ts';

/** A report of an agency with some 规章 figures. */
const by = (agency: string | null, cells: Record<string, number>, version: FormatVersion = '2021') => ({
  ...withCells(
    validReport(version),
    Object.fromEntries(Object.entries(cells).map(([k, v]) => [`proactive.regulations.${k}`, v])),
  ),
  agency,
});
const issued = { issued: 1, inForce: 5 };

testRule(rule, {
  valid: [
    { name: 'a department with no 规章', report: by('某市民政局', {}) },
    { name: 'a 设区的市 government', report: by('三门峡市人民政府', issued) },
    {
      name: 'a 市 government whose rank the name does not tell (义马市, a 县级市)',
      report: by('义马市人民政府', issued),
    },
    { name: 'a 自治州 government', report: by('延边朝鲜族自治州人民政府', issued) },
    { name: 'a province government', report: by('河南省人民政府', issued) },
    { name: 'an autonomous region government', report: by('广西壮族自治区人民政府', issued) },
    { name: 'a 直辖市 government', report: by('北京市人民政府', issued) },
    { name: 'a national commission', report: by('国家发展和改革委员会', issued) },
    { name: 'a ministry', report: by('住房和城乡建设部', issued) },
    { name: 'a national bureau with 市 in its name', report: by('国家市场监督管理总局', issued) },
    { name: 'agency unknown', report: by(null, issued) },
    { name: 'a name that names no place', report: by('民政局', issued) },
    { name: '2019 format, a city government', report: by('三门峡市人民政府', { newlyPublished: 2 }, '2019') },
  ],
  invalid: [
    {
      name: 'a city department (sample 001: 市民政局, 本年新公开数量 3)',
      report: by('市民政局', { newlyPublished: 3 }, '2019'),
      errors: [
        {
          messageId: 'department',
          data: {
            row: '表二（主动公开）“规章”行',
            rowEn: 'table 2 (proactive disclosure), row "规章"',
            agency: '市民政局',
            cells: '本年新公开数量 3',
          },
          path: 'proactive.regulations.newlyPublished',
        },
      ],
    },
    {
      name: 'one finding for the row, at the first cell > 0',
      report: by('某市民政局', issued),
      errors: [
        {
          messageId: 'department',
          data: {
            row: '表二（主动公开）“规章”行',
            rowEn: 'table 2 (proactive disclosure), row "规章"',
            agency: '某市民政局',
            cells: '本年制发件数 1、现行有效件数 5',
          },
          path: 'proactive.regulations.issued',
        },
      ],
    },
    {
      name: 'a government office (市人民政府办公室)',
      report: by('三门峡市人民政府办公室', { inForce: 2 }),
      errors: [
        {
          messageId: 'department',
          data: {
            row: '表二（主动公开）“规章”行',
            rowEn: 'table 2 (proactive disclosure), row "规章"',
            agency: '三门峡市人民政府办公室',
            cells: '现行有效件数 2',
          },
          path: 'proactive.regulations.inForce',
        },
      ],
    },
    {
      name: 'a province department',
      report: by('河南省机关事务管理局', { repealed: 1 }),
      errors: [
        {
          messageId: 'department',
          data: {
            row: '表二（主动公开）“规章”行',
            rowEn: 'table 2 (proactive disclosure), row "规章"',
            agency: '河南省机关事务管理局',
            cells: '本年废止件数 1',
          },
          path: 'proactive.regulations.repealed',
        },
      ],
    },
    {
      name: 'a local branch of a national bureau',
      report: by('国家税务总局上海市税务局', issued),
      errors: [
        {
          messageId: 'department',
          data: {
            row: '表二（主动公开）“规章”行',
            rowEn: 'table 2 (proactive disclosure), row "规章"',
            agency: '国家税务总局上海市税务局',
            cells: '本年制发件数 1、现行有效件数 5',
          },
          path: 'proactive.regulations.issued',
        },
      ],
    },
    {
      name: 'a district government',
      report: by('新乡市牧野区人民政府', issued),
      errors: [
        {
          messageId: 'localGovernment',
          data: {
            row: '表二（主动公开）“规章”行',
            rowEn: 'table 2 (proactive disclosure), row "规章"',
            agency: '新乡市牧野区人民政府',
            cells: '本年制发件数 1、现行有效件数 5',
          },
          path: 'proactive.regulations.issued',
        },
      ],
    },
    {
      name: 'a county government',
      report: by('长阳土家族自治县人民政府', { newlyMade: 1 }, '2019'),
      errors: [
        {
          messageId: 'localGovernment',
          data: {
            row: '表二（主动公开）“规章”行',
            rowEn: 'table 2 (proactive disclosure), row "规章"',
            agency: '长阳土家族自治县人民政府',
            cells: '本年新制作数量 1',
          },
          path: 'proactive.regulations.newlyMade',
        },
      ],
    },
    {
      name: 'a town government',
      report: by('某县某镇人民政府', issued),
      errors: [
        {
          messageId: 'localGovernment',
          data: {
            row: '表二（主动公开）“规章”行',
            rowEn: 'table 2 (proactive disclosure), row "规章"',
            agency: '某县某镇人民政府',
            cells: '本年制发件数 1、现行有效件数 5',
          },
          path: 'proactive.regulations.issued',
        },
      ],
    },
    {
      name: 'a 街道办事处',
      report: by('某区某街道办事处', issued),
      errors: [
        {
          messageId: 'localGovernment',
          data: {
            row: '表二（主动公开）“规章”行',
            rowEn: 'table 2 (proactive disclosure), row "规章"',
            agency: '某区某街道办事处',
            cells: '本年制发件数 1、现行有效件数 5',
          },
          path: 'proactive.regulations.issued',
        },
      ],
    },
  ],
});

it('T2-5 lists the 规章 figures and names the agency', () => {
  const [d] = runRule(rule, by('某市民政局', issued));
  expect(d!.message).toMatch(
    /^表二（主动公开）“规章”行填报了 本年制发件数 1、现行有效件数 5，但“某市民政局”是地方人民政府的工作部门/,
  );
  expect(d!.related).toEqual([['proactive', 'regulations', 'inForce']]);
  expect(d!.severity).toBe('warning');
});
