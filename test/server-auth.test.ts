// The login mode (NIANBAO_AUTH=1) in process: users and sessions in the store on PGlite and PostgreSQL (a password
// and a token never stored as such), login and its cookie, logout, expiry, the rate limit, each role's scope
// (a report outside it is a 404 like one that does not exist), who in the audit trail, the single-user answer of
// GET /api/me, and nianbao users add/list/remove/passwd.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runUsers } from '../src/cli/commands/users.ts';
import { importReport } from '../src/library.ts';
import { extractFile } from '../src/pipeline.ts';
import { renderJson } from '../src/render/report/json.ts';
import { findingIds } from '../src/server/findings.ts';
import { buildServer } from '../src/server/index.ts';
import { hashPassword, openStore, SCRYPT, verifyPassword, type Store } from '../src/store/index.ts';
import { multipart } from './support/multipart.ts';
import { postgresSkipped, startPostgres } from './support/postgres.ts';

const ROOT = join(import.meta.dirname, '..');
const SAMPLE = Object.fromEntries(
  readdirSync(join(ROOT, 'examples/reports'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f.slice(0, 3), f]),
);
const bytesOf = (file: string) => new Uint8Array(readFileSync(join(ROOT, 'examples/reports', file)));
const CSRF = { 'x-nianbao': '1' };
const PASSWORD = 'correct horse battery';
const SMX = '河南省/三门峡市';

/** The samples and the regions they are filed under. */
const FILED: [string, string, string][] = [
  ['000', '义马市人民政府办公室', `${SMX}/义马市`],
  ['003', '三门峡市人民政府办公室', SMX],
  ['002', '新乡市牧野区人民政府办公室', '河南省/新乡市/牧野区'],
  ['004', '河南省机关事务管理局', '河南省'],
];

/** A sample's report a year later, as JSON bytes (its agency's next year). */
async function nextYear(sample: string): Promise<Uint8Array> {
  const first = await extractFile(SAMPLE[sample]!, bytesOf(SAMPLE[sample]!));
  const later = { ...JSON.parse(renderJson(first.report!)), year: 2020 };
  return new TextEncoder().encode(JSON.stringify(later));
}

