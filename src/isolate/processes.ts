// A pool of reading processes: piscina's surface (run with an abort signal, destroy), each task on a child process
// of its own that is killed outright when the task is stopped. A worker thread cannot always be stopped: V8 ends it
// only between JavaScript steps, and pdf.js can sit for tens of seconds in native code (Array#indexOf over a sparse
// array of 2^31 elements, from a damaged Type 1 font: ../shared and fuzz seed 1, case 3484). Such a thread went on
// after its file's time limit, and the command could not exit until it ended. A native crash (a segmentation fault)
// in a thread ends the whole process, and with it the batch. A child process takes only its own file with it in
// both cases.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What the pools of pool.ts offer: a task run with an abort signal, and an end. */
export interface TaskPool {
  run(task: unknown, options?: { signal?: AbortSignal; transferList?: ArrayBuffer[] }): Promise<unknown>;
  destroy(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./child.mjs', import.meta.url));

/** The end of a child's standard error kept, to tell why it died (V8's "heap out of memory"). */
const STDERR_KEPT = 4096;

interface Child {
  readonly process: ChildProcess;
  stderr: string;
}

/** The error of a task whose process died: V8's heap limit (told as a worker thread's is), or the exit. */
function died(child: Child, code: number | null, signal: NodeJS.Signals | null): Error {
  if (/heap out of memory|Reached heap limit/i.test(child.stderr))
    return Object.assign(new Error('the reading process ran out of memory'), {
      code: 'ERR_WORKER_OUT_OF_MEMORY',
    });
  return new Error(`the reading process ended (${signal ?? `exit ${code}`})`);
}

/**
 * Child processes, each running `worker` (a module URL whose default export takes a task, as piscina's workers do)
 * with a V8 heap of `maxMemory` MB. Processes are started when a task needs one and kept for the next task; the
 * callers hand over at most as many tasks at once as the pool should run (pool.ts).
 */
export class ProcessPool implements TaskPool {
  private readonly idle: Child[] = [];
  private readonly all = new Set<Child>();
  private seq = 0;

  constructor(
    private readonly worker: string,
    private readonly maxMemory: number,
  ) {}

  run(task: unknown, options: { signal?: AbortSignal } = {}): Promise<unknown> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const child = this.idle.pop() ?? this.spawn();
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      const settle = () => {
        child.process.off('message', onMessage);
        child.process.off('exit', onExit);
        signal?.removeEventListener('abort', onAbort);
      };
      const onMessage = (m: { id?: number; result?: unknown; error?: { name: string; message: string } }) => {
        if (m.id !== id) return;
        settle();
        this.idle.push(child);
        if (m.error) reject(Object.assign(new Error(m.error.message), { name: m.error.name }));
        else resolve(m.result);
      };
      const onExit = (code: number | null, sig: NodeJS.Signals | null) => {
        settle();
        this.all.delete(child);
        reject(died(child, code, sig));
      };
      const onAbort = () => {
        settle();
        this.kill(child);
        reject(signal!.reason);
      };
      child.process.on('message', onMessage);
      child.process.once('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      child.process.send({ id, task });
    });
  }

  /** Kills every process, idle or busy (a file being read is stopped). */
  async destroy(): Promise<void> {
    const ending = [...this.all].map(
      (c) =>
        new Promise<void>((resolve) =>
          c.process.exitCode !== null ? resolve() : c.process.once('exit', () => resolve()),
        ),
    );
    for (const c of this.all) this.kill(c);
    this.idle.length = 0;
    await Promise.all(ending);
  }

  private spawn(): Child {
    const proc = fork(CHILD, [this.worker], {
      // Structured clone, as between threads: the tasks' bytes and the results' objects as they are.
      serialization: 'advanced',
      execArgv: [`--max-old-space-size=${this.maxMemory}`],
      // The child's output is not the command's: standard output is dropped, standard error kept to tell a death.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const child: Child = { process: proc, stderr: '' };
    proc.stderr?.on(
      'data',
      (d: Buffer) => (child.stderr = (child.stderr + d.toString()).slice(-STDERR_KEPT)),
    );
    // A child that cannot be started, or whose channel breaks, is told through its exit.
    proc.on('error', () => {});
    proc.once('exit', () => {
      this.all.delete(child);
      const i = this.idle.indexOf(child);
      if (i >= 0) this.idle.splice(i, 1);
    });
    this.all.add(child);
    return child;
  }

  private kill(child: Child): void {
    this.all.delete(child);
    const i = this.idle.indexOf(child);
    if (i >= 0) this.idle.splice(i, 1);
    if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
  }
}
