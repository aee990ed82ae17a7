// Test table of section-missing: each of the six sections must be present.
import type { HeadingInfo, Report } from '../model/report.ts';
import { rule } from './section-missing.ts';
import { testRule, validReport } from '../../test/support/rule-tester.ts';

const v = validReport('2021');
const withOutline = (outline: HeadingInfo[] | undefined): Report => {
  const r = structuredClone(v);
  if (outline) r.outline = outline;
  else delete r.outline;
  return r;
};
const without = (...keys: string[]) => withOutline(v.outline!.filter((h) => !keys.includes(h.section)));

testRule(rule, {
  valid: [
    { name: 'all six', report: v },
    { name: 'all six, one repeated', report: withOutline([v.outline![0]!, ...v.outline!]) },
    { name: 'all six, out of order (section-order’s)', report: withOutline([...v.outline!].reverse()) },
    {
      name: 'all six numbered otherwise (section-number’s)',
      report: withOutline(v.outline!.map((h, i) => ({ ...h, number: String(i + 1) }))),
    },
    { name: 'no outline (a JSON report): the section texts are there', report: withOutline(undefined) },
    {
      name: 'no outline (a JSON template filled in): the tables are there, their sections without text',
      report: {
        ...withOutline(undefined),
        sections: { ...v.sections, proactive: null, requests: null, reviewLitigation: null },
      },
    },
  ],
  invalid: [
    {
      name: 'section 六 missing',
      report: without('other'),
      errors: [{ messageId: 'missing', data: { heading: '六、其他需要报告的事项' }, path: 'sections.other' }],
    },
    {
      name: 'sections 四 and 五 missing',
      report: without('reviewLitigation', 'problems'),
      errors: [
        {
          messageId: 'missing',
          data: { heading: '四、政府信息公开行政复议、行政诉讼情况' },
          path: 'sections.reviewLitigation',
        },
        {
          messageId: 'missing',
          data: { heading: '五、存在的主要问题及改进情况' },
          path: 'sections.problems',
        },
      ],
    },
    {
      name: 'no heading found at all',
      report: withOutline([]),
      errors: v.outline!.map((h) => ({
        messageId: 'missing',
        data: { heading: h.text },
        path: `sections.${h.section}`,
      })),
    },
    {
      name: 'no outline (a JSON report): a section text is null',
      report: { ...withOutline(undefined), sections: { ...v.sections, problems: null } },
      errors: [
        {
          messageId: 'missing',
          data: { heading: '五、存在的主要问题及改进情况' },
          path: 'sections.problems',
        },
      ],
    },
    {
      name: 'no outline: a table section without text and without a figure in its table',
      report: (() => {
        const r = withOutline(undefined);
        r.sections.reviewLitigation = null;
        for (const block of Object.values(r.reviewLitigation))
          for (const k of Object.keys(block)) (block as Record<string, number | null>)[k] = null;
        return r;
      })(),
      errors: [
        {
          messageId: 'missing',
          data: { heading: '四、政府信息公开行政复议、行政诉讼情况' },
          path: 'sections.reviewLitigation',
        },
      ],
    },
    {
      name: 'an outline without the heading of 三: still missing, though its table is filled',
      report: without('requests'),
      errors: [
        {
          messageId: 'missing',
          data: { heading: '三、收到和处理政府信息公开申请情况' },
          path: 'sections.requests',
        },
      ],
    },
  ],
});
