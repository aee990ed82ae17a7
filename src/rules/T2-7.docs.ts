// The documentation of rule T2-7: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { withCells, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'T2-7',
  what: {
    zh: '2021 年格式表二第二十条第（八）项“本年收费金额（单位：万元）”的数字按机关的规模看大得不合常理，疑似按元填写。按机关名称判断规模：中央机关、省级人民政府和以省级行政区为报告主体的报告不检查；设区的市、县级人民政府，以整个地区为报告主体的报告（如“平潭综合实验区”）和开发区管委会，一个地区的收费可达数亿元（如 18651 万元），达到 100 亿元（1000000 万元）以上才提示；其他机关（政府部门、乡镇人民政府、街道办事处，以及名称看不出规模的）达到 1 亿元（10000 万元）以上即提示，其中县级、乡级机关填了 1000 以上的整数也提示。',
    en: 'The 2021 fee amount (万元) is too large for the scale of the body (a department, a township; or, for a city or county government or a region-wide report, from 100亿元) and looks entered in 元.',
  },
  why: {
    zh: '该栏单位是万元（format-spec §4.2），按元填写会把金额放大一万倍；format-spec §10.3 第 7 项把万元与元混淆列为常见错误，§8.3 T2-7 建议对小机关明显过大的数字提示。同一个数字，对一个部门可疑，对一个地区的人民政府却可能是实数，所以门槛随机关规模而定；本规则只是提示，为避免误报，规模可能容纳的数字不提示。',
    en: 'The unit is 万元 (format-spec §4.2); 元 instead of 万元 is a known slip (§8.3 T2-7, §10.3); a figure suspicious for a department may be real for a region, so the threshold follows the body’s scale.',
  },
  fix: {
    zh: '把金额换算为万元（元数除以 10000），可保留小数，例如 1263500 元填 126.35。',
    en: 'Divide an amount in 元 by 10000: 1263500 元 is 126.35.',
  },
  example: {
    defect: {
      zh: '表二“行政事业性收费”的本年收费金额按元填写为 1263500（应为 126.35 万元）。',
      en: 'Table 2: the fee amount 1263500, in 元 instead of 126.35 万元.',
    },
    report: (r) => withCells(r, { 'proactive.fees.amount': 1263500 }),
  },
};
