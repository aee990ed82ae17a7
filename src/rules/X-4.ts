// a 2021-format report states its 信息处理费 in section 六 (国办函〔2020〕109号; format-spec §3.1 (六), §8.4 X-4).
import { sectionDef } from '../model/format.ts';
import { SECTION_KEYS, type Report } from '../model/report.ts';
import type { Rule } from './types.ts';

/**
 * Whether a text states the fees: names 信息处理费, says none was collected ("未收取…费", "未发生收费情况"), or speaks
 * of charging for applications ("依申请公开免收费用").
 */
function statesFees(text: string): boolean {
  if (/信息处理费|处理费/.test(text)) return true;
  // 沭阳县发展和改革局 2023: "政府信息公开未发生收费情况".
  if (/(?:未|没有|无|均未|不)(?:发生|产生|出现|存在|涉及|有)?(?:收取|收)[^。；\n]{0,20}?费/.test(text))
    return true;
  // Charging for applications, not the 行政事业性收费 of table 2.
  return text
    .split(/[。；\n]/)
    .some((s) => /申请/.test(s) && /收取|免费|费用|收费/.test(s.replace(/行政事业性收费/g, '')));
}

/**
 * Whether section 六 is there, as section-missing decides it: its heading is in the outline, or (a report built from
 * JSON, with no outline) it has a text.
 */
function hasSectionSix(report: Report): boolean {
  return report.outline ? report.outline.some((h) => h.section === 'other') : report.sections.other !== null;
}

/**
 * from the 2021 format on, section 六 reports the 信息处理费 collected under 《政府信息公开信息处理费管理办法》
 * (国办函〔2020〕109号), or that none was. The requirement is believed, not verified word for word (format-spec §3.1
 * (六) [U]): a soft check, and a statement in another section is pointed out rather than called missing. A report
 * without section 六 gets no X-4 finding: the cause is the missing section, which section-missing reports (one
 * finding per cause); the fee is asked for once the section is written.
 */
export const rule: Rule = {
  meta: {
    id: 'X-4',
    severity: 'warning',
    title: {
      zh: '第六部分报告信息处理费收取情况（2021年版格式）',
      en: 'Section 6 states the information processing fees collected (2021 format)',
    },
    basis:
      '国办函〔2020〕109号《政府信息公开信息处理费管理办法》；2021年版格式“（六）其他需要报告的事项”；format-spec §3.1（六）、§9、§8.4 X-4',
    skipOnAggregate: true,
    messages: {
      missing: {
        zh: '“六、其他需要报告的事项”未报告信息处理费收取情况（《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）；未收取的，也宜写明“未收取信息处理费”',
        en: 'Section 6 (other matters) does not state the information processing fees collected (国办函〔2020〕109号); if none were, it should say so',
      },
      elsewhere: {
        zh: '信息处理费收取情况写在“{section}”中，按2021年版格式应在“六、其他需要报告的事项”中报告',
        en: 'The information processing fees are stated in section {sectionEn}; the 2021 format reports them in section 6 (other matters)',
      },
    },
  },
  check(ctx) {
    const { sections } = ctx.report;
    if (!ctx.format.processingFees) return; // the fees exist from 2021 (办法 in force 2021-01-01)
    if (!hasSectionSix(ctx.report)) return;
    if (sections.other !== null && statesFees(sections.other)) return;
    const elsewhere = SECTION_KEYS.find(
      (k) => k !== 'other' && sections[k] !== null && statesFees(sections[k]!),
    );
    if (elsewhere)
      ctx.add({
        messageId: 'elsewhere',
        data: {
          section: sectionDef(ctx.format, elsewhere).heading,
          sectionEn: sectionDef(ctx.format, elsewhere).headingEn,
        },
        path: ['sections', 'other'],
        related: [['sections', elsewhere]],
      });
    else ctx.add({ messageId: 'missing', path: ['sections', 'other'] });
  },
};
