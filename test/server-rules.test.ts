// GET /api/rules/:ruleId in process: a rule's page, a stage finding's page (an id with a slash), the page of the
// rule that reports a stage finding, and ids that are not registered — never a file by a path the client gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server/index.ts';
import { openStore, type Store } from '../src/store/index.ts';

const ROOT = join(import.meta.dirname, '..');
let store: Store;
let app: FastifyInstance;
beforeAll(async () => {
  store = await openStore('memory:');
  app = await buildServer({ store, ocr: false, web: false });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await store?.close();
});

describe('GET /api/rules/:ruleId', () => {
  it("gives a rule's page as written in docs/rules, with its severity and title", async () => {
    const r = await app.inject({ url: '/api/rules/T3-1' });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.id).toBe('T3-1');
    expect(body.severity).toBe('error');
    expect(body.title.en).toMatch(/Table 3/);
    expect(body.doc).toBe(readFileSync(join(ROOT, 'docs/rules/T3-1.md'), 'utf8'));
  });

  it("gives a stage finding's page by its id with a slash, encoded", async () => {
    const r = await app.inject({ url: `/api/rules/${encodeURIComponent('extract/missing-row')}` });
    expect(r.statusCode).toBe(200);
    expect(r.json().doc).toBe(readFileSync(join(ROOT, 'docs/rules/extract-missing-row.md'), 'utf8'));
  });

  it('refuses ids that are not registered, paths among them, with a JSON 404', async () => {
    for (const id of ['T9-9', '..%2F..%2Fpackage.json', '..%2FREADME', 'README', '%2Fetc%2Fpasswd']) {
      const r = await app.inject({ url: `/api/rules/${id}` });
      expect(r.statusCode, id).toBe(404);
      expect(r.json().error.code).toBe('not-found');
      expect(r.body).not.toMatch(/"version"|root:/);
    }
  });
});
