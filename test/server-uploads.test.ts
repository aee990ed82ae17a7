// POST /api/files end to end in process (fastify.inject): the samples of every kind stored with the figures
// `extract` gives, per-file progress as server-sent events, and bad input refused by name with nothing stored.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../src/pipeline.ts';
import { renderJson } from '../src/render/report/json.ts';
import { buildServer, DEFAULT_LIMITS } from '../src/server/index.ts';
import { expandArchive } from '../src/server/uploads.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { multipart, type Part } from './support/multipart.ts';

const ROOT = join(import.meta.dirname, '..');
const SAMPLES = readdirSync(join(ROOT, 'examples/reports'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => `examples/reports/${f}`);
/** One or more of each input kind. */
const FIXTURES = [
  'test/fixtures/html/000-official.html',
  'test/fixtures/html/2021-official.html',
  'test/fixtures/docx/2021.docx',
  'test/fixtures/doc/001.doc',
  'test/fixtures/xlsx/000-openpyxl.xlsx',
  'test/fixtures/pdf/sample-000.pdf',
  'test/fixtures/pdf/v2021.pdf',
];
const BROKEN_PDF = 'test/fixtures/crashers/pdf-01768.pdf';
const bytesOf = (file: string) =>
  new Uint8Array(readFileSync(file.startsWith('/') ? file : join(ROOT, file)));
const baseName = (file: string) => file.split('/').at(-1)!;

interface FileResult {
  index: number;
  file: string;
  status: string;
  reportId: number | null;
  counts: { errors: number; warnings: number };
  diagnostics: { ruleId: string; id: string; severity: string }[];
  error?: { code: string; message: string };
}

/** Posts files and waits for the batch through its event stream; the events and the batch. */
async function upload(app: FastifyInstance, parts: Part[], query = '') {
  const { payload, headers } = multipart(parts);
  const posted = await app.inject({ method: 'POST', url: `/api/files${query}`, payload, headers });
  if (posted.statusCode !== 202) return { posted, events: [], files: [] as FileResult[] };
  const { batchId } = posted.json<{ batchId: string }>();
  const stream = await app.inject({ method: 'GET', url: `/api/batches/${batchId}/events` });
  const events = stream.body
    .split('\n\n')
    .filter(Boolean)
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)![1]!;
      return { event, data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as unknown };
    });
  const batch = (await app.inject({ method: 'GET', url: `/api/batches/${batchId}` })).json<{
    done: boolean;
    files: FileResult[];
  }>();
  expect(batch.done).toBe(true);
  return { posted, events, files: batch.files, stream };
}

