// What a report's text says it covers, on the sample reports and on sentences of real reports' kind.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLES } from '../../test/support/cli.ts';
import { read } from '../read/index.ts';
import { extract } from './index.ts';
import { scopeFromText } from './scope.ts';

const sections = (overview: string) => ({
  sections: {
    overview,
    proactive: null,
    requests: null,
    reviewLitigation: null,
    problems: null,
    other: null,
  },
});

describe('scopeFromText on the samples', async () => {
  const scopes: Record<string, string | null> = {};
  for (const file of SAMPLES) {
    const report = extract(await read(new Uint8Array(readFileSync(file)), { path: file })).report!;
    scopes[report.agency!] = scopeFromText(report)?.evidence ?? null;
  }
  it('reads the city-wide report of 三门峡市 as the region’s, by its figure for 全市', () => {
    expect(scopes['三门峡市人民政府办公室']).toBe('全市各级行政机关主动公开政府信息129790条');
  });
  it('reads 牧野区’s office as its own report (编制本单位…年度报告), though it speaks of 全区 work', () => {
    expect(scopes['新乡市牧野区人民政府办公室']).toBe('编制本单位2020年政府信息公开工作年度报告');
  });
  it('says nothing where the text says nothing', () => {
    expect(scopes['义马市人民政府办公室']).toBeNull();
    expect(scopes['河南省机关事务管理局']).toBeNull();
  });
});

describe('scopeFromText', () => {
  it('takes a figure of the year for the whole region as the region’s report', () => {
    expect(scopeFromText(sections('2019年，全市共收到265件政府信息公开申请，办结率100%。'))).toEqual({
      scope: 'region',
      evidence: '全市共收到265件政府信息公开申请',
    });
    expect(scopeFromText(sections('全县各级行政机关共主动公开政府信息 3 520 条。'))?.scope).toBe('region');
    expect(scopeFromText(sections('本报告由县政府办公室汇总各乡镇、县直各部门年度报告编制。'))?.scope).toBe(
      'region',
    );
  });

  it('does not take work for the whole region without its figures for a region’s report', () => {
    expect(
      scopeFromText(sections('进一步督促指导全区各责任单位加大公开力度，全区政务公开工作质量效益稳步提升。')),
    ).toBeNull();
    expect(scopeFromText(sections('对全区部门预算单位的预决算信息在门户网站集中公开。'))).toBeNull();
  });

  it('takes 本级 stated outright over a figure for the whole region', () => {
    expect(
      scopeFromText(sections('本报告数据为市政府本级情况。全市共收到申请1200件，其中市政府本级收到35件。')),
    ).toEqual({ scope: 'own', evidence: '市政府本级情况' });
  });
});
