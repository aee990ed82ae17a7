// The storage suite, run unchanged on embedded PGlite and on a real PostgreSQL 15 the test starts itself.
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { check } from '../check.ts';
import { extract } from '../extract/index.ts';
import { editReport, importReport } from '../library.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Report } from '../model/report.ts';
import { read } from '../read/index.ts';
import { arbBlankyReport, arbReport, reportCells } from '../../test/support/arbitrary.ts';
import { postgresSkipped, startPostgres } from '../../test/support/postgres.ts';
import { cellAt } from './cells.ts';
import { openStore, StoreError, type Store } from './index.ts';

const SAMPLES_DIR = new URL('../../examples/reports/', import.meta.url);
/** The regions the sample reports come from (their titles and the seeds' sources). */
const SAMPLE_REGIONS: Record<string, string> = {
  '000': '河南省/三门峡市/义马市',
  '001': '江西省/上饶市',
  '002': '河南省/新乡市/牧野区',
  '003': '河南省/三门峡市',
  '004': '河南省',
};
const samples = readdirSync(SAMPLES_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({
    name: f,
    bytes: new Uint8Array(readFileSync(new URL(f, SAMPLES_DIR))),
    region: SAMPLE_REGIONS[f.slice(0, 3)]!,
  }));

async function importSamples(store: Store) {
  const out = [];
  for (const s of samples)
    out.push(await importReport(store, s.bytes, { fileName: s.name, region: s.region }));
  return out;
}

