// Test tables of the reading and extraction rules: real texts that show each problem, checked under its own id.
import { describe, expect, it } from 'vitest';
import { extract } from '../extract/index.ts';
import { readHtml } from '../read/html.ts';
import { readText } from '../read/text.ts';
import { EXTRACTION_RULES } from './extraction.ts';
import { testRule, validReport, type RuleCase } from './tester.ts';

const HEAD = '某市民政局2019年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n';
const T3 = (rows: string) =>
  `${HEAD}（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n${rows}\n`;

/** A case from a text: the report and extraction diagnostics as `nianbao check` gets them. */
function fromText(name: string, text: string | Uint8Array, messageId: string, times = 1): RuleCase {
  const doc = readText(typeof text === 'string' ? new TextEncoder().encode(text) : text);
  const { report, diagnostics } = extract(doc);
  const errors = Array.from({ length: times }, () => ({ messageId }));
  return { name, report: report!, options: { extraction: [...doc.diagnostics, ...diagnostics] }, errors };
}

const CASES: Record<string, RuleCase[]> = {
  'read/charset': [
    (() => {
      const page = `<html><head><meta charset="gb2312"></head><body><pre>\n${T3('二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0')}</pre></body></html>`;
      const doc = readHtml(new TextEncoder().encode(page), { path: 'page.html' });
      const { report, diagnostics } = extract(doc);
      return {
        name: 'a UTF-8 page that says gb2312',
        report: report!,
        options: { extraction: [...doc.diagnostics, ...diagnostics] },
        errors: [{ messageId: 'charsetMismatch' }],
      };
    })(),
  ],
  'read/encoding': [
    fromText(
      'bytes that are neither UTF-8 nor GB18030',
      new Uint8Array([
        ...new TextEncoder().encode(T3('一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1')),
        0xff,
        0xfe,
        0x80,
        0x81,
      ]),
      'undecodable',
    ),
  ],
  'extract/extra-cells': [
    fromText('eight figures for seven columns', T3('（七）总计\t15\t0\t0\t0\t0\t0\t0\t15'), 'extraCells'),
  ],
  'extract/missing-cells': [
    fromText(
      'six figures placed under their columns',
      T3(
        '一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n四、结转下年度继续办理\t\t\t0\t0\t0\t0\t0\t0',
      ),
      'missingCellsPlaced',
    ),
  ],
  'extract/unplaced-cells': [fromText('one figure for seven columns', T3('（七）总计5'), 'missingCells')],
  'extract/ambiguous-cells': [
    fromText('eight figures no total explains', T3('（七）总计\t15\t2\t0\t0\t0\t0\t9\t15'), 'ambiguousCells'),
    fromText(
      'run together, four splits fit',
      T3('1.信访举报投诉类申请96341471912520255013296'),
      'unsplittable',
    ),
  ],
  'extract/split-digits': [
    fromText('run together, one split', T3('一、本年新收政府信息公开申请数量7000007'), 'splitDigits'),
  ],
  'extract/unknown-row': [
    fromText(
      'a local row',
      `${HEAD.replace('三、收到和处理政府信息公开申请情况', '二、主动公开政府信息情况')}第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n其他主动公开文件\t1\t1\t1\n规章\t0\t0\t0\n`,
      'unknownRow',
    ),
  ],
  'extract/duplicate-row': [
    fromText(
      'a row given twice',
      T3(
        '二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1',
      ),
      'duplicateRow',
    ),
  ],
  // 22 of the 23 rows of a 2019 table 3 missing; tables 2 and 4 missing.
  'extract/missing-row': [
    fromText(
      'a table with one row',
      T3('二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0'),
      'missingRow',
      22,
    ),
  ],
  'extract/missing-table': [
    fromText(
      'no tables 2 and 4',
      T3('二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0'),
      'missingTable',
      2,
    ),
  ],
  'extract/unit-converted': [
    fromText(
      '采购总金额 in 元',
      `${HEAD.replace('三、收到和处理政府信息公开申请情况', '二、主动公开政府信息情况')}第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t3\t251000元\n`,
      'unitConverted',
    ),
  ],
  'extract/format-version-unknown': [
    fromText(
      'no version words',
      T3('二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0'),
      'versionUnknown',
    ),
  ],
  'extract/agency-missing': [
    fromText(
      'no title',
      T3('二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0').split('\n').slice(1).join('\n'),
      'agencyMissing',
    ),
  ],
  'extract/year-missing': [
    fromText(
      'no year',
      T3('二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0').replace('2019年', ''),
      'yearMissing',
    ),
  ],
  'extract/year-conflict': [
    fromText(
      'title and period disagree',
      `${HEAD}本报告所列数据统计期限为2018年1月1日至12月31日。\n`,
      'yearConflict',
    ),
  ],
};

for (const rule of EXTRACTION_RULES) {
  const cases = CASES[rule.meta.id] ?? [];
  describe(`extraction rule ${rule.meta.id}`, () => {
    it('has cases', () => {
      expect(cases.length).toBeGreaterThan(0);
    });
  });
  testRule(rule, {
    valid: [
      { name: 'a report without that problem', report: validReport('2019'), options: { extraction: [] } },
    ],
    invalid: cases,
  });
}

describe('extraction problems without a rule', () => {
  it('are kept by check as they are, not dropped', async () => {
    const { check } = await import('../check.ts');
    const report = validReport('2021');
    const page = {
      ruleId: 'read/no-text-layer',
      severity: 'warning' as const,
      messageId: 'pagesWithoutText',
      message: 'x.pdf：第 3 页没有文字层',
      data: { file: 'x.pdf', pages: '3' },
    };
    expect(check(report, { extraction: [page] })).toEqual([page]);
    expect(check(report, { extraction: [page], rules: { 'read/no-text-layer': 'off' } })).toEqual([]);
  });
});
