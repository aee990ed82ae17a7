// Test table of section-number: section headings numbered 一、 to 六、 as the format does.
import { expect, it } from 'vitest';
import type { HeadingInfo, Report } from '../model/report.ts';
import { rule } from './section-number.ts';
import { runRule, testRule, validReport } from '../../test/support/rule-tester.ts';

const v = validReport('2019');
const edit = (changes: Record<number, Partial<HeadingInfo>>, repeatFirst = false): Report => {
  const r = structuredClone(v);
  r.outline = r.outline!.map((h, i) => ({ ...h, ...changes[i] }));
  if (repeatFirst) r.outline.unshift({ ...r.outline[0]! });
  return r;
};
const arabicOne = { number: '1', text: '1、 总体情况' };

testRule(rule, {
  valid: [
    { name: 'numbered 一 to 六', report: v },
    { name: 'a repeated heading, rightly numbered', report: edit({}, true) },
    {
      name: 'no outline (a JSON report)',
      report: (() => {
        const r = structuredClone(v);
        delete r.outline;
        return r;
      })(),
    },
  ],
  invalid: [
    {
      name: '"1、 总体情况" for 一 (sample 000)',
      report: edit({ 0: arabicOne }),
      errors: [
        {
          messageId: 'wrongNumber',
          data: { heading: '1、 总体情况', written: '1', expected: '一', official: '一、总体情况' },
          path: 'sections.overview',
        },
      ],
    },
    {
      name: 'a repeated heading numbered "1、" twice',
      report: edit({ 0: arabicOne }, true),
      errors: [
        {
          messageId: 'wrongNumber',
          data: { heading: '1、 总体情况', written: '1', expected: '一', official: '一、总体情况' },
          path: 'sections.overview',
        },
        {
          messageId: 'wrongNumber',
          data: { heading: '1、 总体情况', written: '1', expected: '一', official: '一、总体情况' },
          path: 'sections.overview',
        },
      ],
    },
    {
      name: 'another section’s numeral',
      report: edit({ 1: { number: '三', text: '三、主动公开政府信息情况' } }),
      errors: [
        {
          messageId: 'wrongNumber',
          data: {
            heading: '三、主动公开政府信息情况',
            written: '三',
            expected: '二',
            official: '二、主动公开政府信息情况',
          },
          path: 'sections.proactive',
        },
      ],
    },
    {
      name: 'every heading in Arabic numerals',
      report: edit(Object.fromEntries([0, 1, 2, 3, 4, 5].map((i) => [i, { number: String(i + 1) }]))),
      errors: v.outline!.map((h, i) => ({
        messageId: 'wrongNumber',
        data: { heading: h.text, written: String(i + 1), expected: h.number, official: h.text },
        path: `sections.${h.section}`,
      })),
    },
  ],
});

it('section-number gives the number as written and the official one', () => {
  const span = { kind: 'text' as const, line: 4, column: 1, endLine: 4, endColumn: 8 };
  const [d] = runRule(rule, edit({ 0: { ...arabicOne, source: span } }));
  expect(d!.message).toBe('标题“1、 总体情况”的序号为“1”，按统一格式应为“一”（“一、总体情况”）');
  expect(d!).toMatchObject({ actual: '1', expected: '一', source: span });
});
