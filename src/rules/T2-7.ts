// T2-7: a 2021 行政事业性收费 amount (万元) that looks entered in 元 (format-spec §4.2, §8.3 T2-7, §10.3 7).
import { classifyAgency } from './agency.ts';
import { cellAt, nameOf } from './cells.ts';
import type { Rule } from './types.ts';

// The row of 第二十条第（八）项 (its key in report-json.md); only the 2021 format gives it an amount column, in 万元
// (format-spec §4.2 "本年收费金额（单位：万元）"); the 2019 row counts items (§4.1), so on 2019 reports the rule is silent.
const FEES = 'fees';
// 1亿元: more than almost any body but a province-level government or a national one collects in fees.
const LARGE = 10000;
// 1000万元 written as a whole number by a county or township body: the figure was most likely written in 元.
const LARGE_FOR_COUNTY = 1000;

/**
 * T2-7, kept simple and soft ([S] in format-spec): the amount is in 万元 and amounts in 元 are the usual slip.
 * - ≥ 10000 (1亿元) is flagged unless the agency is a province-level government or a national body (agency.ts), which
 *   can collect that much; an unknown agency is flagged too, the figure being implausible for nearly every body;
 * - a whole number ≥ 1000 is flagged when the agency is a county- or township-level body (government or department),
 *   since a 万元 amount converted from 元 usually carries decimals;
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
    basis: 'format-spec §4.2（本年收费金额单位为万元）、§8.3 T2-7、§10.3 第7项',
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
    const kind = classifyAgency(ctx.report.agency);
    const canBeLarge = kind?.level === 'national' || (kind?.level === 'province' && kind.government);
    const county = kind?.level === 'county' || kind?.level === 'township';
    for (const column of row.columns) {
      if (column.kind !== 'amount') continue;
      const path = [table.key, ...row.path, column.key];
      const value = cellAt(ctx.report, path);
      if (typeof value !== 'number' || value <= 0) continue;
      const cell = { cell: nameOf(ctx.format, path), cellEn: nameOf(ctx.format, path, 'en'), value };
      if (value >= LARGE && !canBeLarge)
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
