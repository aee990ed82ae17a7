// The job queue of a library on PostgreSQL (docs/queue.md): pg-boss holds the jobs, one per file content (its
// SHA-256 is the job's id), and the bytes waiting for a worker sit in nianbao_queue.files, so a worker on another
// machine needs only the database URL. Shared by enqueue.ts, worker.ts and status.ts.
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { Lang } from '../model/diagnostic.ts';
import { renderMessage } from '../model/diagnostic.ts';
import type { ReportScope } from '../model/scope.ts';

/** The pg-boss queue every import job goes to. */
export const QUEUE = 'nianbao-import';

/** pg-boss's schema (its default, named so that the SQL of status.ts and the tests can say it). */
export const BOSS_SCHEMA = 'pgboss';

/** The largest file the queue takes: its bytes travel as one bytea value (PostgreSQL's limit is 1 GB). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** The lease of a job by default (pg-boss's own default): a job held longer is given to another worker. */
export const DEFAULT_LEASE_SECONDS = 15 * 60;

/** How many times a job is tried again after a failure or an expired lease, by default. */
export const DEFAULT_RETRIES = 3;

/** What a job carries: the file's content hash and how to import it; its bytes are in nianbao_queue.files. */
export interface JobData {
  sha256: string;
  /** The file's path as given to enqueue (stored with the bytes, named in findings). */
  file: string;
  size: number;
  region: string | null;
  scope: ReportScope | null;
  /** Language of the stored findings (so that which worker imports a file does not change them). */
  lang: Lang;
}

/** What a completed job keeps as its output: what the import did. */
export interface JobOutput {
  status: 'imported' | 'new-version' | 'unchanged' | 'unreadable';
  /** The stored file, or null when nothing was stored (a file stopped by a limit). */
  sourceFileId: number | null;
  reportId: number | null;
  errors: number;
  warnings: number;
  /**
   * The finding of a file stopped by a limit of the worker that read it (read/timeout, read/too-large memory), naming
   * the file: nothing was stored for it, and the job is done, not tried again.
   */
  stopped?: { ruleId: string; messageId: string; message: string };
}

