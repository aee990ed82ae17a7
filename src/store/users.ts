// Users and sessions of the login mode (NIANBAO_AUTH=1). A password is hashed here, before it reaches SQL, with
// scrypt (node:crypto) and its parameters written beside the hash; a session is kept as the SHA-256 of its token.
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { normalizeAgencyName, normalizeRegionPath } from './agency-names.ts';
import { findAgencies } from './agencies.ts';
import { StoreError, type Db } from './types.ts';

/** What a user may do: everything; review the reports of a region; write the reports of one agency. */
export type Role = 'admin' | 'reviewer' | 'author';

export const ROLES: readonly Role[] = ['admin', 'reviewer', 'author'];

/** A user, without the password hash. */
export interface User {
  id: number;
  name: string;
  role: Role;
  /** A reviewer's region, null for every region; an author's agency's region ('' when it has none). */
  region: string | null;
  /** An author's agency: its name, and its id once a stored agency matches. */
  agency: { name: string; id: number | null } | null;
  createdAt: Date;
}

/** What `addUser` takes: the password in clear, which is hashed before it is stored. */
export interface NewUser {
  name: string;
  role: Role;
  region?: string | null;
  /** An author's agency, by name (required for an author, refused for the others). */
  agency?: string | null;
  password: string;
}

/** The scrypt parameters of new hashes: N = 2^15, r = 8, p = 1 (32 MiB), a 16-byte salt, a 32-byte key. */
export const SCRYPT = { ln: 15, r: 8, p: 1, saltBytes: 16, keyBytes: 32 } as const;

/** The shortest password accepted. */
export const MIN_PASSWORD = 8;

