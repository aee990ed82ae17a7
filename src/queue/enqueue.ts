// nianbao enqueue: each file's bytes stored once in the database by their SHA-256 and a job made for them, in one
// transaction; the same content again (under any name, from any machine) is the same job, and content the library
// already holds is not queued at all.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Io } from '../cli/io.ts';
import { EXIT } from '../cli/io.ts';
import type { Lang } from '../model/diagnostic.ts';
import type { ReportScope } from '../model/scope.ts';
import { displayWidth, pad } from '../render/width.ts';
import {
  DEFAULT_LEASE_SECONDS,
  DEFAULT_RETRIES,
  FILES_DDL,
  inTransaction,
  MAX_FILE_BYTES,
  QUEUE,
  isPostgresUrl,
  jobId,
  say,
  sha256,
  shownUrl,
  type JobData,
} from './queue.ts';

/** Options of `nianbao enqueue`. */
export interface EnqueueOptions {
  db?: string;
  /** Text files listing paths, one a line ('-': standard input). */
  list?: string[];
  region?: string;
  scope?: ReportScope;
  /** Seconds a worker may hold a job before it is given to another (pg-boss's expiration). */
  lease?: number;
  /** Times a job is tried again after a failure or an expired lease. */
  retries?: number;
  lang: Lang;
}