describe('users and sessions in the store', () => {
  const engines = [
    { name: 'PGlite (embedded)', skip: false, start: async () => ({ location: 'memory:', stop: () => {} }) },
    {
      name: 'PostgreSQL',
      skip: postgresSkipped(),
      start: async () => {
        const server = await startPostgres();
        return { location: await server.createDatabase(), stop: () => server.stop() };
      },
    },
  ];
  for (const engine of engines)
    describe.skipIf(engine.skip)(engine.name, () => {
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

      it('keeps a password only as its scrypt hash with its parameters, and a session only as its SHA-256', async () => {
        const added = await store.addUser({ name: 'ada', role: 'reviewer', region: SMX, password: PASSWORD });
        expect(added).toMatchObject({ name: 'ada', role: 'reviewer', region: SMX, agency: null });
        const { rows } = await sql<{
          password_hash: string;
        }>`select * from users where name = 'ada'`.execute(store.db);
        const stored = JSON.stringify(rows);
        expect(stored).not.toContain(PASSWORD);
        expect(rows[0]!.password_hash).toMatch(
          /^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/,
        );
        expect(await verifyPassword(PASSWORD, rows[0]!.password_hash)).toBe(true);
        expect(await verifyPassword('correct horse battery!', rows[0]!.password_hash)).toBe(false);

        expect((await store.authenticate('ada', PASSWORD))?.name).toBe('ada');
        expect(await store.authenticate('ada', 'wrong password')).toBeNull();
        expect(await store.authenticate('nobody', PASSWORD)).toBeNull();

        const session = await store.createSession(added.id, 60_000);
        expect(Buffer.from(session.token, 'base64url')).toHaveLength(32);
        const all = JSON.stringify((await sql`select * from sessions`.execute(store.db)).rows);
        expect(all).not.toContain(session.token);
        expect((await store.sessionUser(session.token))?.name).toBe('ada');
        // Past its time: no user, and the row is gone.
        expect(await store.sessionUser(session.token, new Date(Date.now() + 61_000))).toBeNull();
        expect(await store.sessionUser(session.token)).toBeNull();
      });

      it('makes a hash of weaker parameters anew at login; passwd ends the sessions', async () => {
        const weak = await hashPassword(PASSWORD, { ...SCRYPT, ln: 10 });
        await store.addUser({ name: 'bea', role: 'admin', password: 'another password' });
        await store.db.updateTable('users').set({ password_hash: weak }).where('name', '=', 'bea').execute();
        const bea = await store.authenticate('bea', PASSWORD);
        expect(bea?.role).toBe('admin');
        const row = await store.db
          .selectFrom('users')
          .select('password_hash')
          .where('name', '=', 'bea')
          .executeTakeFirstOrThrow();
        expect(row.password_hash).toMatch(/^\$scrypt\$ln=15,/);
        const session = await store.createSession(bea!.id, 60_000);
        expect(await store.setPassword('bea', 'a new password')).toBe(true);
        expect(await store.sessionUser(session.token)).toBeNull();
        expect(await store.authenticate('bea', 'a new password')).not.toBeNull();
      });

      it('refuses what a user cannot be', async () => {
        await expect(store.addUser({ name: 'ada', role: 'admin', password: PASSWORD })).rejects.toThrow(
          /already a user ada/,
        );
        await expect(store.addUser({ name: 'x', role: 'admin', password: 'short' })).rejects.toThrow(
          /at least 8 characters/,
        );
        await expect(
          store.addUser({ name: 'x', role: 'author', agency: '民政局', password: PASSWORD }),
        ).rejects.toThrow(/no agency "民政局" in the library: give its region/);
        await expect(
          store.addUser({ name: 'x', role: 'reviewer', agency: '民政局', password: PASSWORD }),
        ).rejects.toThrow(/only an author has an agency/);
        expect(await store.removeUser('ada')).toBe(true);
        expect(await store.removeUser('ada')).toBe(false);
        expect((await store.users()).map((u) => u.name)).toEqual(['bea']);
      });
    });
});

