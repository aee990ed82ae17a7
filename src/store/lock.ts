// One process owns an embedded (PGlite) database directory: PGlite is PostgreSQL in the process, and two processes
// writing one data directory lose reports silently (issue 16: two imports at once kept 25–33 of 50 reports). The
// owner holds `nianbao.lock` in the directory — its pid, host and start — created exclusively; a second process is
// refused with who holds it. A lock left by a process that died (kill -9) is taken over: its pid is gone.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StoreError } from './types.ts';

/** The lock file's name inside the data directory. */
export const LOCK_FILE = 'nianbao.lock';

interface Holder {
  pid: number;
  host: string;
  since: string;
}

/** The database directory is held by another live process. */
export class DatabaseLockedError extends StoreError {
  override name = 'DatabaseLockedError';
  constructor(
    readonly location: string,
    readonly holder: Holder,
  ) {
    super(
      `the database at ${location} is in use by another nianbao process (pid ${holder.pid}` +
        `${holder.host === hostname() ? '' : ` on ${holder.host}`}, since ${holder.since}): ` +
        'an embedded database has one user at a time — wait for that process to end (a `nianbao serve` holds it ' +
        'while it runs), or use PostgreSQL (--db postgres://…) for several at once',
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): Holder | null {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof h.pid === 'number'
      ? { pid: h.pid, host: String(h.host ?? ''), since: String(h.since ?? '') }
      : null;
  } catch {
    return null;
  }
}

/** Locks held by this process, by path: a second open of the same directory in one process is refused too. */
const held = new Set<string>();

function releaseAll(): void {
  for (const path of held) {
    try {
      if (readHolder(path)?.pid === process.pid) unlinkSync(path);
    } catch {
      // gone already
    }
  }
  held.clear();
}

/**
 * Takes the lock of a database directory, or throws DatabaseLockedError naming its holder. Returns the release
 * (also run when the process exits).
 */
export function lockDirectory(dir: string, location: string = dir): () => void {
  const path = join(dir, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readHolder(path);
      // A holder on this host that is alive — this process included — keeps it; on another host it cannot be told.
      if (holder && (holder.host !== me.host || alive(holder.pid) || held.has(path)))
        throw new DatabaseLockedError(location, holder);
      // Stale (its process died) or unreadable (a write cut short): taken over, if it is still the same one.
      const again = readHolder(path);
      if (again && holder && again.pid !== holder.pid) continue;
      try {
        unlinkSync(path);
      } catch {
        // another process took it over first: try again
      }
      continue;
    }
    try {
      writeSync(fd, `${JSON.stringify(me)}\n`);
    } finally {
      closeSync(fd);
    }
    if (held.size === 0) process.once('exit', releaseAll);
    held.add(path);
    return () => {
      held.delete(path);
      try {
        if (readHolder(path)?.pid === process.pid) unlinkSync(path);
      } catch {
        // gone already
      }
    };
  }
  const holder = readHolder(path);
  throw holder
    ? new DatabaseLockedError(location, holder)
    : new StoreError(`cannot lock the database at ${location}`);
}
