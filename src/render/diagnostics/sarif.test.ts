// The SARIF formatter: a valid 2.1.0 log (checked against the schema's essentials), levels, locations, URIs.
import { describe, expect, it } from 'vitest';
import { sarifErrors } from '../../../test/support/sarif.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import { blankReport } from '../../model/report.ts';
import { REGISTRY } from '../../rules/index.ts';
import { fileUri, formatSarif } from './sarif.ts';
import type { SarifLog } from './sarif.ts';

const report = blankReport('2021');
report.provenance = {
  'requests.granted.naturalPerson': {
    text: '5',
    source: { kind: 'text', line: 7, column: 3, endLine: 7, endColumn: 4 },
  },
};
const d = (over: Partial<Diagnostic>): Diagnostic => ({
  ruleId: 'T3-2',
  severity: 'error',
  messageId: 'rowSum',
  message: '总计不等于各列之和',
  data: {},
  ...over,
});

const log = JSON.parse(
  formatSarif(
    [
      {
        file: 'reports/某局 2021.txt',
        report,
        diagnostics: [
          d({
            path: ['requests', 'granted', 'total'],
            source: { kind: 'text', line: 7, column: 20, endLine: 7, endColumn: 22 },
            related: [['requests', 'granted', 'naturalPerson']],
            expected: 5,
            actual: 0,
          }),
          d({ ruleId: 'extract/split-digits', severity: 'info', messageId: 'splitDigits' }),
          d({ severity: 'warning', source: { kind: 'pdf', page: 2, box: [0, 0, 10, 10] } }),
        ],
      },
      { file: '/abs/missing.txt', report: null, diagnostics: [d({ ruleId: 'read/unreadable' })] },
    ],
    { version: '9.9.9', rules: [...REGISTRY.values()] },
  ),
) as SarifLog;
const [run] = log.runs;
const results = run!.results;

describe('formatSarif', () => {
  it('is valid SARIF 2.1.0 in every part the schema requires', () => {
    expect(sarifErrors(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
  });

  it('describes every registered rule, with its title, docs and default level', () => {
    expect(run!.tool.driver).toMatchObject({ name: 'nianbao', version: '9.9.9' });
    expect(run!.tool.driver.rules).toHaveLength(REGISTRY.size);
    for (const [i, meta] of [...REGISTRY.values()].entries())
      expect(run!.tool.driver.rules[i]).toMatchObject({
        id: meta.id,
        shortDescription: { text: meta.title.zh },
        helpUri: `docs/rules/${(meta.reportedBy ?? meta.id).replace(/\//g, '-')}.md`,
        defaultConfiguration: { level: meta.severity === 'info' ? 'note' : meta.severity },
      });
  });

  it('maps severities to levels (info → note) and points ruleIndex at the rule', () => {
    expect(results.map((r) => r.level)).toEqual(['error', 'note', 'warning', 'error']);
    const rules = run!.tool.driver.rules;
    expect(rules[results[0]!.ruleIndex!]!.id).toBe('T3-2');
    // read/unreadable, the CLI's finding, is registered like every other.
    expect(rules[results[3]!.ruleIndex!]!.id).toBe('read/unreadable');
    // A finding of an id the given registry does not have (a newer version's) has no index.
    const other = JSON.parse(
      formatSarif([{ file: 'a.txt', report: null, diagnostics: [d({ ruleId: 'read/newer-finding' })] }], {
        rules: [...REGISTRY.values()],
      }),
    ) as SarifLog;
    expect(other.runs[0]!.results[0]!.ruleIndex).toBeUndefined();
  });

  it('locates a finding in the file (region) and in the model (logical location), with related cells', () => {
    const [first] = results;
    expect(first!.locations[0]).toEqual({
      physicalLocation: {
        artifactLocation: { uri: 'reports/%E6%9F%90%E5%B1%80%202021.txt', index: 0 },
        region: { startLine: 7, startColumn: 20, endLine: 7, endColumn: 22 },
      },
      logicalLocations: [{ fullyQualifiedName: 'requests.granted.total', name: 'total' }],
      message: { text: '表三（依申请公开）“（一）予以公开”行“总计”列' },
    });
    expect(first!.relatedLocations![0]!.physicalLocation!.region).toMatchObject({
      startLine: 7,
      startColumn: 3,
    });
    expect(first!.properties).toMatchObject({ messageId: 'rowSum', expected: 5, actual: 0 });
  });

  it('has no region for a source without lines (PDF), and says where in words', () => {
    expect(results[2]!.locations[0]!.physicalLocation!.region).toBeUndefined();
    expect(results[2]!.locations[0]!.physicalLocation!.properties).toMatchObject({ kind: 'pdf', page: 2 });
    expect(results[2]!.locations[0]!.message).toEqual({ text: 'p.2' });
  });

  it('lists every file as an artifact, including those without findings', () => {
    expect(run!.artifacts.map((a) => a.location.uri)).toEqual([
      'reports/%E6%9F%90%E5%B1%80%202021.txt',
      'file:///abs/missing.txt',
    ]);
  });
});

describe('fileUri', () => {
  it.each([
    ['examples/reports/a.txt', 'examples/reports/a.txt'],
    ['报告 1.txt', '%E6%8A%A5%E5%91%8A%201.txt'],
    ['/tmp/x#1.txt', 'file:///tmp/x%231.txt'],
    ['C:\\reports\\a.txt', 'file:///C:/reports/a.txt'],
  ])('%s → %s', (path, uri) => {
    expect(fileUri(path)).toBe(uri);
  });
});
