// Uploads in the background: each batch's files read, checked and stored one at a time, in order, through
// importReport; a file that gives no report is stored nowhere. Each file is read on a worker thread under the
// server's time and memory limits (src/isolate), so that one that never ends leaves the server answering.
// Listeners (the events stream) hear each file.
import { randomUUID } from 'node:crypto';
import { importReport } from '../library.ts';
import type { Diagnostic, Lang } from '../model/diagnostic.ts';
import type { Report } from '../model/report.ts';
import { Isolated } from '../isolate/pool.ts';
import { checkFile } from '../pipeline.ts';
import type { Store } from '../store/index.ts';
import type { ErrorCode } from './errors.ts';
import { countsOf, withIds, type ApiDiagnostic } from './findings.ts';
import type { UploadItem } from './uploads.ts';

/** What became of one file of a batch. */
export interface FileResult {
  /** Its place in the batch, from 0. */
  index: number;
  file: string;
  /**
   * `queued`, `reading` until done; then `imported`, `new-version`, `unchanged` (these bytes were stored before),
   * `unreadable` (no report: nothing stored), `refused` (too big, a zip bomb: not read), `failed` (a bug).
   */
  status:
    'queued' | 'reading' | 'imported' | 'new-version' | 'unchanged' | 'unreadable' | 'refused' | 'failed';
  reportId: number | null;
  counts: { errors: number; warnings: number };
  diagnostics: ApiDiagnostic[];
  /** Why a file was refused or unreadable, naming it. */
  error?: { code: ErrorCode; message: string };
}

/** A batch: its files' results in upload order, and whether all are done. */
export interface Batch {
  id: string;
  createdAt: string;
  files: FileResult[];
  done: boolean;
}

type Listener = (event: { type: 'file'; file: FileResult } | { type: 'done'; batch: Batch }) => void;

/** Options of the batches' processing. */
export interface BatchOptions {
  lang: Lang;
  /** Read scanned PDF pages by OCR. */
  ocr: boolean;
  /** Batches kept in memory (the oldest finished ones are forgotten). */
  keep?: number;
}

/** Who started a batch, and which reports they may store (the login mode's scope). */
export interface BatchScope {
  /** The user who started it (only they and admins see it). */
  owner?: string;
  /** Why a file's report may not be stored (it is then refused, naming the file), or null when it may. */
  accept?: (report: Report, file: string) => Promise<string | null>;
}

/** The batches of a server and the one queue that works through them. */
export class Batches {
  private readonly batches = new Map<string, Batch>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly owners = new Map<string, string>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly options: BatchOptions,
    /** Reads each file's bytes under the time and memory limits (src/isolate); without one, in process. */
    private readonly reader: Isolated = new Isolated({ timeout: 0 }),
  ) {}

  /** Starts a batch of uploaded items (refused ones are done at once) and returns it. */
  start(items: readonly UploadItem[], region: string | null, scope: BatchScope = {}): Batch {
    const batch: Batch = {
      id: randomUUID(),
      createdAt: new Date().toISOString(),
      done: false,
      files: items.map((item, index) =>
        'refused' in item
          ? {
              index,
              file: item.refused.name,
              status: 'refused',
              reportId: null,
              counts: { errors: 0, warnings: 0 },
              diagnostics: [],
              error: { code: item.refused.code, message: item.refused.message },
            }
          : {
              index,
              file: item.file.name,
              status: 'queued',
              reportId: null,
              counts: { errors: 0, warnings: 0 },
              diagnostics: [],
            },
      ),
    };
    this.batches.set(batch.id, batch);
    if (scope.owner !== undefined) this.owners.set(batch.id, scope.owner);
    this.forgetOld();
    const work = async () => {
      // A refused file is done from the start: a listener, which can only come after start(), sees it there.
      for (const [i, item] of items.entries()) {
        if ('refused' in item) continue;
        batch.files[i]!.status = 'reading';
        batch.files[i] = await this.process(i, item.file.name, item.file.bytes, region, scope.accept);
        this.emit(batch, { type: 'file', file: batch.files[i]! });
      }
      batch.done = true;
      this.emit(batch, { type: 'done', batch });
      this.listeners.delete(batch.id);
    };
    this.queue = this.queue.then(work, work);
    return batch;
  }

  /** A batch by id, or undefined. */
  get(id: string): Batch | undefined {
    return this.batches.get(id);
  }

  /** Who started a batch (the login mode), or undefined. */
  owner(id: string): string | undefined {
    return this.owners.get(id);
  }

  /** Calls `listener` on each file finished from now on and when the batch is done; returns the unsubscribe. */
  listen(id: string, listener: Listener): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Resolves once every batch started so far is done. */
  async idle(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.queue;
      await current;
    } while (current !== this.queue);
  }

  private emit(batch: Batch, event: Parameters<Listener>[0]): void {
    for (const l of this.listeners.get(batch.id) ?? []) l(event);
  }

  private forgetOld(): void {
    const keep = this.options.keep ?? 200;
    for (const [id, b] of this.batches) {
      if (this.batches.size <= keep) break;
      if (b.done) {
        this.batches.delete(id);
        this.owners.delete(id);
      }
    }
  }

  private async process(
    index: number,
    file: string,
    bytes: Uint8Array,
    region: string | null,
    accept?: BatchScope['accept'],
  ): Promise<FileResult> {
    const { lang } = this.options;
    const base = { index, file, reportId: null, counts: { errors: 0, warnings: 0 }, diagnostics: [] };
    try {
      // On a worker thread under the limits (small text in process): a file that never ends stops only itself.
      const extracted = await this.reader.extract(file, bytes, { lang, ocr: this.options.ocr });
      if (!extracted.report) {
        // Nothing read: said why, and nothing stored (the library keeps reports, not files it cannot read) — a file
        // stopped by a limit too (read/timeout, read/too-large memory), which is read again when uploaded again.
        const diagnostics = checkFile(extracted, { lang }).diagnostics;
        return {
          ...base,
          status: 'unreadable',
          counts: countsOf(diagnostics),
          diagnostics: withIds(diagnostics),
          error: unreadable(file, diagnostics),
        };
      }
      const refusal = accept ? await accept(extracted.report, file) : null;
      if (refusal) return { ...base, status: 'refused', error: { code: 'forbidden', message: refusal } };
      const result = await importReport(this.store, bytes, {
        fileName: file,
        region,
        check: { lang },
        extracted,
      });
      const diagnostics = result.reportId === null ? [] : await this.store.diagnostics(result.reportId);
      return {
        ...base,
        status: result.status === 'unreadable' ? 'unreadable' : result.status,
        reportId: result.reportId,
        counts: countsOf(diagnostics),
        diagnostics: withIds(
          diagnostics,
          result.reportId === null ? [] : await this.store.verdicts(result.reportId),
        ),
      };
    } catch (e) {
      return {
        ...base,
        status: 'failed',
        error: {
          code: 'internal',
          message: `${file}: could not be stored (${e instanceof Error ? e.message : String(e)})`,
        },
      };
    }
  }
}

/** The error of a file that gave no report: the first error finding's message, naming the file. */
export function unreadable(
  file: string,
  diagnostics: readonly Diagnostic[],
): { code: ErrorCode; message: string } {
  const d = diagnostics.find((x) => x.severity === 'error') ?? diagnostics[0];
  const why = d?.message ?? 'no report could be read';
  const code: ErrorCode =
    d && (d.ruleId === 'read/binary' || d.ruleId === 'read/unsupported') ? 'unsupported' : 'unreadable';
  return { code, message: why.includes(file) ? why : `${file}: ${why}` };
}