function derive(password: string, salt: Buffer, ln: number, r: number, p: number, keyBytes: number) {
  const N = 2 ** ln;
  // scrypt needs 128·N·r bytes; node refuses more than 32 MiB unless told.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyBytes, options, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

/** A password's hash: `$scrypt$ln=15,r=8,p=1$<salt base64>$<key base64>` (today's parameters unless given). */
export async function hashPassword(
  password: string,
  params: { ln: number; r: number; p: number; saltBytes: number; keyBytes: number } = SCRYPT,
): Promise<string> {
  const { ln, r, p, saltBytes, keyBytes } = params;
  const salt = randomBytes(saltBytes);
  const key = await derive(password, salt, ln, r, p, keyBytes);
  return `$scrypt$ln=${ln},r=${r},p=${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

const HASH = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

/** Whether a password matches a hash made by `hashPassword` (with whatever parameters it names). */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const m = HASH.exec(hash);
  if (!m) return false;
  const [ln, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const salt = Buffer.from(m[4]!, 'base64');
  const expected = Buffer.from(m[5]!, 'base64');
  if (ln < 1 || ln > 24 || expected.length < 16) return false;
  const key = await derive(password, salt, ln, r, p, expected.length);
  return timingSafeEqual(key, expected);
}

/** Whether a hash was made with weaker parameters than today's (it is made anew at the next login). */
export function needsRehash(hash: string): boolean {
  const m = HASH.exec(hash);
  return !m || Number(m[1]) < SCRYPT.ln || Number(m[2]) < SCRYPT.r || Number(m[3]) < SCRYPT.p;
}

let dummy: Promise<string> | undefined;

/** A hash of no one's password, verified for an unknown name so that it takes as long as a known one. */
function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(randomBytes(16).toString('hex')));
}

/** The SHA-256 (hex) of a session token: what the sessions table holds. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

type UserRow = {
  id: number;
  name: string;
  role: Role;
  region_path: string | null;
  agency_name: string | null;
  agency_id: number | null;
  created_at: Date;
};

function toUser(r: UserRow): User {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    region: r.region_path,
    agency: r.agency_name === null ? null : { name: r.agency_name, id: r.agency_id },
    createdAt: r.created_at,
  };
}

const COLUMNS = ['id', 'name', 'role', 'region_path', 'agency_name', 'agency_id', 'created_at'] as const;

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD)
    throw new StoreError(`a password needs at least ${MIN_PASSWORD} characters`);
}

/**
 * Adds a user. A reviewer's region is optional (none: every region); an author needs an agency, found by name in
 * the library (its region given when the name alone is ambiguous) or, when not stored yet, kept by name and
 * region and matched once its first report is.
 */
export async function addUser(db: Db, input: NewUser): Promise<User> {
  const name = input.name.trim();
  if (!/^[^\s\p{C}]{1,64}$/u.test(name))
    throw new StoreError(`a user name is 1 to 64 characters without spaces: "${input.name}"`);
  if (!ROLES.includes(input.role))
    throw new StoreError(`a role is ${ROLES.join(', ')}, not "${String(input.role)}"`);
  checkPassword(input.password);
  let region = input.region == null ? null : normalizeRegionPath(input.region) || null;
  let agencyName: string | null = null;
  let agencyId: number | null = null;
  if (input.role === 'admin' && region !== null) throw new StoreError('an admin has no region: every one');
  if (input.role !== 'author' && input.agency)
    throw new StoreError(`only an author has an agency (${name} is ${input.role})`);
  if (input.role === 'author') {
    const wanted = input.agency?.trim();
    if (!wanted) throw new StoreError(`an author needs an agency: --agency NAME`);
    const found = await findAgencies(db, wanted, region);
    if (found.length > 1)
      throw new StoreError(
        `"${wanted}" matches several agencies; give the region: ${found.map((a) => `${a.name} (${a.regionPath || '—'})`).join(', ')}`,
      );
    if (found.length === 1) {
      agencyId = found[0]!.id;
      agencyName = found[0]!.name;
      region = found[0]!.regionPath;
    } else {
      if (region === null)
        throw new StoreError(
          `no agency "${wanted}" in the library: give its region (--region) to add the author before its first report`,
        );
      agencyName = normalizeAgencyName(wanted);
    }
  }
  const exists = await db.selectFrom('users').select('id').where('name', '=', name).executeTakeFirst();
  if (exists) throw new StoreError(`there is already a user ${name}`);
  const row = await db
    .insertInto('users')
    .values({
      name,
      role: input.role,
      region_path: region,
      agency_name: agencyName,
      agency_id: agencyId,
      password_hash: await hashPassword(input.password),
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toUser(row);
}

/** Every user, by name. */
export async function users(db: Db): Promise<User[]> {
  return (await db.selectFrom('users').select(COLUMNS).orderBy('name').execute()).map(toUser);
}

/** A user by name, or null. */
export async function user(db: Db, name: string): Promise<User | null> {
  const row = await db.selectFrom('users').select(COLUMNS).where('name', '=', name.trim()).executeTakeFirst();
  return row ? toUser(row) : null;
}

/** Removes a user and their sessions; false when there was none of that name. */
export async function removeUser(db: Db, name: string): Promise<boolean> {
  const gone = await db.deleteFrom('users').where('name', '=', name.trim()).executeTakeFirst();
  return Number(gone.numDeletedRows) > 0;
}

/** Sets a user's password and ends their sessions; false when there is no user of that name. */
export async function setPassword(db: Db, name: string, password: string): Promise<boolean> {
  checkPassword(password);
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('users')
      .set({ password_hash: hash })
      .where('name', '=', name.trim())
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute();
    return true;
  });
}

/**
 * The user whose name and password these are, or null. An unknown name costs the same scrypt as a known one (a
 * dummy hash is verified), so the answer's time does not tell which names exist. A hash of weaker parameters
 * than today's is made anew.
 */
export async function authenticate(db: Db, name: string, password: string): Promise<User | null> {
  const row = await db
    .selectFrom('users')
    .select([...COLUMNS, 'password_hash'])
    .where('name', '=', name.trim())
    .executeTakeFirst();
  const ok = await verifyPassword(password, row?.password_hash ?? (await dummyHash()));
  if (!row || !ok) return null;
  if (needsRehash(row.password_hash))
    await db
      .updateTable('users')
      .set({ password_hash: await hashPassword(password) })
      .where('id', '=', row.id)
      .execute();
  return toUser(row);
}

/** Links an author to the stored agency that now matches their agency's name (after its first report). */
export async function linkAgency(db: Db, userId: number, agencyId: number): Promise<void> {
  await db.updateTable('users').set({ agency_id: agencyId }).where('id', '=', userId).execute();
}

/** Opens a session for a user: a new random 32-byte token (base64url), of which only the hash is stored. */
export async function createSession(
  db: Db,
  userId: number,
  ttlMs: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlMs);
  // Sessions past their time are dropped as new ones come.
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  await db
    .insertInto('sessions')
    .values({
      token_hash: tokenHash(token),
      user_id: userId,
      created_at: now,
      expires_at: expiresAt,
      last_seen_at: now,
    })
    .execute();
  return { token, expiresAt };
}

/**
 * The user of a session token, or null when there is no such session or it has expired (then it is deleted).
 * Its last-seen time is updated, at most once a minute.
 */
export async function sessionUser(db: Db, token: string, now = new Date()): Promise<User | null> {
  const hash = tokenHash(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      'u.id',
      'u.name',
      'u.role',
      'u.region_path',
      'u.agency_name',
      'u.agency_id',
      'u.created_at',
      's.expires_at',
      's.last_seen_at',
    ])
    .where('s.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return null;
  if (row.expires_at.getTime() <= now.getTime()) {
    await db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
    return null;
  }
  if (now.getTime() - row.last_seen_at.getTime() > 60_000)
    await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', hash).execute();
  return toUser(row);
}

/** Ends a session (logout). */
export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute();
}
