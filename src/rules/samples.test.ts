// The rules of this batch on the five sample reports, read and extracted as the CLI does (examples/reports).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../check.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { extract, readText } from '../index.ts';
import { rule as blankCell } from './blank-cell.ts';
import { rule as blankTotal } from './blank-total.ts';
import { rule as formatVersion } from './format-version.ts';
import { rule as sectionMissing } from './section-missing.ts';
import { rule as sectionNumber } from './section-number.ts';
import { rule as sectionOrder } from './section-order.ts';
import { rule as T2_4 } from './T2-4.ts';
import { rule as T2_5 } from './T2-5.ts';
import { rule as T2_7 } from './T2-7.ts';

const RULES = [
  blankTotal,
  blankCell,
  formatVersion,
  T2_4,
  T2_5,
  T2_7,
  sectionMissing,
  sectionOrder,
  sectionNumber,
];
const dir = join(import.meta.dirname, '../../examples/reports');

/** The findings of these rules on a sample, as the checker words them. */
function findings(prefix: string): Diagnostic[] {
  const bytes = readFileSync(join(dir, `${prefix}.txt`));
  const doc = readText(bytes, { path: prefix });
  const { report, diagnostics } = extract(doc);
  expect(report).not.toBeNull();
  return check(report!, { ruleSet: RULES, extraction: [...doc.diagnostics, ...diagnostics] });
}
const ids = (ds: Diagnostic[]) => ds.map((d) => `${d.ruleId} ${d.path?.join('.') ?? ''}`);

describe('the samples', () => {
  const s000 = findings('000_4fc5202fe3db526a');
  const s001 = findings('001_c79327e4fbc2ded3');
  const s002 = findings('002_3f168525c89639f9');
  const s003 = findings('003_b41a2553e1af1d3f');
  const s004 = findings('004_562738e5f47c6a1c');

  it('000 (义马市人民政府办公室): section-number on "1、 总体情况", and nothing else', () => {
    expect(ids(s000)).toEqual(['section-number sections.overview']);
    expect(s000[0]!.message).toBe('标题“1、 总体情况”的序号为“1”，按统一格式应为“一”（“一、总体情况”）');
    expect(s000[0]!.source).toMatchObject({ line: 4 });
  });

  it('001 (市民政局): blank-total on every cell of its blank 总计 column', () => {
    const totals = s001.filter((d) => d.ruleId === 'blank-total');
    // 23 rows of the 2019 table 3, all with a blank 总计; table 4 is filled.
    expect(totals).toHaveLength(23);
    expect(
      totals.every((d) => d.path!.length >= 3 && d.path![0] === 'requests' && d.path!.at(-1) === 'total'),
    ).toBe(true);
    expect(totals.every((d) => d.severity === 'error')).toBe(true);
  });

  it('001: T2-5 for a 市 department reporting 规章, on 本年新公开数量 3', () => {
    const t25 = s001.filter((d) => d.ruleId === 'T2-5');
    expect(ids(t25)).toEqual(['T2-5 proactive.regulations.newlyPublished']);
    expect(t25[0]!.message).toContain('“市民政局”是地方人民政府的工作部门');
  });

  it('001: blank-cell on table 2 对外公开总数量/处理决定数量 and on every row of table 3', () => {
    const rows = ids(s001.filter((d) => d.ruleId === 'blank-cell'));
    expect(rows).toContain('blank-cell proactive.regulations');
    expect(rows).toContain('blank-cell proactive.licensing');
    expect(rows).toContain('blank-cell requests.granted');
    expect(rows.filter((r) => r.startsWith('blank-cell requests.'))).toHaveLength(23);
  });

  it('002 (新乡市牧野区人民政府办公室, 2020): no error and no finding at all', () => {
    expect(s002.filter((d) => d.severity === 'error')).toEqual([]);
    expect(ids(s002)).toEqual([]);
  });

  it('003 (三门峡市人民政府办公室): blank-cell on 四、结转下年度继续办理 自然人, and nothing else', () => {
    expect(ids(s003)).toEqual(['blank-cell requests.carriedForward']);
    expect(s003[0]!.related).toEqual([['requests', 'carriedForward', 'naturalPerson']]);
    expect(s003[0]!.message).toContain('“四、结转下年度继续办理”行有 1 个单元格为空（自然人）');
  });

  it('004 (河南省机关事务管理局): nothing', () => {
    expect(ids(s004)).toEqual([]);
  });

  it('no section finding on 001–004, and no format-version finding on any', () => {
    for (const ds of [s001, s002, s003, s004])
      expect(ids(ds).filter((x) => x.startsWith('section-'))).toEqual([]);
    for (const ds of [s000, s001, s002, s003, s004])
      expect(ids(ds).filter((x) => x.startsWith('format-version'))).toEqual([]);
  });
});
