// Terminal rendering: labels from the format data, blanks distinct from zeros, right-aligned figures.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../model/diagnostic.ts';
import { FORMATS } from '../model/formats/index.ts';
import { blankReport, rowValues, tableDef } from '../model/report.ts';
import { BLANK, countFigures, formatDiagnostic, renderReportTables, renderResult } from './render.ts';
import { displayWidth } from '../render/width.ts';

describe.each(FORMATS.map((f) => f.version))('renderReportTables, format %s', (version) => {
  const report = blankReport(version);
  const requests = tableDef(version, 'requests');
  const first = rowValues(report.requests, requests.rows[0]!);
  first.naturalPerson = 0;
  first.total = 1234;
  const text = renderReportTables(report).join('\n');

  it('uses every row and column label of the format data', () => {
    for (const key of ['proactive', 'requests', 'reviewLitigation'] as const)
      for (const row of tableDef(version, key).rows) {
        expect(text).toContain(row.label.slice(0, 8));
        for (const c of row.columns) expect(text).toContain(c.label);
      }
  });

  it('shows a blank as a mark distinct from 0 and right-aligns figures under their header', () => {
    const lines = text.split('\n');
    const header = lines.find((l) => l.includes('自然人'))!;
    const row = lines.find((l) => l.includes(requests.rows[0]!.label))!;
    expect(row).toMatch(new RegExp(`\\s0\\s+\\${BLANK}`));
    // The 总计 column ends where its header ends.
    expect(displayWidth(row)).toBe(displayWidth(header));
    expect(row.trimEnd().endsWith('1234')).toBe(true);
  });

  it('counts figures read out of all cells', () => {
    const { read, total } = countFigures(report);
    expect(read).toBe(2);
    expect(total).toBeGreaterThan(150);
  });
});

describe('renderResult and formatDiagnostic', () => {
  const d: Diagnostic = {
    ruleId: 'extract/example',
    severity: 'warning',
    messageId: 'example',
    message: '示例',
    data: {},
    source: { kind: 'text', line: 12, column: 3, endLine: 12, endColumn: 5 },
  };

  it('formats a diagnostic as `line:col  severity  message  (ruleId)`', () => {
    expect(formatDiagnostic(d)).toBe('12:3  warning  示例  (extract/example)');
    expect(formatDiagnostic({ ...d, source: undefined })).toBe('warning  示例  (extract/example)');
  });

  it('renders a file without a report with its diagnostics', () => {
    const out = renderResult({ file: 'x.txt', report: null, diagnostics: [d] });
    expect(out).toContain('x.txt');
    expect(out).toContain('12:3  warning  示例  (extract/example)');
  });
});
