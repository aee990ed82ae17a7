// A stored report: its contract JSON with findings, provenance, versions and file; its source bytes; edits as new
// versions (editReport), the audit trail, reviewers' verdicts on findings, and every export (renderReport).
import { z } from 'zod';
import { editReport } from '../../library.ts';
import type { OutputFormat } from '../../render/report/index.ts';
import { renderJson } from '../../render/report/json.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { Store, StoredReport } from '../../store/index.ts';
import type { Api, RouteContext } from '../app.ts';
import { requireRole, scopedFilter, visible, who } from '../auth.ts';
import { ApiError } from '../errors.ts';
import { findingIds, withIds } from '../findings.ts';
import { attachment, sendExport, sourceContentType } from '../http.ts';
import {
  CsrfHeaders,
  ApiDiagnosticSchema,
  EditBody,
  EditSchema,
  ERRORS,
  ErrorSchema,
  ExportQuery,
  IdParams,
  ListedSchema,
  ListQuery,
  ReportDetailSchema,
  VerdictBody,
} from '../schemas.ts';

async function stored(store: Store, id: number): Promise<StoredReport> {
  const r = await store.report(id);
  if (!r) throw new ApiError(404, 'not-found', `no report ${id}`);
  return r;
}

/** The versions of a report: its agency's versions for the same year (itself alone without an agency). */
async function versionsOf(store: Store, r: StoredReport): Promise<{ id: number }[]> {
  if (!r.agency) return [r];
  return store.versions(r.agency.id, r.year);
}

/** What never changes in a report version: its report, findings and file (a change is a new version). */
interface VersionBody {
  id: number;
  agency: { id: number; name: string; region: string | null } | null;
  year: number | null;
  version: number;
  origin: 'file' | 'edit';
  scope: StoredReport['scope'];
  report: StoredReport['report'];
  provenance: Record<string, unknown>;
  diagnostics: Diagnostic[];
  file: { name: string; kind: string; sha256: string; size: number };
}

/**
 * The versions read lately, by id: a version's report, findings and file never change, so a second look needs
 * only what does (which version is current, the verdicts). Reports without an agency are not kept.
 */
export class VersionCache {
  private readonly map = new Map<number, VersionBody>();
  constructor(private readonly size = 500) {}

  get(id: number): VersionBody | undefined {
    const hit = this.map.get(id);
    if (hit) {
      this.map.delete(id);
      this.map.set(id, hit);
    }
    return hit;
  }

  set(body: VersionBody): void {
    if (!body.agency) return;
    this.map.set(body.id, body);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value!);
  }
}

async function versionBody(store: Store, r: StoredReport): Promise<VersionBody> {
  const [diagnostics, file] = await Promise.all([
    store.diagnostics(r.id),
    store.sourceFileInfo(r.sourceFileId),
  ]);
  return {
    id: r.id,
    agency: r.agency ? { id: r.agency.id, name: r.agency.name, region: r.agency.regionPath || null } : null,
    year: r.year,
    version: r.version,
    origin: r.origin,
    scope: r.scope,
    report: JSON.parse(renderJson(r.report)) as StoredReport['report'],
    provenance: r.report.provenance ?? {},
    diagnostics,
    file: {
      name: file?.fileName ?? r.fileName,
      kind: file?.kind ?? '',
      sha256: file?.sha256 ?? '',
      size: file?.size ?? 0,
    },
  };
}

/** GET /api/reports/:id's answer, from the cache when the version was read before. */
export async function reportDetail(store: Store, id: number, cache?: VersionCache) {
  let body = cache?.get(id);
  if (!body) {
    const r = await store.report(id);
    if (!r) throw new ApiError(404, 'not-found', `no report ${id}`);
    body = await versionBody(store, r);
    cache?.set(body);
  }
  const [verdicts, versions] = await Promise.all([
    store.verdicts(id),
    body.agency ? store.versions(body.agency.id, body.year) : store.report(id).then((r) => (r ? [r] : [])),
  ]);
  return {
    id: body.id,
    agency: body.agency,
    version: body.version,
    origin: body.origin,
    scope: body.scope,
    report: body.report,
    provenance: body.provenance,
    file: body.file,
    isCurrent: versions.find((v) => v.id === id)?.isCurrent ?? false,
    diagnostics: withIds(body.diagnostics, verdicts),
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      isCurrent: v.isCurrent,
      origin: v.origin,
      createdAt: v.createdAt.toISOString(),
      errors: v.errors,
      warnings: v.warnings,
    })),
  };
}

