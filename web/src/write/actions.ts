// The Write page's requests: the template with last year's carry-over, a report's export in the official layout,
// the server's check, and saving the report into the library (uploaded as a report JSON file).
import type { Report } from '../../../src/model/report.ts';
import type { TemplateSchema } from '../../../src/server/routes/write.ts';
import type { z } from 'zod';
import { api, ApiFailure, CSRF, query, type Batch, type Checked, type FileResult } from '../api.ts';

export type Template = z.infer<typeof TemplateSchema>;

/** GET /api/template: a blank report of the year's format, last year's 结转 carried from the library. */
export function fetchTemplate(agency: string, year: number, region: string | null): Promise<Template> {
  return api<Template>(`/template${query({ agency, year, region })}`);
}

/** The export formats offered. */
export const EXPORTS = ['docx', 'pdf', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORTS)[number];

/** POST /api/render?to=…: the report written out by the server's renderers; a non-2xx answer throws ApiFailure. */
export async function renderTo(report: Report, to: ExportFormat): Promise<Blob> {
  const response = await fetch(`/api/render?to=${to}`, {
    method: 'POST',
    headers: { ...CSRF, 'Content-Type': 'application/json' },
    body: JSON.stringify(report),
    credentials: 'same-origin',
  });
  if (!response.ok) {
    let code = 'http';
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = (await response.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch {
      // not JSON: the status line
    }
    throw new ApiFailure(response.status, code, message);
  }
  return response.blob();
}

/** The file name of an export or a saved draft: the agency and year, as `nianbao new` names its template. */
export function fileName(report: Report, ext: string): string {
  const stem = `${report.agency ?? '政府信息公开工作年度报告'}${report.year !== null ? `-${report.year}` : ''}`;
  return `${stem.replace(/[\\/:*?"<>|]/g, '_')}.${ext}`;
}

/** Offers a blob as a download. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** POST /api/check with the report's JSON: the server's own check, nothing stored. */
export function checkOnServer(report: Report): Promise<Checked> {
  return api<Checked>('/check', { method: 'POST', body: report });
}

/**
 * Saves the report into the library: POST /api/files with its JSON as a file (read as any .json report), then
 * GET /api/batches/:id until it is done; the file's result.
 */
export async function saveToLibrary(report: Report, region: string | null): Promise<FileResult> {
  const form = new FormData();
  form.append(
    'file',
    new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' }),
    fileName(report, 'json'),
  );
  const { batchId } = await api<{ batchId: string }>(`/files${query({ region })}`, {
    method: 'POST',
    body: form,
  });
  let batch = await api<Batch>(`/batches/${batchId}`);
  for (let wait = 100; !batch.done; wait = Math.min(wait * 2, 1000)) {
    await new Promise((r) => setTimeout(r, wait));
    batch = await api<Batch>(`/batches/${batchId}`);
  }
  return batch.files[0]!;
}
