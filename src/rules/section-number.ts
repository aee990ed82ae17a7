// section-number: a section heading numbered otherwise than the format numbers it ("1、总体情况" for 一) (format-spec §3).
import type { Rule } from './types.ts';

/**
 * section-number: the format numbers the six sections with Chinese numerals, 一、 to 六、 (format-spec §3). A heading
 * numbered "1、" (sample 000) or with another section's number is a departure from the official layout, and makes a
 * section hard to find; every heading of the outline is checked, a repeated one too.
 */
export const rule: Rule = {
  meta: {
    id: 'section-number',
    severity: 'warning',
    title: { zh: '部分标题的序号不规范', en: 'A section heading has the wrong number' },
    basis: 'format-spec §3（六个部分的标题依次为“一、”至“六、”）',
    skipOnAggregate: true,
    messages: {
      wrongNumber: {
        zh: '标题“{heading}”的序号为“{written}”，按统一格式应为“{expected}”（“{official}”）',
        en: 'The heading "{heading}" is numbered "{written}"; the national format numbers it "{expected}" ("{official}")',
      },
    },
  },
  check(ctx) {
    const { outline } = ctx.report;
    if (!outline) return;
    const defs = new Map(ctx.format.sections.map((s) => [s.key, s]));
    for (const h of outline) {
      const def = defs.get(h.section);
      if (!def || h.number === def.number) continue;
      ctx.add({
        messageId: 'wrongNumber',
        data: { heading: h.text, written: h.number, expected: def.number, official: def.heading },
        path: ['sections', h.section],
        ...(h.source ? { source: h.source } : {}),
        actual: h.number,
        expected: def.number,
      });
    }
  },
};
