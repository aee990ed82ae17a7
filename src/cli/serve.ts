// nianbao serve: starts the server (src/server), prints its URL, and stops it on SIGINT or SIGTERM.
import type { Lang } from '../model/diagnostic.ts';
import { EXIT, type Io } from './io.ts';

/** Options of `nianbao serve`. */
export interface ServeOptions {
  db?: string;
  port: number;
  host: string;
  /** MB. */
  maxFileSize: number;
  ocr: boolean;
  lang: Lang;
  /** Import the bundled sample reports (examples/reports) before serving; files already stored are left. */
  samples?: boolean;
  /** --timeout, --max-memory: an uploaded or checked file's limits, as in a batch (src/isolate/pool.ts defaults). */
  timeout?: number;
  maxMemory?: number;
}

/** The region the bundled samples (bodies of 河南省) are filed under. */
export const SAMPLES_REGION = '河南省';

/** Imports the bundled samples into the server's store; what was done, for the start-up message. */
async function importSamples(store: import('../store/index.ts').Store, lang: Lang): Promise<string> {
  const { readdir, readFile } = await import('node:fs/promises');
  const { fileURLToPath } = await import('node:url');
  const { importReport } = await import('../library.ts');
  const dir = fileURLToPath(new URL('../../examples/reports/', import.meta.url));
  const names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  let stored = 0;
  for (const name of names) {
    const result = await importReport(store, await readFile(dir + name), {
      fileName: `examples/reports/${name}`,
      region: SAMPLES_REGION,
      check: { lang },
    });
    if (result.status !== 'unchanged') stored++;
  }
  return stored === 0
    ? `the ${names.length} sample reports are in the library`
    : `${stored} of the ${names.length} sample reports imported under ${SAMPLES_REGION}`;
}

/** Serves until interrupted; the exit code (2 when the database or the port cannot be had). */
export async function runServe(
  options: ServeOptions,
  io: Io,
  stop?: Promise<void>,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const { startServer } = await import('../server/index.ts');
  // NIANBAO_AUTH=1: the login mode (nianbao users add); single-user otherwise.
  const auth = env.NIANBAO_AUTH === '1';
  let server;
  try {
    server = await startServer({
      db: options.db,
      port: options.port,
      host: options.host,
      lang: options.lang,
      ocr: options.ocr,
      limits: { fileSize: Math.round(options.maxFileSize * 1024 * 1024) },
      auth,
      ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
      ...(options.maxMemory !== undefined ? { maxMemory: options.maxMemory } : {}),
    });
  } catch (e) {
    io.err(`nianbao: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.usage;
  }
  if (options.samples) {
    try {
      io.err(`nianbao: ${await importSamples(server.store, options.lang)}\n`);
    } catch (e) {
      io.err(
        `nianbao: the sample reports could not be imported: ${e instanceof Error ? e.message : String(e)}\n`,
      );
    }
  }
  io.err(`nianbao: serving ${server.store.location} — API docs at ${server.url}api/docs\n`);
  if (!auth) io.err('nianbao: single-user mode, no login (NIANBAO_AUTH=1 turns the login on)\n');
  else if ((await server.store.users()).length === 0)
    io.err('nianbao: login mode, but no user yet: add one with nianbao users add NAME --role admin\n');
  else io.err('nianbao: login mode (NIANBAO_AUTH=1): every route but health and login needs a session\n');
  await io.out(`${server.url}\n`);
  await (stop ??
    new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    }));
  await server.close();
  return EXIT.ok;
}
