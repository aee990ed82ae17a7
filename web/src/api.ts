// The API client: every request to nianbao's server, typed by the server's own zod schemas (type-only imports:
// nothing of the server is bundled). State-changing requests carry the CSRF header the server demands.
import type { z } from 'zod';
import type {
  BatchSchema,
  CheckedSchema,
  EditSchema,
  FileResultSchema,
  ListedSchema,
  ReportDetailSchema,
} from '../../src/server/schemas.ts';

export type Listed = z.infer<typeof ListedSchema>;
export type ReportDetail = z.infer<typeof ReportDetailSchema>;
export type ApiDiagnostic = ReportDetail['diagnostics'][number];
export type Batch = z.infer<typeof BatchSchema>;
export type FileResult = z.infer<typeof FileResultSchema>;
export type Edit = z.infer<typeof EditSchema>;
export type Checked = z.infer<typeof CheckedSchema>;

/** A page of GET /api/reports. */
export interface ReportPage {
  items: Listed[];
  total: number;
  page: number;
  pageSize: number;
}

/** An agency of GET /api/agencies. */
export interface AgencyStatus {
  id: number;
  name: string;
  region: string;
  level: string | null;
  kind: string | null;
  status: 'reported' | 'missing' | 'no-reports';
  reportId: number | null;
  errors: number;
  years: number[];
}

export interface AgenciesAnswer {
  year: number | null;
  region: string | null;
  counts: { reported: number; missing: number; noReports: number };
  agencies: AgencyStatus[];
}

/** An answer that is not 2xx: the server's `{ error: { code, message } }`. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The header every POST, PATCH and DELETE must carry (the server's CSRF check). */
export const CSRF = { 'X-Nianbao': '1' } as const;

async function failure(response: Response): Promise<ApiFailure> {
  let code = 'http';
  let message = `${response.status} ${response.statusText}`;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message) message = body.error.message;
    if (body.error?.code) code = body.error.code;
  } catch {
    // not JSON: keep the status line
  }
  return new ApiFailure(response.status, code, message);
}

/** GET (or another method with a JSON body) → the parsed JSON answer; a non-2xx answer throws ApiFailure. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (method !== 'GET') Object.assign(headers, CSRF);
  if (init.body instanceof FormData) body = init.body;
  else if (init.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  const response = await fetch(`/api${path}`, { method, headers, body, credentials: 'same-origin' });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

/** A query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
