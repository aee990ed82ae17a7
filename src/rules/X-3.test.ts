// Test table of X-3: governments report 工作考核、社会评议和责任追究; offices, departments and unknown bodies are not judged.
import { describe, expect, it } from 'vitest';
import type { Report } from '../model/report.ts';
import { runRule, testRule, validReport } from '../../test/support/rule-tester.ts';
import { rule } from './X-3.ts';

const ALL_THREE =
  '（五）监督保障。将政府信息公开工作纳入年度绩效考核，开展社会评议，对工作不力的单位严格责任追究。';

/** A valid report by `agency` whose overview ends with `supervision`. */
function byAgency(agency: string | null, supervision = ''): Report {
  const r = validReport('2021');
  r.agency = agency;
  r.sections.overview = `本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。${supervision}`;
  return r;
}

testRule(rule, {
  valid: [
    { name: 'a department (某市民政局) is not asked', report: validReport('2021') },
    { name: 'a city government that mentions all three', report: byAgency('某市人民政府', ALL_THREE) },
    {
      name: 'other wordings: 目标考核, 群众评议, 问责',
      report: byAgency('某县人民政府', '纳入目标考核，组织群众评议，对违规公开的依法问责。'),
    },
    {
      name: 'the three may be written outside section 一',
      report: (() => {
        const r = byAgency('某省人民政府');
        r.sections.other = ALL_THREE;
        return r;
      })(),
    },
    { name: "the government's 办公室 is not the government", report: byAgency('三门峡市人民政府办公室') },
    { name: 'a department of a government is not asked', report: byAgency('新乡市牧野区人民政府教育局') },
    {
      name: 'a 街道办事处 is the 派出机关 of a district government, not a people’s government',
      report: byAgency('某区某街道办事处', '开展社会评议。'),
    },
    {
      name: 'a 街道办事处 named after its district government is not one either',
      report: byAgency('某市某区人民政府某某街道办事处'),
    },
    { name: 'a 街道 named without 办事处', report: byAgency('某县某某街道') },
    {
      name: 'a development zone’s 管委会 is not a people’s government',
      report: byAgency('某市经济技术开发区管委会'),
    },
    {
      name: 'the caller says the body is a department: not judged',
      report: byAgency('某县人民政府'),
      options: { agencyKind: '部门' },
    },
    { name: 'no agency: not judged', report: byAgency(null) },
    { name: 'an agency the name does not classify: not judged', report: byAgency('民政局') },
    {
      name: 'a government report with no text at all (section-missing reports that)',
      report: (() => {
        const r = byAgency('某市人民政府');
        r.sections = {
          overview: null,
          proactive: null,
          requests: null,
          reviewLitigation: null,
          problems: null,
          other: null,
        };
        return r;
      })(),
    },
  ],
  invalid: [
    {
      name: 'a city government that mentions none of the three',
      report: byAgency('某市人民政府'),
      errors: [
        {
          messageId: 'missing',
          data: {
            agency: '某市人民政府',
            missing: ['工作考核', '社会评议', '责任追究'],
            missingText: '工作考核、社会评议、责任追究',
            missingEn: 'performance assessment, public evaluation, accountability',
          },
          path: 'sections.overview',
        },
      ],
    },
    {
      name: 'a town government without 社会评议',
      report: byAgency('某县某镇人民政府', '将政府信息公开工作纳入考核，对失职行为追究相关人员责任。'),
      errors: [
        {
          messageId: 'missing',
          data: {
            agency: '某县某镇人民政府',
            missing: ['社会评议'],
            missingText: '社会评议',
            missingEn: 'public evaluation',
          },
          path: 'sections.overview',
        },
      ],
    },
    {
      name: 'a 乡 government is a level of people’s government (宪法第九十五条)',
      report: byAgency('某县某某乡人民政府', '开展社会评议。'),
      errors: [
        {
          messageId: 'missing',
          data: {
            agency: '某县某某乡人民政府',
            missing: ['工作考核', '责任追究'],
            missingText: '工作考核、责任追究',
            missingEn: 'performance assessment, accountability',
          },
        },
      ],
    },
    {
      name: 'a 民族乡 government, and a 镇 written 镇政府',
      report: byAgency('某县某某民族乡人民政府'),
      errors: [
        {
          messageId: 'missing',
          data: {
            agency: '某县某某民族乡人民政府',
            missing: ['工作考核', '社会评议', '责任追究'],
            missingText: '工作考核、社会评议、责任追究',
            missingEn: 'performance assessment, public evaluation, accountability',
          },
        },
      ],
    },
    {
      name: 'a 镇政府',
      report: byAgency('某县某某镇政府'),
      errors: [
        {
          messageId: 'missing',
          data: {
            agency: '某县某某镇政府',
            missing: ['工作考核', '社会评议', '责任追究'],
            missingText: '工作考核、社会评议、责任追究',
            missingEn: 'performance assessment, public evaluation, accountability',
          },
        },
      ],
    },
    {
      name: 'the caller says the body is a government, though the name does not tell',
      report: byAgency('管委会'),
      options: { agencyKind: '政府' },
      errors: [
        {
          messageId: 'missing',
          data: {
            agency: '管委会',
            missing: ['工作考核', '社会评议', '责任追究'],
            missingText: '工作考核、社会评议、责任追究',
            missingEn: 'performance assessment, public evaluation, accountability',
          },
        },
      ],
    },
    {
      name: 'a 2019-format government report (条例第五十条 applies from 2019-05-15)',
      report: (() => {
        const r = validReport('2019');
        r.agency = '义马市人民政府';
        return r;
      })(),
      errors: [
        {
          messageId: 'missing',
          data: {
            agency: '义马市人民政府',
            missing: ['工作考核', '社会评议', '责任追究'],
            missingText: '工作考核、社会评议、责任追究',
            missingEn: 'performance assessment, public evaluation, accountability',
          },
        },
      ],
    },
  ],
});

describe('X-3 findings', () => {
  it('list the matters missing, in Chinese and English', () => {
    const r = byAgency('某县某镇人民政府', '将政府信息公开工作纳入考核。');
    const [d] = runRule(rule, r);
    expect(d!.data).toMatchObject({ agency: '某县某镇人民政府', missing: ['社会评议', '责任追究'] });
    expect(d!.message).toBe(
      '某县某镇人民政府是人民政府，年报应报告工作考核、社会评议和责任追究结果情况（条例第五十条第四项），正文未提及：社会评议、责任追究',
    );
    expect(runRule(rule, r, { lang: 'en' })[0]!.message).toContain(
      'the text does not mention: public evaluation, accountability',
    );
  });
});