/** The paths of a list file: one a line, blank lines and lines starting with # left out. */
export function listedPaths(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

async function readList(file: string, cwd: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  return readFile(resolve(cwd, file), 'utf8');
}

/** The database URL of a queue command, or null with the message said (a queue needs PostgreSQL). */
export function queueUrl(db: string | undefined, lang: Lang, io: Io): string | null {
  const location = db || process.env.NIANBAO_DB;
  if (isPostgresUrl(location)) return location;
  io.err(`nianbao: ${say(lang, 'needsPostgres', { db: location ?? '--db' })}\n`);
  return null;
}

/** Runs `nianbao enqueue`: one line per file (queued, already queued, in the library, unreadable) and a summary. */
export async function runEnqueue(inputs: string[], options: EnqueueOptions, io: Io): Promise<number> {
  const { lang } = options;
  const cwd = io.cwd ?? process.cwd();
  const url = queueUrl(options.db, lang, io);
  if (url === null) return EXIT.usage;
  const named = [...inputs];
  for (const list of options.list ?? []) {
    try {
      named.push(...listedPaths(await readList(list, cwd)));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      io.err(`nianbao: ${say(lang, 'cannotReadList', { file: list, reason })}\n`);
      return EXIT.usage;
    }
  }
  const { expandInputs } = await import('../cli/batch.ts');
  const { fsPath } = await import('../cli/paths.ts');
  const files = await expandInputs(named, cwd);
  if (files.length === 0) {
    io.err(`nianbao: ${say(lang, 'noFiles')}\n`);
    return EXIT.usage;
  }
  const started = performance.now();
  const pg = (await import('pg')).default;
  const { default: PgBoss } = await import('pg-boss');
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const boss = new PgBoss({ connectionString: url, max: 2, supervise: false, schedule: false });
  let bossError: unknown = null;
  boss.on('error', (e: unknown) => (bossError ??= e));
  try {
    try {
      await boss.start();
      await boss.createQueue(QUEUE, {
        name: QUEUE,
        retryLimit: DEFAULT_RETRIES,
        expireInSeconds: DEFAULT_LEASE_SECONDS,
      });
      // A lease or retry count given is the queue's from now on: workers size their lease checks by it.
      if (options.lease !== undefined || options.retries !== undefined)
        await boss.updateQueue(QUEUE, {
          name: QUEUE,
          ...(options.retries !== undefined ? { retryLimit: options.retries } : {}),
          ...(options.lease !== undefined ? { expireInSeconds: options.lease } : {}),
        });
      await pool.query(FILES_DDL);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      io.err(`nianbao: ${say(lang, 'cannotConnect', { db: shownUrl(url), reason })}\n`);
      return EXIT.usage;
    }
    const library = (await pool.query<{ t: string | null }>(`select to_regclass('source_files')::text as t`))
      .rows[0]?.t;
    const tally = { queued: 0, already: 0, inLibrary: 0, unreadable: 0 };
    const width = Math.max(...files.map(displayWidth));
    const statusWidth = Math.max(
      ...(['queued', 'alreadyQueued', 'inLibrary', 'unreadable'] as const).map((s) =>
        displayWidth(say(lang, s)),
      ),
    );
    const line = (status: Parameters<typeof say>[1], file: string, rest = '') =>
      io.out(`${pad(say(lang, status), statusWidth)}  ${pad(file, width)}  ${rest}`.trimEnd() + '\n');
    const seen = new Map<string, string>();
    // One file after another, each in its own transaction.
    const enqueueEach = async (): Promise<void> => {
      for (const file of files) {
        const path = fsPath(resolve(cwd, file));
        let bytes: Uint8Array;
        try {
          // Only regular files are read: a named pipe or a device would never end (issue 15, hostile inputs).
          // (stat follows a symbolic link: one to /dev/zero is a device, refused as well.)
          const s = await stat(path);
          if (!s.isFile()) {
            tally.unreadable++;
            await line('unreadable', file, say(lang, 'notAFile'));
            continue;
          }
          if (s.size > MAX_FILE_BYTES) {
            tally.unreadable++;
            await line('unreadable', file, say(lang, 'tooLarge', { size: s.size, limit: MAX_FILE_BYTES }));
            continue;
          }
          bytes = new Uint8Array(await readFile(path));
        } catch (error) {
          const { unreadable } = await import('../cli/process.ts');
          tally.unreadable++;
          await line('unreadable', file, unreadable(file, error, lang).message);
          continue;
        }
        const hash = sha256(bytes);
        const earlier = seen.get(hash);
        if (earlier !== undefined) {
          tally.already++;
          await line('alreadyQueued', file, say(lang, 'sameAs', { file: earlier }));
          continue;
        }
        seen.set(hash, file);
        if (library) {
          const { rowCount } = await pool.query('select 1 from source_files where sha256 = $1', [hash]);
          if (rowCount) {
            tally.inLibrary++;
            await line('inLibrary', file);
            continue;
          }
        }
        const data: JobData = {
          sha256: hash,
          file,
          size: bytes.byteLength,
          region: options.region ?? null,
          scope: options.scope ?? null,
          lang,
        };
        // The bytes and the job in one transaction: no job without its bytes, no bytes left without a job.
        const id = await inTransaction(pool, async (client, inClient) => {
          await client.query(
            `insert into nianbao_queue.files (sha256, bytes, file_name, size) values ($1, $2, $3, $4)
           on conflict (sha256) do nothing`,
            [hash, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), file, bytes.byteLength],
          );
          return boss.send(QUEUE, data, {
            id: jobId(hash),
            retryLimit: options.retries ?? DEFAULT_RETRIES,
            expireInSeconds: options.lease ?? DEFAULT_LEASE_SECONDS,
            ...inClient,
          });
        });
        if (id === null) tally.already++;
        else tally.queued++;
        await line(id === null ? 'alreadyQueued' : 'queued', file);
      }
    };
    try {
      await enqueueEach();
    } catch (error) {
      // The database gone mid-run: what was queued stays queued; said in a line, exit 2.
      const reason = error instanceof Error ? error.message : String(error);
      io.err(`nianbao: ${say(lang, 'cannotConnect', { db: shownUrl(url), reason })}\n`);
      return EXIT.usage;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    await io.out(say(lang, 'enqueueSummary', { files: files.length, ...tally, seconds }) + '\n');
    if (bossError) {
      const reason = bossError instanceof Error ? bossError.message : String(bossError);
      io.err(`nianbao: pg-boss: ${reason}\n`);
    }
    return tally.unreadable ? EXIT.unreadable : EXIT.ok;
  } finally {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await pool.end();
  }
}
