// Rule settings of `check`: the config file's shape, --rule flags, and which wins.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadRuleConfig, parseConfig, parseRuleFlag, unknownRuleWarnings } from './config.ts';

describe('parseConfig', () => {
  it('reads { rules: { id: severity } }', () => {
    expect(parseConfig('{ "rules": { "T2-5": "off", "X-1": "error" } }', 'c.json')).toEqual({
      'T2-5': 'off',
      'X-1': 'error',
    });
    expect(parseConfig('{}', 'c.json')).toEqual({});
  });

  it.each([
    ['{', '不是有效的 JSON'],
    ['[]', '应为 JSON 对象'],
    ['{ "rule": {} }', '未知的键“rule”'],
    ['{ "rules": [] }', 'rules 应为对象'],
    ['{ "rules": { "T3-2": "warn" } }', '级别“warn”无效'],
    ['{ "rules": { "T3-2": 2 } }', '级别“2”无效'],
  ])('rejects %s', (text, message) => {
    expect(() => parseConfig(text, 'c.json')).toThrow(ConfigError);
    expect(() => parseConfig(text, 'c.json')).toThrow(message);
  });
});

describe('parseRuleFlag', () => {
  it('splits at the last "=" and checks the severity', () => {
    expect(parseRuleFlag('T3-2=off')).toEqual(['T3-2', 'off']);
    expect(parseRuleFlag('read/encoding=info')).toEqual(['read/encoding', 'info']);
    expect(() => parseRuleFlag('T3-2')).toThrow('--rule');
    expect(() => parseRuleFlag('=off')).toThrow(ConfigError);
    expect(() => parseRuleFlag('T3-2=loud', 'en')).toThrow('"loud" of rule "T3-2"');
  });
});

describe('loadRuleConfig', () => {
  let cwd: string;
  beforeAll(() => {
    cwd = mkdtempSync(join(tmpdir(), 'nianbao-config-'));
    writeFileSync(join(cwd, '.nianbaorc.json'), '{ "rules": { "T3-2": "off", "T3-3": "info" } }');
    writeFileSync(join(cwd, 'other.json'), '{ "rules": { "T4-1": "warning" } }');
  });
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it('takes .nianbaorc.json from cwd, --rule flags on top, and remembers where each came from', async () => {
    const c = await loadRuleConfig({ cwd, flags: ['T3-2=error'] });
    expect(c.rules).toEqual({ 'T3-2': 'error', 'T3-3': 'info' });
    expect(c.origin).toEqual({ 'T3-2': '--rule', 'T3-3': '.nianbaorc.json' });
  });

  it('uses --config instead of .nianbaorc.json, and requires it to exist', async () => {
    expect((await loadRuleConfig({ cwd, config: 'other.json' })).rules).toEqual({ 'T4-1': 'warning' });
    await expect(loadRuleConfig({ cwd, config: 'none.json' })).rejects.toThrow('none.json');
  });

  it('has no settings without a config file', async () => {
    expect((await loadRuleConfig({ cwd: tmpdir() + '/nianbao-no-such-dir' })).rules).toEqual({});
  });

  it('warns about rules it does not know', () => {
    const c = {
      rules: { 'T3-2': 'off' as const, 'X-1': 'error' as const },
      origin: { 'T3-2': 'a', 'X-1': 'b.json' },
    };
    expect(unknownRuleWarnings(c, ['T3-2'], 'en')).toEqual(['unknown rule "X-1" (b.json), ignored']);
  });
});
