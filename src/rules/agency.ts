// What kind of body a report's agency is, guessed from its name, for the rules that depend on it (T2-5, T2-7).

/** The administrative level of a body: national, province, prefecture (市/州), county (县/区/旗) or township (乡/镇/街道). */
export type AgencyLevel = 'national' | 'province' | 'prefecture' | 'county' | 'township';

/** A body as its name shows it: its level, and whether it is a people's government itself or one of its departments. */
export interface AgencyKind {
  level: AgencyLevel;
  /** True for a 人民政府 (or a 街道办事处, the 派出机关 acting as one); false for a department or office under one. */
  government: boolean;
}

// Words of organ names that contain a place character without naming a place (市场监督管理局, 城乡建设, 社区…).
const NOT_PLACES =
  /市场|城市|市政|市容|都市|城乡|乡村|城镇|区域|社区|园区|景区|辖区|省级|市级|县级|区级|乡级|镇级/g;

// The four 直辖市 are province-level units (宪法第三十条).
const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);

// The place markers by level; the last one in a name is the body's level, names running from the larger unit to the
// smaller ("新乡市牧野区人民政府"). The 区 of 自治区 (province) and 地区 (prefecture) is not a county's.
const MARKERS: readonly [RegExp, AgencyLevel][] = [
  [/街道|乡|镇/, 'township'],
  [/自治县|自治旗|县|旗|(?<!自治|地)区/, 'county'],
  [/自治州|州|盟|地区|市/, 'prefecture'],
  [/自治区|省/, 'province'],
];

// Organs of the State Council and national bodies: a national prefix, or a 部/署 with no place in the name
// (外交部 … 应急管理部, 审计署, 海关总署).
const NATIONAL_PREFIX = /^(?:中华人民共和国|国务院|国家|中国|中共中央)/;
const NATIONAL_SUFFIX = /(?:部|署)$/;

/**
 * Classifies an agency by its name; null when the name says too little (no place and no national mark, e.g.
 * "民政局"). A guess from the name only: a 县级市's government looks like a 设区的市's.
 */
export function classifyAgency(name: string | null): AgencyKind | null {
  if (!name) return null;
  const n = name.normalize('NFKC').replace(/\s+/g, '');
  // A 行政公署 is the province's 派出机关, not a government of a 设区的市: it counts as a department here.
  const government = /(?:人民政府|政府|街道办事处)$/.test(n);
  const places = n.replace(NOT_PLACES, '');
  // The place part ends where the government or the department begins: "三门峡市人民政府办公室" → "三门峡市".
  const governmentAt = places.search(/人民政府|政府/);
  const scope = governmentAt >= 0 ? places.slice(0, governmentAt) : places;
  let level: AgencyLevel | null = null;
  let at = -1;
  for (const [re, l] of MARKERS) {
    const all = [...scope.matchAll(new RegExp(re.source, 'g'))];
    const last = all[all.length - 1];
    if (last && last.index > at) {
      at = last.index;
      level = l;
    }
  }
  if (level === 'prefecture' && MUNICIPALITIES.has(scope.slice(at - 2, at + 1))) level = 'province';
  if (level) return { level, government };
  if (NATIONAL_PREFIX.test(n) || NATIONAL_SUFFIX.test(n)) return { level: 'national', government: false };
  return null;
}

/**
 * Whether a body may make 规章 (立法法第九十一条、第九十三条): the departments of the State Council, and the people's
 * governments of provinces, 自治区, 直辖市, 设区的市 and 自治州. Null when the name does not tell.
 */
export function makesRegulations(kind: AgencyKind | null): boolean | null {
  if (!kind) return null;
  if (kind.level === 'national') return true;
  return kind.government && (kind.level === 'province' || kind.level === 'prefecture');
}
