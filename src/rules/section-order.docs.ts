// The documentation of rule section-order: what it checks, why, how to fix a finding, and its examples (docs/rules/).
import { edit, sectionLines, type RuleDocs } from './docs/kit.ts';

export const docs: RuleDocs = {
  id: 'section-order',
  what: {
    zh: '六个部分没有按一至六的顺序排列。只报告位置不对的部分：一个部分被挪了位置，只报告一处，而不是其后的每一部分。',
    en: 'The sections are not in the order 一 to 六; only the sections out of place are reported.',
  },
  why: {
    zh: '统一格式规定了六个部分及其顺序（format-spec §3、§8.4 X-2）。顺序一致，读者和汇总单位才能在每份报告的同一位置找到同样的内容。',
    en: 'The format fixes the order (format-spec §3, §8.4 X-2), so that readers find each part in the same place.',
  },
  fix: {
    zh: '按统一格式的顺序调整各部分。',
    en: 'Put the sections in the official order.',
  },
  example: {
    defect: {
      zh: '“六、其他需要报告的事项”被放在了“五、存在的主要问题及改进情况”之前。',
      en: 'Section 六 comes before section 五.',
    },
    text: (t) => {
      const five = sectionLines(t, '五、存在的主要问题及改进情况');
      const six = sectionLines(t, '六、其他需要报告的事项');
      return edit(t, [...five, ...six].join('\n'), [...six, ...five].join('\n'));
    },
  },
};
