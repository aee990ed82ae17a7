// The login mode's routes: POST /api/login (a session cookie), POST /api/logout, and GET /api/me, which also tells
// the pages when the server runs in single-user mode (no login).
import { z } from 'zod';
import type { Api, RouteContext } from '../app.ts';
import { LoginLimiter, publicUser, SESSION_COOKIE, type AuthOptions } from '../auth.ts';
import { ApiError } from '../errors.ts';
import { CsrfHeaders, ErrorSchema, ERRORS } from '../schemas.ts';

const PublicUser = z.object({
  name: z.string(),
  role: z.enum(['admin', 'reviewer', 'author']),
  region: z
    .string()
    .nullable()
    .describe("a reviewer's region (null: every region), an author's agency's region"),
  agency: z.string().nullable().describe("an author's agency"),
});

const Me = z.object({
  user: PublicUser.nullable(),
  mode: z
    .enum(['single-user', 'login'])
    .describe(
      'single-user: no login (NIANBAO_AUTH is not 1), everything is open; login: a session is needed',
    ),
});

/** Twelve hours. */
const DEFAULT_TTL = 12 * 60 * 60 * 1000;

/** The login routes; `enabled` is the login mode (NIANBAO_AUTH=1). */
export function authRoutes(
  app: Api,
  { store }: RouteContext,
  enabled: boolean,
  options: AuthOptions = {},
): void {
  const ttl = options.sessionTtlMs ?? DEFAULT_TTL;
  const limiter = new LoginLimiter(options.maxFailures, options.failureWindowMs);
  const mode = enabled ? ('login' as const) : ('single-user' as const);

  app.get(
    '/api/me',
    {
      schema: {
        summary: 'Who is logged in, and whether the server asks for a login at all (mode)',
        response: { 200: Me },
      },
    },
    async (request) => ({
      user: request.auth.mode === 'login' && request.auth.user ? publicUser(request.auth.user) : null,
      mode,
    }),
  );

  app.post(
    '/api/login',
    {
      schema: {
        summary: 'Log in: sets the HttpOnly session cookie nianbao_session (login mode only)',
        description:
          'A wrong name and a wrong password get the same 401 in about the same time. More than 10 failed ' +
          'logins a minute for one name from one address are refused with 429 until the minute is over.',
        body: z.object({ name: z.string().trim().min(1).max(64), password: z.string().min(1).max(1024) }),
        headers: CsrfHeaders,
        response: { 200: Me, 429: ErrorSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      if (!enabled)
        throw new ApiError(
          404,
          'not-found',
          'there is no login: the server runs in single-user mode (NIANBAO_AUTH=1 turns the login on)',
        );
      const { name, password } = request.body;
      const key = `${name}\u0000${request.ip}`;
      const wait = limiter.blocked(key);
      if (wait > 0) {
        void reply.header('retry-after', String(wait));
        throw new ApiError(429, 'too-many', `too many failed logins for ${name}: try again in ${wait} s`);
      }
      const user = await store.authenticate(name, password);
      if (!user) {
        limiter.fail(key);
        throw new ApiError(401, 'unauthorized', 'wrong name or password');
      }
      limiter.reset(key);
      const old = request.cookies[SESSION_COOKIE];
      if (old) await store.deleteSession(old);
      const session = await store.createSession(user.id, ttl);
      void reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: request.protocol === 'https',
        expires: session.expiresAt,
      });
      return { user: publicUser(user), mode };
    },
  );

  app.post(
    '/api/logout',
    {
      schema: {
        summary: 'Log out: the session is deleted and its cookie cleared',
        headers: CsrfHeaders,
        response: { 200: Me, ...ERRORS },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        await store.deleteSession(token);
        void reply.clearCookie(SESSION_COOKIE, {
          httpOnly: true,
          sameSite: 'strict',
          path: '/',
          secure: request.protocol === 'https',
        });
      }
      return { user: null, mode };
    },
  );
}