describe('the login mode', () => {
  let store: Store;
  let app: FastifyInstance;
  const ids: Record<string, number> = {};
  const cookies: Record<string, string> = {};

  const login = (name: string, password = PASSWORD, remoteAddress?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/login',
      headers: CSRF,
      payload: { name, password },
      ...(remoteAddress ? { remoteAddress } : {}),
    });
  const as = (user: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { ...CSRF, cookie: `nianbao_session=${cookies[user]}` },
      ...(payload ? { payload } : {}),
    });
  const sessionOf = (res: LightMyRequestResponse) =>
    res.cookies.find((c) => c.name === 'nianbao_session')!.value;

  beforeAll(async () => {
    store = await openStore('memory:');
    for (const [key, , region] of FILED)
      ids[key] = (
        await importReport(store, bytesOf(SAMPLE[key]!), { fileName: SAMPLE[key]!, region })
      ).reportId!;
    app = await buildServer({ store, ocr: false, auth: true });
    await store.addUser({ name: 'root', role: 'admin', password: PASSWORD });
    await store.addUser({ name: 'smx', role: 'reviewer', region: SMX, password: PASSWORD });
    await store.addUser({ name: 'yima', role: 'author', agency: '义马市人民政府办公室', password: PASSWORD });
    for (const user of ['root', 'smx', 'yima']) cookies[user] = sessionOf(await login(user));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('answers 401 without a session, except health, login, me and the docs', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/reports' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      error: {
        code: 'unauthorized',
        message: 'GET /api/reports needs a login: POST /api/login { name, password }',
      },
    });
    for (const url of [`/api/reports/${ids['000']}`, '/api/agencies', '/api/aggregate?year=2019'])
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const check = await app.inject({ method: 'POST', url: '/api/check', headers: CSRF, payload: {} });
    expect(check.statusCode).toBe(401);
    for (const url of ['/api/health', '/api/openapi.json', '/api/docs/'])
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/me' })).json()).toEqual({
      user: null,
      mode: 'login',
    });
    // A forged session is none.
    const forged = await app.inject({
      method: 'GET',
      url: '/api/reports',
      headers: { cookie: 'nianbao_session=' + Buffer.alloc(32).toString('base64url') },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('logs in with a cookie HttpOnly, SameSite=Strict, Path=/ (not Secure on http), and says who', async () => {
    const res = await login('smx');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user: { name: 'smx', role: 'reviewer', region: SMX, agency: null },
      mode: 'login',
    });
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/^nianbao_session=[A-Za-z0-9_-]{43};/);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Strict');
    expect(header).toContain('Path=/');
    expect(header).not.toContain('Secure');
    const me = await app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: `nianbao_session=${sessionOf(res)}` },
    });
    expect(me.json().user).toEqual({ name: 'smx', role: 'reviewer', region: SMX, agency: null });
    // The login needs the CSRF header like every POST.
    const noHeader = await app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { name: 'smx', password: PASSWORD },
    });
    expect(noHeader.statusCode).toBe(403);
  });

  it('answers a wrong password and an unknown name alike, in about the same time', async () => {
    const time = async (name: string) => {
      const start = performance.now();
      const res = await login(name, 'not the password', '10.0.0.9');
      return { res, ms: performance.now() - start };
    };
    // Twice each, the faster kept: the machine is shared.
    const wrong = [await time('smx'), await time('smx')].sort((a, b) => a.ms - b.ms)[0]!;
    const unknown = [await time('mallory'), await time('mallory')].sort((a, b) => a.ms - b.ms)[0]!;
    expect(wrong.res.statusCode).toBe(401);
    expect(unknown.res.statusCode).toBe(401);
    expect(unknown.res.body).toBe(wrong.res.body);
    expect(wrong.res.json()).toEqual({ error: { code: 'unauthorized', message: 'wrong name or password' } });
    expect(unknown.res.headers['set-cookie']).toBeUndefined();
    // Without the dummy hash an unknown name would answer in a millisecond; with it, as long as scrypt takes.
    expect(unknown.ms).toBeGreaterThan(wrong.ms * 0.4);
  });

  it('refuses an 11th failed login a minute for one name and address, even with the right password', async () => {
    for (let i = 0; i < 10; i++) expect((await login('root', 'guess ' + i, '10.0.0.1')).statusCode).toBe(401);
    const blocked = await login('root', PASSWORD, '10.0.0.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('too-many');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login('root', PASSWORD, '10.0.0.2')).statusCode).toBe(200);
  });

  it('logout deletes the session; an expired session is none', async () => {
    const cookie = `nianbao_session=${sessionOf(await login('root'))}`;
    const before = (await store.db.selectFrom('sessions').select('token_hash').execute()).length;
    const out = await app.inject({ method: 'POST', url: '/api/logout', headers: { ...CSRF, cookie } });
    expect(out.json()).toEqual({ user: null, mode: 'login' });
    expect(String(out.headers['set-cookie'])).toMatch(/^nianbao_session=;/);
    expect((await store.db.selectFrom('sessions').select('token_hash').execute()).length).toBe(before - 1);
    expect((await app.inject({ method: 'GET', url: '/api/reports', headers: { cookie } })).statusCode).toBe(
      401,
    );

    const root = (await store.user('root'))!;
    const expired = await store.createSession(root.id, 1);
    await new Promise((r) => setTimeout(r, 10));
    const res = await app.inject({
      method: 'GET',
      url: '/api/reports',
      headers: { cookie: `nianbao_session=${expired.token}` },
    });
    expect(res.statusCode).toBe(401);
  });

  it("a reviewer of 河南省/三门峡市 sees its reports only; another region's is a 404 like a missing one", async () => {
    const list = (await as('smx', 'GET', '/api/reports')).json();
    expect(list.items.map((i: { agency: string }) => i.agency).sort()).toEqual(
      ['三门峡市人民政府办公室', '义马市人民政府办公室'].sort(),
    );
    expect(list.total).toBe(2);
    // Asking for a wider region gives theirs; another region nothing.
    expect((await as('smx', 'GET', '/api/reports?region=河南省')).json().total).toBe(2);
    expect((await as('smx', 'GET', '/api/reports?region=河南省/新乡市')).json().total).toBe(0);
    expect((await as('smx', 'GET', `/api/reports/${ids['000']}`)).statusCode).toBe(200);

    const other = ids['002']!;
    const missing = 99_999;
    for (const url of [
      `/api/reports/${other}`,
      `/api/reports/${other}/source`,
      `/api/reports/${other}/audit`,
      `/api/reports/${other}/export?to=json`,
    ]) {
      const res = await as('smx', 'GET', url);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'not-found', message: `no report ${other}` } });
    }
    expect((await as('smx', 'GET', `/api/reports/${missing}`)).json().error.message).toBe(
      `no report ${missing}`,
    );
    const edit = await as('smx', 'PATCH', `/api/reports/${other}`, {
      path: 'requests.newlyReceived.total',
      value: 1,
      reason: 'try',
    });
    expect(edit.statusCode).toBe(404);
    // A verdict on a real finding of a report of 河南省 (above their region): no such report, for them.
    const above = ids['004']!;
    const fid = findingIds(await store.diagnostics(above))[0];
    expect(fid).toBeDefined();
    const verdict = await as('smx', 'POST', `/api/reports/${above}/findings/${fid}`, { status: 'dismissed' });
    expect(verdict.json()).toEqual({ error: { code: 'not-found', message: `no report ${above}` } });
    expect(await store.verdicts(above)).toEqual([]);
    // The comparison of an agency outside: as if there were none.
    const compare = await as(
      'smx',
      'GET',
      `/api/compare?agency=${encodeURIComponent(FILED[2]![1])}&years=2019,2020`,
    );
    expect(compare.statusCode).toBe(404);

    // A verdict on a report of the region, by the reviewer's name whatever the body says.
    const own = ids['003']!;
    const ownFid = findingIds(await store.diagnostics(own))[0];
    expect(ownFid).toBeDefined();
    const ok = await as('smx', 'POST', `/api/reports/${own}/findings/${ownFid}`, {
      status: 'confirmed',
      by: 'someone else',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().verdict.by).toBe('smx');
  });

  it("a reviewer's agencies and sums are of their region; uploads are filed under it", async () => {
    const agencies = (await as('smx', 'GET', '/api/agencies?year=2019')).json();
    expect(agencies.region).toBe(SMX);
    expect(agencies.agencies.length).toBeGreaterThan(0);
    for (const a of agencies.agencies) expect(a.region.startsWith(SMX)).toBe(true);
    const refused = await as('smx', 'GET', '/api/agencies?region=河南省/新乡市');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    const sum = await as('smx', 'GET', '/api/aggregate?year=2019');
    expect(sum.statusCode).toBe(200);
    const parts = sum.json() as Record<'members' | 'covered' | 'regionReports', { region: string | null }[]>;
    const listed = [...parts.members, ...parts.covered, ...parts.regionReports];
    expect(listed.length).toBeGreaterThan(0);
    for (const m of listed) expect(m.region?.startsWith(SMX)).toBe(true);
    // The province's own body is in the whole library's sum, not in theirs.
    expect(sum.body).not.toContain('机关事务管理局');
    expect((await as('root', 'GET', '/api/aggregate?year=2019')).body).toContain('机关事务管理局');
    expect((await as('smx', 'GET', '/api/aggregate?year=2019&region=河南省/新乡市')).statusCode).toBe(403);

    const body = multipart([{ name: 'smx-2020.json', bytes: await nextYear('003') }]);
    const cookie = `nianbao_session=${cookies.smx}`;
    const elsewhere = await app.inject({
      method: 'POST',
      url: `/api/files?region=${encodeURIComponent('河南省/新乡市')}`,
      headers: { ...CSRF, ...body.headers, cookie },
      payload: body.payload,
    });
    expect(elsewhere.statusCode).toBe(403);
    const res = await app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...CSRF, ...body.headers, cookie },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(202);
    const batch = await finished(res.json().batchId, 'smx');
    expect(batch.files[0].status).toBe('imported');
    const stored = await store.report(batch.files[0].reportId);
    expect(stored?.agency?.regionPath).toBe(SMX);
    // Someone else's batch is not there for another user.
    expect((await as('yima', 'GET', `/api/batches/${batch.id}`)).statusCode).toBe(404);
    expect((await as('root', 'GET', `/api/batches/${batch.id}`)).statusCode).toBe(200);
  });

  /** Polls a batch until it is done. */
  async function finished(id: string, user: string) {
    for (;;) {
      const b = (await as(user, 'GET', `/api/batches/${id}`)).json();
      if (b.done) return b;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it("an author reads, edits and exports their agency's reports (who: their name); another's is a 404", async () => {
    const list = (await as('yima', 'GET', '/api/reports')).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([ids['000']]);
    const own = ids['000']!;
    expect((await as('yima', 'GET', `/api/reports/${own}/export?to=csv`)).statusCode).toBe(200);
    const edit = await as('yima', 'PATCH', `/api/reports/${own}`, {
      path: 'requests.newlyReceived.total',
      value: 7,
      reason: 'typo in the table',
      by: 'mallory',
    });
    expect(edit.statusCode).toBe(200);
    const newId = edit.json().id as number;
    const audit = (await as('yima', 'GET', `/api/reports/${newId}/audit`)).json();
    expect(audit.edits.at(-1)).toMatchObject({ by: 'yima', why: 'typo in the table', newValue: 7 });
    expect((await store.edits((await store.report(newId))!.agency!.id)).at(-1)!.by).toBe('yima');

    const other = ids['003']!;
    const res = await as('yima', 'PATCH', `/api/reports/${other}`, {
      path: 'requests.newlyReceived.total',
      value: 7,
      reason: 'not mine',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not-found', message: `no report ${other}` } });
    expect((await as('yima', 'GET', `/api/reports/${other}`)).statusCode).toBe(404);
    // A verdict and a region's sum are a reviewer's.
    const fid = findingIds(await store.diagnostics(newId))[0];
    expect(fid).toBeDefined();
    const verdict = await as('yima', 'POST', `/api/reports/${newId}/findings/${fid}`, {
      status: 'dismissed',
    });
    expect(verdict.statusCode).toBe(403);
    expect(verdict.json().error.message).toBe(
      'a verdict on a finding is for admin or reviewer; yima is author',
    );
    expect((await as('yima', 'GET', '/api/aggregate?year=2019')).statusCode).toBe(403);
    const agencies = (await as('yima', 'GET', '/api/agencies?year=2019')).json();
    expect(agencies.agencies.map((a: { name: string }) => a.name)).toEqual(['义马市人民政府办公室']);
    // POST /api/check is theirs.
    const report = JSON.parse(new TextDecoder().decode(await nextYear('000')));
    expect((await as('yima', 'POST', '/api/check', report)).statusCode).toBe(200);
  });

  it("an author's upload stores their agency's report and refuses another's, naming it", async () => {
    const body = multipart([
      { name: 'yima-2020.json', bytes: await nextYear('000') },
      { name: 'smx-2019.txt', bytes: bytesOf(SAMPLE['003']!) },
    ]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...CSRF, ...body.headers, cookie: `nianbao_session=${cookies.yima}` },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(202);
    const batch = await finished(res.json().batchId, 'yima');
    expect(batch.files[0].status).toBe('imported');
    expect((await store.report(batch.files[0].reportId))?.agency?.name).toBe('义马市人民政府办公室');
    expect(batch.files[1]).toMatchObject({ status: 'refused', reportId: null });
    expect(batch.files[1].error).toEqual({
      code: 'forbidden',
      message:
        "smx-2019.txt: the report is of 三门峡市人民政府办公室, not of 义马市人民政府办公室 (yima uploads only their agency's reports)",
    });
  });

  it('an admin sees every report', async () => {
    expect((await as('root', 'GET', '/api/reports')).json().total).toBe(FILED.length + 2);
    expect((await as('root', 'GET', `/api/reports/${ids['002']}`)).statusCode).toBe(200);
  });

  it('single-user mode (no auth): GET /api/me says so, there is no login, and every route is open', async () => {
    const open = await buildServer({ store, ocr: false });
    try {
      expect((await open.inject({ method: 'GET', url: '/api/me' })).json()).toEqual({
        user: null,
        mode: 'single-user',
      });
      const res = await open.inject({
        method: 'POST',
        url: '/api/login',
        headers: CSRF,
        payload: { name: 'root', password: PASSWORD },
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toMatch(/single-user mode \(NIANBAO_AUTH=1 turns the login on\)/);
      expect((await open.inject({ method: 'GET', url: '/api/reports' })).json().total).toBe(FILED.length + 2);
    } finally {
      await open.close();
    }
  });
});

describe('nianbao users', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-users-'));
  const db = join(dir, 'db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const io = () => {
    const got = { out: '', err: '' };
    return {
      got,
      io: { out: async (s: string) => void (got.out += s), err: (s: string) => void (got.err += s) },
    };
  };
  const env = { env: { NIANBAO_PASSWORD: PASSWORD } };

  it('adds, lists and removes users; a password only from the environment or a terminal', async () => {
    // No password given and no terminal: refused, and no database made.
    const c = io();
    expect(await runUsers('add', 'eve', { db, role: 'admin' }, c.io, { env: {} })).toBe(2);
    expect(c.got.err).toMatch(/no password for eve: set NIANBAO_PASSWORD, or run on a terminal/);
    expect(existsSync(db)).toBe(false);
    const a = io();
    expect(await runUsers('add', 'ada', { db, role: 'admin' }, a.io, env)).toBe(0);
    expect(a.got.out).toBe('added ada\tadmin\tevery region\n');
    const b = io();
    expect(await runUsers('add', 'rev', { db, role: 'reviewer', region: SMX }, b.io, env)).toBe(0);
    // A prompt is asked twice, and two different answers change nothing.
    const answers = ['a new password', 'a new password'];
    const e = io();
    expect(
      await runUsers('passwd', 'rev', { db }, e.io, { env: {}, prompt: async () => answers.shift()! }),
    ).toBe(0);

    const list = io();
    expect(await runUsers('list', undefined, { db, format: 'json' }, list.io)).toBe(0);
    expect(JSON.parse(list.got.out)).toEqual([
      { name: 'ada', role: 'admin', region: null, agency: null },
      { name: 'rev', role: 'reviewer', region: SMX, agency: null },
    ]);
    const rm = io();
    expect(await runUsers('remove', 'ada', { db }, rm.io)).toBe(0);
    expect(await runUsers('remove', 'ada', { db }, io().io)).toBe(2);
    const store = await openStore(db);
    try {
      expect((await store.users()).map((u) => u.name)).toEqual(['rev']);
      expect(await store.authenticate('rev', 'a new password')).not.toBeNull();
      const { rows } = await sql`select * from users`.execute(store.db);
      expect(JSON.stringify(rows)).not.toContain('a new password');
    } finally {
      await store.close();
    }
  }, 60_000);
});
