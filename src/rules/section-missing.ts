// section-missing: one of the six sections of the report is absent (format-spec §3, §8.4 X-2; 条例第五十条).
import { hasFigures } from './blanks.ts';
import type { Rule } from './types.ts';

/**
 * section-missing: 条例第五十条 lists what the annual report must contain and the format gives it six sections
 * (format-spec §3; the 2021 format: "不能遗漏"), so a missing one is an error. A section is present when the outline
 * has its heading. A report without an outline (built from JSON: `nianbao new -o t.json` filled in) has no headings
 * to find, so it is judged by its content instead: a section with text, or a table section (二, 三, 四 are the
 * statistics tables) whose table holds a figure. A document read from a file always has an outline, so a table
 * without its heading there is still missing.
 */
export const rule: Rule = {
  meta: {
    id: 'section-missing',
    severity: 'error',
    title: { zh: '年度报告缺少规定的部分', en: 'A section of the report is missing' },
    basis: '《中华人民共和国政府信息公开条例》第五十条；format-spec §3、§8.4 X-2；2021 年格式“不能遗漏”',
    skipOnAggregate: true,
    messages: {
      missing: {
        zh: '缺少“{heading}”部分：年度报告应包括统一格式规定的六个部分',
        en: 'The section "{heading}" is missing: a report has the six sections of the national format',
      },
    },
  },
  check(ctx) {
    const { outline, sections } = ctx.report;
    for (const def of ctx.format.sections) {
      const table = ctx.format.tables.find((t) => t.section === def.key);
      const present = outline
        ? outline.some((h) => h.section === def.key)
        : sections[def.key] !== null || (table !== undefined && hasFigures(ctx.report, table));
      if (!present)
        ctx.add({ messageId: 'missing', data: { heading: def.heading }, path: ['sections', def.key] });
    }
  },
};