/** The report routes. */
export function reportRoutes(app: Api, { store, lang }: RouteContext): void {
  const cache = new VersionCache();
  app.get(
    '/api/reports',
    {
      schema: {
        summary: 'The current reports, filtered and paged',
        querystring: ListQuery,
        response: {
          200: z.object({
            items: z.array(ListedSchema),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
          ...ERRORS,
        },
      },
    },
    async (request) => {
      const { page, pageSize, ...asked } = request.query;
      const filter = scopedFilter(request, asked);
      if (!filter) return { items: [], total: 0, page, pageSize };
      const { items, total } = await store.listReports({ ...filter, page, pageSize });
      return {
        items: items.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })),
        total,
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/api/reports/:id',
    {
      schema: {
        summary: 'A report version: the contract JSON, its findings, provenance, versions and file',
        params: IdParams,
        response: { 200: ReportDetailSchema, ...ERRORS },
      },
    },
    async (request) => visible(request, await reportDetail(store, request.params.id, cache)),
  );

  app.get(
    '/api/reports/:id/source',
    {
      schema: {
        summary: 'The original bytes as uploaded (text, HTML and JSON as text/plain), as an attachment',
        params: IdParams,
        response: { 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const r = visible(request, await stored(store, request.params.id));
      const file = await store.sourceFile(r.sourceFileId);
      if (!file) throw new ApiError(404, 'not-found', `report ${r.id} has no source file`);
      return reply
        .header('content-type', sourceContentType(file.kind, file.bytes))
        .header('content-disposition', attachment(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) as never);
    },
  );

  app.patch(
    '/api/reports/:id',
    {
      schema: {
        summary: 'Change a figure: a new current version, checked again; the edited version is kept',
        params: IdParams,
        body: EditBody,
        headers: CsrfHeaders,
        response: { 200: ReportDetailSchema, 409: ErrorSchema, ...ERRORS },
      },
    },
    async (request) => {
      const { path, value, reason, by } = request.body;
      visible(request, await stored(store, request.params.id));
      const id = await editReport(store, request.params.id, [{ path, value }], {
        by: who(request, by ?? 'web'),
        why: reason,
        check: { lang },
      });
      return reportDetail(store, id, cache);
    },
  );

  app.get(
    '/api/reports/:id/audit',
    {
      schema: {
        summary: "Every edit of the report's versions (its agency and year): who, when, old, new, why",
        params: IdParams,
        response: { 200: z.object({ edits: z.array(EditSchema) }), ...ERRORS },
      },
    },
    async (request) => {
      const r = visible(request, await stored(store, request.params.id));
      if (!r.agency) return { edits: [] };
      const ids = new Set((await versionsOf(store, r)).map((v) => v.id));
      const edits = (await store.edits(r.agency.id)).filter((e) => ids.has(e.reportId));
      return { edits: edits.map((e) => ({ ...e, at: e.at.toISOString() })) };
    },
  );

  app.post(
    '/api/reports/:id/findings/:fid',
    {
      schema: {
        summary:
          "A reviewer's verdict on a finding (its id in GET /api/reports/:id): confirmed, dismissed or open",
        params: IdParams.extend({ fid: z.string().min(1).max(100) }),
        body: VerdictBody,
        headers: CsrfHeaders,
        response: { 200: ApiDiagnosticSchema, ...ERRORS },
      },
    },
    async (request) => {
      const r = visible(request, await stored(store, request.params.id));
      requireRole(request, 'a verdict on a finding', 'admin', 'reviewer');
      const diagnostics = await store.diagnostics(r.id);
      const index = findingIds(diagnostics).indexOf(request.params.fid);
      if (index < 0)
        throw new ApiError(404, 'not-found', `report ${r.id} has no finding ${request.params.fid}`);
      await store.setVerdict({
        reportId: r.id,
        findingId: request.params.fid,
        status: request.body.status,
        note: request.body.note,
        by: who(request, request.body.by ?? 'web'),
      });
      return withIds(diagnostics, await store.verdicts(r.id))[index]!;
    },
  );

  app.get(
    '/api/reports/:id/export',
    {
      schema: {
        summary:
          'The report written out: docx, pdf, html, xlsx, csv, json or md (PDF needs Chromium: 503 without)',
        params: IdParams,
        querystring: ExportQuery,
        response: { 503: ErrorSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const r = visible(request, await stored(store, request.params.id));
      const to = request.query.to as OutputFormat;
      const file = to === 'csv' ? await store.sourceFileInfo(r.sourceFileId) : null;
      const name = `${r.agency?.name ?? r.report.agency ?? 'report'}-${r.year ?? ''}-v${r.version}.${to}`;
      return sendExport(
        reply,
        r.report,
        to,
        name,
        file ? { origin: { file: file.fileName, sha256: file.sha256 } } : {},
      );
    },
  );
}
