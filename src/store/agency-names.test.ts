// Agency name normalising, qualifying and merge proposals: full names, region prefixes, 人民政府/政府, office variants.
import { describe, expect, it } from 'vitest';
import {
  describeAgencyName,
  matchKey,
  normalizeAgencyName,
  normalizeRegionPath,
  proposeMerges,
  qualifyAgencyName,
  regionsCompatible,
  type KnownAgency,
} from './agency-names.ts';

describe('normalizeAgencyName', () => {
  it.each([
    ['上饶市 民政局', '上饶市民政局'],
    ['\u3000上饶市民政局\u200b', '上饶市民政局'],
    ['上饶市民政局（上饶市社会组织管理局）', '上饶市民政局(上饶市社会组织管理局)'],
    ['上饶市民政局【上饶市社会组织管理局】', '上饶市民政局(上饶市社会组织管理局)'],
    ['“上饶市民政局”', '上饶市民政局'],
    ['上饶市民政局：', '上饶市民政局'],
    ['ＡＢＣ县１号办公室', 'ABC县1号办公室'],
  ])('%s → %s', (name, expected) => expect(normalizeAgencyName(name)).toBe(expected));
});

describe('normalizeRegionPath', () => {
  it('joins normalised components with /, whatever the separator', () => {
    expect(normalizeRegionPath(' 江西省／上饶市 ')).toBe('江西省/上饶市');
    expect(normalizeRegionPath('河南省 > 三门峡市 > 义马市')).toBe('河南省/三门峡市/义马市');
    expect(normalizeRegionPath('/河南省//')).toBe('河南省');
    expect(normalizeRegionPath(null)).toBe('');
  });
});

describe('qualifyAgencyName', () => {
  const shangrao = '江西省/上饶市';
  it.each([
    // Full names are left as they are.
    ['上饶市民政局', shangrao, '上饶市民政局'],
    ['江西省民政厅', shangrao, '江西省民政厅'],
    // Ancestors written before a deeper component are dropped.
    ['江西省上饶市民政局', shangrao, '上饶市民政局'],
    ['江西省上饶民政局', shangrao, '上饶市民政局'],
    // A short place name gets its suffix.
    ['上饶民政局', shangrao, '上饶市民政局'],
    // A bare unit word is the region's unit of that kind.
    ['市民政局', shangrao, '上饶市民政局'],
    ['市人民政府办公室', shangrao, '上饶市人民政府办公室'],
    ['市市场监督管理局', shangrao, '上饶市市场监督管理局'],
    ['区教育局', '河南省/新乡市/牧野区', '牧野区教育局'],
    ['省机关事务管理局', '河南省', '河南省机关事务管理局'],
    // No place at all: the innermost region's.
    ['民政局', shangrao, '上饶市民政局'],
    ['市场监督管理局', shangrao, '上饶市市场监督管理局'],
    ['住房和城乡建设局', shangrao, '上饶市住房和城乡建设局'],
    // A place certainly right below the region's innermost one gets it in front: the district under its city, the
    // town under its county (how another year's report of the same body writes it in full).
    ['牧野区人民政府办公室', '河南省/新乡市', '新乡市牧野区人民政府办公室'],
    ['朝阳区人民政府', '北京市', '北京市朝阳区人民政府'],
    ['城关镇人民政府', '河南省/三门峡市/卢氏县', '卢氏县城关镇人民政府'],
    // A place of its own that the region does not name, or a unit the region has none of, is left alone: a 市 under a
    // 市 may be a county-level city written under either, a 区 under a province is not right below it.
    ['义马市人民政府办公室', '河南省/三门峡市', '义马市人民政府办公室'],
    ['牧野区人民政府办公室', '河南省', '牧野区人民政府办公室'],
    ['广西壮族自治区民政厅', '河南省/新乡市', '广西壮族自治区民政厅'],
    ['县民政局', shangrao, '县民政局'],
    // Without a region nothing can be completed.
    ['市民政局', '', '市民政局'],
  ])('%s under %s → %s', (name, region, expected) => expect(qualifyAgencyName(name, region)).toBe(expected));
});

