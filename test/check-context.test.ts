// End-to-end tests of `nianbao check --previous / --member / --published-at` (the docs pages run the good cases).
import { describe, expect, it } from 'vitest';
import { runCli } from '../scripts/rule-docs.ts';

const EXAMPLES = 'docs/rules/examples';

describe('nianbao check with the context of the cross-year and aggregate rules', () => {
  it('a --previous file that cannot be read is a usage error naming it, before any file is checked', async () => {
    const { code, output } = await runCli([
      'check',
      '--previous',
      'no-such-file.txt',
      `${EXAMPLES}/T3-6.correct.txt`,
    ]);
    expect(code).toBe(2);
    expect(output).toMatch(/^nianbao: no-such-file\.txt: /);
    expect(output).not.toContain('T3-6.correct.txt');
  });

  it('passes the previous report to every file of a batch, in JSON too', async () => {
    const { code, output } = await runCli([
      'check',
      '--format',
      'json',
      '--previous',
      `${EXAMPLES}/T3-6.previous.txt`,
      `${EXAMPLES}/T3-6.correct.txt`,
      `${EXAMPLES}/T3-6.incorrect.txt`,
    ]);
    expect(code).toBe(0); // warnings only
    const entries = JSON.parse(output) as { diagnostics: { ruleId: string }[] }[];
    expect(entries.map((e) => e.diagnostics.map((d) => d.ruleId))).toEqual([[], ['T3-6', 'T3-6']]);
  });

  it('--published-at in English', async () => {
    const { output } = await runCli([
      'check',
      '--lang',
      'en',
      '--published-at',
      '2023-04-02',
      `${EXAMPLES}/late-publication.correct.txt`,
    ]);
    expect(output).toContain('Published on 2023-04-02, after the deadline 2023-01-31');
    expect(output).toContain('61 days late');
  });
});
