// Tests of the agency classifier behind T2-5 and T2-7: level and government-or-department from the name.
import { describe, expect, it } from 'vitest';
import { classifyAgency, makesRegulations, type AgencyLevel } from './agency.ts';

const table: [string, AgencyLevel | null, boolean, boolean | null][] = [
  // name, level, government, may make 规章
  ['河南省人民政府', 'province', true, true],
  ['广西壮族自治区人民政府', 'province', true, true],
  ['北京市人民政府', 'province', true, true],
  ['贵州省人民政府', 'province', true, true],
  ['三门峡市人民政府', 'prefecture', true, true],
  ['义马市人民政府', 'prefecture', true, true], // a 县级市: the name cannot tell
  ['延边朝鲜族自治州人民政府', 'prefecture', true, true],
  ['新乡市牧野区人民政府', 'county', true, false],
  ['上海市浦东新区人民政府', 'county', true, false],
  ['长阳土家族自治县人民政府', 'county', true, false],
  ['某县某镇人民政府', 'township', true, false],
  ['某区某街道办事处', 'township', true, false],
  ['市民政局', 'prefecture', false, false],
  ['三门峡市人民政府办公室', 'prefecture', false, false],
  ['新乡市牧野区人民政府办公室', 'county', false, false],
  ['河南省机关事务管理局', 'province', false, false],
  ['北京市民政局', 'province', false, false],
  ['国家税务总局上海市税务局', 'province', false, false],
  ['兖州区审计局', 'county', false, false],
  ['某县乡村振兴局', 'county', false, false], // 乡村 is no 乡
  ['某市市场监督管理局', 'prefecture', false, false], // 市场 is no 市
  ['某地区行政公署', 'prefecture', false, false],
  ['国家发展和改革委员会', 'national', false, true],
  ['国家市场监督管理总局', 'national', false, true],
  ['住房和城乡建设部', 'national', false, true],
  ['审计署', 'national', false, true],
  ['中国人民银行', 'national', false, true],
];

describe('classifyAgency', () => {
  for (const [name, level, government, regulations] of table)
    it(name, () => {
      const kind = classifyAgency(name);
      expect(kind).toEqual({ level, government });
      expect(makesRegulations(kind)).toBe(regulations);
    });
  it('says nothing of a name with no place and no national mark, or of no name', () => {
    expect(classifyAgency('民政局')).toBeNull();
    expect(classifyAgency(null)).toBeNull();
    expect(makesRegulations(null)).toBeNull();
  });
  it('ignores spaces and full-width forms', () => {
    expect(classifyAgency(' 三门峡市 人民政府 ')).toEqual({ level: 'prefecture', government: true });
  });
});
