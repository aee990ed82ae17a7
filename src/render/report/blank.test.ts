// A report left blank (a template, a body with nothing to report) reads back as blank cells, not as missing rows.
import { describe, expect, it } from 'vitest';
import { extract } from '../../extract/index.ts';
import { FORMATS } from '../../model/formats/index.ts';
import { blankReport, cellsOf, rowValues } from '../../model/report.ts';
import { read } from '../../read/index.ts';
import { renderReport } from './index.ts';

describe('blank reports read back blank', () => {
  for (const to of ['html', 'docx', 'xlsx', 'md'] as const)
    for (const f of FORMATS)
      it(`${to}, ${f.version} format: every cell null, no row or table missing`, async () => {
        const report = { ...blankReport(f.version), agency: '某县审计局', year: f.years[0] };
        const out = await renderReport(report, to);
        const bytes = typeof out === 'string' ? new TextEncoder().encode(out) : out;
        const doc = await read(bytes, { path: `blank.${to}` });
        const { report: back, diagnostics } = extract(doc);
        expect(back).not.toBeNull();
        expect(back!.formatVersion).toBe(f.version);
        expect(diagnostics.filter((d) => /^extract\/missing-(row|table)$/.test(d.ruleId))).toEqual([]);
        for (const { table, row, column } of cellsOf(f))
          expect(rowValues(back![table.key], row)[column.key], `${row.label} ${column.label}`).toBeNull();
      });
});
