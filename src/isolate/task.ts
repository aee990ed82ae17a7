// The task of a worker thread of src/isolate: read + extract of a file's bytes (pipeline.ts extractFile), moved to
// the thread by the pool (pool.ts Isolated), the result cloned back.
import type { Lang } from '../model/diagnostic.ts';
import type { ReportFile } from '../model/file.ts';
import { extractFile } from '../pipeline.ts';

/** Read + extract of bytes already in memory (an upload, a queued job's file). */
export interface BytesTask {
  task: 'extract-bytes';
  /** The file's name, named in its findings. */
  file: string;
  bytes: Uint8Array;
  lang: Lang;
  /** Read scanned PDF pages by OCR. */
  ocr: boolean;
}

/** Runs a task; never throws (the pipeline turns every problem into a diagnostic). */
export async function runTask(t: BytesTask): Promise<ReportFile> {
  if (t.task !== 'extract-bytes') throw new Error(`unknown task ${String((t as { task?: unknown }).task)}`);
  return extractFile(t.file, t.bytes, { lang: t.lang, ocr: t.ocr });
}