describe('matchKey', () => {
  it('writes 人民政府 and 政府 the same', () => {
    expect(matchKey('三门峡市人民政府办公室')).toBe(matchKey('三门峡市政府办公室'));
  });
  it('writes the office variants the same: 办公厅, 办公室, 政府办', () => {
    expect(matchKey('河南省人民政府办公厅')).toBe(matchKey('河南省政府办公室'));
    expect(matchKey('义马市政府办')).toBe(matchKey('义马市人民政府办公室'));
  });
  it('ignores a second name in brackets (一个机构两块牌子)', () => {
    expect(matchKey('上饶市民政局（上饶市社会组织管理局）')).toBe(matchKey('上饶市民政局'));
  });
  it('keeps different bodies apart', () => {
    expect(matchKey('上饶市民政局')).not.toBe(matchKey('上饶市人民政府'));
    expect(matchKey('上饶市政府办公室')).not.toBe(matchKey('上饶市政府'));
    expect(matchKey('义马市人民政府办公室')).not.toBe(matchKey('三门峡市人民政府办公室'));
  });
});

describe('describeAgencyName', () => {
  it('finds level and kind from the region and the name', () => {
    expect(describeAgencyName('市民政局', '江西省/上饶市')).toMatchObject({
      qualified: '上饶市民政局',
      level: '市',
      kind: '部门',
    });
    expect(describeAgencyName('义马市人民政府办公室', '河南省/三门峡市/义马市')).toMatchObject({
      level: '县',
      kind: '政府',
    });
    expect(describeAgencyName('河南省机关事务管理局', '河南省')).toMatchObject({ level: '省', kind: '部门' });
    expect(describeAgencyName('东城镇人民政府', '广东省/东莞市/东城镇')).toMatchObject({
      level: '乡',
      kind: '政府',
    });
    expect(describeAgencyName('海淀区人民政府', '北京市/海淀区')).toMatchObject({
      level: '县',
      kind: '政府',
    });
  });
  it('leaves the level unknown when the region does not start at a province or does not hold the name', () => {
    expect(describeAgencyName('上饶市民政局', '上饶市').level).toBeNull();
    expect(describeAgencyName('义马市人民政府办公室', '河南省/三门峡市').level).toBeNull();
    expect(describeAgencyName('市民政局', '').level).toBeNull();
  });
});

describe('regionsCompatible', () => {
  it('holds for equal, nested or unknown regions, not for siblings or mere string prefixes', () => {
    expect(regionsCompatible('江西省/上饶市', '江西省/上饶市')).toBe(true);
    expect(regionsCompatible('江西省', '江西省/上饶市')).toBe(true);
    expect(regionsCompatible('', '江西省/上饶市')).toBe(true);
    expect(regionsCompatible('江西省/上饶市', '江西省/九江市')).toBe(false);
    expect(regionsCompatible('河南省/三门峡市', '河南省/三门峡市区')).toBe(false);
  });
});

describe('proposeMerges', () => {
  const agency = (id: number, name: string, region: string): KnownAgency => {
    const d = describeAgencyName(name, region);
    return { id, name: d.normalised, normalisedName: d.normalised, matchKey: d.key, regionPath: region };
  };
  it('proposes "市民政局" under 江西省/上饶市 as 上饶市民政局 (a rename when no such agency is known)', () => {
    const a = agency(1, '市民政局', '江西省/上饶市');
    expect(proposeMerges(a, [a])).toEqual([
      { targetId: null, proposedName: '上饶市民政局', reason: 'region-prefix' },
    ]);
  });
  it('proposes a merge into the known 上饶市民政局, from the same region or one above', () => {
    const known = agency(1, '上饶市民政局', '江西省');
    const a = agency(2, '市民政局', '江西省/上饶市');
    expect(proposeMerges(a, [known, a])).toEqual([
      { targetId: 1, proposedName: '上饶市民政局', reason: 'region-prefix' },
    ]);
  });
  it('proposes 三门峡市政府办公室 → 三门峡市人民政府办公室 as a name variant', () => {
    const known = agency(1, '三门峡市人民政府办公室', '河南省/三门峡市');
    const a = agency(2, '三门峡市政府办公室', '河南省/三门峡市');
    expect(proposeMerges(a, [known])).toEqual([
      { targetId: 1, proposedName: '三门峡市人民政府办公室', reason: 'name-variant' },
    ]);
  });
  it('proposes nothing across sibling regions, for a full name, or when a person rejected it', () => {
    const other = agency(1, '民政局', '江西省/九江市');
    const a = agency(2, '民政局', '江西省/上饶市');
    expect(proposeMerges(a, [other]).filter((p) => p.targetId !== null)).toEqual([]);
    const full = agency(3, '上饶市民政局', '江西省/上饶市');
    expect(proposeMerges(full, [other, full])).toEqual([]);
    const known = agency(4, '上饶市民政局', '江西省/上饶市');
    expect(proposeMerges(a, [known], new Set(['2→4']))).toEqual([]);
    expect(proposeMerges(a, [], new Set(['2→上饶市民政局']))).toEqual([]);
  });
});
