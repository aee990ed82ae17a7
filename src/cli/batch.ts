// Batches: directories expanded, files processed on worker threads in parallel, results kept in input order.
import { open, readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { fsPath, nameOf, rawOf, rememberRaw } from './paths.ts';
import { detectKind } from '../read/detect.ts';
import { visible } from '../render/visible.ts';
import type { RuleSetting } from '../check.ts';
import type { CheckContext } from './check.ts';
import type { ReportFile } from '../model/file.ts';
import { checkUnreported } from '../check.ts';
import {
  DEFAULT_MAX_MEMORY,
  failureFinding,
  IN_PROCESS_MAX_BYTES,
  newPool,
  runLimited,
  type Failure,
  type Limits,
  type Pool,
} from '../isolate/pool.ts';

export { DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT, IN_PROCESS_MAX_BYTES } from '../isolate/pool.ts';

/** The batch worker thread: the CLI's tasks (worker-task.ts), on the pool of src/isolate. */
const WORKER = new URL('./worker.mjs', import.meta.url).href;

/** The files named by the arguments: files as given, directories walked recursively (sorted, hidden files skipped). */
export async function expandInputs(args: readonly string[], cwd: string = process.cwd()): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = (await stat(resolve(cwd, arg))).isDirectory();
    } catch {
      // Not there: kept, so that the file is named with its problem like any unreadable file.
    }
    if (isDir) out.push(...(await walk(arg, cwd)));
    else out.push(arg);
  }
  return out;
}

/**
 * The files below a folder, by name, its dot-files left out. Names are read as bytes: one that is not UTF-8 (GBK from
 * a Windows zip) is shown decoded and opened by its bytes (paths.ts), never lost as "does not exist".
 */
