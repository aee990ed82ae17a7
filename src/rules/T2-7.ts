// T2-7: a 2021 行政事业性收费 amount (万元) that looks entered in 元 (format-spec §4.2, §8.3 T2-7, §10.3 7).
import { classifyAgency, type AgencyLevel } from './agency.ts';
import { cellAt, nameOf } from '../model/cells.ts';
import type { Rule } from './types.ts';

// The row of 第二十条第（八）项 (its key in report-json.md); only the 2021 format gives it an amount column, in 万元
// (format-spec §4.2 "本年收费金额（单位：万元）"); the 2019 row counts items (§4.1), so on 2019 reports the rule is silent.
const FEES = 'fees';
// 1亿元: more than a department, a township or a 街道 collects in fees; such a figure was most likely written in 元.
const LARGE = 10000;
// 100亿元: more than the whole region of a city or a county collects. The fees of a region (a government's report
// covers its region: "全区收取行政事业性收费18651万元") run to 亿元; written in 元, even 100万元 would exceed this.
const LARGE_FOR_REGION = 1_000_000;
// 1000万元 written as a whole number by a county or township body: the figure was most likely written in 元.
const LARGE_FOR_COUNTY = 1000;

/** A name that is a region itself ("上海市", "某市某区", "平潭综合实验区"), not a body in it. */
const REGION_NAME = /(?:省|自治区|市|自治州|州|盟|地区|县|自治县|旗|区)$/;
/** Places smaller than a county or not regions at all, though their names end like one. */
const NOT_REGION = /(?:景区|园区|社区|校区|片区|辖区|库区)$/;
/** A development zone's 管委会, which governs its zone as a county government does. */
const ZONE_COMMITTEE = /(?:开发区|高新区|新区|实验区|试验区|保税区|合作区)(?:管理委员会|管委会)$/;

/**
 * The scale of the body whose fees the report states: `unbounded` (a national body, a province-level government or
 * region: no amount is implausible), `region` (the government of a 设区的市 or a county, a region-wide report, a
 * development zone: large fees are plausible up to LARGE_FOR_REGION), or `unit` (a department, a township
 * government or 街道, or a body the name does not tell).
 */
export function feeScale(agency: string | null): {
  scale: 'unbounded' | 'region' | 'unit';
  level: AgencyLevel | null;
} {
  const kind = classifyAgency(agency);
  if (!kind) return { scale: 'unit', level: null };
  if (kind.level === 'national') return { scale: 'unbounded', level: kind.level };
  const n = agency!.normalize('NFKC').replace(/\s+/g, '');
  const wholeRegion =
    (kind.government && /(?:人民政府|政府)$/.test(n)) ||
    (REGION_NAME.test(n) && !NOT_REGION.test(n)) ||
    ZONE_COMMITTEE.test(n);
  if (!wholeRegion || kind.level === 'township') return { scale: 'unit', level: kind.level };
  return { scale: kind.level === 'province' ? 'unbounded' : 'region', level: kind.level };
}

/**
 * T2-7, kept simple and soft ([S] in format-spec): the amount is in 万元 and amounts in 元 are the usual slip. The
 * threshold follows the body's scale (feeScale):
 * - a national body, a province-level government or region: never flagged;
 * - a city or county government, a region-wide report, a development zone: flagged from 1000000 (100亿元);
 * - any other body (departments, township governments, 街道, an unknown agency): flagged from 10000 (1亿元), and a
 *   whole number ≥ 1000 is flagged for a county- or township-level one, since a 万元 amount converted from 元
 *   usually carries decimals;
 * - 0 and small decimals are never flagged.
 */
export const rule: Rule = {
  meta: {
    id: 'T2-7',
    severity: 'warning',
    title: {
      zh: '行政事业性收费金额疑似以元填写',
      en: 'The fee amount looks entered in 元 instead of 万元',
    },
    basis:
      'format-spec §4.2（本年收费金额单位为万元）、§8.3 T2-7（“e.g. ≥ 10⁶ for a small agency”）、§10.3 第7项',
    skipOnAggregate: true,
    messages: {
      tooLarge: {
        zh: '{cell}为 {value} 万元，即 {yi} 亿元，对本机关而言过大：该栏单位为万元，请核实是否按元填写',
        en: 'The amount in {cellEn} is {value} 万元, i.e. {yi} 亿元 (hundred million yuan), too large for this body: the unit is 万元; check whether it was entered in 元',
      },
      wholeYuan: {
        zh: '{cell}为 {value} 万元（整数），对县级、乡级机关而言过大：该栏单位为万元，请核实是否按元填写（{value} 元即 {wan} 万元）',
        en: 'The amount in {cellEn} is {value} 万元 (a whole number), too large for a county or township body: the unit is 万元; check whether it was entered in 元 ({value} 元 would be {wan} 万元)',
      },
    },
  },
  check(ctx) {
    const table = ctx.format.tables.find((t) => t.key === 'proactive')!;
    const row = table.rows.find((r) => r.path[0] === FEES);
    if (!row) return;
    const { scale, level } = feeScale(ctx.report.agency);
    if (scale === 'unbounded') return;
    const large = scale === 'region' ? LARGE_FOR_REGION : LARGE;
    const county = scale === 'unit' && (level === 'county' || level === 'township');
    for (const column of row.columns) {
      if (column.kind !== 'amount') continue;
      const path = [table.key, ...row.path, column.key];
      const value = cellAt(ctx.report, path);
      if (typeof value !== 'number' || value <= 0) continue;
      const cell = { cell: nameOf(ctx.format, path), cellEn: nameOf(ctx.format, path, 'en'), value };
      if (value >= large)
        ctx.add({
          messageId: 'tooLarge',
          data: { ...cell, yi: +(value / 10000).toPrecision(12) },
          path,
          actual: value,
        });
      else if (county && Number.isInteger(value) && value >= LARGE_FOR_COUNTY)
        ctx.add({
          messageId: 'wholeYuan',
          data: { ...cell, wan: +(value / 10000).toPrecision(12) },
          path,
          actual: value,
        });
    }
  },
};
