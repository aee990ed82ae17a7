// The reports that partition a region: a whole-region report stands for its place, the summed region's own is
// compared instead of added, and a government report of unknown scope is named when others lie below it.
import { describe, expect, it } from 'vitest';
import type { ReportScope } from '../model/scope.ts';
import { partition, type UnitReport } from './partition.ts';

const r = (
  item: string,
  unit: string,
  scope: ReportScope | null,
  government = false,
): UnitReport<string> => ({
  item,
  unit: unit.split('/').filter(Boolean),
  scope,
  government,
});

const CITY = [
  r('city-wide', '省/市', 'region', true),
  r('city-office', '省/市', 'own', true),
  r('city-dept', '省/市', 'department'),
  r('district-a-wide', '省/市/甲区', 'region', true),
  r('district-a-dept', '省/市/甲区', 'department'),
  r('district-a-town', '省/市/甲区/某镇', null, true),
  r('district-b-gov', '省/市/乙区', 'own', true),
  r('district-b-dept', '省/市/乙区', 'department'),
];

describe('partition', () => {
  it('adds the city’s own and departments’ reports and each district once; compares the city-wide report', () => {
    const p = partition(['省', '市'], CITY);
    expect(p.members.sort()).toEqual(
      ['city-dept', 'city-office', 'district-a-wide', 'district-b-dept', 'district-b-gov'].sort(),
    );
    expect(p.regionReports).toEqual(['city-wide']);
    expect(p.covered).toEqual([
      { item: 'district-a-dept', by: 'district-a-wide' },
      { item: 'district-a-town', by: 'district-a-wide' },
    ]);
    expect(p.unknownScope).toEqual([]);
  });

  it('sums a district from its parts when it is the region summed', () => {
    const p = partition(['省', '市', '甲区'], CITY);
    expect(p.members.sort()).toEqual(['district-a-dept', 'district-a-town']);
    expect(p.regionReports).toEqual(['district-a-wide']);
  });

  it('adds every report when none covers a whole region (what the sum did before scopes)', () => {
    const units = CITY.filter((u) => u.scope !== 'region');
    expect(partition(['省', '市'], units).members.sort()).toEqual(units.map((u) => u.item).sort());
  });

  it('names a government report of unknown scope only when other reports lie below it', () => {
    const p = partition(['省'], [r('gov', '省/市', null, true), r('dept', '省/市', 'department')]);
    expect(p.unknownScope).toEqual([{ item: 'gov', below: 1 }]);
    expect(
      partition(['省'], [r('gov', '省/市', null, true), r('other', '省/县', 'own', true)]).unknownScope,
    ).toEqual([]);
    // A department is never taken for a whole region.
    expect(
      partition(['省'], [r('dept', '省/市', null), r('d2', '省/市', 'department')]).unknownScope,
    ).toEqual([]);
  });

  it('sums the whole library from the top', () => {
    const p = partition([], [...CITY, r('elsewhere', '另省', 'department'), r('nowhere', '', null)]);
    expect(p.regionReports).toEqual([]);
    expect(p.members).toContain('city-wide');
    expect(p.members).toContain('elsewhere');
    expect(p.members).toContain('nowhere');
    expect(p.members).not.toContain('city-office');
  });
});
