// The documentation of rule section-number: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { edit, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'section-number',
  what: {
    zh: '部分标题的序号与统一格式不一致，例如用“1、”代替“一、”，或把第四部分标为“三、”。',
    en: 'A section heading is numbered otherwise than the format numbers it.',
  },
  why: {
    zh: '统一格式的六个部分依次以“一、”至“六、”编号（format-spec §3）。序号错了，读者容易误以为缺了或重复了某一部分。',
    en: 'The format numbers the sections 一、 to 六、 (format-spec §3); a wrong number suggests a missing or repeated part.',
  },
  fix: {
    zh: '按统一格式改正标题序号，最好直接使用统一格式的标题原文。',
    en: 'Number the heading as the format does, ideally with the official wording.',
  },
  example: {
    defect: {
      zh: '第四部分的标题沿用了上一部分的序号，写成“三、政府信息公开行政复议、行政诉讼情况”。',
      en: 'Section 四 numbered 三.',
    },
    text: (t) => edit(t, '四、政府信息公开行政复议、行政诉讼情况', '三、政府信息公开行政复议、行政诉讼情况'),
  },
};
