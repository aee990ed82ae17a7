// T2-5: 规章 figures reported by a body that cannot make 规章 (format-spec §8.3 T2-5; 立法法第九十一条、第九十三条).
import { classifyAgency, makesRegulations } from './agency.ts';
import { cellAt, nameOf } from '../model/cells.ts';
import type { Rule } from './types.ts';

// The row of 第二十条第（一）项 that counts 规章 (its key in report-json.md, both formats).
const REGULATIONS = 'regulations';

/**
 * T2-5: only the departments of the State Council and the governments of provinces, 自治区, 直辖市, 设区的市 and
 * 自治州 make 规章 (立法法第九十一条、第九十三条; the Hubei note "规章（设区的市、自治州人民政府应提供相关数据）"), so a
 * 规章 figure > 0 from any other body is suspicious — most often it counted its 规范性文件 there, or the 规章 of its
 * government. The agency is judged by its name only (agency.ts):
 * - no warning: national bodies (国家…/中华人民共和国…/国务院…/中国…, or a …部/…署 with no place in the name);
 *   governments of a province, 自治区 or 直辖市 (北京、天津、上海、重庆); "…市人民政府" and "…自治州人民政府" — a 县级市
 *   cannot be told from a 设区的市 by the name, so every 市 government is given the benefit of the doubt;
 * - warning: departments and offices of a local government (…局/…委员会/…厅/…办公室 under a 省/市/县/区 name,
 *   "市人民政府办公室" included — the government makes the 规章, not its office), and governments of a 县/区/旗/乡/镇
 *   or a 街道办事处;
 * - no finding when the agency is unknown (null) or its name names no place ("民政局").
 */
export const rule: Rule = {
  meta: {
    id: 'T2-5',
    severity: 'warning',
    title: {
      zh: '无规章制定权的机关填报了规章数量',
      en: 'Regulations reported by a body that cannot make them',
    },
    basis:
      'format-spec §8.3 T2-5；《中华人民共和国立法法》第九十一条、第九十三条（国务院部门，省、自治区、直辖市和设区的市、自治州的人民政府制定规章）',
    skipOnAggregate: true,
    messages: {
      department: {
        zh: '{row}填报了 {cells}，但“{agency}”是地方人民政府的工作部门或派出机构，没有规章制定权（只有国务院部门和省级、设区的市级人民政府可以制定规章）；请核实是否把规范性文件或本级政府的规章计入了此行',
        en: 'In {rowEn}, "{agency}" reports {cells}, but it is a department of a local government, which cannot make regulations (only State Council departments and the governments of provinces and cities with districts can); check whether normative documents or the government\'s own regulations were counted here',
      },
      localGovernment: {
        zh: '{row}填报了 {cells}，但“{agency}”是县级或乡级人民政府，没有规章制定权（只有国务院部门和省级、设区的市级人民政府可以制定规章）；请核实是否把规范性文件计入了此行',
        en: 'In {rowEn}, "{agency}" reports {cells}, but it is a county or township government, which cannot make regulations (only State Council departments and the governments of provinces and cities with districts can); check whether normative documents were counted here',
      },
    },
  },
  check(ctx) {
    const table = ctx.format.tables.find((t) => t.key === 'proactive')!;
    const row = table.rows.find((r) => r.path[0] === REGULATIONS);
    if (!row) return;
    const kind = classifyAgency(ctx.report.agency);
    if (makesRegulations(kind) !== false) return;
    const rowPath = [table.key, ...row.path];
    const positive = row.columns
      .map((c) => ({ c, path: [...rowPath, c.key], v: cellAt(ctx.report, [...rowPath, c.key]) }))
      .filter((x): x is typeof x & { v: number } => typeof x.v === 'number' && x.v > 0);
    if (positive.length === 0) return;
    ctx.add({
      messageId: kind!.government ? 'localGovernment' : 'department',
      data: {
        row: nameOf(ctx.format, rowPath),
        rowEn: nameOf(ctx.format, rowPath, 'en'),
        agency: ctx.report.agency,
        cells: positive.map((x) => `${x.c.label} ${x.v}`).join('、'),
      },
      path: positive[0]!.path,
      related: positive.slice(1).map((x) => x.path),
      actual: positive[0]!.v,
    });
  },
};
