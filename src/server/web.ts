// The built web app (web/dist, made by Vite): its files under /, index.html for every page's path (the pages route
// in the browser), hashed assets cached for good, index.html never. No file is built here: see scripts/web-build.ts.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where `vite build` puts the web app. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Whether a directory holds a built app. */
export function hasWebApp(dir: string = WEB_DIST): boolean {
  return existsSync(`${dir}/index.html`);
}

/** A request for a page of the app (not the API, not a file): answered by index.html. */
export function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0]!;
  if (path === '/api' || path.startsWith('/api/')) return false;
  // A path with an extension in its last part is a file that does not exist, not a page.
  return !/\.[a-z0-9]+$/i.test(path);
}

/** Answers a page request with the app's index.html. */
export function sendIndex(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
}

/** Serves the built app from `dir`. */
export async function serveWebApp(app: FastifyInstance, dir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    index: false,
    wildcard: true,
    cacheControl: false,
    setHeaders(reply, path) {
      void reply.header(
        'cache-control',
        /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
}
