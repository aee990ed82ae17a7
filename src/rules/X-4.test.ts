// Test table of X-4: section 六 of a 2021-format report states the 信息处理费, or that none was collected.
import { describe, expect, it } from 'vitest';
import type { FormatVersion } from '../model/format.ts';
import type { Report, Sections } from '../model/report.ts';
import { runRule, testRule, validReport } from '../../test/support/rule-tester.ts';
import { rule as sectionMissing } from './section-missing.ts';
import { rule } from './X-4.ts';

/** A valid report with some sections replaced. */
function withSections(sections: Partial<Sections>, version: FormatVersion = '2021'): Report {
  const r = validReport(version);
  r.sections = { ...r.sections, ...sections };
  return r;
}

/** The report with section 六's heading gone from its outline, as extraction leaves a report without it. */
function withoutSix(r: Report): Report {
  r.outline = r.outline!.filter((h) => h.section !== 'other');
  return r;
}

testRule(rule, {
  valid: [
    { name: '"本年度未收取信息处理费"', report: validReport('2021') },
    {
      name: 'a fee collected',
      report: withSections({
        other: '依据《政府信息公开信息处理费管理办法》，本年度共收取信息处理费400元。',
      }),
    },
    {
      name: '"均未收取任何费用"',
      report: withSections({ other: '本机关办理政府信息公开申请，均未收取任何费用。' }),
    },
    {
      name: '"免收费用" for applications',
      report: withSections({ other: '对依申请公开的政府信息，一律免收费用。' }),
    },
    { name: 'the 2019 format had no such fees: not judged', report: withSections({ other: '无' }, '2019') },
    {
      name: '沭阳县发展和改革局 2023: "政府信息公开未发生收费情况"',
      report: withSections({ other: '2023年度，县发展和改革局政府信息公开未发生收费情况。' }),
    },
    {
      name: 'section 六 missing: section-missing reports it, X-4 does not repeat it',
      report: withoutSix(withSections({ other: null })),
    },
    {
      name: 'section 六 missing and the fee stated in section 三: no "elsewhere" either (one cause)',
      report: withoutSix(withSections({ requests: '本年度未收取信息处理费。', other: null })),
    },
    {
      name: 'a report built from JSON (no outline) without section 六',
      report: (() => {
        const r = withSections({ other: null });
        delete r.outline;
        return r;
      })(),
    },
  ],
  invalid: [
    {
      name: 'section 六 says only "无"',
      report: withSections({ other: '无' }),
      errors: [{ messageId: 'missing', data: {}, path: 'sections.other' }],
    },
    {
      name: 'section 六 headed but empty, the fee stated nowhere',
      report: withSections({ other: null }),
      errors: [{ messageId: 'missing', data: {}, path: 'sections.other' }],
    },
    {
      name: '行政事业性收费 (table 2) is not the 信息处理费',
      report: withSections({
        other: '本机关按要求主动公开行政事业性收费目录清单，办理政府信息公开申请按时答复。',
      }),
      errors: [{ messageId: 'missing', data: {}, path: 'sections.other' }],
    },
    {
      name: 'the fee stated in section 三 instead of 六',
      report: withSections({
        requests: '本年度未收到政府信息公开申请，未收取信息处理费。',
        other: '本机关无其他需要报告的事项。',
      }),
      errors: [
        {
          messageId: 'elsewhere',
          data: { section: '三、收到和处理政府信息公开申请情况', sectionEn: '3 (requests)' },
          path: 'sections.other',
        },
      ],
    },
  ],
});

describe('X-4 findings', () => {
  it('leave a missing section 六 to section-missing: one finding for the cause', () => {
    const r = withoutSix(withSections({ other: null }));
    expect(runRule(sectionMissing, r).map((d) => d.path?.join('.'))).toEqual(['sections.other']);
    expect(runRule(rule, r)).toEqual([]);
  });

  it('name the section where the fee was stated', () => {
    const r = withSections({ requests: '未收取信息处理费。', other: '无' });
    const [d] = runRule(rule, r);
    expect(d!.message).toBe(
      '信息处理费收取情况写在“三、收到和处理政府信息公开申请情况”中，按2021年版格式应在“六、其他需要报告的事项”中报告',
    );
    expect(d!.related).toEqual([['sections', 'requests']]);
    expect(runRule(rule, r, { lang: 'en' })[0]!.message).toContain('section 3 (requests)');
  });
});
