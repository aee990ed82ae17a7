// Every route of the API in process (fastify.inject) over a library of the samples: answers, bad input as JSON
// errors with the right status, edits as new versions with their audit, verdicts, exports, region and years.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/check.ts';
import { importReport } from '../src/library.ts';
import { extractFile } from '../src/pipeline.ts';
import { aggregateObject, aggregateRegion } from '../src/region.ts';
import { renderJson } from '../src/render/report/json.ts';
import { findingIds } from '../src/server/findings.ts';
import { buildServer } from '../src/server/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { multipart } from './support/multipart.ts';

const ROOT = join(import.meta.dirname, '..');
const SAMPLES = readdirSync(join(ROOT, 'examples/reports'))
  .filter((f) => f.endsWith('.txt'))
  .sort();
const bytesOf = (file: string) => new Uint8Array(readFileSync(join(ROOT, file)));
const YIMA = '义马市人民政府办公室';
const CSRF = { 'x-nianbao': '1' };

let store: Store;
let app: FastifyInstance;
/** The report ids of the samples, by file. */
const ids: Record<string, number> = {};

beforeAll(async () => {
  store = await openStore('memory:');
  app = await buildServer({ store, ocr: false });
  for (const f of SAMPLES) {
    const r = await importReport(store, bytesOf(`examples/reports/${f}`), { fileName: f });
    ids[f] = r.reportId!;
  }
  // The first sample's body a year later (its report as JSON, year changed): two years of one agency.
  const first = await extractFile(SAMPLES[0]!, bytesOf(`examples/reports/${SAMPLES[0]}`));
  const later = { ...JSON.parse(renderJson(first.report!)), year: 2020 };
  later.requests.newlyReceived.naturalPerson = 3;
  later.requests.newlyReceived.total = 3;
  const r = await importReport(store, new TextEncoder().encode(JSON.stringify(later)), {
    fileName: 'yima-2020.json',
  });
  ids['yima-2020.json'] = r.reportId!;
  const html = 'test/fixtures/html/2021-official.html';
  ids[html] = (await importReport(store, bytesOf(html), { fileName: '2021-official.html' })).reportId!;
});
afterAll(async () => {
  await app?.close();
  await store?.close();
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('the server', () => {
  it('GET /api/health', async () => {
    const res = await get('/api/health');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(res.json()).toEqual({ ok: true, version: pkg.version });
  });

  it('the OpenAPI document lists every route; the docs page loads no inline script; CSP is strict', async () => {
    const doc = (await get('/api/openapi.json')).json<{ openapi: string; paths: Record<string, object> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/files',
        '/api/batches/{id}',
        '/api/batches/{id}/events',
        '/api/reports',
        '/api/reports/{id}',
        '/api/reports/{id}/source',
        '/api/reports/{id}/audit',
        '/api/reports/{id}/findings/{fid}',
        '/api/reports/{id}/export',
        '/api/reports/{id}/view',
        '/api/reports/{id}/pages/{n}.png',
        '/api/health',
        '/api/agencies',
        '/api/aggregate',
        '/api/compare',
        '/api/compare/findings',
        '/api/dashboard',
        '/api/check',
        '/api/login',
        '/api/logout',
        '/api/me',
        '/api/template',
        '/api/rules/{ruleId}',
        '/api/render',
      ].sort(),
    );
    expect(Object.keys(doc.paths['/api/reports/{id}']!).sort()).toEqual(['get', 'patch']);
    const page = await get('/api/docs/');
    expect(page.statusCode).toBe(200);
    const scripts = page.body.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toMatch(/\ssrc="/);
    expect(page.body).not.toMatch(/<script\b[^>]*>\s*[^<\s]/);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('errors are JSON with the right status: unknown route, bad id, a bug without its stack', async () => {
    expect((await get('/api/nothing')).json()).toEqual({
      error: { code: 'not-found', message: 'no route GET /api/nothing' },
    });
    const bad = await get('/api/reports/abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('bad-request');
    expect((await get('/api/reports/99999')).json()).toEqual({
      error: { code: 'not-found', message: 'no report 99999' },
    });
    // A store that fails: a 500 that tells nothing of the failure's insides.
    const broken = Object.create(store) as Store;
    broken.listReports = async () => {
      throw new Error('secret connection string postgres://x:pw@h');
    };
    const other = await buildServer({ store: broken, ocr: false });
    const res = await other.inject({ method: 'GET', url: '/api/reports' });
    await other.close();
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: { code: 'internal', message: 'internal error: the server could not answer this request' },
    });
  });
});

describe('reports', () => {
  it('GET /api/reports filters and pages the current reports', async () => {
    const all = (await get('/api/reports')).json();
    expect(all.total).toBe(SAMPLES.length + 2);
    expect(all.page).toBe(1);
    const y2019 = (await get('/api/reports?year=2019')).json();
    expect(y2019.items.every((i: { year: number }) => i.year === 2019)).toBe(true);
    expect(y2019.total).toBe(all.items.filter((i: { year: number }) => i.year === 2019).length);
    const yima = (await get(`/api/reports?agency=${encodeURIComponent('义马')}`)).json();
    expect(yima.items.map((i: { id: number }) => i.id).sort()).toEqual(
      [ids[SAMPLES[0]!], ids['yima-2020.json']].sort(),
    );
    const q = (await get(`/api/reports?q=${encodeURIComponent('official')}`)).json();
    expect(q.items.map((i: { fileName: string }) => i.fileName)).toEqual(['2021-official.html']);
    const warned = (await get('/api/reports?status=warnings')).json();
    expect(warned.items.length).toBeGreaterThan(0);
    expect(
      warned.items.every((i: { errors: number; warnings: number }) => i.errors === 0 && i.warnings > 0),
    ).toBe(true);
    const clean = (await get('/api/reports?status=clean')).json();
    expect(clean.total + warned.total + (await get('/api/reports?status=errors')).json().total).toBe(
      all.total,
    );
    const pages = [1, 2, 3].map((p) => get(`/api/reports?pageSize=3&page=${p}`));
    const seen = (await Promise.all(pages)).flatMap((r) => r.json().items.map((i: { id: number }) => i.id));
    expect(seen).toEqual(all.items.map((i: { id: number }) => i.id));
    for (const bad of ['year=abc', 'status=lost', 'pageSize=0', 'page=-1'])
      expect((await get(`/api/reports?${bad}`)).statusCode, bad).toBe(400);
  });

  it('GET /api/reports/:id: the contract, findings with ids, provenance, versions, file', async () => {
    const f = SAMPLES[0]!;
    const res = (await get(`/api/reports/${ids[f]}`)).json();
    const reference = await extractFile(f, bytesOf(`examples/reports/${f}`));
    expect(res.report).toEqual(JSON.parse(renderJson(reference.report!)));
    expect(res.provenance).toEqual(reference.report!.provenance);
    expect(res.agency.name).toBe(YIMA);
    expect(res.versions.map((v: { id: number }) => v.id)).toEqual([ids[f]]);
    expect(res.file).toMatchObject({ name: f, kind: 'text' });
    expect(res.file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(res.diagnostics.map((d: { id: string }) => d.id)).toEqual(
      findingIds(await store.diagnostics(ids[f]!)),
    );
  });

  it('GET /api/reports/:id/source gives the bytes as uploaded', async () => {
    const f = SAMPLES[1]!;
    const res = await get(`/api/reports/${ids[f]}/source`);
    expect(res.rawPayload).toEqual(Buffer.from(bytesOf(`examples/reports/${f}`)));
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${f}"; filename*=UTF-8''${f}`);
  });

  it('PATCH makes a checked new version, the original kept; the audit lists each edit; bad edits refused', async () => {
    const first = ids[SAMPLES[0]!]!;
    const edit = (id: number, body: object, headers: Record<string, string> = CSRF) =>
      app.inject({ method: 'PATCH', url: `/api/reports/${id}`, payload: body, headers });
    // A planted error: one part of a row no longer adds up to its total.
    const planted = await edit(first, {
      path: 'requests.granted.naturalPerson',
      value: 5,
      reason: '核对原件',
    });
    expect(planted.statusCode).toBe(200);
    const v2 = planted.json();
    expect(v2.id).not.toBe(first);
    expect(v2.version).toBe(2);
    expect(v2.report.requests.granted.naturalPerson).toBe(5);
    const errors = v2.diagnostics.filter((d: { severity: string }) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((d: { path?: string[] }) => d.path?.join('.').startsWith('requests.granted'))).toBe(
      true,
    );
    const original = (await get(`/api/reports/${first}`)).json();
    expect(original.isCurrent).toBe(false);
    expect(original.report.requests.granted.naturalPerson).toBe(0);
    // Put back: the finding goes.
    const fixed = (
      await edit(v2.id, { path: 'requests.granted.naturalPerson', value: 0, reason: '改回', by: '审核员' })
    ).json();
    expect(fixed.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
    expect(fixed.versions.map((v: { version: number }) => v.version)).toEqual([1, 2, 3]);
    const audit = (await get(`/api/reports/${fixed.id}/audit`)).json();
    expect(
      audit.edits.map((e: object) => {
        const { path, oldValue, newValue, by, why } = e as Record<string, unknown>;
        return { path, oldValue, newValue, by, why };
      }),
    ).toEqual([
      { path: 'requests.granted.naturalPerson', oldValue: 0, newValue: 5, by: 'web', why: '核对原件' },
      { path: 'requests.granted.naturalPerson', oldValue: 5, newValue: 0, by: '审核员', why: '改回' },
    ]);
    // An old version, a cell the format has not, no reason, a figure below 0, no CSRF header.
    const stale = await edit(first, { path: 'requests.granted.total', value: 1, reason: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('not-current');
    const noCell = await edit(fixed.id, { path: 'requests.nothing.total', value: 1, reason: 'x' });
    expect(noCell.statusCode).toBe(400);
    expect(noCell.json().error.message).toContain('requests.nothing.total');
    expect((await edit(fixed.id, { path: 'requests.granted.total', value: 1, reason: ' ' })).statusCode).toBe(
      400,
    );
    expect(
      (await edit(fixed.id, { path: 'requests.granted.total', value: -1, reason: 'x' })).statusCode,
    ).toBe(400);
    expect(
      (await edit(fixed.id, { path: 'requests.granted.total', value: 1, reason: 'x' }, {})).statusCode,
    ).toBe(403);
    expect((await get(`/api/reports/${fixed.id}`)).json().version).toBe(3);
  });

  it('POST /api/reports/:id/findings/:fid keeps a verdict, by an id a re-check of the version finds again', async () => {
    const id = ids[SAMPLES[3]!]!;
    const detail = (await get(`/api/reports/${id}`)).json();
    expect(detail.diagnostics.length).toBeGreaterThan(0);
    const fid = detail.diagnostics[0].id as string;
    const post = (url: string, body: object) =>
      app.inject({ method: 'POST', url, payload: body, headers: CSRF });
    const res = await post(`/api/reports/${id}/findings/${fid}`, { status: 'dismissed', note: '原文如此' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: fid,
      verdict: { status: 'dismissed', note: '原文如此', by: 'web' },
    });
    expect((await get(`/api/reports/${id}`)).json().diagnostics[0].verdict.status).toBe('dismissed');
    // Checked again, the same version's findings have the same ids.
    const stored = await store.report(id);
    const extraction = (await store.diagnostics(id)).filter((d) => /^(read|extract)\//.test(d.ruleId));
    const again = check(stored!.report, { extraction });
    expect(findingIds(again)).toEqual(findingIds(await store.diagnostics(id)));
    const reopened = await post(`/api/reports/${id}/findings/${fid}`, { status: 'open' });
    expect(reopened.json().verdict).toMatchObject({ status: 'open', note: '' });
    expect((await post(`/api/reports/${id}/findings/nothing`, { status: 'open' })).statusCode).toBe(404);
    expect((await post(`/api/reports/${id}/findings/${fid}`, { status: 'maybe' })).statusCode).toBe(400);
  });

  it('GET /api/reports/:id/export writes every format; PDF without Chromium is 503', async () => {
    const id = ids[SAMPLES[2]!]!;
    const stored = (await store.report(id))!;
    const types: Record<string, RegExp> = {
      docx: /wordprocessingml/,
      html: /^text\/html; charset=utf-8$/,
      xlsx: /spreadsheetml/,
      csv: /^text\/csv/,
      json: /^application\/json/,
      md: /^text\/markdown/,
    };
    for (const [to, type] of Object.entries(types)) {
      const res = await get(`/api/reports/${id}/export?to=${to}`);
      expect(res.statusCode, to).toBe(200);
      expect(res.headers['content-type'], to).toMatch(type);
      expect(String(res.headers['content-disposition'])).toMatch(new RegExp(`^attachment; .*\\.${to}$`));
    }
    expect((await get(`/api/reports/${id}/export?to=json`)).json()).toEqual(
      JSON.parse(renderJson(stored.report)),
    );
    // The workbook read back holds the report's figures.
    const xlsx = await get(`/api/reports/${id}/export?to=xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const data = book.worksheets.find((s) => s.name === 'data');
    expect(data).toBeDefined();
    const rows = data!.getSheetValues().slice(2) as unknown[][];
    expect(rows.length).toBeGreaterThan(100);
    for (const [, table, row, , column, , value] of rows) {
      let node = stored.report[table as 'requests'] as unknown as Record<string, unknown>;
      for (const k of String(row).split('.')) node = node[k] as Record<string, unknown>;
      expect(value ?? null, `${table}.${row}.${column}`).toBe(node[String(column)]);
    }
    expect((await get(`/api/reports/${id}/export?to=rtf`)).statusCode).toBe(400);
    const saved = process.env.NIANBAO_CHROMIUM;
    process.env.NIANBAO_CHROMIUM = '/nonexistent/chromium';
    try {
      const pdf = await get(`/api/reports/${id}/export?to=pdf`);
      expect(pdf.statusCode).toBe(503);
      expect(pdf.json().error).toMatchObject({ code: 'unavailable' });
      expect(pdf.json().error.message).toContain('PDF output needs Chromium');
    } finally {
      if (saved === undefined) delete process.env.NIANBAO_CHROMIUM;
      else process.env.NIANBAO_CHROMIUM = saved;
    }
  });
});

describe('the library', () => {
  it('GET /api/agencies tells who has not reported for the year', async () => {
    const res = (await get('/api/agencies?year=2020')).json();
    expect(res.year).toBe(2020);
    const byName = Object.fromEntries(
      res.agencies.map((a: { name: string; status: string }) => [a.name, a.status]),
    );
    expect(byName[YIMA]).toBe('reported');
    // 三门峡市人民政府办公室 reported for 2019 only: missing for 2020.
    expect(byName['三门峡市人民政府办公室']).toBe('missing');
    expect(res.counts.missing).toBe(
      res.agencies.filter((a: { status: string }) => a.status === 'missing').length,
    );
    const latest = (await get('/api/agencies')).json();
    expect(latest.year).toBe(Math.max(...(await store.years())));
    expect((await get('/api/agencies?year=19')).statusCode).toBe(400);
  });

  it('GET /api/aggregate sums the region as nianbao aggregate does; to=xlsx its workbook', async () => {
    const res = (await get('/api/aggregate?year=2019')).json();
    const direct = await aggregateRegion(store, { year: 2019 });
    expect(res.members.map((m: { reportId: number }) => m.reportId)).toEqual(
      direct.listing.members.map((m) => m.reportId),
    );
    expect(res.members.length).toBeGreaterThan(0);
    expect(res.report.aggregate).toEqual({ members: direct.listing.members.length });
    expect(res.report.requests).toEqual(JSON.parse(renderJson(direct.result.report)).requests);
    // nianbao aggregate --format json, key for key, and the findings of the sum.
    expect(res).toEqual({
      ...JSON.parse(JSON.stringify(aggregateObject(direct.result.report, direct.listing))),
      diagnostics: JSON.parse(JSON.stringify(direct.diagnostics)),
    });
    const xlsx = await get('/api/aggregate?year=2019&to=xlsx');
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await get('/api/aggregate')).statusCode).toBe(400);
  });

  it("GET /api/compare puts an agency's two years side by side", async () => {
    const res = await get(`/api/compare?agency=${encodeURIComponent(YIMA)}&years=2019,2020`);
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.a).toMatchObject({ agency: YIMA, year: 2019 });
    expect(c.b).toMatchObject({ agency: YIMA, year: 2020, reportId: ids['yima-2020.json'] });
    expect(
      c.cells.map((d: { path: string; a: number; b: number; delta: number }) => [d.path, d.a, d.b, d.delta]),
    ).toEqual([
      ['requests.newlyReceived.naturalPerson', 0, 3, 3],
      ['requests.newlyReceived.total', 0, 3, 3],
    ]);
    const none = await get(`/api/compare?agency=${encodeURIComponent(YIMA)}&years=2019,2023`);
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toContain('2023');
    expect(
      (await get(`/api/compare?agency=${encodeURIComponent('不存在的局')}&years=2019,2020`)).statusCode,
    ).toBe(404);
    expect((await get(`/api/compare?agency=x&years=2019`)).statusCode).toBe(400);
  });

  it('POST /api/check checks a file or a report JSON and stores nothing', async () => {
    const before = await store.counts();
    const f = SAMPLES[4]!;
    const { payload, headers } = multipart([{ name: f, bytes: bytesOf(`examples/reports/${f}`) }]);
    const res = await app.inject({ method: 'POST', url: '/api/check', payload, headers });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const reference = await extractFile(f, bytesOf(`examples/reports/${f}`));
    expect(body.report).toEqual(JSON.parse(renderJson(reference.report!)));
    expect(body.diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(
      check(reference.report!, { extraction: reference.diagnostics }).map((d) => d.ruleId),
    );
    // A report's JSON with a planted error: the finding, nothing stored.
    const planted = JSON.parse(renderJson(reference.report!));
    planted.requests.granted.total = 99;
    const json = await app.inject({ method: 'POST', url: '/api/check', payload: planted, headers: CSRF });
    expect(json.statusCode).toBe(200);
    expect(json.json().counts.errors).toBeGreaterThan(0);
    expect(
      json
        .json()
        .diagnostics.some((d: { path?: string[] }) => d.path?.join('.') === 'requests.granted.total'),
    ).toBe(true);
    const notReport = await app.inject({
      method: 'POST',
      url: '/api/check',
      payload: { hello: 1 },
      headers: CSRF,
    });
    expect(notReport.statusCode).toBe(400);
    expect(notReport.json().error.code).toBe('unreadable');
    const png = multipart([
      { name: 'x.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, ...new Array(300).fill(0)]) },
    ]);
    const image = await app.inject({ method: 'POST', url: '/api/check', ...png });
    expect(image.statusCode).toBe(415);
    expect(image.json().error.message).toContain('x.png');
    const text = await app.inject({
      method: 'POST',
      url: '/api/check',
      payload: 'plain',
      headers: { ...CSRF, 'content-type': 'text/plain' },
    });
    expect(text.statusCode).toBe(415);
    expect(await store.counts()).toEqual(before);
  });
});
