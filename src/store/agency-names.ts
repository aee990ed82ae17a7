// Agency names: normalising, qualifying with the region, and proposing merges — pure functions, no database.

/** Administrative level of a body: province, prefecture (市), county (县, 区, 县级市), township (乡, 镇, 街道). */
export type AgencyLevel = '省' | '市' | '县' | '乡';
/** A people's government (its own report, often published by its 办公室) or a department. */
export type AgencyKind = '政府' | '部门';

/** What the store knows of a name: its normalised form, qualified form, match key, level and kind. */
export interface AgencyName {
  /** The name as normalised for display and exact lookup. */
  normalised: string;
  /** The name with its region prefix completed ("市民政局" under 江西省/上饶市 → 上饶市民政局). */
  qualified: string;
  /** The key merges are proposed on: the qualified name with variants unified (人民政府 → 政府, 办公厅 → 办公室). */
  key: string;
  level: AgencyLevel | null;
  kind: AgencyKind | null;
}

/** An agency as the matcher sees it. */
export interface KnownAgency {
  id: number;
  name: string;
  normalisedName: string;
  matchKey: string;
  regionPath: string;
}

/** Why a merge or rename is proposed. */
export type ProposalReason = 'region-prefix' | 'name-variant';

/** A proposal about an agency: merge it into `targetId`, or (targetId null) rename it to `proposedName`. */
export interface Proposal {
  targetId: number | null;
  proposedName: string;
  reason: ProposalReason;
}

const BRACKETS: Record<string, string> = {
  '（': '(',
  '）': ')',
  '【': '(',
  '】': ')',
  '〔': '(',
  '〕': ')',
  '[': '(',
  ']': ')',
  '［': '(',
  '］': ')',
};

/**
 * Normalises a name as published: NFKC (full-width letters and digits, compatibility forms), no whitespace or
 * zero-width characters, every kind of bracket as ASCII parentheses, no quotes, no punctuation at either end.
 */
export function normalizeAgencyName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\ufeff]+/g, '')
    .replace(/[（）【】〔〕[\]［］]/g, (c) => BRACKETS[c] ?? c)
    .replace(/["'“”‘’「」『』]/g, '')
    .replace(/^[:：,，、.。;；\-—]+|[:：,，、.。;；\-—]+$/g, '');
}

/** The components of a region path ("河南省/三门峡市/义马市", separators / ／ \ > ›), normalised, empty ones dropped. */
export function regionComponents(path: string | null | undefined): string[] {
  if (!path) return [];
  return path
    .split(/[/／\\>›]/)
    .map(normalizeAgencyName)
    .filter((c) => c.length > 0);
}

/** A region path in its stored form: normalised components joined by "/", '' for none. */
export function normalizeRegionPath(path: string | null | undefined): string {
  return regionComponents(path).join('/');
}

// Suffixes of administrative units, longest first so that 自治州 wins over 州 (GB/T 2260 naming).
const UNIT_SUFFIXES = [
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '街道',
  '新区',
  '省',
  '市',
  '州',
  '盟',
  '县',
  '旗',
  '区',
  '镇',
  '乡',
];
const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);
/** Words that begin with a unit character without naming a unit (市场监督管理局, 城乡建设, 区域). */
const NOT_UNIT_WORDS = ['市场', '城乡', '区域', '县域', '乡村', '市政工程'];

function shortName(component: string): string | null {
  for (const s of UNIT_SUFFIXES)
    if (component.endsWith(s) && component.length - s.length >= 2) return component.slice(0, -s.length);
  return null;
}

function suffixOf(component: string): string | null {
  return UNIT_SUFFIXES.find((s) => component.endsWith(s)) ?? null;
}

/** The place name the name begins with (a unit suffix after at least one character), or null. */
export function placePrefix(name: string): string | null {
  let masked = name;
  for (const w of NOT_UNIT_WORDS) masked = masked.split(w).join('＊'.repeat(w.length));
  const m = /^[^＊]{1,10}?(特别行政区|自治区|自治州|自治县|自治旗|街道|新区|省|市|州|盟|县|旗|区|镇|乡)/.exec(
    masked,
  );
  return m ? name.slice(0, m[0].length) : null;
}

/**
 * Whether a place is certainly of the level right below a region component: a 区, 县 or 旗 under a city, prefecture
 * or league; a 镇, 乡 or 街道 under a county or district. A 市 under a 市 (a county-level city) is not taken as
 * certain: 义马市 may be written under 三门峡市 or under 河南省.
 */
function isBelow(place: string, component: string): boolean {
  if (/(市|州|盟|地区)$/.test(component)) return /(区|县|旗)$/.test(place) && !/(自治区|新区)$/.test(place);
  if (/(县|区|旗)$/.test(component)) return /(镇|乡|街道)$/.test(place);
  return false;
}

/**
 * Completes a name with its region: ancestor prefixes are dropped down to the innermost component the name
 * begins with ("江西省上饶市民政局" → "上饶市民政局"), a short place name gets its suffix ("上饶民政局" → "上饶市民政局"),
 * a bare unit word is the region's unit of that kind ("市民政局" → "上饶市民政局"), and a name with no place at all
 * is the innermost region's ("民政局" → "上饶市民政局"). A name whose place is not in the region is left alone.
 */