describe('POST /api/files', () => {
  let store: Store;
  let app: FastifyInstance;
  /** A server with small limits, over the same store. */
  let small: FastifyInstance;
  beforeAll(async () => {
    store = await openStore('memory:');
    app = await buildServer({ store, ocr: false });
    small = await buildServer({
      store,
      ocr: false,
      limits: { fileSize: 1024 * 1024, zipEntries: 10, zipTotal: 4 * 1024 * 1024 },
    });
  });
  afterAll(async () => {
    await app?.close();
    await small?.close();
    await store?.close();
  });

  it('stores the samples of every kind with the figures extract gives, telling each file as it is done', async () => {
    const files = [...SAMPLES, ...FIXTURES];
    const {
      posted,
      events,
      files: results,
      stream,
    } = await upload(
      app,
      files.map((f) => ({ name: baseName(f), bytes: bytesOf(f) })),
    );
    expect(posted.statusCode).toBe(202);
    expect(stream!.headers['content-type']).toMatch(/^text\/event-stream/);
    // One `file` event per file, in upload order, then `done`.
    expect(events.map((e) => e.event)).toEqual([...files.map(() => 'file'), 'done']);
    expect(events.slice(0, -1).map((e) => (e.data as FileResult).index)).toEqual(files.map((_, i) => i));
    expect(results.map((r) => r.file)).toEqual(files.map(baseName));
    for (const [i, f] of files.entries()) {
      const r = results[i]!;
      expect(['imported', 'new-version'], `${f}: ${r.status} ${r.error?.message}`).toContain(r.status);
      const bytes = bytesOf(f);
      const reference = await extractFile(baseName(f), bytes, { ocr: false });
      const detail = (await app.inject({ method: 'GET', url: `/api/reports/${r.reportId}` })).json<{
        report: unknown;
        provenance: unknown;
        diagnostics: { severity: string }[];
        file: { name: string; kind: string; sha256: string };
      }>();
      expect(detail.report, f).toEqual(JSON.parse(renderJson(reference.report!)));
      expect(detail.provenance, f).toEqual(reference.report!.provenance ?? {});
      expect(detail.file).toEqual({
        name: baseName(f),
        kind: reference.kind,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        size: bytes.byteLength,
      });
      // The batch's counts are those of the stored findings.
      expect(r.counts.errors).toBe(detail.diagnostics.filter((d) => d.severity === 'error').length);
      expect(r.counts.warnings).toBe(detail.diagnostics.filter((d) => d.severity === 'warning').length);
    }
  });

  it('opens a zip of many: each entry a file of the batch, named inside the archive', async () => {
    const zip = zipSync(Object.fromEntries(SAMPLES.map((f) => [`reports/${baseName(f)}`, bytesOf(f)])));
    const { posted, files } = await upload(app, [{ name: 'samples.zip', bytes: zip }]);
    expect(posted.statusCode).toBe(202);
    expect(files.map((f) => f.file)).toEqual(SAMPLES.map((f) => `samples.zip/reports/${baseName(f)}`));
    // Stored by the first test: the same bytes again change nothing.
    expect(files.map((f) => f.status)).toEqual(SAMPLES.map(() => 'unchanged'));
    expect(files.every((f) => f.reportId !== null)).toBe(true);
  });

  describe('bad input: a clear error naming the file, and nothing stored', () => {
    let before: Record<string, number>;
    beforeAll(async () => {
      before = await store.counts();
    });
    afterAll(async () => {
      expect(await store.counts()).toEqual(before);
    });

    it('a file over the size limit: 413 (and the limit is 50 MB by default)', async () => {
      expect(DEFAULT_LIMITS.fileSize).toBe(50 * 1024 * 1024);
      const big = new Uint8Array(1024 * 1024 + 1).fill(0x41);
      const { posted } = await upload(small, [{ name: '大文件.txt', bytes: big }]);
      expect(posted.statusCode).toBe(413);
      expect(posted.json().error.code).toBe('too-large');
      expect(posted.json().error.message).toContain('大文件.txt');
    });

    it('among good files, the one too big is refused by name and the rest go on', async () => {
      const big = new Uint8Array(1024 * 1024 + 1).fill(0x41);
      const { posted, files } = await upload(small, [
        { name: 'big.txt', bytes: big },
        { name: baseName(SAMPLES[0]!), bytes: bytesOf(SAMPLES[0]!) },
      ]);
      expect(posted.statusCode).toBe(202);
      expect(files[0]).toMatchObject({ file: 'big.txt', status: 'refused', error: { code: 'too-large' } });
      expect(files[0]!.error!.message).toContain('big.txt');
      expect(files[1]!.status).toBe('unchanged');
    });

    it('a broken PDF (a crasher: a scan cut short) is named with its problem', async () => {
      const { posted, files } = await upload(app, [{ name: 'pdf-01768.pdf', bytes: bytesOf(BROKEN_PDF) }]);
      expect(posted.statusCode).toBe(202);
      expect(files[0]).toMatchObject({ status: 'unreadable', reportId: null, error: { code: 'unreadable' } });
      expect(files[0]!.error!.message).toContain('pdf-01768.pdf');
      expect(files[0]!.diagnostics.map((d) => d.ruleId)).toEqual(['read/broken']);
    });

    it('a file of a kind nianbao does not read (an image) is unsupported', async () => {
      const png = new Uint8Array([
        0x89,
        0x50,
        0x4e,
        0x47,
        0x0d,
        0x0a,
        0x1a,
        0x0a,
        ...new Array(600).fill(0),
        1,
        2,
        3,
      ]);
      const { files } = await upload(app, [{ name: 'photo.png', bytes: png }]);
      expect(files[0]).toMatchObject({ status: 'unreadable', error: { code: 'unsupported' } });
      expect(files[0]!.error!.message).toContain('photo.png');
    });

    it('a zip bomb is refused before it is inflated; so is a zip of too many files', async () => {
      const bomb = zipSync({ 'zeros.txt': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
      expect(bomb.byteLength).toBeLessThan(64 * 1024);
      const { posted } = await upload(small, [{ name: 'bomb.zip', bytes: bomb }]);
      expect(posted.statusCode).toBe(413);
      expect(posted.json().error.message).toMatch(/bomb\.zip: refused as a zip bomb/);
      const many = zipSync(
        Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`${i}.txt`, new Uint8Array([0x41])])),
      );
      const again = await upload(small, [{ name: 'many.zip', bytes: many }]);
      expect(again.posted.statusCode).toBe(413);
      expect(again.posted.json().error.message).toContain('many.zip: the archive holds 11 files');
    });

    it('a zip that lies about its sizes gives a truncated file, never more than it declared', () => {
      const zip = Buffer.from(zipSync({ 'a.txt': new Uint8Array(5 * 1024 * 1024).fill(0x41) }, { level: 9 }));
      // The uncompressed size, in the local header (offset 22) and the central directory (offset 24), set to 100.
      for (let i = 0; i < zip.length - 4; i++) {
        if (zip.readUInt32LE(i) === 0x04034b50) zip.writeUInt32LE(100, i + 22);
        if (zip.readUInt32LE(i) === 0x02014b50) zip.writeUInt32LE(100, i + 24);
      }
      const items = expandArchive('liar.zip', new Uint8Array(zip), { ...DEFAULT_LIMITS, zipTotal: 1000 });
      expect(items.map((i) => ('file' in i ? [i.file.name, i.file.bytes.byteLength] : i))).toEqual([
        ['liar.zip/a.txt', 100],
      ]);
    });

    it('a zip that is not one, no file part, a body that is not multipart, a missing CSRF header', async () => {
      const junk = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
      const broken = await upload(app, [{ name: 'junk.zip', bytes: junk }]);
      expect(broken.posted.statusCode).toBe(400);
      expect(broken.posted.json().error.message).toContain('junk.zip');
      const none = await upload(app, [{ field: 'note', value: 'no file here' }]);
      expect(none.posted.statusCode).toBe(400);
      expect(none.posted.json().error.code).toBe('bad-request');
      const json = await app.inject({
        method: 'POST',
        url: '/api/files',
        headers: { 'x-nianbao': '1' },
        payload: { file: 'x' },
      });
      expect(json.statusCode).toBe(415);
      const { payload, headers } = multipart([{ name: 'a.txt', bytes: bytesOf(SAMPLES[1]!) }]);
      const forged = await app.inject({
        method: 'POST',
        url: '/api/files',
        payload,
        headers: { 'content-type': headers['content-type']! },
      });
      expect(forged.statusCode).toBe(403);
      expect(forged.json().error.code).toBe('csrf');
    });
  });

  it('hostile file names are kept as data: listed as given, never a path, safe in a download', async () => {
    const hostile = '../../etc/<script>alert("x")</script>\u202egnp.txt';
    // New bytes (a line more), so that they are stored as a new version rather than found unchanged.
    const bytes = new Uint8Array([...bytesOf(SAMPLES[0]!), 0x0a, 0x0a]);
    const { files } = await upload(app, [{ name: `${hostile}\u0007`, bytes }]);
    expect(['imported', 'new-version']).toContain(files[0]!.status);
    expect(files[0]!.file).toBe(hostile);
    const id = files[0]!.reportId!;
    const detail = (await app.inject({ method: 'GET', url: `/api/reports/${id}` })).json();
    expect(detail.file.name).toBe(hostile);
    const source = await app.inject({ method: 'GET', url: `/api/reports/${id}/source` });
    expect(source.rawPayload).toEqual(Buffer.from(bytes));
    expect(source.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(source.headers['x-content-type-options']).toBe('nosniff');
    const disposition = String(source.headers['content-disposition']);
    // The last path component only, ASCII-safe in filename=, percent-encoded in filename*=.
    const last = 'script>\u202egnp.txt';
    expect(disposition).toBe(
      `attachment; filename="script>_gnp.txt"; filename*=UTF-8''${encodeURIComponent(last)}`,
    );
    expect(disposition).not.toMatch(/[^\x20-\x7e]/);
  });

  it('an uploaded HTML page is served back as text, never as a page', async () => {
    const list = (await app.inject({ method: 'GET', url: '/api/reports?kind=html' })).json<{
      items: { id: number; fileName: string }[];
    }>();
    expect(list.items.length).toBeGreaterThan(0);
    for (const item of list.items) {
      const source = await app.inject({ method: 'GET', url: `/api/reports/${item.id}/source` });
      expect(source.headers['content-type']).toMatch(/^text\/plain; charset=/);
      expect(source.headers['content-security-policy']).toContain("script-src 'self'");
      expect(String(source.headers['content-disposition'])).toMatch(/^attachment;/);
    }
  });
});
