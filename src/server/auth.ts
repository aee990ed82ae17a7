// Optional login (NIANBAO_AUTH=1): the session cookie read on every request, the routes that need one, and the
// scope of each role — admin: everything; reviewer: the reports of a region; author: those of one agency. A report
// outside a user's scope is answered as if it did not exist (404), so its existence is not told.
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Report } from '../model/report.ts';
import { describeAgencyName, normalizeRegionPath } from '../store/agency-names.ts';
import type { Store, User } from '../store/index.ts';
import { ApiError } from './errors.ts';

/** The cookie that holds the session token. */
export const SESSION_COOKIE = 'nianbao_session';

/** Options of the login mode. */
export interface AuthOptions {
  /** How long a session lasts from login (12 hours by default). */
  sessionTtlMs?: number;
  /** Failed logins allowed per name and address in a window (10 by default) … */
  maxFailures?: number;
  /** … of this length (one minute by default). */
  failureWindowMs?: number;
}

/** Who asks: single-user mode (no login, everything allowed), or the login mode's user (null: nobody logged in). */
export type AuthState = { mode: 'single-user' } | { mode: 'login'; user: User | null };

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthState;
  }
}

/** The routes open without a session in the login mode. */
const PUBLIC = new Set(['/api/health', '/api/login', '/api/logout', '/api/me', '/api/openapi.json']);

function isPublic(path: string): boolean {
  return PUBLIC.has(path) || path === '/api/docs' || path.startsWith('/api/docs/');
}

/** Counts failed logins per name and address: more than `max` in a window are refused until it ends. */
export class LoginLimiter {
  private readonly failures = new Map<string, { count: number; until: number }>();
  constructor(
    private readonly max = 10,
    private readonly windowMs = 60_000,
  ) {}

  /** Seconds until `key` may try again, 0 when it may now. */
  blocked(key: string, now = Date.now()): number {
    const f = this.failures.get(key);
    if (!f || f.until <= now) return 0;
    return f.count >= this.max ? Math.ceil((f.until - now) / 1000) : 0;
  }

  fail(key: string, now = Date.now()): void {
    const f = this.failures.get(key);
    if (!f || f.until <= now) this.failures.set(key, { count: 1, until: now + this.windowMs });
    else f.count++;
    if (this.failures.size > 10_000)
      for (const [k, v] of this.failures) if (v.until <= now) this.failures.delete(k);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }
}

/**
 * An author's agency id: the one linked, else the stored agency of their agency's name in its very region (linked
 * then, once its first report made it), else null.
 */
async function withAgency(store: Store, user: User): Promise<User> {
  if (user.role !== 'author' || !user.agency || user.agency.id !== null) return user;
  const found = (await store.findAgencies(user.agency.name, user.region)).filter(
    (a) => a.regionPath === (user.region ?? ''),
  );
  if (found.length !== 1) return user;
  await store.linkUserAgency(user.id, found[0]!.id);
  return { ...user, agency: { name: found[0]!.name, id: found[0]!.id } };
}

/**
 * Installs the login mode: the cookie parser, and a hook that reads the session of every request and answers
 * 401 for every /api route but health, login, logout, me, the OpenAPI document and the docs page without one.
 * Without `enabled`, every request is single-user.
 */
export async function installAuth(app: FastifyInstance, store: Store, enabled: boolean): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('auth', null as never);
  app.addHook('onRequest', async (request) => {
    if (!enabled) {
      request.auth = { mode: 'single-user' };
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    const found = token ? await store.sessionUser(token) : null;
    request.auth = { mode: 'login', user: found && (await withAgency(store, found)) };
    const path = request.url.split('?')[0]!;
    if (request.auth.user || !path.startsWith('/api/') || isPublic(path)) return;
    throw new ApiError(
      401,
      'unauthorized',
      `${request.method} ${path} needs a login: POST /api/login { name, password }`,
    );
  });
}

/** The logged-in user, or null in single-user mode (everything allowed); 401 when the login mode has none. */
export function userOf(request: FastifyRequest): User | null {
  const auth = request.auth;
  if (!auth || auth.mode === 'single-user') return null;
  if (!auth.user) throw new ApiError(401, 'unauthorized', 'log in first: POST /api/login');
  return auth.user;
}

/** The name recorded as who did something: the user's when logged in, else what the request said. */
export function who(request: FastifyRequest, fallback: string): string {
  return userOf(request)?.name ?? fallback;
}

function within(path: string, region: string): boolean {
  return region === '' || path === region || path.startsWith(`${region}/`);
}

