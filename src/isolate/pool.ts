// Files read under limits, on worker threads: a pool of piscina threads with a V8 heap limit each, one task at a time
// per thread stopped past its time limit, and what a stopped or dead worker gives instead of a result — a finding
// naming the file (read/timeout, read/too-large memory, internal/exception). The CLI's batches (src/cli/batch.ts),
// the server's uploads and check route (src/server) and the queue's worker (src/queue) read through it, so that a
// file that never ends or takes all memory stops only itself.
import { detectKind } from '../read/detect.ts';
import type { Diagnostic, Lang } from '../model/diagnostic.ts';
import type { ReportFile } from '../model/file.ts';
import { extractFile, internalError } from '../pipeline.ts';
import { finding, inLang } from '../findings/index.ts';
import { ProcessPool, type TaskPool } from './processes.ts';
import type { BytesTask } from './task.ts';

/**
 * The per-file time limit by default, in seconds (`--timeout`): room for a long scan, OCR taking 3–5 s a page (a
 * 4-page scan took 74–78 s on 2 cores loaded 6× over), and still an end to a file that never finishes.
 */
export const DEFAULT_TIMEOUT = 300;

/** The heap of a worker thread by default, in MB (`--max-memory`): V8's old generation, per worker. */
export const DEFAULT_MAX_MEMORY = 1024;

/**
 * Text and report JSON files up to this size are read in-process at one file at a time even with a time limit: a
 * worker costs more than such a file's reading (2,000 text reports all on one worker: 1.6× the wall time and +45% CPU
 * of in-process), and the hostile texts of this size tried here (one 256 KB line, 4,600 or 5,300 table rows, 13,800
 * headings) took 1.8–5.6 s a `check` command, a sample report 1.4 s (contended). Every other file — PDF, HTML,
 * Office, a larger text, anything that is not a regular file — runs on a worker, where the limit can stop it.
 */
export const IN_PROCESS_MAX_BYTES = 256 * 1024;

/** The limits of a file read on a worker. */
export interface Limits {
  /** Seconds a file may take on its worker before the worker is stopped (0 or absent: no limit). */
  timeout?: number;
  /** MB of heap a worker may use before V8 stops it (absent: DEFAULT_MAX_MEMORY). */
  maxMemory?: number;
}

/** A pool of reading processes (the default) or of worker threads (NIANBAO_ISOLATE=thread). */
export type Pool = TaskPool;

/**
 * How files are isolated: each on a child process by default, which a time limit kills outright and a native crash
 * ends alone; on worker threads with NIANBAO_ISOLATE=thread (cheaper to start, but a thread stuck in native code
 * outlives its limit, and a crash in one ends the process).
 */
export const isolation = (): 'process' | 'thread' =>
  process.env.NIANBAO_ISOLATE === 'thread' ? 'thread' : 'process';

/** The worker of the pool by default: the task of extracting bytes (task.ts, through worker.mjs). */
export const BYTES_WORKER = new URL('./worker.mjs', import.meta.url).href;

/** The pool's event of a worker's error outside any task. */
const POOL_ERROR = 'error';

/** A pool of `threads` worker threads running `worker` (a module URL), each with a heap of `maxMemory` MB. */
export async function newPool(
  threads: number,
  maxMemory: number,
  worker: string = BYTES_WORKER,
): Promise<Pool> {
  if (isolation() === 'process') return new ProcessPool(worker, maxMemory);
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: worker,
    maxThreads: threads,
    minThreads: threads,
    resourceLimits: { maxOldGenerationSizeMb: maxMemory },
  });
  // A worker that dies between files is replaced by the pool; its error has no file to be told against (without a
  // listener, the pool's error event would end the process).
  const ignore = () => {};
  pool.on(POOL_ERROR, ignore);
  return pool;
}

/** What a worker did not give: the time limit passed, the heap limit reached, or the worker ended. */
export type Failure = { timeout: number } | { maxMemory: number } | { error: unknown };

