// RuleTester (ESLint's): minimal valid reports to build cases from, and a table-driven runner for rule tests.
import { describe, expect, it } from 'vitest';
import { check, type CheckOptions } from '../check.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { FormatVersion } from '../model/format.ts';
import { blankReport, type Report } from '../model/report.ts';
import type { Rule } from './types.ts';

/** A report that passes every rule: all figures 0, the six sections present and numbered, a known agency and year. */
export function validReport(version: FormatVersion = '2021'): Report {
  const r = blankReport(version);
  const zero = (node: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(node)) {
      if (v === null) node[k] = 0;
      else if (typeof v === 'object') zero(v as Record<string, unknown>);
    }
  };
  zero(r.proactive as Record<string, unknown>);
  zero(r.requests as Record<string, unknown>);
  zero(r.reviewLitigation as Record<string, unknown>);
  r.agency = '某市民政局';
  r.year = version === '2019' ? 2019 : 2022;
  r.sections = {
    overview: '本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，未收到政府信息公开申请。',
    proactive: '本机关依法做好主动公开工作。',
    requests: '本年度未收到政府信息公开申请。',
    reviewLitigation: '本年度未发生政府信息公开行政复议、行政诉讼案件。',
    problems: '公开内容的深度有待拓展，下一步将加强培训。',
    other: '本年度未收取信息处理费。',
  };
  r.outline = [
    { section: 'overview', text: '一、总体情况', number: '一' },
    { section: 'proactive', text: '二、主动公开政府信息情况', number: '二' },
    { section: 'requests', text: '三、收到和处理政府信息公开申请情况', number: '三' },
    { section: 'reviewLitigation', text: '四、政府信息公开行政复议、行政诉讼情况', number: '四' },
    { section: 'problems', text: '五、存在的主要问题及改进情况', number: '五' },
    { section: 'other', text: '六、其他需要报告的事项', number: '六' },
  ];
  return r;
}

/** A copy of a report with some cells (dotted paths) set; `null` blanks a cell. */
export function withCells(report: Report, cells: Record<string, number | null>): Report {
  const r = structuredClone(report);
  for (const [path, value] of Object.entries(cells)) {
    const keys = path.split('.');
    let node = r as unknown as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) {
      if (!(k in node)) throw new Error(`no ${path} in the report`);
      node = node[k] as Record<string, unknown>;
    }
    if (!(keys[keys.length - 1]! in node)) throw new Error(`no ${path} in the report`);
    node[keys[keys.length - 1]!] = value;
  }
  return r;
}

/** The diagnostics of one rule on a report. */
export function runRule(
  rule: Rule,
  report: Report,
  options: Omit<CheckOptions, 'ruleSet'> = {},
): Diagnostic[] {
  return check(report, { ...options, ruleSet: [rule] });
}

/** A test case: a report, and the findings expected (none for a valid case). */
export interface RuleCase {
  name: string;
  report: Report;
  options?: Omit<CheckOptions, 'ruleSet'>;
  /** Expected findings, in order: messageId and, where given, the dotted path. */
  errors?: { messageId: string; path?: string }[];
}

/** Registers the table of valid and invalid cases of a rule with vitest. */
export function testRule(rule: Rule, cases: { valid: RuleCase[]; invalid: RuleCase[] }): void {
  describe(`rule ${rule.meta.id}`, () => {
    for (const c of cases.valid)
      it(`valid: ${c.name}`, () => {
        expect(runRule(rule, c.report, c.options).map((d) => d.message)).toEqual([]);
      });
    for (const c of cases.invalid)
      it(`invalid: ${c.name}`, () => {
        const got = runRule(rule, c.report, c.options);
        expect(
          got.map((d) => ({
            messageId: d.messageId,
            ...(c.errors?.some((e) => e.path) ? { path: d.path?.join('.') } : {}),
          })),
        ).toEqual(
          (c.errors ?? []).map((e) => ({ messageId: e.messageId, ...(e.path ? { path: e.path } : {}) })),
        );
        for (const d of got) {
          expect(d.message).not.toMatch(/\{\w+\}/); // every placeholder filled
          expect(runRule(rule, c.report, { ...c.options, lang: 'en' }).map((x) => x.message)).not.toContain(
            '',
          );
        }
      });
  });
}
