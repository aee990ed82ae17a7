// What a report covers, as its text says: the region as a whole (全市各级行政机关共收到… — a government's report that
// sums its area), the body's own work only (本级, 本单位), or a department's; format-spec §8.5. A regional sum adds
// only reports that partition the region, so the scope decides which are added and which are compared.
import type { Report } from '../model/report.ts';
import type { ReportScope } from '../model/scope.ts';

/** A scope and the words of the report it was decided from. */
export interface ScopeFinding {
  scope: ReportScope;
  /** The sentence part that says it, as written. */
  evidence: string;
}

const UNIT = '(?:省|市|区|县|州|旗|盟|镇|乡|街道)';
const BODIES =
  '(?:各级行政机关|各级政府部门|各级政府|各级各部门|各地各部门|各地各单位|各级机关|行政机关|政府系统|各单位|各部门)';
const VERB = '(?:收到|受理|新收|接收|主动公开|公开|办理|发布|制发|答复)';

/**
 * The region as a whole: a figure of the year stated for 全市/全县/… ("全市共收到265件政府信息公开申请",
 * "全市各级行政机关主动公开政府信息129790条"), or the report said to be compiled from its area's reports.
 */
const REGION_MARKS: readonly RegExp[] = [
  new RegExp(`全${UNIT}${BODIES}?(?:共|累计|合计|全年)?${VERB}[^。；，,;]{0,24}?\\d`, 'u'),
  /(?:汇总|综合)[^。；]{0,20}(?:各(?:县|区|市|乡镇|街道|部门|单位)|县直|区直|市直|下级|所属)[^。；]{0,24}(?:年度报告|年报)/u,
  /(?:根据|依据)[^。；]{0,20}(?:各(?:县|区|市|乡镇|街道)|县直|区直|市直)[^。；]{0,30}(?:年度报告|年报)[^。；]{0,10}(?:汇总|编制)/u,
];

/** The body's own work: 本级 stated as what the figures cover, or the report said to be the unit's own. */
const OWN_MARKS: readonly RegExp[] = [
  /(?:(?:省|市|区|县|州|旗)(?:人民)?(?:政府)?|政府)本级/u,
  /本级(?:政府|机关)(?:的)?(?:政府信息公开|数据|情况)/u,
  /编制(?:了)?本(?:单位|机关)[^。；]{0,12}(?:政府信息公开工作)?年度报告/u,
];

/** The first mark found, as written to the end of its clause (at most 20 characters more). */
function firstMatch(marks: readonly RegExp[], text: string): string | null {
  for (const re of marks) {
    const m = re.exec(text);
    if (!m) continue;
    const end = m.index + m[0].length;
    const clause = /[。；，,;\n]/.exec(text.slice(end, end + 20));
    return text.slice(m.index, clause ? end + clause.index : end);
  }
  return null;
}

/**
 * The scope a report's own text states, or null when it says nothing certain. 本级 stated outright wins over a
 * 全市 figure (a 本级 report may quote the city's); a 全市 figure over the generic 编制本单位.
 */
export function scopeFromText(report: Pick<Report, 'sections'>): ScopeFinding | null {
  const text = Object.values(report.sections)
    .filter((s): s is string => typeof s === 'string')
    .join('\n')
    .replace(/[ \t\u3000]+/g, '');
  const explicitOwn = firstMatch(OWN_MARKS.slice(0, 2), text);
  if (explicitOwn) return { scope: 'own', evidence: explicitOwn };
  const region = firstMatch(REGION_MARKS, text);
  if (region) return { scope: 'region', evidence: region };
  const own = firstMatch(OWN_MARKS.slice(2), text);
  return own ? { scope: 'own', evidence: own } : null;
}