/** Whether a worker was stopped by V8 at its heap limit (resourceLimits). */
const isOutOfMemory = (error: unknown) =>
  (error as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';

/**
 * One task on a worker of the pool, stopped after `timeout` seconds (0: never); never rejects: the worker's result,
 * or why there is none. The time counts from the hand-off to the pool (hand a task over only when a thread is free):
 * a worker that replaces a stopped one loads the code in its first file's time.
 */
export async function runLimited<R>(
  pool: Pool,
  task: unknown,
  timeout: number,
  maxMemory: number,
  transferList?: ArrayBuffer[],
): Promise<{ result: R } | { failure: Failure }> {
  const stop = new AbortController();
  const timer = timeout > 0 ? setTimeout(() => stop.abort(), timeout * 1000) : undefined;
  try {
    return {
      result: (await pool.run(task, { signal: stop.signal, ...(transferList ? { transferList } : {}) })) as R,
    };
  } catch (error) {
    return {
      failure: stop.signal.aborted ? { timeout } : isOutOfMemory(error) ? { maxMemory } : { error },
    };
  } finally {
    clearTimeout(timer);
  }
}

/** The finding of a file whose worker failed: read/timeout, read/too-large (memory) or internal/exception. */
export function failureFinding(file: string, failure: Failure, lang: Lang): Diagnostic {
  return 'timeout' in failure
    ? inLang(finding('read/timeout', 'timeout', { file, seconds: failure.timeout }), lang)
    : 'maxMemory' in failure
      ? inLang(finding('read/too-large', 'memory', { file, limit: failure.maxMemory }), lang)
      : internalError(file, failure.error, lang);
}

/**
 * The finding that says a file was stopped by a limit of this run (read/timeout, read/too-large memory), if it was:
 * not a property of the file — a quieter machine or higher limits may read it — so such a file is not stored.
 */
export function stoppedBy(diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  return diagnostics.find(
    (d) => d.ruleId === 'read/timeout' || (d.ruleId === 'read/too-large' && d.messageId === 'memory'),
  );
}

/** Whether bytes are small text or report JSON (by their first bytes, as `read` tells kinds): read in process. */
export function readsQuickly(bytes: Uint8Array, max: number = IN_PROCESS_MAX_BYTES): boolean {
  if (bytes.byteLength > max) return false;
  const kind = detectKind(bytes.subarray(0, 4096));
  return kind === 'text' || kind === 'json';
}

/** Options of an Isolated reader. */
export interface IsolatedOptions extends Limits {
  /** Files read at once, each on its own worker thread (default 1). */
  threads?: number;
  /** Text and report JSON up to this many bytes are read in process (IN_PROCESS_MAX_BYTES; 0: none but empty ones). */
  inProcessMaxBytes?: number;
}

/**
 * Reads files' bytes (read + extract, pipeline.ts extractFile) on worker threads under the limits — small text and
 * report JSON in process, as a batch at one file at a time does. The pool is made at the first file that needs it
 * and ended by `close`. At most `threads` files are on the pool at once (the others wait here, their time not yet
 * counting); a file stopped by a limit, or whose worker died, gives no report and the finding naming it, and its
 * worker is replaced.
 */
export class Isolated {
  readonly timeout: number;
  readonly maxMemory: number;
  readonly threads: number;
  private readonly inProcessMaxBytes: number;
  private pool: Promise<Pool> | null = null;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private closed = false;

  constructor(options: IsolatedOptions = {}) {
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT;
    this.maxMemory = options.maxMemory ?? DEFAULT_MAX_MEMORY;
    this.threads = Math.max(1, options.threads ?? 1);
    this.inProcessMaxBytes = options.inProcessMaxBytes ?? IN_PROCESS_MAX_BYTES;
  }

  /** Read + extract of `bytes` (the caller's stay theirs: one copy is moved to the worker). Never rejects. */
  async extract(file: string, bytes: Uint8Array, options: { lang: Lang; ocr: boolean }): Promise<ReportFile> {
    if (this.timeout <= 0 || readsQuickly(bytes, this.inProcessMaxBytes))
      return extractFile(file, bytes, options);
    if (this.closed) throw new Error('the reader is closed');
    await this.slot();
    try {
      this.pool ??= newPool(this.threads, this.maxMemory);
      const pool = await this.pool;
      // One copy, moved (not cloned) to the worker: the caller still holds its bytes (to store them).
      const moved = new Uint8Array(bytes);
      const task: BytesTask = {
        task: 'extract-bytes',
        file,
        bytes: moved,
        lang: options.lang,
        ocr: options.ocr,
      };
      const done = await runLimited<ReportFile>(pool, task, this.timeout, this.maxMemory, [
        moved.buffer as ArrayBuffer,
      ]);
      if ('result' in done) return done.result;
      return { file, report: null, diagnostics: [failureFinding(file, done.failure, options.lang)] };
    } finally {
      this.release();
    }
  }

  /** Ends the pool's threads (a file being read on one is stopped). */
  async close(): Promise<void> {
    this.closed = true;
    const pool = this.pool;
    this.pool = null;
    if (pool) await (await pool).destroy();
  }

  private async slot(): Promise<void> {
    if (this.running < this.threads) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
