// nianbao's HTTP server (`nianbao serve`): the API over the store, listening on loopback unless told otherwise.
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../store/index.ts';
import { buildServer, type ServerOptions } from './app.ts';

export { buildServer, CSRF_HEADER, CSP, type ServerOptions } from './app.ts';
export { DEFAULT_LIMITS, type UploadLimits } from './uploads.ts';

/** Options of `startServer`. */
export interface StartOptions extends Omit<ServerOptions, 'store'> {
  port?: number;
  /** 127.0.0.1 unless given. */
  host?: string;
  /** The database location (a directory, memory:, a postgres:// URL); NIANBAO_DB or ./data/nianbao otherwise. */
  db?: string;
}

/** A running server: its URL, the app and store, and how to stop both. */
export interface RunningServer {
  url: string;
  app: FastifyInstance;
  store: Store;
  close(): Promise<void>;
}

/** Opens the store (the server holds a PGlite directory open), builds the API and listens. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const store = await openStore(options.db);
  let app: FastifyInstance;
  try {
    app = await buildServer({ ...options, store });
    await app.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });
  } catch (e) {
    await store.close();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host ?? '127.0.0.1';
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/`,
    app,
    store,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