async function walk(dir: string, cwd: string, rawDir?: Buffer): Promise<string[]> {
  const absolute = rawDir ?? Buffer.from(resolve(cwd, dir));
  const entries = (await readdir(absolute, { withFileTypes: true, encoding: 'buffer' }))
    .map((e) => ({ e, ...nameOf(e.name) }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const out: string[] = [];
  for (const { e, name, gbk } of entries) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const raw = gbk || rawDir ? Buffer.concat([absolute, Buffer.from(sep), e.name]) : undefined;
    if (raw) rememberRaw(resolve(cwd, path), raw);
    if (e.isDirectory()) out.push(...(await walk(path, cwd, raw)));
    else if (e.isFile()) out.push(path);
  }
  return out;
}

/** What a worker does with one file. */
export interface Task {
  task: 'extract' | 'check';
  file: string;
  lang: 'zh' | 'en';
  cwd: string;
  rules?: Record<string, RuleSetting>;
  /** For check: last year's report, the publication date, an aggregate's members (check.ts CheckContext). */
  context?: CheckContext;
  /** Read scanned PDF pages by OCR (default true). */
  ocr?: boolean;
  /** Return the entry serialised as JSON (with the report reduced to a marker), for JSON output. */
  serialize?: boolean;
  /** Extract: check the report too and return its error and warning counts (dataset.ts), for a dataset. */
  dataset?: boolean;
  /** The bytes of the file's path when its name is not UTF-8 (paths.ts): a worker thread opens it by them. */
  raw?: Uint8Array;
}

/** A task with the bytes of its path, when the folder walk kept them, for a worker thread. */
function withRaw(t: Task): Task {
  const raw = rawOf(resolve(t.cwd, t.file));
  return raw ? { ...t, raw } : t;
}

/**
 * The default number of worker threads: one per core but one, the main thread reading results and writing the
 * output; one on two cores or fewer, where more workers were measured slower (2,000 reports: 4.3 s in-process,
 * 5.9 s on two workers — each worker loads the code through tsx, and the main thread competes for a core). Only the
 * rule is here, so that measurements on compiled code can change it in one place.
 */
export const defaultJobs = (cores: number = availableParallelism()): number => (cores > 2 ? cores - 1 : 1);

/** The limits of a batch's files (src/isolate/pool.ts Limits: --timeout, --max-memory). */
export type BatchLimits = Limits;

/**
 * Runs `task` on every file and yields the results in input order as soon as each and all before it are done.
 *
 * At jobs ≤ 1 (or for one file) files run one at a time: in-process through `local` when there is no time limit or
 * the file is small text (IN_PROCESS_MAX_BYTES), else on one worker thread, where the limit can stop synchronous
 * work. At jobs > 1 every file runs on a worker: at most `jobs` at once and at most jobs × 4 results waiting for the
 * file before them, so memory is bounded by the window, not the batch. A file over its time limit, one whose worker
 * runs out of memory, or one that ends its worker gets a finding naming it (read/timeout, read/too-large,
 * internal/exception); its worker is replaced and the batch goes on.
 */
export async function* runTasks(
  tasks: readonly Task[],
  jobs: number,
  local: (t: Task) => Promise<ReportFile>,
  limits: BatchLimits = {},
): AsyncGenerator<ReportFile> {
  const timeout = limits.timeout ?? 0;
  const maxMemory = limits.maxMemory ?? DEFAULT_MAX_MEMORY;
  if (jobs <= 1 || tasks.length <= 1) {
    let pool: Pool | undefined;
    try {
      for (const t of tasks)
        if (timeout <= 0 || (await readsQuickly(t))) yield await local(t);
        else yield await runOn((pool ??= await newPool(1, maxMemory, WORKER)), t, timeout, maxMemory);
    } finally {
      await pool?.destroy();
    }
    return;
  }
  const threads = Math.min(jobs, tasks.length);
  const pool = await newPool(threads, maxMemory, WORKER);
  const results = new Map<number, Promise<ReportFile>>();
  const window = threads * 4;
  let next = 0;
  let head = 0;
  let running = 0;
  // A file is handed to the pool only when a thread is free, so that its time is counted from its start.
  const fill = () => {
    while (running < threads && next < tasks.length && next - head < window) {
      running++;
      results.set(
        next,
        runOn(pool, tasks[next++]!, timeout, maxMemory).finally(() => {
          running--;
          fill();
        }),
      );
    }
  };
  try {
    for (; head < tasks.length; head++) {
      fill();
      const result = await results.get(head)!;
      results.delete(head);
      yield result;
    }
  } finally {
    await pool.destroy();
  }
}

/**
 * One file on a worker of the pool, stopped after `timeout` seconds (0: never); never rejects. The time counts from
 * the hand-off to the pool: a worker that replaces a stopped one loads the code in its first file's time.
 */
async function runOn(pool: Pool, t: Task, timeout: number, maxMemory: number): Promise<ReportFile> {
  const done = await runLimited<ReportFile>(pool, withRaw(t), timeout, maxMemory);
  return 'result' in done ? done.result : workerFailed(t, done.failure);
}

/**
 * Whether a file is small text or report JSON (by its first bytes, as `read` tells kinds), read in-process at jobs 1;
 * one that is not there is too (it is named with read/unreadable at once).
 */
async function readsQuickly(t: Task): Promise<boolean> {
  const path = fsPath(resolve(t.cwd, t.file));
  let info;
  try {
    info = await stat(path);
  } catch {
    return true;
  }
  if (!info.isFile() || info.size > IN_PROCESS_MAX_BYTES) return false;
  try {
    const handle = await open(path, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
      const kind = detectKind(buffer.subarray(0, bytesRead));
      return kind === 'text' || kind === 'json';
    } finally {
      await handle.close();
    }
  } catch {
    return true;
  }
}

/**
 * The result of a file whose worker failed: no report, the finding saying why — for `check`, with the rule settings
 * and wording applied as to any file without a report.
 */
export function workerFailed(t: Task, failure: Failure): ReportFile {
  const d = failureFinding(t.file, failure, t.lang);
  const diagnostics =
    t.task === 'check' ? checkUnreported([d], { lang: t.lang, ...(t.rules ? { rules: t.rules } : {}) }) : [d];
  return { file: t.file, report: null, diagnostics };
}

/**
 * Progress on stderr: a bar redrawn in place, on a terminal only (a log or a CI job gets the findings and the
 * summary, not 20 progress lines); nothing below 20 files.
 */
export function progress(
  total: number,
  write: (s: string) => void,
  tty: boolean,
): { tick(file: string): void; done(): void } {
  let n = 0;
  if (total < 20 || !tty) return { tick() {}, done() {} };
  return {
    tick(file: string) {
      n++;
      const width = 30;
      const filled = Math.round((n / total) * width);
      write(
        `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${n}/${total} ${visible(file).slice(-40).padEnd(40)}`,
      );
    },
    done() {
      write('\r' + ' '.repeat(80) + '\r');
    },
  };
}
