// nianbao worker: takes import jobs from the queue, `jobs` files at a time, and imports each the way `nianbao import`
// does (importReport: read → extract → check → store in one transaction), then completes the job.
//
// Exactly once by content: the store keeps a file's bytes under a unique SHA-256 and inserts them in the same
// transaction as its report, so a job done twice — retried after a worker died between the import's commit and the
// job's completion, or taken by a second worker when the lease of a slow first one expired — finds its bytes stored
// and stores nothing ("unchanged"). A worker killed mid-batch leaves its jobs active; pg-boss's maintenance (run by
// every worker) gives them back once their lease is over, and another worker does them.
import { hostname } from 'node:os';
import type PgBoss from 'pg-boss';
import type { Io } from '../cli/io.ts';
import { EXIT } from '../cli/io.ts';
import type { Lang } from '../model/diagnostic.ts';
import type { Store } from '../store/index.ts';
import { Isolated, stoppedBy } from '../isolate/pool.ts';
import { queueUrl } from './enqueue.ts';
import {
  BOSS_SCHEMA,
  DEFAULT_LEASE_SECONDS,
  DEFAULT_RETRIES,
  FILES_DDL,
  QUEUE,
  say,
  sha256,
  shownUrl,
  type JobData,
  type JobOutput,
  inTransaction,
} from './queue.ts';

/** Options of `nianbao worker`. */
export interface WorkerOptions {
  db?: string;
  /** Files in flight at a time. */
  jobs: number;
  /** Stop once no job is queued, retrying or active (a batch run to its end), rather than waiting for more. */
  drain?: boolean;
  lang: Lang;
  /** --timeout, --max-memory: a file's limits on its worker thread (src/isolate/pool.ts defaults). */
  timeout?: number;
  maxMemory?: number;
}

/** How often an idle worker asks for jobs. */
const POLL_MS = 500;

/** Every how many seconds expired leases are looked for: a quarter of the lease, from 1 s to a minute. */
export function maintenanceSeconds(lease: number): number {
  return Math.max(1, Math.min(60, Math.floor(lease / 4)));
}

/**
 * Imports the file of one job. Its bytes come from the queue's table; when they are gone the library already holds
 * them (a job done before whose completion was lost), and the job is done with nothing stored again. With a
 * `reader`, the bytes are read and extracted on its worker thread under its limits: a file stopped by one is
 * unreadable with its finding and nothing is stored (a limit of this worker, not a property of the file).
 */
export async function importJob(
  store: Store,
  data: JobData,
  query: Query,
  reader?: Isolated,
): Promise<JobOutput> {
  const { rows } = await query<{ bytes: Buffer }>('select bytes from nianbao_queue.files where sha256 = $1', [
    data.sha256,
  ]);
  if (!rows[0]) {
    const stored = await store.db
      .selectFrom('source_files')
      .select('id')
      .where('sha256', '=', data.sha256)
      .executeTakeFirst();
    if (!stored) throw new Error(say(data.lang, 'bytesMissing', { file: data.file, sha256: data.sha256 }));
    const report = await store.db
      .selectFrom('reports')
      .select('id')
      .where('source_file_id', '=', stored.id)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    return outcome(store, 'unchanged', stored.id, report?.id ?? null);
  }
  const bytes = new Uint8Array(rows[0].bytes);
  if (sha256(bytes) !== data.sha256) throw new Error(say(data.lang, 'hashMismatch', { file: data.file }));
  const extracted = reader
    ? await reader.extract(data.file, bytes, { lang: data.lang, ocr: true })
    : undefined;
  const stopped = extracted && stoppedBy(extracted.diagnostics);
  if (stopped)
    return {
      status: 'unreadable',
      sourceFileId: null,
      reportId: null,
      errors: 0,
      warnings: 0,
      stopped: { ruleId: stopped.ruleId, messageId: stopped.messageId, message: stopped.message },
    };
  const { importReport } = await import('../library.ts');
  const result = await importReport(store, bytes, {
    fileName: data.file,
    region: data.region,
    check: { lang: data.lang },
    ...(data.scope ? { scope: data.scope } : {}),
    ...(extracted ? { extracted } : {}),
  });
  return outcome(store, result.status, result.sourceFileId, result.reportId);
}

async function outcome(
  store: Store,
  status: JobOutput['status'],
  sourceFileId: number,
  reportId: number | null,
): Promise<JobOutput> {
  const stored = reportId === null ? null : await store.report(reportId);
  return {
    status: stored ? status : 'unreadable',
    sourceFileId,
    reportId: stored?.id ?? null,
    errors: stored?.errors ?? 0,
    warnings: stored?.warnings ?? 0,
  };
}

type Query = <R extends object>(text: string, values: unknown[]) => Promise<{ rows: R[] }>;

/**
 * Runs `nianbao worker` until SIGTERM or SIGINT (the files in hand are finished and their jobs completed, then exit
 * 0), or with `drain` until the queue is empty. One line per file on standard output.
 */
