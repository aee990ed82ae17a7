// The `check` command's rule settings: `--config FILE` or `./.nianbaorc.json`, then `--rule ID=SEVERITY` flags.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { RuleSetting } from '../check.ts';
import { renderMessage } from '../model/diagnostic.ts';
import type { Lang } from '../model/diagnostic.ts';
import { CONFIG_MESSAGES } from './messages.ts';

/** The configuration file looked for in the current directory when no --config is given. */
export const CONFIG_FILE = '.nianbaorc.json';

/** The severities a rule can be set to. */
export const SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'off'];

/** A configuration that cannot be used: the command stops before checking anything (a usage error). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Rule settings with where each came from, for naming the file or flag in messages. */
export interface RuleConfig {
  rules: Record<string, RuleSetting>;
  /** Rule id → the config file or "--rule" it was set in. */
  origin: Record<string, string>;
}

type Key = keyof typeof CONFIG_MESSAGES;
const say = (key: Key, lang: Lang, data: Record<string, unknown>) =>
  renderMessage(CONFIG_MESSAGES[key][lang], data);

const isSetting = (v: unknown): v is RuleSetting => SETTINGS.includes(v as RuleSetting);

/** Parses the text of a configuration file: `{ "rules": { "T2-5": "off", "X-1": "error" } }`. */
export function parseConfig(text: string, file: string, lang: Lang = 'zh'): Record<string, RuleSetting> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(say('invalidJson', lang, { file, reason: (error as Error).message }));
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new ConfigError(say('notAnObject', lang, { file }));
  for (const key of Object.keys(json))
    if (key !== 'rules' && key !== '$schema') throw new ConfigError(say('unknownKey', lang, { file, key }));
  const rules = (json as { rules?: unknown }).rules ?? {};
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules))
    throw new ConfigError(say('rulesNotAnObject', lang, { file }));
  const out: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(rules)) {
    if (!isSetting(value)) throw new ConfigError(say('badSeverity', lang, { where: file, id, value }));
    out[id] = value;
  }
  return out;
}

/** Parses one `--rule ID=SEVERITY` flag. */
export function parseRuleFlag(flag: string, lang: Lang = 'zh'): [string, RuleSetting] {
  const eq = flag.lastIndexOf('=');
  const id = flag.slice(0, eq).trim();
  const value = flag.slice(eq + 1).trim();
  if (eq < 0 || !id || !value) throw new ConfigError(say('badRuleFlag', lang, { flag }));
  if (!isSetting(value)) throw new ConfigError(say('badSeverity', lang, { where: '--rule', id, value }));
  return [id, value];
}

/**
 * The rule settings of a run: the file given by --config (which must exist), else `.nianbaorc.json` in `cwd` if
 * there is one, then the --rule flags on top. Throws ConfigError for anything it cannot use.
 */
export async function loadRuleConfig(options: {
  config?: string | undefined;
  flags?: readonly string[];
  cwd: string;
  lang?: Lang;
}): Promise<RuleConfig> {
  const lang = options.lang ?? 'zh';
  const out: RuleConfig = { rules: {}, origin: {} };
  const file = options.config ?? CONFIG_FILE;
  let text: string | undefined;
  try {
    text = await readFile(resolve(options.cwd, file), 'utf8');
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    // Without --config, no .nianbaorc.json simply means no settings.
    if (options.config !== undefined || err.code !== 'ENOENT')
      throw new ConfigError(say('unreadableConfig', lang, { file, reason: err.message }));
  }
  if (text !== undefined)
    for (const [id, setting] of Object.entries(parseConfig(text, file, lang))) {
      out.rules[id] = setting;
      out.origin[id] = file;
    }
  for (const flag of options.flags ?? []) {
    const [id, setting] = parseRuleFlag(flag, lang);
    out.rules[id] = setting;
    out.origin[id] = '--rule';
  }
  return out;
}

/** Warnings for settings of rules nianbao does not have (ignored, so that a config may name rules of a newer version). */
export function unknownRuleWarnings(
  config: RuleConfig,
  known: Iterable<string>,
  lang: Lang = 'zh',
): string[] {
  const ids = new Set(known);
  return Object.keys(config.rules)
    .filter((id) => !ids.has(id))
    .map((id) => say('unknownRule', lang, { id, where: config.origin[id] }));
}
