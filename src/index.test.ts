// Pins the public API: adding or removing an export is a decision, made here on purpose (design.md principle 8).
import { expect, it } from 'vitest';
import * as api from './index.ts';

it('exports exactly the curated entry points', () => {
  expect(Object.keys(api).sort()).toEqual([
    'FORMATS',
    'OUTPUT_FORMATS',
    'ReportSchema',
    'aggregate',
    'blankReport',
    'check',
    'compareReports',
    'extract',
    'formatOf',
    'indicators',
    'newReport',
    'read',
    'readText',
    'renderReport',
  ]);
});

it('extracts a report that satisfies the contract schema', async () => {
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(new URL('../examples/reports/003_b41a2553e1af1d3f.txt', import.meta.url));
  const { report } = api.extract(await api.read(bytes));
  expect(api.ReportSchema.safeParse(report).success).toBe(true);
  const broken = structuredClone(report!) as unknown as {
    requests: { newlyReceived: Record<string, unknown> };
  };
  broken.requests.newlyReceived.extra = 1;
  expect(api.ReportSchema.safeParse(broken).success).toBe(false);
});

it('exports the database entry points from nianbao/store only', async () => {
  const store = await import('./store.ts');
  expect(Object.keys(store).sort()).toEqual([
    'NoDatabaseError',
    'StoreError',
    'editReport',
    'importReport',
    'openStore',
    'storeLocation',
  ]);
  expect(Object.keys(api)).not.toContain('openStore');
});
