// The documentation of internal/exception, the finding of a bug in nianbao: what it means and what to do.
import type { RuleDocs } from './kit.ts';

export const docs: readonly RuleDocs[] = [
  {
    id: 'internal/exception',
    what: {
      zh: '处理一份文件时程序内部出错（某一步骤抛出异常），或某条规则运行出错（消息给出规则编号）。这是 nianbao 的缺陷，不是文档的问题：出错的文件或规则被跳过，其余照常处理。',
      en: 'A stage threw on a file, or a rule threw on a report (the message names the rule): a bug in nianbao, not a problem of the document; that file or rule is skipped and the rest go on.',
    },
    why: {
      zh: '文档的问题都以诊断报告，只有程序错误才会抛出异常（docs/architecture.md 原则 4）。像 ESLint 在错误中注明出错的规则一样，nianbao 把异常变成一条指明出处的诊断，一个文件或一条规则出错不会中断整批检查。',
      en: 'Only bugs throw (principle 4); as ESLint names the rule that crashed, nianbao reports the exception as a finding naming where it happened, so the batch goes on.',
    },
    fix: {
      zh: '请把这份文件和消息中的错误信息报告给 nianbao 的维护者；同一文件的其他诊断仍然有效。',
      en: 'Report the file and the error to the maintainers of nianbao; the other findings of the file still hold.',
    },
    unshown: {
      zh: '没有示例：正确的程序不会出现这条诊断，任何示例文件都不会触发它。',
      en: 'No example: a correct program never gives it, so no example file can show it.',
    },
  },
];
