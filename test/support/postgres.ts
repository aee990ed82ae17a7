// A throwaway PostgreSQL server for tests: initdb in a temp dir, pg_ctl on a free loopback port, removed afterwards.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Where the Debian package puts the server binaries (NIANBAO_PG_BIN overrides). */
export const PG_BIN = process.env.NIANBAO_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Set to 1 to skip the PostgreSQL half of the storage tests on a machine without PostgreSQL (never in CI). */
export const SKIP_ENV = 'NIANBAO_SKIP_POSTGRES';

/** True when the developer opted out of the PostgreSQL tests. */
export function postgresSkipped(): boolean {
  return process.env[SKIP_ENV] === '1';
}

/** A running server: a URL per fresh database, and stop(). */
export interface TestPostgres {
  url: string;
  /** Creates an empty database and returns its URL. */
  createDatabase(): Promise<string>;
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts PostgreSQL on a temporary data directory. initdb refuses to run as root, so as root (CI) the server
 * runs as the `postgres` system user, in a directory that user owns. Throws a clear error when the binaries
 * are missing: the PostgreSQL half of the suite must fail then, unless NIANBAO_SKIP_POSTGRES=1.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const initdb = join(PG_BIN, 'initdb');
  const pgCtl = join(PG_BIN, 'pg_ctl');
  if (!existsSync(initdb) || !existsSync(pgCtl))
    throw new Error(
      `PostgreSQL server binaries not found in ${PG_BIN} (initdb, pg_ctl): install the Debian package postgresql ` +
        `(or set NIANBAO_PG_BIN), or set ${SKIP_ENV}=1 to skip the PostgreSQL storage tests on this machine`,
    );
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, {
      stdio: 'pipe',
      timeout: 60_000,
    });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    run(initdb, ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    // Durability is not wanted in a throwaway server: no fsync makes each test's transactions cheap.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run(pgCtl, ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start PostgreSQL from ${PG_BIN}: ${err.stderr?.toString() || err.message}`, {
      cause: e,
    });
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let n = 0;
  return {
    url,
    async createDatabase() {
      const name = `nianbao_test_${process.pid}_${++n}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`create database ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop() {
      try {
        run(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
