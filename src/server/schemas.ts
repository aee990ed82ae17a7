// The API's zod schemas: requests validated by them, answers serialised through them, the OpenAPI document made
// from them. The report and its findings are the model's own schemas (src/model).
import { z } from 'zod';
import { Diagnostic, ReportSchema } from '../model/schemas.ts';
import { OUTPUT_FORMATS } from '../render/report/index.ts';

/** `{ error: { code, message } }`. */
export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .describe('An error: a stable code and a message naming the file when there is one');

/** The answers of errors, by status, for a route's schema. */
export const ERRORS = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  500: ErrorSchema,
} as const;

/** A diagnostic with its finding id and verdict. */
export const ApiDiagnosticSchema = Diagnostic.extend({
  id: z.string().describe('the finding id within its report version (stable across re-checks)'),
  verdict: z
    .object({
      status: z.enum(['confirmed', 'dismissed', 'open']),
      note: z.string(),
      by: z.string(),
      at: z.string(),
    })
    .optional(),
});

const Counts = z.object({ errors: z.number().int(), warnings: z.number().int() });

/** One file of a batch. */
export const FileResultSchema = z.object({
  index: z.number().int(),
  file: z.string(),
  status: z.enum([
    'queued',
    'reading',
    'imported',
    'new-version',
    'unchanged',
    'unreadable',
    'refused',
    'failed',
  ]),
  reportId: z.number().int().nullable(),
  counts: Counts,
  diagnostics: z.array(ApiDiagnosticSchema),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

/** A batch of uploaded files. */
export const BatchSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  files: z.array(FileResultSchema),
  done: z.boolean(),
});

/** A year in a query string. */
export const Year = z.coerce.number().int().min(2008).max(2100);

/** A report id in a path. */
export const IdParams = z.object({ id: z.coerce.number().int().positive() });

/** The query of GET /api/reports. */
export const ListQuery = z.object({
  year: Year.optional(),
  agency: z.string().max(200).optional(),
  region: z.string().max(200).optional(),
  status: z.enum(['errors', 'warnings', 'clean']).optional(),
  kind: z.enum(['text', 'html', 'docx', 'doc', 'pdf', 'xlsx', 'json']).optional(),
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

/** A report as listed. */
export const ListedSchema = z.object({
  id: z.number().int(),
  agency: z.string().nullable(),
  region: z.string().nullable(),
  year: z.number().int().nullable(),
  formatVersion: z.string(),
  version: z.number().int(),
  origin: z.enum(['file', 'edit']),
  fileName: z.string(),
  kind: z.string(),
  errors: z.number().int(),
  warnings: z.number().int(),
  createdAt: z.string(),
});

/** A version of a report, as listed beside it. */
export const VersionSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  isCurrent: z.boolean(),
  origin: z.enum(['file', 'edit']),
  createdAt: z.string(),
  errors: z.number().int(),
  warnings: z.number().int(),
});

/** GET /api/reports/:id. */
export const ReportDetailSchema = z.object({
  id: z.number().int(),
  agency: z.object({ id: z.number().int(), name: z.string(), region: z.string().nullable() }).nullable(),
  version: z.number().int(),
  isCurrent: z.boolean(),
  origin: z.enum(['file', 'edit']),
  scope: z
    .object({ scope: z.string(), basis: z.string(), evidence: z.string().nullable().optional() })
    .nullable(),
  report: ReportSchema.describe('the report as the contract of report-json.md (nianbao render --to json)'),
  diagnostics: z.array(ApiDiagnosticSchema),
  provenance: z.record(z.string(), z.unknown()).describe('where each figure was read, by dotted model path'),
  versions: z.array(VersionSchema),
  file: z.object({ name: z.string(), kind: z.string(), sha256: z.string(), size: z.number().int() }),
});

/** PATCH /api/reports/:id. */
export const EditBody = z.object({
  path: z.string().min(1).max(200).describe('the dotted model path of a cell, e.g. requests.granted.total'),
  value: z.number().finite().nonnegative().nullable().describe('the new figure; null for a blank'),
  reason: z.string().trim().min(1).max(2000),
  by: z.string().trim().min(1).max(200).optional().describe('who makes the change (default: web)'),
});

/** One edit of the audit trail. */
export const EditSchema = z.object({
  id: z.number().int(),
  reportId: z.number().int(),
  previousReportId: z.number().int(),
  path: z.string(),
  oldValue: z.number().nullable(),
  newValue: z.number().nullable(),
  at: z.string(),
  by: z.string(),
  why: z.string(),
});

/** POST /api/reports/:id/findings/:fid. */
export const VerdictBody = z.object({
  status: z.enum(['confirmed', 'dismissed', 'open']),
  note: z.string().max(2000).default(''),
  by: z.string().trim().min(1).max(200).optional(),
});

/** GET /api/reports/:id/export. */
export const ExportQuery = z.object({ to: z.enum(OUTPUT_FORMATS as [string, ...string[]]) });

/** What POST /api/check answers. */
export const CheckedSchema = z.object({
  file: z.string(),
  kind: z.string().nullable(),
  report: ReportSchema.nullable(),
  counts: Counts,
  diagnostics: z.array(ApiDiagnosticSchema),
});

/** The CSRF header of every state-changing request (checked before validation: 403 without it). */
export const CsrfHeaders = z.object({
  'x-nianbao': z.literal('1').describe('CSRF protection: must be 1 on every POST, PATCH and DELETE'),
});
