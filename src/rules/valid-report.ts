// Minimal valid reports to build rule cases and examples from (ESLint's RuleTester fixtures): a report that passes
// every rule, and a copy with some cells set. Used by the rule tests (test/support/rule-tester.ts), the rule docs'
// examples (src/rules/docs/kit.ts) and the fixture scripts; it imports no test runner.
import type { FormatVersion } from '../model/format.ts';
import { formatOf, latestFormat } from '../model/formats/index.ts';
import { blankReport, type Report } from '../model/report.ts';

/** A report that passes every rule: all figures 0, the six sections present and numbered, a known agency and year. */
export function validReport(version: FormatVersion = latestFormat().version): Report {
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
  // A year of the format: a superseded one's first (2019), for the one in force the year after its first (2022).
  const [first, last] = formatOf(version).years;
  r.year = last === null ? first + 1 : first;
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
