// A rule page of docs/rules/ (what, why, how to fix, the two examples with their excerpts and the real output of
// `nianbao check`) and the index of the pages.
import { docName } from '../../src/model/cells.ts';
import type { Severity } from '../../src/model/diagnostic.ts';
import type { Report } from '../../src/model/report.ts';
import { baseReport, type Example, type Kind, type Prose } from '../../src/rules/docs/kit.ts';
import type { Rule, Texts } from '../../src/rules/types.ts';
import { excerpt, type Range } from './excerpt.ts';
import { EXAMPLES_DIR, examplePath } from './files.ts';

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** Prose with [[id]] turned into links to the rule pages (plain ids while not registered). */
function linked(text: string, registered: ReadonlySet<string>): string {
  return text.replace(/\[\[([^\]]+)\]\]/g, (_, id: string) =>
    registered.has(id) ? `[${id}](${docName(id)}.md)` : id,
  );
}

/** A markdown table cell: no pipes, no line breaks. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A fenced block; the fence is longer than any run of backticks inside. */
function fenced(lang: string, body: string): string {
  const fence = '`'.repeat(Math.max(3, ...[...body.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${fence}${lang}\n${body}\n${fence}`;
}

/** One example's section of a page: the file, the excerpt, the command and its output. */
export function exampleSection(
  id: string,
  kind: Kind,
  lines: readonly string[],
  ranges: readonly Range[],
  output: string,
  args: readonly string[],
): string {
  const file = examplePath(id, kind);
  const shown = ranges.map((r) => (r.to - r.from > 1 ? `${r.from + 1}–${r.to}` : `${r.from + 1}`)).join('、');
  const command = ['nianbao', 'check', ...args, file].join(' ');
  return [
    `示例文件 [\`${file}\`](examples/${docName(id)}.${kind}.txt)，第 ${shown} 行（制表符分隔）：`,
    '',
    fenced('text', excerpt(lines, ranges)),
    '',
    fenced('console', `$ ${command}\n${output.replace(/\s+$/, '')}`),
  ].join('\n');
}

/** The list of the extra files of a page, as links. */
export function extraList(id: string, example: Example, extra: Record<string, Uint8Array>): string {
  const names = Object.keys(extra);
  if (!names.length) return '';
  const what = (p: string) => (p.endsWith('.previous.txt') ? '上一年度报告' : '所属单位报告');
  return (
    names.map((p) => `${what(p)} [\`${p}\`](examples/${p.slice(EXAMPLES_DIR.length + 1)})`).join('；') +
    (example.publishedAt ? '；发布日期由 `--published-at` 给出' : '') +
    '。\n\n'
  );
}

/**
 * The incorrect example of a reader's rule: the file (a PDF, whatever its name says: the kind is told by the bytes),
 * or a path where no file is (`missing`).
 */
export function pdfSection(id: string, output: string, missing = false): string {
  const file = examplePath(id, 'incorrect');
  return [
    missing
      ? `示例路径 \`${file}\` 处没有文件（文件名写错、文件已被移走或删除）：`
      : `示例文件 [\`${file}\`](examples/${docName(id)}.incorrect.txt) 是一个单独的文件（PDF、压缩包或二进制数据；文件类型由内容判断，与扩展名无关）：`,
    '',
    fenced('console', `$ nianbao check ${file}\n${output.replace(/\s+$/, '')}`),
  ].join('\n');
}

/** The page of a rule. */
export function page(
  rule: Rule,
  prose: Prose & { unshown?: Texts },
  example: Example | undefined,
  registered: ReadonlySet<string>,
  sectionsByKind?: Record<Kind, string> & { extra?: string },
): string {
  const { meta } = rule;
  const link = (t: string) => linked(t, registered);
  const texts = (t: Texts) => `${link(t.zh)}\n\n_${link(t.en)}_`;
  return [
    `<!-- 由 scripts/rule-docs.ts 生成（npm run docs:rules），请勿手改；文字在该脚本的 PROSE 和 EXAMPLES 中。 -->`,
    '',
    `# ${meta.id} — ${meta.title.zh}`,
    '',
    `_${meta.title.en}_`,
    '',
    `- **严重程度 Severity**：${meta.severity}（${SEVERITY_ZH[meta.severity]}）`,
    `- **依据 Basis**：${meta.basis}`,
    `- **消息 Messages**：${Object.keys(meta.messages)
      .map((m) => `\`${m}\``)
      .join('、')}`,
    '',
    '## 检查什么 What',
    '',
    texts(prose.what),
    '',
    '## 为什么 Why',
    '',
    texts(prose.why),
    '',
    '## 如何修改 How to fix',
    '',
    texts(prose.fix),
    '',
    ...(example && sectionsByKind ? examples(example, sectionsByKind) : unshown(rule, prose.unshown, link)),
  ].join('\n');
}

/** A page's section without examples: why there are none, and the messages the finding is worded with. */
function unshown(rule: Rule, why: Texts | undefined, link: (t: string) => string): string[] {
  return [
    '## 示例 Example',
    '',
    ...(why ? [link(why.zh), '', `_${link(why.en)}_`, ''] : []),
    '消息 Messages：',
    '',
    ...Object.entries(rule.meta.messages).flatMap(([id, m]) => [`- \`${id}\`：${m.zh}`, `  _${m.en}_`]),
    '',
  ];
}

/** A page's two examples. */
function examples(example: Example, sectionsByKind: Record<Kind, string> & { extra?: string }): string[] {
  return [
    '## 正确示例 Correct',
    '',
    `${describe(example.base?.() ?? baseReport())}，各项数字关系都成立，\`nianbao check\` 没有发现问题。`,
    ...(sectionsByKind.extra ? ['', sectionsByKind.extra.trimEnd()] : []),
    '',
    sectionsByKind.correct,
    '',
    '## 错误示例 Incorrect',
    '',
    `${example.defect.zh}`,
    '',
    `_${example.defect.en}_`,
    '',
    sectionsByKind.incorrect,
    '',
  ];
}

/** The example report in words: 安平市自然资源和规划局2022年度报告（2021 年格式）. */
function describe(r: Report): string {
  return `示例为${r.agency}${r.year}年度政府信息公开工作年度报告（${r.formatVersion} 年格式）`;
}

/** The index of the rule pages. */
export function readme(rules: readonly Rule[]): string {
  return [
    `<!-- 由 scripts/rule-docs.ts 生成（npm run docs:rules），请勿手改。 -->`,
    '',
    '# 规则 Rules',
    '',
    '`nianbao check` 对每份年度报告运行下列规则。每条规则一页：检查什么、依据、如何修改，以及一对正确和错误的示例报告和 `nianbao check` 对它们的实际输出。',
    '',
    '_The rules `nianbao check` runs on every report; each page has what it checks, why, how to fix a finding, and a correct and an incorrect example with the real output._',
    '',
    '严重程度 Severity：error（错误）、warning（警告）、info（提示）；可用 `--rule <id>=<severity>` 或配置文件 `.nianbaorc.json` 调整。',
    '',
    '| 规则 Rule | 严重程度 Severity | 标题 Title | 依据 Basis | 文档 Page |',
    '|---|---|---|---|---|',
    ...rules.map(
      ({ meta }) =>
        `| \`${meta.id}\` | ${meta.severity} | ${cell(meta.title.zh)}<br>_${cell(meta.title.en)}_ | ${cell(meta.basis)} | [${docName(meta.id)}.md](${docName(meta.id)}.md) |`,
    ),
    '',
  ].join('\n');
}