/** Whether a report of this agency is within the user's scope (a report without an agency: admins only). */
export function inScope(
  request: FastifyRequest,
  agency: { id: number; regionPath?: string; region?: string | null } | null,
): boolean {
  const user = userOf(request);
  if (!user || user.role === 'admin') return true;
  if (!agency) return false;
  if (user.role === 'author') return user.agency?.id === agency.id;
  return user.region === null || within(agency.regionPath ?? agency.region ?? '', user.region);
}

/** The report itself when the user may see it; otherwise 404, worded as for a report that does not exist. */
export function visible<T extends { id: number; agency: Parameters<typeof inScope>[1] }>(
  request: FastifyRequest,
  report: T,
): T {
  if (!inScope(request, report.agency)) throw new ApiError(404, 'not-found', `no report ${report.id}`);
  return report;
}

/** 403 unless the user has one of the roles (single-user mode has them all). */
export function requireRole(request: FastifyRequest, what: string, ...roles: User['role'][]): void {
  const user = userOf(request);
  if (user && !roles.includes(user.role))
    throw new ApiError(
      403,
      'forbidden',
      `${what} is for ${roles.join(' or ')}; ${user.name} is ${user.role}`,
    );
}

/**
 * The region a request may see: the one asked (null: all) for an admin; for a reviewer the part of it within
 * their region (their region when it asks for none or one above it), or false when the two do not meet; for an
 * author, their agency's region.
 */
export function regionScope(
  request: FastifyRequest,
  asked: string | null | undefined,
): string | null | false {
  const region = normalizeRegionPath(asked) || null;
  const user = userOf(request);
  if (!user || user.role === 'admin') return region;
  const own = user.region || null;
  if (own === null) return user.role === 'author' ? '' : region;
  if (region === null || within(own, region)) return own;
  return within(region, own) ? region : false;
}

/** The listing filter narrowed to the user's scope (an author: their agency), or null when nothing can match. */
export function scopedFilter<F extends { region?: string }>(
  request: FastifyRequest,
  filter: F,
): (F & { agencyId?: number }) | null {
  const user = userOf(request);
  const region = regionScope(request, filter.region);
  if (region === false) return null;
  if (user?.role === 'author') {
    if (user.agency?.id == null) return null;
    return { ...filter, region: undefined, agencyId: user.agency.id };
  }
  return { ...filter, region: region ?? undefined };
}

/** The scope of an upload: the region its files are filed under, and for an author the check of each report. */
export function uploadScope(
  request: FastifyRequest,
  store: Store,
  asked: string | null,
): { region: string | null; accept?: (report: Report, file: string) => Promise<string | null> } {
  const user = userOf(request);
  const region = regionScope(request, asked);
  if (!user || user.role === 'admin') return { region: region || null };
  if (user.role === 'reviewer') {
    if (region === false || (asked && normalizeRegionPath(asked) !== region))
      throw new ApiError(
        403,
        'forbidden',
        `${user.name} files uploads under ${user.region} or a region within it, not ${asked}`,
      );
    return { region: region || null };
  }
  const agency = user.agency!;
  const own = user.region || null;
  return {
    region: own,
    // An author uploads their agency's reports only: another agency's is refused, naming both.
    accept: async (report, file) => {
      const name = report.agency ?? '';
      if (name) {
        if (agency.id !== null && (await store.findAgencies(name, own)).some((a) => a.id === agency.id))
          return null;
        if (describeAgencyName(name, own).qualified === describeAgencyName(agency.name, own).qualified)
          return null;
      }
      return `${file}: the report is of ${name || 'no named agency'}, not of ${agency.name} (${user.name} uploads only their agency's reports)`;
    },
  };
}

/** Whether a batch started by `owner` may be seen (its owner, or an admin; everyone in single-user mode). */
export function ownsBatch(request: FastifyRequest, owner: string | null | undefined): boolean {
  const user = userOf(request);
  return !user || user.role === 'admin' || owner === user.name;
}

/** A user as GET /api/me and POST /api/login show it. */
export function publicUser(user: User): {
  name: string;
  role: User['role'];
  region: string | null;
  agency: string | null;
} {
  return { name: user.name, role: user.role, region: user.region, agency: user.agency?.name ?? null };
}

/** `regionScope`, with 403 when the region asked is outside the user's. */
export function regionOrRefuse(request: FastifyRequest, asked: string | null | undefined): string | null {
  const region = regionScope(request, asked);
  if (region === false)
    throw new ApiError(
      403,
      'forbidden',
      `${userOf(request)!.name} sees ${userOf(request)!.region} and the regions within it, not ${asked}`,
    );
  return region || null;
}
