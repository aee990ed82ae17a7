// Test table of section-order: the six sections come in the order 一 to 六.
import { expect, it } from 'vitest';
import type { HeadingInfo, Report } from '../model/report.ts';
import { rule } from './section-order.ts';
import { runRule, testRule, validReport } from '../../test/support/rule-tester.ts';

const v = validReport('2021');
const [one, two, three, four, five, six] = v.outline!;
const withOutline = (outline: (HeadingInfo | undefined)[] | undefined): Report => {
  const r = structuredClone(v);
  if (outline) r.outline = outline.map((h) => h!);
  else delete r.outline;
  return r;
};

testRule(rule, {
  valid: [
    { name: 'in order', report: v },
    { name: 'a repeated heading (sample 003)', report: withOutline([one, one, two, three, four, five, six]) },
    {
      name: 'a section missing, the rest in order (section-missing’s)',
      report: withOutline([one, two, four, five, six]),
    },
    {
      name: 'a later heading of a section seen before does not count',
      report: withOutline([one, two, three, four, two, five, six]),
    },
    { name: 'no outline (a JSON report)', report: withOutline(undefined) },
  ],
  invalid: [
    {
      name: '三 and 四 swapped: the one out of the ordered run',
      report: withOutline([one, two, four, three, five, six]),
      errors: [
        {
          messageId: 'outOfOrder',
          data: { heading: '三、收到和处理政府信息公开申请情况', order: '一、二、四、三、五、六' },
          path: 'sections.requests',
        },
      ],
    },
    {
      name: '六 moved to the front: one finding, not five',
      report: withOutline([six, one, two, three, four, five]),
      errors: [
        {
          messageId: 'outOfOrder',
          data: { heading: '六、其他需要报告的事项', order: '六、一、二、三、四、五' },
          path: 'sections.other',
        },
      ],
    },
    {
      name: 'reversed',
      report: withOutline([six, five, four, three, two, one]),
      // No two in order: the first found stays, the other five are out of place.
      errors: [
        {
          messageId: 'outOfOrder',
          data: { heading: '五、存在的主要问题及改进情况', order: '六、五、四、三、二、一' },
          path: 'sections.problems',
        },
        {
          messageId: 'outOfOrder',
          data: { heading: '四、政府信息公开行政复议、行政诉讼情况', order: '六、五、四、三、二、一' },
          path: 'sections.reviewLitigation',
        },
        {
          messageId: 'outOfOrder',
          data: { heading: '三、收到和处理政府信息公开申请情况', order: '六、五、四、三、二、一' },
          path: 'sections.requests',
        },
        {
          messageId: 'outOfOrder',
          data: { heading: '二、主动公开政府信息情况', order: '六、五、四、三、二、一' },
          path: 'sections.proactive',
        },
        {
          messageId: 'outOfOrder',
          data: { heading: '一、总体情况', order: '六、五、四、三、二、一' },
          path: 'sections.overview',
        },
      ],
    },
  ],
});

it('section-order shows the order found and points at the heading', () => {
  const at = (line: number) => ({ kind: 'text' as const, line, column: 1, endLine: line, endColumn: 20 });
  const [d] = runRule(
    rule,
    withOutline([one, two, { ...four!, source: at(40) }, { ...three!, source: at(60) }, five, six]),
  );
  expect(d!.message).toBe(
    '“三、收到和处理政府信息公开申请情况”的位置不对：各部分应按一至六的顺序排列，本报告的顺序为 一、二、四、三、五、六',
  );
  expect(d!.source).toEqual(at(60));
});
