// The task a batch worker runs for one file: read + extract, and check when asked.
import type { Task } from './batch.ts';
import type { ReportFile } from '../model/file.ts';

/**
 * An extract result a worker serialised for JSON output: the entry in `json`, and of the report only whether there
 * is one (`true`), which is all the main thread reads of it.
 */
export interface SerializedResult extends Omit<ReportFile, 'report' | 'json'> {
  report: true | null;
  json: string;
}

/** Runs a task on one file; never throws (the pipeline turns every problem into a diagnostic). */
export async function runTask(t: Task): Promise<ReportFile | SerializedResult> {
  if (t.raw) {
    const [{ rememberRaw }, { resolve }] = await Promise.all([import('./paths.ts'), import('node:path')]);
    rememberRaw(resolve(t.cwd, t.file), t.raw);
  }
  if (t.task === 'extract') {
    const { extractEntry, processFile } = await import('./process.ts');
    const result = await processFile(t.file, { lang: t.lang, cwd: t.cwd, ocr: t.ocr ?? true });
    // A dataset row: the report checked here, on the worker, and only the counts sent back.
    if (t.dataset) return (await import('./dataset.ts')).withCounts(result, t.lang);
    if (!t.serialize) return result;
    // Only what the main thread needs besides the text: whether there is a report, and why not.
    return {
      file: result.file,
      report: result.report ? true : null,
      diagnostics: result.report ? [] : result.diagnostics,
      json: JSON.stringify(extractEntry(result)),
    };
  }
  const { checkPath } = await import('./check.ts');
  return checkPath(t.file, {
    lang: t.lang,
    cwd: t.cwd,
    ocr: t.ocr ?? true,
    ...(t.rules ? { rules: t.rules } : {}),
    ...(t.context ? { context: t.context } : {}),
  });
}