export function qualifyAgencyName(name: string, regionPath: string | null | undefined): string {
  let n = normalizeAgencyName(name);
  const comps = regionComponents(regionPath);
  if (comps.length === 0 || n.length === 0) return n;
  // Drop ancestors written before a deeper component: 江西省上饶市民政局 → 上饶市民政局.
  for (let i = 0; i < comps.length; i++) {
    const c = comps[i]!;
    if (!n.startsWith(c)) continue;
    const rest = n.slice(c.length);
    if (
      comps.slice(i + 1).some((d) => rest.startsWith(d) || (shortName(d) && rest.startsWith(shortName(d)!)))
    )
      n = rest;
  }
  if (comps.some((c) => n.startsWith(c))) return n;
  // A short place name without its suffix: 上饶民政局 → 上饶市民政局 (innermost component first).
  for (const c of [...comps].reverse()) {
    const short = shortName(c);
    if (short && n.startsWith(short) && !n.startsWith(c)) return c + n.slice(short.length);
  }
  // A bare unit word: 市民政局, 县人民政府办公室, 区教育局 — the innermost component with that suffix.
  if (!NOT_UNIT_WORDS.some((w) => n.startsWith(w))) {
    for (const c of [...comps].reverse()) {
      const suffix = suffixOf(c);
      if (suffix && n.startsWith(suffix) && n.length > suffix.length) return c + n.slice(suffix.length);
    }
  }
  // A unit word of a level the region does not name (县民政局 under a 市) cannot be completed.
  if (UNIT_SUFFIXES.some((s) => n.startsWith(s)) && !NOT_UNIT_WORDS.some((w) => n.startsWith(w))) return n;
  // A place of the level below the region's innermost one, written without it: 牧野区人民政府 under 河南省/新乡市 is
  // 新乡市牧野区人民政府 — what another year's report of the same body may write in full.
  const place = placePrefix(n);
  if (place) return isBelow(place, comps[comps.length - 1]!) ? comps[comps.length - 1]! + n : n;
  return comps[comps.length - 1]! + n;
}

/** The key merges are proposed on: variants of one body's name written the same way. */
export function matchKey(qualifiedName: string): string {
  return (
    normalizeAgencyName(qualifiedName)
      // One body with a second name in brackets (一个机构两块牌子) is still the same body.
      .replace(/\([^()]*\)/g, '')
      .replace(/人民政府/g, '政府')
      .replace(/办公厅/g, '办公室')
      .replace(/政府办$/, '政府办公室')
  );
}

/** The level of a body whose qualified name begins with a component of the region, by depth and suffix. */
function levelOf(qualified: string, comps: readonly string[]): AgencyLevel | null {
  const first = comps[0];
  if (!first || !(/(省|自治区|特别行政区)$/.test(first) || MUNICIPALITIES.has(first))) return null;
  let depth = -1;
  comps.forEach((c, i) => {
    if (qualified.startsWith(c)) depth = i;
  });
  if (depth < 0) return null;
  const c = comps[depth]!;
  if (/(乡|镇|街道)$/.test(c)) return '乡';
  if (MUNICIPALITIES.has(first)) return (['省', '县', '乡'] as const)[depth] ?? null;
  return (['省', '市', '县', '乡'] as const)[depth] ?? null;
}

/** A people's government (or its office, which publishes the government's own report), else a department. */
function kindOf(key: string): AgencyKind | null {
  if (/政府(办公室)?$/.test(key)) return '政府';
  if (/(局|委员会|委|厅|办公室|办|中心|院|所|署|会|部|处|队|站|馆|社|行|室)$/.test(key)) return '部门';
  return null;
}

/** Everything the store derives from a name and the region it was imported under. */
export function describeAgencyName(name: string, regionPath: string | null | undefined): AgencyName {
  const normalised = normalizeAgencyName(name);
  const qualified = qualifyAgencyName(normalised, regionPath);
  const key = matchKey(qualified);
  return {
    normalised,
    qualified,
    key,
    level: levelOf(qualified, regionComponents(regionPath)),
    kind: kindOf(key),
  };
}

/** True when two region paths can hold the same body: equal, one inside the other, or either unknown (''). */
export function regionsCompatible(a: string, b: string): boolean {
  return a === '' || b === '' || a === b || a.startsWith(b + '/') || b.startsWith(a + '/');
}

/**
 * The proposals for a newly found agency: a merge into each known agency (oldest first) with the same match
 * key in a compatible region; failing that, a rename to the qualified name when it differs from the name
 * written. `rejected` holds the "agencyId→targetId|name" pairs a person already turned down.
 */
export function proposeMerges(
  agency: KnownAgency,
  known: readonly KnownAgency[],
  rejected: ReadonlySet<string> = new Set(),
): Proposal[] {
  const out: Proposal[] = [];
  const targets = known
    .filter(
      (k) =>
        k.id !== agency.id &&
        k.matchKey === agency.matchKey &&
        regionsCompatible(k.regionPath, agency.regionPath),
    )
    .sort((a, b) => a.id - b.id);
  for (const t of targets) {
    if (rejected.has(`${agency.id}→${t.id}`)) continue;
    out.push({
      targetId: t.id,
      proposedName: t.name,
      reason: matchKey(agency.normalisedName) === agency.matchKey ? 'name-variant' : 'region-prefix',
    });
  }
  if (out.length > 0 || targets.length > 0) return out;
  const qualified = qualifyAgencyName(agency.normalisedName, agency.regionPath);
  if (qualified !== agency.normalisedName && !rejected.has(`${agency.id}→${qualified}`))
    out.push({ targetId: null, proposedName: qualified, reason: 'region-prefix' });
  return out;
}
