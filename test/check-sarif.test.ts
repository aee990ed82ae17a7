// nianbao check -f sarif as code-scanning tools take it: absolute helpUri and informationUri, the run's invocation
// with its exit code and the unreadable files as notifications, PDF locations, and fingerprints stable across runs.
import { describe, expect, it } from 'vitest';
import type { SarifLog } from '../src/render/diagnostics/index.ts';
import { runMain, SAMPLE } from './support/cli.ts';
import { sarifErrors } from './support/sarif.ts';

const sarif = async (args: string[]) => {
  const r = await runMain(['check', '-f', 'sarif', ...args]);
  return { code: r.code, log: JSON.parse(r.stdout) as SarifLog };
};

describe('SARIF for code-scanning tools', () => {
  it('links each rule to its page by an absolute URI: this copy’s docs, or --docs-url', async () => {
    const { log } = await sarif([SAMPLE('004')]);
    const driver = log.runs[0]!.tool.driver;
    expect(sarifErrors(log)).toEqual([]);
    const t32 = driver.rules.find((r) => r.id === 'T3-2')!;
    expect(t32.helpUri).toMatch(/^file:\/\/\/.+\/docs\/rules\/T3-2\.md$/);
    expect(driver.informationUri).toMatch(/^file:\/\/\/.+\/README\.md$/);
    const web = await sarif(['--docs-url', 'https://example.org/nianbao/docs/rules', SAMPLE('004')]);
    const d = web.log.runs[0]!.tool.driver;
    expect(d.rules.find((r) => r.id === 'T3-2')!.helpUri).toBe(
      'https://example.org/nianbao/docs/rules/T3-2.md',
    );
    expect(d.informationUri).toBe('https://example.org/nianbao/README.md');
    expect((await runMain(['check', '-f', 'sarif', '--docs-url', 'docs/', SAMPLE('004')])).code).toBe(2);
  });

  it('says the exit code, and names a file that gave no report as a tool notification', async () => {
    const { code, log } = await sarif([SAMPLE('004'), 'no-such-report.pdf']);
    expect(code).toBe(2);
    expect(sarifErrors(log)).toEqual([]);
    const [invocation] = log.runs[0]!.invocations!;
    expect(invocation).toMatchObject({ executionSuccessful: false, exitCode: 2 });
    expect(invocation!.toolExecutionNotifications).toHaveLength(1);
    expect(invocation!.toolExecutionNotifications[0]).toMatchObject({
      level: 'error',
      descriptor: { id: 'read/unreadable' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'no-such-report.pdf' } } }],
    });
    const clean = await sarif([SAMPLE('002')]);
    expect(clean.log.runs[0]!.invocations![0]).toMatchObject({ executionSuccessful: true, exitCode: 0 });
  });

  it('gives each result a fingerprint that is the same on the next run and differs between results', async () => {
    const a = (await sarif([SAMPLE('001')])).log.runs[0]!.results;
    const b = (await sarif([SAMPLE('001')])).log.runs[0]!.results;
    const prints = a.map((r) => r.partialFingerprints!['nianbao/v1']);
    expect(prints).toEqual(b.map((r) => r.partialFingerprints!['nianbao/v1']));
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('locates a finding in a PDF by its page and box', async () => {
    const { log } = await sarif(['test/fixtures/pdf/sample-003.pdf']);
    const located = log.runs[0]!.results.filter((r) => r.locations[0]!.physicalLocation?.properties);
    expect(located.length).toBeGreaterThan(0);
    expect(located[0]!.locations[0]!.physicalLocation!.properties).toMatchObject({
      kind: 'pdf',
      page: expect.any(Number),
      box: expect.any(Array),
    });
  });
});
