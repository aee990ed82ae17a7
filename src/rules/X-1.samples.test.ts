// X-1 on the five sample reports, read and extracted as the CLI does: what it reads, and no false alarm.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, readText } from '../index.ts';
import type { Report } from '../model/report.ts';
import { cellAt } from '../model/cells.ts';
import { runRule } from '../../test/support/rule-tester.ts';
import { narrativeFigures, rule } from './X-1.ts';

const dir = join(import.meta.dirname, '../../examples/reports');

/** A sample's report. */
function sample(prefix: string): Report {
  const doc = readText(readFileSync(join(dir, `${prefix}.txt`)), { path: prefix });
  const { report } = extract(doc);
  expect(report).not.toBeNull();
  return report!;
}
const read = (r: Report) => narrativeFigures(r).map((s) => `${s.target} ${s.stated} ${s.text}`);

describe('X-1 on the samples', () => {
  const s000 = sample('000_4fc5202fe3db526a');
  const s001 = sample('001_c79327e4fbc2ded3');
  const s002 = sample('002_3f168525c89639f9');
  const s003 = sample('003_b41a2553e1af1d3f');
  const s004 = sample('004_562738e5f47c6a1c');

  it('000 (义马市人民政府办公室): "2019年度未收到信息公开申请" against a table of 0', () => {
    expect(read(s000)).toEqual(['newlyReceived 0 未收到信息公开申请']);
    expect(cellAt(s000, ['requests', 'newlyReceived', 'total'])).toBe(0);
    expect(runRule(rule, s000)).toEqual([]);
  });

  it('001 (市民政局): no figure stated', () => {
    expect(read(s001)).toEqual([]);
    expect(runRule(rule, s001)).toEqual([]);
  });

  it('002 (新乡市牧野区人民政府办公室): "未收到政府信息公开申请", no finding', () => {
    expect(read(s002)).toEqual(['newlyReceived 0 未收到政府信息公开申请']);
    expect(runRule(rule, s002)).toEqual([]);
  });

  it('003 (三门峡): 265, 上年结转 2, 复议 50, 诉讼 26 agree; the sentence opened by 其中 is not read', () => {
    expect(read(s003)).toEqual([
      'newlyReceived 265 收到265件政府信息公开申请',
      'carriedOver 2 上年结转2件',
      'review 50 引起行政复议50起',
      'litigation 26 行政诉讼26起',
    ]);
    expect(runRule(rule, s003)).toEqual([]);
  });

  it('004 (河南省机关事务管理局): 受理 15, 予以公开 7, 复议 1, 诉讼 1 agree', () => {
    expect(read(s004)).toEqual([
      'newlyReceived 15 受理依申请公开15件',
      'granted 7 予以公开7件',
      'review 1 产生行政复议1件',
      'litigation 1 行政诉讼1件',
    ]);
    expect(runRule(rule, s004)).toEqual([]);
  });

  it('a wrong table cell in 003 is found where the narrative states it', () => {
    const r = structuredClone(s003);
    (r.requests.newlyReceived as Record<string, number>).total = 256;
    const ds = runRule(rule, r);
    expect(ds.map((d) => d.path?.join('.'))).toEqual(['requests.newlyReceived.total']);
    expect(ds[0]!.message).toBe(
      '正文称“收到265件政府信息公开申请”（265件），但表三（依申请公开）“一、本年新收政府信息公开申请数量”行“总计”列为 256，二者不一致',
    );
    expect(ds[0]!.source).toBeDefined();
  });
});