/** The SHA-256 of a file's bytes, hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A job's id from its content hash (the hash's first 128 bits as a UUID): the same content is the same job. */
export function jobId(hash: string): string {
  const h = hash.slice(0, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The table of bytes waiting for a worker (deleted once the library holds them in source_files). */
export const FILES_DDL = `
  create schema if not exists nianbao_queue;
  create table if not exists nianbao_queue.files (
    sha256 text primary key,
    bytes bytea not null,
    file_name text not null,
    size integer not null,
    enqueued_at timestamptz not null default now()
  );`;

/** Whether a location is a PostgreSQL URL (the queue needs one: pg-boss runs on PostgreSQL only). */
export function isPostgresUrl(location: string | undefined): location is string {
  return !!location && /^postgres(ql)?:\/\//i.test(location);
}

/** The URL with its password hidden, for messages. */
export function shownUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

/** The wording of the queue commands, in both languages. */
export const QUEUE_MESSAGES = {
  needsPostgres: {
    zh: '{db}：任务队列需要 PostgreSQL 数据库（--db postgres://…，或 NIANBAO_DB）',
    en: '{db}: the job queue needs a PostgreSQL database (--db postgres://…, or NIANBAO_DB)',
  },
  cannotConnect: {
    zh: '无法连接数据库 {db}：{reason}',
    en: 'cannot connect to the database {db}: {reason}',
  },
  noFiles: { zh: '没有要加入队列的文件', en: 'no files to enqueue' },
  cannotReadList: {
    zh: '--list {file}：无法读取文件列表（{reason}）',
    en: '--list {file}: cannot read the list of files ({reason})',
  },
  queued: { zh: '已入队', en: 'queued' },
  alreadyQueued: { zh: '已在队列', en: 'already queued' },
  inLibrary: { zh: '已在库中', en: 'in the library' },
  unreadable: { zh: '无法读取', en: 'unreadable' },
  imported: { zh: '已导入', en: 'imported' },
  'new-version': { zh: '新版本', en: 'new version' },
  unchanged: { zh: '未变', en: 'unchanged' },
  counts: { zh: '错误 {errors} · 警告 {warnings}', en: '{errors} errors · {warnings} warnings' },
  notAFile: {
    zh: '不是普通文件（命名管道、设备或套接字），未读取',
    en: 'not a regular file (a named pipe, device or socket): not read',
  },
  tooLarge: {
    zh: '文件 {size} 字节，超过队列上限 {limit} 字节',
    en: 'the file has {size} bytes, beyond the queue’s limit of {limit}',
  },
  sameAs: { zh: '内容与 {file} 相同', en: 'same content as {file}' },
  enqueueSummary: {
    zh: '{files} 个文件：入队 {queued}，已在队列 {already}，已在库中 {inLibrary}，无法读取 {unreadable}；用时 {seconds} 秒',
    en: '{files} files: {queued} queued, {already} already queued, {inLibrary} in the library, {unreadable} unreadable; {seconds} s',
  },
  workerStarted: {
    zh: '工作进程 {worker} 已启动：同时处理 {jobs} 个文件，租期 {lease} 秒',
    en: 'worker {worker} started: {jobs} files at a time, lease {lease} s',
  },
  workerStopping: {
    zh: '收到 {signal}：处理完当前文件后停止',
    en: '{signal}: finishing the current files, then stopping',
  },
  workerDone: {
    zh: '工作进程 {worker} 已停止：完成 {done} 个文件，失败 {failed} 个',
    en: 'worker {worker} stopped: {done} files done, {failed} failed',
  },
  jobDone: { zh: '{status}  {file}  {rest}', en: '{status}  {file}  {rest}' },
  jobFailed: {
    zh: '失败（第 {attempt} 次）  {file}  {reason}',
    en: 'failed (attempt {attempt})  {file}  {reason}',
  },
  bytesMissing: {
    zh: '{file} 的内容（sha256 {sha256}）不在数据库中，也不在库中',
    en: 'the bytes of {file} (sha256 {sha256}) are neither in the queue nor in the library',
  },
  hashMismatch: {
    zh: '{file} 的内容与其 sha256 不符（数据库中的字节已损坏）',
    en: 'the bytes of {file} do not match their sha256 (damaged in the database)',
  },
  leaseExpired: {
    zh: '租期已过仍未完成：处理它的工作进程已停止（被终止、内存不足）或用时超过租期',
    en: 'its lease expired before it was done: the worker holding it stopped (killed, out of memory) or took longer than the lease',
  },
  noQueue: {
    zh: '数据库中还没有任务队列（由 nianbao enqueue 新建）',
    en: 'there is no job queue in this database yet (nianbao enqueue makes one)',
  },
  statusLine: {
    zh: '排队 {queued}（其中重试 {retrying}）· 处理中 {active} · 完成 {done} · 失败 {failed}',
    en: '{queued} queued ({retrying} to retry) · {active} active · {done} done · {failed} failed',
  },
  statusDone: {
    zh: '完成：导入 {imported}，新版本 {newVersion}，未变 {unchanged}，无法读取 {unreadable}',
    en: 'done: {imported} imported, {newVersion} new versions, {unchanged} unchanged, {unreadable} unreadable',
  },
  throughput: {
    zh: '速度：最近 {minutes} 分钟 {recent} 个文件/分钟；全程 {overall} 个文件/分钟',
    en: 'throughput: {recent} files/min over the last {minutes} minutes; {overall} files/min overall',
  },
  // The failed jobs, and the files a limit stopped (done as unreadable, nothing stored): both need a look.
  failures: { zh: '失败或被读取上限停止的文件：', en: 'Failed files, and files stopped by a limit:' },
  failureLine: {
    zh: '  {file}（sha256 {short}，尝试 {attempts} 次）：{reason}',
    en: '  {file} (sha256 {short}, {attempts} attempts): {reason}',
  },
  moreFailures: {
    zh: '  ……另有 {n} 个（--format json 列出全部）',
    en: '  … and {n} more (--format json lists them all)',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

/** A message of the queue commands in a language. */
export function say(lang: Lang, id: keyof typeof QUEUE_MESSAGES, data: Record<string, unknown> = {}): string {
  return renderMessage(QUEUE_MESSAGES[id][lang], data);
}

/** The reason of a failed job, from pg-boss's output: our own message, or pg-boss's on an expired lease. */
export function failureReason(output: unknown, lang: Lang): string {
  const o = output as { message?: unknown; value?: { message?: unknown } } | null;
  const message = typeof o?.message === 'string' ? o.message : o?.value?.message;
  if (typeof message !== 'string') return '';
  if (message === 'job failed by timeout in active state') return say(lang, 'leaseExpired');
  return message;
}

/** pg-boss's options for running its statements on `client`: a job made or completed inside our transaction. */
export interface InClient {
  db: { executeSql: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }> };
}

/**
 * Runs `work` in one transaction on a client of `pool`, with pg-boss's `db` option for that client: committed when it
 * returns, rolled back when it throws (and the error thrown on).
 */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: import('pg').PoolClient, boss: InClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client, {
      db: { executeSql: (text: string, values: unknown[]) => client.query(text, values) },
    });
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
