// internal/exception: a bug in nianbao met on a file (a stage threw) or in a rule (it threw), reported as a finding
// so that the batch goes on (design.md principle 4); ESLint appends `Rule: "<id>"`, the finding names the rule.
import type { StageEntry } from './types.ts';

/** The internal finding. */
export const INTERNAL_FINDINGS = {
  'internal/exception': {
    severity: 'error',
    title: { zh: '程序内部出错', en: 'An internal error in nianbao' },
    basis: '程序错误（docs/architecture.md 原则 4：只有程序错误才抛出异常，一份文件出错不中断批处理）',
    messages: {
      exception: {
        zh: '处理“{file}”时程序内部出错（请报告此问题）：{error}',
        en: 'internal error while processing "{file}" (please report it): {error}',
      },
      ruleException: {
        zh: '规则“{rule}”运行出错，未能检查本报告的这一项（请报告此问题）：{error}',
        en: 'rule "{rule}" failed and did not check this report (please report it): {error}',
      },
    },
  },
} as const satisfies Record<`internal/${string}`, StageEntry>;
