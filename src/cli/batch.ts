// Batches: directories expanded, files processed on worker threads in parallel, results kept in input order.
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { nameOf, rawOf, rememberRaw } from './paths.ts';
import { visible } from '../render/visible.ts';
import type { RuleSetting } from '../check.ts';
import type { CheckContext } from './check.ts';
import type { ReportFile } from '../model/file.ts';
import { internalError } from '../pipeline.ts';

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
 * output; in-process on two cores or fewer, where workers were measured slower (2,000 reports: 4.3 s in-process,
 * 5.9 s on two workers — each worker loads the code through tsx, and the main thread competes for a core).
 */
export const defaultJobs = (): number => {
  const cores = availableParallelism();
  return cores > 2 ? cores - 1 : 1;
};

/**
 * Runs `task` on every file, `jobs` at a time on worker threads (in-process when jobs ≤ 1 or for one file), and
 * yields the results in input order as soon as each and all before it are done.
 */
export async function* runTasks(
  tasks: readonly Task[],
  jobs: number,
  local: (t: Task) => Promise<ReportFile>,
): AsyncGenerator<ReportFile> {
  if (jobs <= 1 || tasks.length <= 1) {
    for (const t of tasks) yield await local(t);
    return;
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: new URL('./worker.mjs', import.meta.url).href,
    maxThreads: jobs,
    minThreads: Math.min(jobs, tasks.length),
  });
  try {
    // A bounded window of tasks in flight keeps memory flat on a batch of 100,000 files.
    const window = jobs * 4;
    const pending: Promise<ReportFile>[] = [];
    let next = 0;
    const start = () => {
      while (next < tasks.length && pending.length < window) {
        const t = tasks[next++]!;
        pending.push(
          (pool.run(withRaw(t)) as Promise<ReportFile>).catch((error: unknown) =>
            local({ ...t }).catch(() => failed(t, error)),
          ),
        );
      }
    };
    start();
    while (pending.length) {
      const result = await pending.shift()!;
      start();
      yield result;
    }
  } finally {
    await pool.destroy();
  }
}

function failed(t: Task, error: unknown): ReportFile {
  return { file: t.file, report: null, diagnostics: [internalError(t.file, error, t.lang)] };
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
