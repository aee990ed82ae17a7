// nianbao status: the queue's jobs by state (from pg-boss's job table and its archive), the failed files with why,
// and the throughput, as text or JSON.
import type { Io } from '../cli/io.ts';
import { EXIT } from '../cli/io.ts';
import type { Lang } from '../model/diagnostic.ts';
import { queueUrl } from './enqueue.ts';
import { BOSS_SCHEMA, QUEUE, failureReason, say, shownUrl } from './queue.ts';

/** Options of `nianbao status`. */
export interface StatusOptions {
  db?: string;
  format: 'text' | 'json';
  /** The minutes the recent throughput is taken over. */
  minutes?: number;
  lang: Lang;
}

/** A failed job, or one done with its file stopped by a limit (nothing stored): its file and why. */
export interface Failure {
  file: string;
  sha256: string;
  reason: string;
  attempts: number;
  at: string;
  /** The job is done, its file stopped by a worker's limit (read/timeout, read/too-large): not stored, not retried. */
  stopped?: true;
}

/** What `status` shows. */
export interface QueueStatus {
  queue: string;
  /** Waiting for a worker, retries included. */
  queued: number;
  /** Of the queued, those failed before and waiting to be tried again. */
  retrying: number;
  active: number;
  done: number;
  failed: number;
  /** The done files by what the import did. */
  doneBy: { imported: number; newVersion: number; unchanged: number; unreadable: number };
  failures: Failure[];
  throughput: {
    /** The minutes `recent` is taken over. */
    minutes: number;
    /** Files done per minute over the last `minutes` (from the first job started within them, if later). */
    recent: number;
    /** Files done per minute from the first job started to the last done (null before any is done). */
    overall: number | null;
  };
}

type Query = <R extends object>(text: string, values: unknown[]) => Promise<{ rows: R[] }>;

/** The queue's figures, read in SQL from pg-boss's tables; null when the database holds no queue yet. */
export async function queueStatus(query: Query, lang: Lang, minutes = 5): Promise<QueueStatus | null> {
  const { rows: there } = await query<{ t: string | null }>(
    `select to_regclass('${BOSS_SCHEMA}.job')::text as t`,
    [],
  );
  if (!there[0]?.t) return null;
  // Completed and failed jobs move to the archive after a while (12 hours by default), and leave it after 7 days.
  const jobs = `(select state, data, output, retry_count, started_on, completed_on from ${BOSS_SCHEMA}.job where name = $1
      union all select state, data, output, retry_count, started_on, completed_on from ${BOSS_SCHEMA}.archive where name = $1)`;
  const { rows: states } = await query<{ state: string; n: number }>(
    `select state::text, count(*)::int as n from ${jobs} j group by state`,
    [QUEUE],
  );
  const n = (s: string) => states.find((r) => r.state === s)?.n ?? 0;
  const { rows: by } = await query<{ status: string | null; n: number }>(
    `select output->>'status' as status, count(*)::int as n from ${jobs} j where state = 'completed' group by 1`,
    [QUEUE],
  );
  const done = (s: string) => by.find((r) => r.status === s)?.n ?? 0;
  const { rows: failed } = await query<{
    data: { file?: string; sha256?: string };
    output: unknown;
    retry_count: number;
    completed_on: Date;
  }>(
    `select data, output, retry_count, completed_on from ${jobs} j
      where state = 'failed' or (state = 'completed' and output ? 'stopped') order by completed_on`,
    [QUEUE],
  );
  // The recent window starts at the first job started within it, if later: a queue begun a minute ago is not
  // said to run at a fifth of its speed over five minutes.
  const { rows: pace } = await query<{
    recent: number;
    window: number | null;
    first: Date | null;
    last: Date | null;
    all: number;
  }>(
    `select count(*) filter (where completed_on > now() - make_interval(mins => $2))::int as recent,
            extract(epoch from now() - greatest(now() - make_interval(mins => $2),
              min(started_on) filter (where completed_on > now() - make_interval(mins => $2)))) / 60 as window,
            min(started_on) as first, max(completed_on) as last, count(*)::int as all
       from ${jobs} j where state = 'completed'`,
    [QUEUE, minutes],
  );
  const p = pace[0]!;
  const window = p.window === null ? minutes : Number(p.window);
  const span = p.first && p.last ? (p.last.getTime() - p.first.getTime()) / 60_000 : 0;
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    queue: QUEUE,
    queued: n('created') + n('retry'),
    retrying: n('retry'),
    active: n('active'),
    done: n('completed'),
    failed: n('failed'),
    doneBy: {
      imported: done('imported'),
      newVersion: done('new-version'),
      unchanged: done('unchanged'),
      unreadable: done('unreadable'),
    },
    failures: failed.map((f) => {
      const stopped = (f.output as { stopped?: { message?: unknown } } | null)?.stopped;
      return {
        file: f.data.file ?? '',
        sha256: f.data.sha256 ?? '',
        reason: stopped ? String(stopped.message ?? '') : failureReason(f.output, lang),
        attempts: f.retry_count + 1,
        at: f.completed_on.toISOString(),
        ...(stopped ? { stopped: true as const } : {}),
      };
    }),
    throughput: {
      minutes,
      recent: p.recent > 0 && window > 0 ? round(p.recent / window) : 0,
      overall: p.all > 0 && span > 0 ? round(p.all / span) : null,
    },
  };
}

/** How many failures the text output lists (JSON lists them all). */
const SHOWN_FAILURES = 20;

/** Runs `nianbao status`: exit 0 whatever the jobs' states; 2 when the database cannot be reached. */
export async function runStatus(options: StatusOptions, io: Io): Promise<number> {
  const { lang } = options;
  const url = queueUrl(options.db, lang, io);
  if (url === null) return EXIT.usage;
  const pg = (await import('pg')).default;
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  let status: QueueStatus | null;
  try {
    status = await queueStatus((text, values) => pool.query(text, values), lang, options.minutes ?? 5);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.err(`nianbao: ${say(lang, 'cannotConnect', { db: shownUrl(url), reason })}\n`);
    return EXIT.usage;
  } finally {
    await pool.end();
  }
  if (status === null) {
    io.err(`nianbao: ${say(lang, 'noQueue')}\n`);
    if (options.format === 'json') await io.out('{ "queue": null }\n');
    return EXIT.ok;
  }
  if (options.format === 'json') {
    await io.out(JSON.stringify(status, null, 2) + '\n');
    return EXIT.ok;
  }
  const s = status;
  await io.out(say(lang, 'statusLine', { ...s }) + '\n');
  await io.out(say(lang, 'statusDone', s.doneBy) + '\n');
  await io.out(
    say(lang, 'throughput', {
      minutes: s.throughput.minutes,
      recent: s.throughput.recent,
      overall: s.throughput.overall ?? '—',
    }) + '\n',
  );
  if (s.failures.length) {
    await io.out(say(lang, 'failures') + '\n');
    for (const f of s.failures.slice(0, SHOWN_FAILURES))
      await io.out(
        say(lang, 'failureLine', { ...f, short: f.sha256.slice(0, 12), reason: f.reason || '—' }) + '\n',
      );
    if (s.failures.length > SHOWN_FAILURES)
      await io.out(say(lang, 'moreFailures', { n: s.failures.length - SHOWN_FAILURES }) + '\n');
  }
  return EXIT.ok;
}