/** Every row of every table, ids included, timestamps left out: equal snapshots mean an unchanged database. */
async function snapshot(store: Store) {
  const out: Record<string, unknown[]> = {};
  const order: Record<string, string> = {
    agencies: 'id',
    agency_aliases: 'agency_id, region_path, normalised_name',
    agency_merges: 'id',
    source_files: 'id',
    reports: 'id',
    cells: 'report_id, table_key, row_key, column_key',
    diagnostics: 'id',
    edits: 'id',
  };
  const dropped = new Set(['created_at', 'imported_at', 'decided_at', 'at']);
  for (const [table, by] of Object.entries(order)) {
    const { rows } = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(table)} order by ${sql.raw(by)}`.execute(store.db);
    out[table] = rows.map((r) =>
      Object.fromEntries(
        Object.entries(r)
          .filter(([k]) => !dropped.has(k))
          .map(([k, v]) => [k, v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v]),
      ),
    );
  }
  return out;
}

/** Stores a generated report directly (as if read from a file whose bytes are its JSON). */
async function put(store: Store, report: Report, region: string, diagnostics: Diagnostic[] = []) {
  return store.importFile({
    fileName: `${report.agency}-${report.year}.json`,
    bytes: new TextEncoder().encode(JSON.stringify(report)),
    kind: 'text',
    region,
    report,
    diagnostics,
  });
}

function generated(n: number, seed: number, blanky = false): Report[] {
  return fc.sample(blanky ? arbBlankyReport() : arbReport(), { numRuns: n, seed });
}

/** A generated report of the given agency and year (the format version that year uses). */
function reportOf(agency: string, year: number, seed = year): Report {
  const [r] = fc.sample(arbReport(year < 2021 ? '2019' : '2021'), { numRuns: 1, seed });
  return { ...r!, agency, year };
}

const engines = [
  {
    name: 'PGlite (embedded)',
    skip: false,
    start: async () => ({ location: 'memory:', stop: () => {} }),
  },
  {
    name: 'PostgreSQL 15',
    // A developer without PostgreSQL may opt out; otherwise a missing server fails this half with the reason.
    skip: postgresSkipped(),
    start: async () => {
      const server = await startPostgres();
      return { location: await server.createDatabase(), stop: () => server.stop() };
    },
  },
];

for (const engine of engines) {
  describe.skipIf(engine.skip)(`store on ${engine.name}`, () => {
    let store: Store;
    let stop = () => {};

    beforeAll(async () => {
      const started = await engine.start();
      stop = started.stop;
      store = await openStore(started.location);
    }, 60_000);

    afterAll(async () => {
      await store?.close();
      stop();
    });

    beforeEach(async () => {
      await sql`truncate agencies, agency_aliases, agency_merges, source_files, reports, cells, diagnostics, edits restart identity cascade`.execute(
        store.db,
      );
    });

    it('imports the samples, and importing them again leaves the database unchanged', async () => {
      const first = await importSamples(store);
      expect(first.map((r) => r.status)).toEqual(samples.map(() => 'imported'));
      const counts = await store.counts();
      expect(counts.source_files).toBe(samples.length);
      expect(counts.reports).toBe(samples.length);
      expect(counts.cells).toBe(samples.length * 198);
      const before = await snapshot(store);

      const again = await importSamples(store);
      expect(again.map((r) => r.status)).toEqual(samples.map(() => 'unchanged'));
      expect(again.map((r) => r.reportId)).toEqual(first.map((r) => r.reportId));
      expect(await snapshot(store)).toEqual(before);

      // What is stored is what extraction found: the report JSON and every cell, blanks as NULL.
      for (const [i, s] of samples.entries()) {
        const doc = await read(s.bytes, { path: s.name });
        const extraction = extract(doc);
        const extracted = extraction.report!;
        const stored = (await store.report(first[i]!.reportId!))!;
        expect(stored.report).toEqual(extracted);
        // Every finding comes back whole: rule, severity, message, path, source, data, suggestions.
        const found = [
          ...doc.diagnostics,
          ...extraction.diagnostics.filter((d) => !doc.diagnostics.includes(d)),
        ];
        const findings = check(extracted, { extraction: found });
        expect(await store.diagnostics(stored.id)).toEqual(JSON.parse(JSON.stringify(findings)));
        expect(stored.errors).toBe(findings.filter((d) => d.severity === 'error').length);
        const cells = await store.db
          .selectFrom('cells')
          .select(['table_key', 'row_key', 'column_key', 'value'])
          .where('report_id', '=', stored.id)
          .execute();
        const byPath = new Map(
          cells.map((c) => [
            `${c.table_key}.${c.row_key}.${c.column_key}`,
            c.value === null ? null : Number(c.value),
          ]),
        );
        for (const c of reportCells(extracted))
          expect(byPath.get(c.path), `${s.name} ${c.path}`).toBe(c.value);
      }
    });

    it('re-importing an edited file makes a new current version and keeps the old one', async () => {
      const [, , , sample003] = samples;
      const first = await importReport(store, sample003!.bytes, {
        fileName: '003.txt',
        region: '河南省/三门峡市',
      });
      // The same report with one figure changed: 一、本年新收 自然人 251 → 252 (the file a unit re-publishes).
      const text = new TextDecoder().decode(sample003!.bytes);
      const edited = new TextEncoder().encode(text.replace(/251(\s+8\s+1\s+2\s+3\s+0\s+265)/, '252$1'));
      expect(edited).not.toEqual(sample003!.bytes);
      const second = await importReport(store, edited, { fileName: '003-v2.txt', region: '河南省/三门峡市' });

      expect(second.status).toBe('new-version');
      expect(second.agencyId).toBe(first.agencyId);
      expect(second.version).toBe(2);
      expect(second.previousReportId).toBe(first.reportId);
      const history = await store.history(first.agencyId!);
      expect(history.map((r) => [r.id, r.version, r.isCurrent, r.fileName])).toEqual([
        [first.reportId, 1, false, '003.txt'],
        [second.reportId, 2, true, '003-v2.txt'],
      ]);
      expect(cellAt(history[0]!.report, 'requests.newlyReceived.naturalPerson')).toBe(251);
      expect(cellAt(history[1]!.report, 'requests.newlyReceived.naturalPerson')).toBe(252);
      const current = await store.currentReports({ year: 2019 });
      expect(current.map((r) => r.id)).toEqual([second.reportId]);
      // The original file is kept byte for byte.
      expect((await store.sourceFile(history[0]!.sourceFileId))!.bytes).toEqual(sample003!.bytes);
      // Importing the first file again does not bring it back: its bytes are known.
      expect((await importReport(store, sample003!.bytes, { fileName: '003.txt' })).status).toBe('unchanged');
      expect((await store.currentReports({ year: 2019 })).map((r) => r.id)).toEqual([second.reportId]);
    });

    it('concurrent imports of one agency and year keep every version and end with one current', async () => {
      const files = [1, 2, 3, 4].map((seed) => reportOf('上饶市民政局', 2019, seed));
      const results = await Promise.all(files.map((r) => put(store, r, '江西省/上饶市')));
      expect(new Set(results.map((r) => r.agencyId)).size).toBe(1);
      const history = await store.history(results[0]!.agencyId!);
      expect(history.map((r) => r.version).sort()).toEqual([1, 2, 3, 4]);
      expect(history.filter((r) => r.isCurrent).map((r) => r.version)).toEqual([4]);
    });

    it('stores an unreadable file with its diagnostics and no report', async () => {
      const broken = new TextEncoder().encode('%PDF-1.7\nnot really a pdf');
      const result = await importReport(store, broken, { fileName: 'broken.pdf' });
      expect(result.status).toBe('unreadable');
      expect(result.reportId).toBeNull();
      const diagnostics = await store.fileDiagnostics(result.sourceFileId);
      expect(diagnostics.length).toBeGreaterThan(0);
      expect(diagnostics[0]!.ruleId).toMatch(/^read\//);
      expect(diagnostics[0]!.severity).toBe('error');
      expect(await store.counts()).toMatchObject({ source_files: 1, reports: 0, cells: 0 });
      expect((await importReport(store, broken, { fileName: 'again.pdf' })).status).toBe('unchanged');
    });

    it('never writes part of a file: a failure leaves the database as it was', async () => {
      await importSamples(store);
      const before = await snapshot(store);
      // A year beyond the integer column fails inside the transaction, after the file row was written.
      const bad = { ...reportOf('上饶市民政局', 2019), year: 2 ** 40 };
      await expect(put(store, bad, '江西省/上饶市')).rejects.toThrow();
      expect(await snapshot(store)).toEqual(before);
    });

    it('keeps the report JSON and every cell of generated reports of both versions, blanks as NULL', async () => {
      const reports = generated(12, 42, true);
      const ids: number[] = [];
      for (const [i, r] of reports.entries())
        ids.push((await put(store, { ...r, year: 2019 + i }, '河南省')).reportId!);
      for (const [i, r] of reports.entries()) {
        const stored = (await store.report(ids[i]!))!;
        expect(stored.report).toEqual({ ...r, year: 2019 + i });
        const rows = await store.db
          .selectFrom('cells')
          .select(['table_key', 'row_key', 'column_key', 'value'])
          .where('report_id', '=', ids[i]!)
          .execute();
        const got = new Map(rows.map((c) => [`${c.table_key}.${c.row_key}.${c.column_key}`, c.value]));
        const want = reportCells(r);
        expect(got.size).toBe(want.length);
        for (const c of want) expect(got.get(c.path) === null ? null : Number(got.get(c.path))).toBe(c.value);
      }
    });

    it('answers region queries: current reports, who reported, who is missing, reports with errors', async () => {
      const results = await importSamples(store);
      // Prefix match by whole components: 河南省 holds its cities and counties, 三门峡市 its 义马市.
      const names = async (year: number, region?: string) =>
        (await store.currentReports({ year, region })).map((r) => r.report.agency).sort();
      expect(await names(2019, '河南省')).toEqual([
        '三门峡市人民政府办公室',
        '义马市人民政府办公室',
        '河南省机关事务管理局',
      ]);
      expect(await names(2019, '河南省/三门峡市')).toEqual([
        '三门峡市人民政府办公室',
        '义马市人民政府办公室',
      ]);
      expect(await names(2019, '河南')).toEqual([]);
      expect(await names(2020)).toEqual(['新乡市牧野区人民政府办公室']);
      expect(await names(2019, '江西省/上饶市')).toEqual(['市民政局']);

      // 三门峡市 reports again for 2020, 义马市 does not: it is expected but missing.
      await put(store, reportOf('三门峡市人民政府办公室', 2020), '河南省/三门峡市');
      const status = await store.regionStatus({ year: 2020, region: '河南省/三门峡市' });
      expect(status.map((s) => [s.agency.name, s.status, s.years])).toEqual([
        ['三门峡市人民政府办公室', 'reported', [2019, 2020]],
        ['义马市人民政府办公室', 'missing', [2019]],
      ]);

      // Reports with errors: exactly those whose stored diagnostics hold an error; 001 leaves 总计 blank, 002 is clean.
      const withErrors = await store.reportsWithErrors({ year: 2019 });
      const expected = [];
      for (const r of await store.currentReports({ year: 2019 }))
        if ((await store.diagnostics(r.id)).some((d) => d.severity === 'error')) expected.push(r.id);
      expect(withErrors.map((r) => r.id).sort()).toEqual(expected.sort());
      expect(withErrors.map((r) => r.id)).toContain(results[1]!.reportId);
      expect((await store.reportsWithErrors({ year: 2020 })).map((r) => r.id)).not.toContain(
        results[2]!.reportId,
      );
      expect(withErrors.every((r, i) => i === 0 || withErrors[i - 1]!.errors >= r.errors)).toBe(true);
    });

    it('proposes 市民政局 under 江西省/上饶市 as 上饶市民政局; confirming renames it and keeps the old name', async () => {
      const sample001 = samples[1]!;
      const first = await importReport(store, sample001.bytes, {
        fileName: sample001.name,
        region: '江西省/上饶市',
      });
      expect(first.proposals.map((p) => [p.agencyName, p.target, p.proposedName])).toEqual([
        ['市民政局', null, '上饶市民政局'],
      ]);
      expect((await store.proposals()).map((p) => p.id)).toEqual([first.proposals[0]!.id]);
      await store.confirmProposal(first.proposals[0]!.id, 'reviewer');
      expect(await store.proposals()).toEqual([]);
      const [agency] = await store.agencies('江西省');
      expect(agency).toMatchObject({ id: first.agencyId, name: '上饶市民政局', level: '市', kind: '部门' });
      // A later report under the old name finds the same agency, through the alias, and proposes nothing.
      const next = await put(store, reportOf('市民政局', 2020), '江西省/上饶市');
      expect(next.agencyId).toBe(first.agencyId);
      expect(next.proposals).toEqual([]);
      expect((await store.findAgencies('市民政局')).map((a) => a.id)).toEqual([first.agencyId]);
      await expect(store.confirmProposal(first.proposals[0]!.id, 'reviewer')).rejects.toThrow(StoreError);
    });

    it('merges a name variant into the known agency on confirmation, keeping every version; a rejection sticks', async () => {
      const known = await put(store, reportOf('三门峡市人民政府办公室', 2019, 1), '河南省/三门峡市');
      const variant = await put(store, reportOf('三门峡市政府办公室', 2019, 2), '河南省/三门峡市');
      const later = await put(store, reportOf('三门峡市政府办公室', 2020, 3), '河南省/三门峡市');
      expect(variant.agencyId).not.toBe(known.agencyId);
      expect(later.agencyId).toBe(variant.agencyId);
      const [proposal] = variant.proposals;
      expect(proposal).toMatchObject({ target: { id: known.agencyId }, reason: 'name-variant' });

      await store.confirmProposal(proposal!.id, 'reviewer');
      const history = await store.history(known.agencyId!);
      // Both 2019 versions kept; the later import is current; the 2020 report moved along.
      expect(history.map((r) => [r.id, r.year, r.version, r.isCurrent])).toEqual([
        [known.reportId, 2019, 1, false],
        [variant.reportId, 2019, 2, true],
        [later.reportId, 2020, 1, true],
      ]);
      expect((await store.agencies()).map((a) => a.id)).toEqual([known.agencyId]);
      expect(await store.proposals('confirmed')).toMatchObject([
        { agency: null, agencyName: '三门峡市政府办公室', decidedBy: 'reviewer', status: 'confirmed' },
      ]);
      // The merged name now finds the known agency.
      const again = await put(store, reportOf('三门峡市政府办公室', 2021, 4), '河南省/三门峡市');
      expect(again.agencyId).toBe(known.agencyId);

      const other = await put(store, reportOf('义马市民政局', 2019), '河南省/三门峡市/义马市');
      const proposed = await put(store, reportOf('民政局', 2020), '河南省/三门峡市/义马市');
      expect(proposed.proposals[0]).toMatchObject({ target: { id: other.agencyId } });
      await store.rejectProposal(proposed.proposals[0]!.id, 'reviewer');
      expect(await store.proposals()).toEqual([]);
      expect((await store.proposals('rejected')).map((p) => p.id)).toEqual([proposed.proposals[0]!.id]);
      expect((await store.agencies('河南省/三门峡市/义马市')).length).toBe(2);
    });

    it('records an edit as a new re-checked version with the old value, who and why', async () => {
      const sample002 = samples[2]!;
      const imported = await importReport(store, sample002.bytes, {
        fileName: sample002.name,
        region: '河南省/新乡市/牧野区',
      });
      const original = (await store.report(imported.reportId!))!;
      expect(original.errors).toBe(0);
      const path = 'requests.granted.naturalPerson';
      const old = cellAt(original.report, path)!;
      const id = await editReport(store, imported.reportId!, [{ path, value: old + 5 }], {
        by: '张三',
        why: '核对原件',
      });
      const edited = (await store.report(id))!;
      expect(edited).toMatchObject({
        origin: 'edit',
        version: 2,
        isCurrent: true,
        sourceFileId: original.sourceFileId,
      });
      expect(cellAt(edited.report, path)).toBe(old + 5);
      // The edited version is re-checked: table 3's row and column sums no longer hold.
      const rules = (await store.diagnostics(id)).filter((d) => d.severity === 'error').map((d) => d.ruleId);
      expect(rules).toEqual(expect.arrayContaining(['T3-2', 'T3-3']));
      expect(rules).toEqual(
        check(edited.report)
          .filter((d) => d.severity === 'error')
          .map((d) => d.ruleId),
      );
      // The original version is untouched and no longer current.
      const kept = (await store.report(imported.reportId!))!;
      expect(kept.isCurrent).toBe(false);
      expect(cellAt(kept.report, path)).toBe(old);
      expect(await store.edits(imported.agencyId!)).toMatchObject([
        {
          reportId: id,
          previousReportId: imported.reportId,
          path,
          oldValue: old,
          newValue: old + 5,
          by: '张三',
          why: '核对原件',
        },
      ]);
      const cell = await store.db
        .selectFrom('cells')
        .select(['value', 'inferred'])
        .where('report_id', '=', id)
        .where('table_key', '=', 'requests')
        .where('row_key', '=', 'granted')
        .where('column_key', '=', 'naturalPerson')
        .executeTakeFirstOrThrow();
      expect([Number(cell.value), cell.inferred]).toEqual([old + 5, 'edit']);

      await expect(
        editReport(store, imported.reportId!, [{ path, value: 1 }], { by: 'x', why: 'y' }),
      ).rejects.toThrow(/not the current version/);
      await expect(
        editReport(store, id, [{ path: 'requests.nope.total', value: 1 }], { by: 'x', why: 'y' }),
      ).rejects.toThrow(/not a cell/);
      await expect(
        store.recordEdit({ reportId: id, changes: [{ path, value: 1 }], by: '', why: '' }),
      ).rejects.toThrow(StoreError);
    });
  });
}

describe('store location', () => {
  it('keeps a PGlite directory between openings, and names a bad location clearly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-store-'));
    try {
      const location = join(dir, 'db');
      const store = await openStore(location);
      expect(store.engine).toBe('pglite');
      await put(store, reportOf('河南省民政厅', 2019), '河南省');
      await store.close();
      const again = await openStore(location);
      expect((await again.currentReports({ year: 2019 })).map((r) => r.report.agency)).toEqual([
        '河南省民政厅',
      ]);
      await again.close();
      await expect(openStore('postgres://nobody@127.0.0.1:1/none')).rejects.toThrow(
        /cannot open the database at postgres:\/\/nobody@127\.0\.0\.1:1\/none/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
