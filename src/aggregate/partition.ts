// Which reports of a region are added up (format-spec §8.5: 本级政府 + 部门 + 下级政府): those that partition it. A
// report of a whole region stands for everything below it; the summed region's own whole-region report is not added
// but compared with the sum; a government report whose scope is not known is added as its own and named.
import { finding, inLang } from '../findings/index.ts';
import type { Diagnostic, Lang } from '../model/diagnostic.ts';
import type { ReportScope } from '../model/scope.ts';

/** A report as the partition sees it: its unit (the region path of the body it is of) and what it covers. */
export interface UnitReport<T> {
  /** The region path of the body's place, e.g. [河南省, 新乡市, 牧野区] for 新乡市牧野区人民政府. */
  unit: readonly string[];
  /** What it covers; null when not known. */
  scope: ReportScope | null;
  /** Whether the body is a people's government (or its office), whose report may cover the whole region. */
  government: boolean;
  item: T;
}

/** How the reports of a region are used in its sum. */
export interface Partition<T> {
  /** The reports added: the region's own and departments', and for each place below, its whole-region report or
   *  its own partition. */
  members: T[];
  /** Reports left out because a whole-region report of their place stands for them (`by`). */
  covered: { item: T; by: T }[];
  /** The summed region's own whole-region reports: compared with the sum of the members, not added. */
  regionReports: T[];
  /** Government reports of unknown scope added as their own while other members are below them. */
  unknownScope: { item: T; below: number }[];
}

const startsWith = (path: readonly string[], prefix: readonly string[]) =>
  prefix.length <= path.length && prefix.every((c, i) => path[i] === c);

/** The reports that partition `region` (a region path, [] for the whole library) among those in and below it. */
export function partition<T>(region: readonly string[], reports: readonly UnitReport<T>[]): Partition<T> {
  const out: Partition<T> = { members: [], covered: [], regionReports: [], unknownScope: [] };
  const inside = reports.filter((r) => startsWith(r.unit, region));
  const here = inside.filter((r) => r.unit.length === region.length);
  out.regionReports = here.filter((r) => r.scope === 'region').map((r) => r.item);
  for (const r of here) {
    if (r.scope === 'region') continue;
    out.members.push(r.item);
    if (r.scope === null && r.government && inside.length > 1)
      out.unknownScope.push({ item: r.item, below: inside.length - 1 });
  }
  const children = new Map<string, UnitReport<T>[]>();
  for (const r of inside) {
    if (r.unit.length === region.length) continue;
    const child = r.unit[region.length]!;
    const list = children.get(child);
    if (list) list.push(r);
    else children.set(child, [r]);
  }
  for (const [child, list] of children) {
    const path = [...region, child];
    const sub = partition(path, list);
    const whole = sub.regionReports[0];
    if (whole === undefined) {
      out.members.push(...sub.members);
      out.covered.push(...sub.covered);
      out.unknownScope.push(...sub.unknownScope);
      continue;
    }
    // The place's whole-region report stands for every other report in it.
    out.members.push(whole);
    for (const r of list) if (r.item !== whole) out.covered.push({ item: r.item, by: whole });
  }
  return out;
}

/** The unit words of places, for 全市, 全县 …: the longest first. */
const UNITS = ['街道', '省', '市', '区', '县', '州', '旗', '盟', '镇', '乡'];

/** What the scope finding names of a report: its agency, its id and the place it is of. */
export interface Named {
  agency: string | null;
  reportId: number;
  /** The name of the place the body is of (三门峡市), or null. */
  place: string | null;
}

/** The aggregate/scope-unknown findings of a partition: each government report added as its own while unsure. */
export function scopeFindings<T>(p: Partition<T>, name: (item: T) => Named, lang: Lang = 'zh'): Diagnostic[] {
  return p.unknownScope.map(({ item, below }) => {
    const { agency, reportId, place } = name(item);
    const unit = UNITS.find((s) => place?.endsWith(s)) ?? '地区';
    const data = { agency, reportId, unit, members: below };
    return inLang(finding('aggregate/scope-unknown', 'scope-unknown', data), lang);
  });
}