export async function runWorker(options: WorkerOptions, io: Io): Promise<number> {
  const { lang } = options;
  const url = queueUrl(options.db, lang, io);
  if (url === null) return EXIT.usage;
  const pg = (await import('pg')).default;
  const { default: PgBossClass } = await import('pg-boss');
  const { openStore } = await import('../store/index.ts');
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const query: Query = async (text, values) => pool.query(text, values);
  let boss: PgBoss | null = null;
  let store: Store | null = null;
  const fail = (error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    io.err(`nianbao: ${say(lang, 'cannotConnect', { db: shownUrl(url), reason })}\n`);
    return EXIT.usage;
  };
  let lease: number;
  try {
    const { rows } = await query<{ lease: number | null }>(
      `select case when to_regclass('${BOSS_SCHEMA}.queue') is null then null
         else (select expire_seconds from ${BOSS_SCHEMA}.queue where name = $1) end as lease`,
      [QUEUE],
    );
    lease = rows[0]?.lease ?? DEFAULT_LEASE_SECONDS;
    boss = new PgBossClass({
      connectionString: url,
      max: 2,
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: maintenanceSeconds(lease),
    });
    boss.on('error', (e: unknown) =>
      io.err(`nianbao: pg-boss: ${e instanceof Error ? e.message : String(e)}\n`),
    );
    await boss.start();
    await boss.createQueue(QUEUE, {
      name: QUEUE,
      retryLimit: DEFAULT_RETRIES,
      expireInSeconds: DEFAULT_LEASE_SECONDS,
    });
    await pool.query(FILES_DDL);
    store = await openStore(url);
  } catch (error) {
    await boss?.stop({ graceful: false }).catch(() => {});
    await pool.end();
    return fail(error);
  }
  // One worker thread per file in hand, made when the first file needing one comes (small text is read in process).
  const reader = new Isolated({
    threads: options.jobs,
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    ...(options.maxMemory !== undefined ? { maxMemory: options.maxMemory } : {}),
  });
  const worker = `${hostname()}:${process.pid}`;
  io.err(say(lang, 'workerStarted', { worker, jobs: options.jobs, lease }) + '\n');

  let stopping = false;
  let wake: (() => void) | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (!stopping) io.err(say(lang, 'workerStopping', { signal }) + '\n');
    stopping = true;
    wake?.();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  const tally = { done: 0, failed: 0 };
  const inFlight = new Set<Promise<void>>();

  const handle = async (job: PgBoss.JobWithMetadata<JobData>): Promise<void> => {
    const data = job.data;
    try {
      const output = await importJob(store!, data, query, reader);
      // The job completed and the queue's copy of the bytes deleted (source_files holds them now) in one
      // transaction: a worker killed in between leaves neither a done job with bytes nor bytes without a job.
      await inTransaction(pool, async (client, inClient) => {
        await boss!.complete(QUEUE, job.id, output as unknown as object, inClient);
        await client.query('delete from nianbao_queue.files where sha256 = $1', [data.sha256]);
      });
      tally.done++;
      const rest = output.stopped
        ? output.stopped.message
        : output.reportId === null
          ? ''
          : `#${output.reportId}  ${say(lang, 'counts', { errors: output.errors, warnings: output.warnings })}`;
      await io.out(`${say(lang, output.status)}  ${data.file}  ${rest}`.trimEnd() + '\n');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      tally.failed++;
      await boss!.fail(QUEUE, job.id, { message }).catch(() => {});
      io.err(
        say(lang, 'jobFailed', { attempt: job.retryCount + 1, file: data.file, reason: message }) + '\n',
      );
    }
  };

  const idle = async (): Promise<boolean> => {
    if (!options.drain || inFlight.size > 0) return false;
    const { rows } = await query<{ n: number }>(
      `select count(*)::int as n from ${BOSS_SCHEMA}.job where name = $1 and state < 'completed'`,
      [QUEUE],
    );
    return rows[0]!.n === 0;
  };

  try {
    while (!stopping) {
      const free = options.jobs - inFlight.size;
      const got =
        free > 0
          ? await boss.fetch<JobData>(QUEUE, { batchSize: free, includeMetadata: true })
          : ([] as PgBoss.JobWithMetadata<JobData>[]);
      for (const job of got) {
        const p: Promise<void> = handle(job).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      if (got.length > 0 && inFlight.size < options.jobs) continue;
      if (got.length === 0 && (await idle())) break;
      // Wait for a file to finish, for the next poll, or for a signal.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
        if (inFlight.size >= options.jobs) void Promise.race(inFlight).then(wake);
      });
      wake = null;
    }
    await Promise.all(inFlight);
  } catch (error) {
    // The database gone mid-run: said in a line, exit 2 (the jobs in hand come back after their lease).
    await Promise.allSettled(inFlight);
    return fail(error);
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await reader.close().catch(() => {});
    await store.close().catch(() => {});
    await pool.end().catch(() => {});
  }
  io.err(say(lang, 'workerDone', { worker, ...tally }) + '\n');
  return EXIT.ok;
}
