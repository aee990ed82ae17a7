// Test table of X-5: a section copied from last year's report (similarity ≥ 0.9 on ≥ 100 characters).
import { expect, it } from 'vitest';
import type { Report, Sections } from '../model/report.ts';
import { runRule, testRule, validReport } from '../../test/support/rule-tester.ts';
import { rule } from './X-5.ts';

const PROBLEMS_2021 =
  '（一）存在的主要问题。一是政策解读形式较为单一，图解、视频等解读产品偏少；二是依申请公开答复文书的规范化水平有待提高，个别答复说理不够充分。（二）改进情况。针对上年度报告提出的主动公开不够及时的问题，已建立主动公开事项清单和限时公开制度，2021年整改完成。下一步将丰富解读形式，加强答复文书审核。';
const PROBLEMS_2022 =
  '（一）存在的主要问题。一是基层政务公开标准化规范化建设推进不平衡；二是政务新媒体信息更新频率偏低，互动回应不够及时。（二）改进情况。针对2021年度报告指出的解读形式单一问题，本年度制作图解和短视频解读23件；答复文书实行法制机构审核。下一步将推动基层公开目录动态更新，完善新媒体值班制度。';

const withSections = (sections: Partial<Sections>, year = 2022): Report => {
  const r = { ...validReport('2021'), year };
  r.sections = { ...r.sections, ...sections };
  return r;
};
const lastYear = withSections({ problems: PROBLEMS_2021 }, 2021);

testRule(rule, {
  valid: [
    { name: 'no previous report', report: withSections({ problems: PROBLEMS_2021 }) },
    {
      name: 'section rewritten',
      report: withSections({ problems: PROBLEMS_2022 }),
      options: { previous: lastYear },
    },
    {
      name: 'short sections alike by nature ("具体见下表") are not judged',
      report: withSections({ problems: '具体见下表。' }),
      options: { previous: withSections({ problems: '具体见下表。' }, 2021) },
    },
    {
      name: 'the section absent this year: section-missing’s',
      report: withSections({ problems: null }),
      options: { previous: lastYear },
    },
  ],
  invalid: [
    {
      name: 'section 五 copied, only the year changed',
      report: withSections({ problems: PROBLEMS_2021.replace('2021年整改完成', '2022年整改完成') }),
      options: { previous: lastYear },
      errors: [
        {
          messageId: 'copied',
          data: {
            section: '五、存在的主要问题及改进情况',
            sectionEn: '5 (problems and improvements)',
            percent: 100,
            previousYear: 2021,
          },
          path: 'sections.problems',
        },
      ],
    },
    {
      name: 'section 五 copied with one sentence added',
      report: withSections({ problems: PROBLEMS_2021 + '本年度还开展了政务公开培训。' }),
      options: { previous: lastYear },
      errors: [
        {
          messageId: 'copied',
          data: {
            section: '五、存在的主要问题及改进情况',
            sectionEn: '5 (problems and improvements)',
            percent: 90,
            previousYear: 2021,
          },
          path: 'sections.problems',
        },
      ],
    },
  ],
});

it('X-5 gives the similarity as a percentage', () => {
  const [d] = runRule(rule, withSections({ problems: PROBLEMS_2021 }), { previous: lastYear });
  expect(d!.message).toBe(
    '“五、存在的主要问题及改进情况”与上一年度（2021年）报告的同一部分文字相似度为 100%（只有数字不同即为 100%），疑似照抄上一年度报告',
  );
});
