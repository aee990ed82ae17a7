// a people's government reports its 工作考核、社会评议和责任追究 results (条例第五十条第四项; format-spec §8.4).
import { SECTION_KEYS } from '../model/report.ts';
import { classifyAgency } from './agency.ts';
import type { AgencyKindOption, Rule } from './types.ts';

/**
 * The three matters of 条例第五十条第四项, with the wordings that count as mentioning them. Generous on purpose
 * (绩效考核, 群众评议, 问责…): the rule asks whether the report speaks of the matter, not how.
 */
const MATTERS: readonly { zh: string; en: string; re: RegExp }[] = [
  { zh: '工作考核', en: 'performance assessment', re: /考核/ },
  {
    zh: '社会评议',
    en: 'public evaluation',
    re: /评议|社会评价|公众评价|群众评价|满意度测评|满意度调查|第三方评估/,
  },
  {
    zh: '责任追究',
    en: 'accountability',
    re: /责任追究|追究[^。；]{0,12}责任|问责|追责|责任倒查/,
  },
];

/**
 * Whether the body is a people's government (人民政府), by the caller's word (`agencyKind`) or else by its name.
 * 条例第五十条第四项 asks 各级人民政府; the levels of government are those of 宪法第九十五条 — province, 设区的市,
 * county and 乡、民族乡、镇 — so a 乡镇人民政府 is one. A 街道办事处 is not: it is the 派出机关 of a 市辖区 or 不设区的市
 * government (地方各级人民代表大会和地方各级人民政府组织法第八十五条), like a 行政公署 or a 开发区管委会, and its
 * report is a unit's, not a government's. Null when the name does not tell.
 */
function isPeoplesGovernment(agency: string | null, given: AgencyKindOption | undefined): boolean | null {
  if (given) return given === '政府';
  const kind = classifyAgency(agency);
  if (!kind) return null;
  return kind.government && /(?:人民政府|政府)$/.test(agency!.normalize('NFKC').replace(/\s+/g, ''));
}

/**
 * the report of a 人民政府 (a 乡/镇 government included; not a 街道办事处, not its 办公室 nor its departments)
 * mentions 工作考核、社会评议和责任追究. 条例第五十条第四项 asks 各级人民政府 for these results; the 2021 format puts
 * them in （一）总体情况 under 监督保障. An agency the name does not classify is not judged.
 */
export const rule: Rule = {
  meta: {
    id: 'X-3',
    severity: 'warning',
    title: {
      zh: '人民政府年报应报告工作考核、社会评议和责任追究结果情况',
      en: "A people's government reports its performance assessment, public evaluation and accountability results",
    },
    basis:
      '《中华人民共和国政府信息公开条例》第五十条第四项（各级人民政府“工作考核、社会评议和责任追究结果情况”）；2021年版格式“（一）总体情况”监督保障；《宪法》第九十五条（乡、民族乡、镇设人民政府）、《地方各级人民代表大会和地方各级人民政府组织法》第八十五条（街道办事处是派出机关）；format-spec §3.1、§8.4 X-3',
    skipOnAggregate: true,
    messages: {
      missing: {
        zh: '{agency}是人民政府，年报应报告工作考核、社会评议和责任追究结果情况（条例第五十条第四项），正文未提及：{missingText}',
        en: "{agency} is a people's government: its report should state its performance assessment, public evaluation and accountability results (Regulations art. 50(4)); the text does not mention: {missingEn}",
      },
    },
  },
  check(ctx) {
    const { agency, sections } = ctx.report;
    if (!isPeoplesGovernment(agency, ctx.agencyKind)) return;
    // All six sections are read: the matter may be reported outside （一）总体情况, and a miss is better than a false
    // alarm for a soft check.
    const text = SECTION_KEYS.map((k) => sections[k] ?? '').join('\n');
    if (text.trim() === '') return; // no text at all: section-missing reports that
    const missing = MATTERS.filter((m) => !m.re.test(text));
    if (missing.length === 0) return;
    ctx.add({
      messageId: 'missing',
      data: {
        agency: agency ?? '本机关',
        missing: missing.map((m) => m.zh),
        missingText: missing.map((m) => m.zh).join('、'),
        missingEn: missing.map((m) => m.en).join(', '),
      },
      path: ['sections', 'overview'],
    });
  },
};
