// nianbao users: the users of the login mode (NIANBAO_AUTH=1) — add, list, remove, passwd. A password comes from
// NIANBAO_PASSWORD or is asked on the terminal without echo; never from an argument, which `ps` would show.
import { Option } from 'commander';
import type { Role, Store, User } from '../../store/index.ts';
import { EXIT, type Io } from '../io.ts';
import { dbOption, type CliCommand } from './types.ts';

/** The environment variable a password is read from when standard input is not a terminal. */
export const PASSWORD_ENV = 'NIANBAO_PASSWORD';

/** Where `users add` and `users passwd` get a password: the environment, else a prompt on a terminal. */
export interface PasswordSource {
  env?: Record<string, string | undefined>;
  /** Asks for the password without echo; absent when there is no terminal. */
  prompt?: (question: string) => Promise<string>;
}

/** Reads a line from the terminal without echoing it (raw mode; Ctrl-C aborts). */
export function terminalPrompt(io: Io): ((question: string) => Promise<string>) | undefined {
  const stdin = process.stdin;
  if (!stdin.isTTY) return undefined;
  return (question) =>
    new Promise((resolve, reject) => {
      io.err(question);
      let text = '';
      stdin.setRawMode(true);
      stdin.resume();
      stdin.setEncoding('utf8');
      const done = (error?: Error) => {
        stdin.setRawMode(false);
        stdin.pause();
        stdin.off('data', onData);
        io.err('\n');
        if (error) reject(error);
        else resolve(text);
      };
      const onData = (chunk: string) => {
        for (const c of chunk) {
          if (c === '\r' || c === '\n') return done();
          if (c === '\u0003' || c === '\u0004') return done(new Error('cancelled'));
          if (c === '\u007f' || c === '\b') text = text.slice(0, -1);
          else if (c >= ' ') text += c;
        }
      };
      stdin.on('data', onData);
    });
}

async function readPassword(source: PasswordSource, io: Io, name: string): Promise<string | null> {
  const given = (source.env ?? process.env)[PASSWORD_ENV];
  if (given !== undefined && given !== '') return given;
  if (!source.prompt) {
    io.err(
      `nianbao: no password for ${name}: set ${PASSWORD_ENV}, or run on a terminal to be asked (a password is never an argument)\n`,
    );
    return null;
  }
  const first = await source.prompt(`password for ${name}: `);
  const again = await source.prompt('again: ');
  if (first !== again) {
    io.err('nianbao: the two passwords differ; nothing changed\n');
    return null;
  }
  return first;
}

function describeUser(u: User): string {
  const scope =
    u.role === 'admin'
      ? 'every region'
      : u.role === 'reviewer'
        ? (u.region ?? 'every region')
        : `${u.agency!.name} (${u.region || '—'})${u.agency!.id === null ? ', no report yet' : ''}`;
  return `${u.name}\t${u.role}\t${scope}`;
}

/** Options of the users subcommands. */
export interface UsersOptions {
  db?: string;
  role?: Role;
  region?: string;
  agency?: string;
  format?: 'text' | 'json';
}

/** Runs a users subcommand on an open store; the exit code. */
export async function runUsers(
  action: 'add' | 'list' | 'remove' | 'passwd',
  name: string | undefined,
  options: UsersOptions,
  io: Io,
  source: PasswordSource = { prompt: terminalPrompt(io) },
): Promise<number> {
  // A new user's password first: without one, no database is opened (nor created).
  const password = action === 'add' ? await readPassword(source, io, name!) : null;
  if (action === 'add' && password === null) return EXIT.usage;
  const { openStore, NoDatabaseError, StoreError } = await import('../../store/index.ts');
  let store: Store;
  try {
    // Users are added to a library that may not exist yet (before its first import); the others need one.
    store = await openStore(options.db, { create: action === 'add' });
  } catch (e) {
    io.err(
      `nianbao: ${e instanceof NoDatabaseError ? `there is no database at ${e.location}` : e instanceof Error ? e.message : String(e)}\n`,
    );
    return EXIT.usage;
  }
  try {
    if (action === 'list') {
      const all = await store.users();
      if (options.format === 'json')
        await io.out(
          JSON.stringify(
            all.map((u) => ({
              name: u.name,
              role: u.role,
              region: u.region,
              agency: u.agency?.name ?? null,
            })),
            null,
            2,
          ) + '\n',
        );
      else if (all.length === 0) await io.out('no users (nianbao users add NAME --role admin)\n');
      else for (const u of all) await io.out(describeUser(u) + '\n');
      return EXIT.ok;
    }
    if (action === 'remove') {
      if (!(await store.removeUser(name!))) {
        io.err(`nianbao: there is no user ${name}\n`);
        return EXIT.usage;
      }
      await io.out(`removed ${name} (and their sessions)\n`);
      return EXIT.ok;
    }
    if (action === 'passwd' && !(await store.user(name!))) {
      io.err(`nianbao: there is no user ${name}\n`);
      return EXIT.usage;
    }
    if (action === 'passwd') {
      const given = await readPassword(source, io, name!);
      if (given === null) return EXIT.usage;
      await store.setPassword(name!, given);
      await io.out(`password of ${name} changed; their sessions are ended\n`);
      return EXIT.ok;
    }
    const added = await store.addUser({
      name: name!,
      role: options.role!,
      region: options.region ?? null,
      agency: options.agency ?? null,
      password: password!,
    });
    await io.out(`added ${describeUser(added)}\n`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof StoreError) {
      io.err(`nianbao: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  } finally {
    await store.close();
  }
}

export const usersCommand: CliCommand = {
  name: 'users',
  register(program, { io, exit }) {
    const users = program
      .command('users')
      .description('管理登录用户 — the users of the login mode (NIANBAO_AUTH=1): add, list, remove, passwd')
      .addHelpText(
        'after',
        `
A password is read from ${PASSWORD_ENV}, or asked on the terminal without echo;
never from an argument. It is stored only as its scrypt hash.`,
      );
    users
      .command('add')
      .description('add a user: an admin, a reviewer of a region, or an author of one agency')
      .argument('<name>', 'the login name')
      .addOption(
        new Option('--role <role>', 'admin (everything), reviewer (a region), author (one agency)')
          .choices(['admin', 'reviewer', 'author'])
          .makeOptionMandatory(),
      )
      .option(
        '--region <path>',
        "a reviewer's region (default: every region), or an author's agency's region",
      )
      .option('--agency <name>', "an author's agency, as the library names it")
      .addOption(dbOption())
      .action(async (name: string, opts: UsersOptions) => exit(await runUsers('add', name, opts, io)));
    users
      .command('list')
      .description('list the users, their role and scope')
      .addOption(
        new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'),
      )
      .addOption(dbOption())
      .action(async (opts: UsersOptions) => exit(await runUsers('list', undefined, opts, io)));
    users
      .command('remove')
      .description('remove a user and end their sessions')
      .argument('<name>', 'the login name')
      .addOption(dbOption())
      .action(async (name: string, opts: UsersOptions) => exit(await runUsers('remove', name, opts, io)));
    users
      .command('passwd')
      .description("change a user's password (their sessions are ended)")
      .argument('<name>', 'the login name')
      .addOption(dbOption())
      .action(async (name: string, opts: UsersOptions) => exit(await runUsers('passwd', name, opts, io)));
  },
};
