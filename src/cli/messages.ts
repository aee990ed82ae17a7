// Message catalogues of the CLI's own output (design.md principle 5: wording lives apart from findings); the finding
// it reports itself, read/unreadable, is registered with the readers' (src/findings/read.ts).
import type { Lang, MessageCatalogue } from '../model/diagnostic.ts';

/** Messages of the `check` command's configuration (`--config`, `.nianbaorc.json`, `--rule`), written to stderr. */
export const CONFIG_MESSAGES = {
  unreadableConfig: {
    zh: '无法读取配置文件“{file}”：{reason}',
    en: 'cannot read the configuration file "{file}": {reason}',
  },
  invalidJson: {
    zh: '配置文件“{file}”不是有效的 JSON：{reason}',
    en: 'the configuration file "{file}" is not valid JSON: {reason}',
  },
  notAnObject: {
    zh: '配置文件“{file}”应为 JSON 对象，例如 {"rules": {"T3-2": "warning"}}',
    en: 'the configuration file "{file}" must be a JSON object, e.g. {"rules": {"T3-2": "warning"}}',
  },
  unknownKey: {
    zh: '配置文件“{file}”中有未知的键“{key}”（可用：rules）',
    en: 'the configuration file "{file}" has an unknown key "{key}" (known: rules)',
  },
  rulesNotAnObject: {
    zh: '配置文件“{file}”中的 rules 应为对象：规则编号 → error、warning、info 或 off',
    en: 'in the configuration file "{file}", rules must be an object: rule id → error, warning, info or off',
  },
  badSeverity: {
    zh: '{where}中规则“{id}”的级别“{value}”无效（可用：error、warning、info、off）',
    en: 'in {where}, the setting "{value}" of rule "{id}" is not one of error, warning, info, off',
  },
  badRuleFlag: {
    zh: '--rule“{flag}”的格式应为 规则编号=级别，例如 --rule T3-2=off',
    en: '--rule "{flag}" must be RULE-ID=SEVERITY, e.g. --rule T3-2=off',
  },
  unknownRule: {
    zh: '未知的规则“{id}”（{where}），已忽略',
    en: 'unknown rule "{id}" ({where}), ignored',
  },
} satisfies MessageCatalogue;

/** Plain wording of the OS errors met when opening a file; any other code shows the OS message itself. */
export const OS_REASONS: Record<string, Record<Lang, string>> = {
  ENOENT: { zh: '文件不存在', en: 'no such file' },
  EISDIR: { zh: '这是一个目录，不是文件', en: 'it is a directory, not a file' },
  EACCES: { zh: '没有读取权限', en: 'permission denied' },
  EPERM: { zh: '没有读取权限', en: 'operation not permitted' },
  ENOTDIR: { zh: '路径中有一段不是目录', en: 'a part of the path is not a directory' },
  ELOOP: { zh: '符号链接循环', en: 'too many symbolic links' },
  ENAMETOOLONG: { zh: '文件名过长', en: 'file name too long' },
  EMFILE: { zh: '打开的文件过多', en: 'too many open files' },
};
