// Authors' routes (the Write page): GET /api/template — a blank report of the format in force for a year with last
// year's 结转 carried from the library (the same newReport as `nianbao new --previous`); POST /api/render — a
// report's JSON, as typed in the browser, written out in the official layout (the same renderReport as exports).
import { z } from 'zod';
import { versionForYear } from '../../model/formats/index.ts';
import type { Report } from '../../model/report.ts';
import { ReportSchema } from '../../model/schemas.ts';
import type { OutputFormat } from '../../render/report/index.ts';
import { newReport } from '../../render/report/template.ts';
import type { StoredReport } from '../../store/index.ts';
import type { Api, RouteContext } from '../app.ts';
import { ApiError } from '../errors.ts';
import { sendExport } from '../http.ts';
import { CsrfHeaders, ERRORS, ErrorSchema, ExportQuery, Year } from '../schemas.ts';

/** GET /api/template's query. */
export const TemplateQuery = z.object({
  agency: z.string().trim().min(1).max(200),
  year: Year,
  region: z.string().trim().max(200).optional(),
});

/** What GET /api/template answers. */
export const TemplateSchema = z.object({
  report: ReportSchema,
  /** The dotted model paths filled from last year's report. */
  carried: z.array(z.string()),
  /** The report carried from: last year's current report of the agency in the library, or null. */
  previous: z
    .object({
      id: z.number().int(),
      agency: z.string(),
      region: z.string().nullable(),
      year: z.number().int().nullable(),
    })
    .nullable(),
  /** Agencies of the name in several regions: nothing carried until a region is given. */
  ambiguous: z.array(z.object({ name: z.string(), region: z.string() })),
  /** The template's warnings (template/previous-year, template/previous-agency), worded. */
  warnings: z.array(z.object({ ruleId: z.string(), message: z.string() })),
});

/** Last year's current report of an agency named so (in the region when given, else the one agency of the name). */
async function previousReport(
  context: RouteContext,
  agency: string,
  region: string | undefined,
  year: number,
): Promise<{ report: StoredReport | null; ambiguous: { name: string; region: string }[] }> {
  const { store } = context;
  if (region) return { report: await store.currentReportOf(agency, region, year), ambiguous: [] };
  const found = await store.findAgencies(agency);
  if (found.length === 0) return { report: null, ambiguous: [] };
  if (found.length > 1) {
    // The same name in several regions: the one that reported last year, when only one did.
    const reported = (
      await Promise.all(found.map((a) => store.currentReportOf(a.name, a.regionPath, year)))
    ).filter((r): r is StoredReport => r !== null);
    if (reported.length === 1) return { report: reported[0]!, ambiguous: [] };
    return { report: null, ambiguous: found.map((a) => ({ name: a.name, region: a.regionPath })) };
  }
  return { report: await store.currentReportOf(found[0]!.name, found[0]!.regionPath, year), ambiguous: [] };
}

/** The authors' routes. */
export function writeRoutes(app: Api, context: RouteContext): void {
  app.get(
    '/api/template',
    {
      schema: {
        summary:
          "A blank report of the format in force for the year, last year's 结转下年度继续办理 carried into 上年结转 " +
          'from the library (as nianbao new --previous)',
        querystring: TemplateQuery,
        response: { 200: TemplateSchema, ...ERRORS },
      },
    },
    async (request) => {
      const { agency, year, region } = request.query;
      const formatVersion = versionForYear(year);
      if (!formatVersion)
        throw new ApiError(400, 'bad-request', `no format of the annual report applies to ${year}`);
      const { report: previous, ambiguous } = await previousReport(context, agency, region, year - 1);
      const made = newReport({ formatVersion, agency, year, previous: previous?.report });
      return {
        report: made.report,
        carried: made.carried,
        previous: previous
          ? {
              id: previous.id,
              agency: previous.agency?.name ?? previous.report.agency ?? agency,
              region: previous.agency?.regionPath || null,
              year: previous.year,
            }
          : null,
        ambiguous,
        warnings: made.diagnostics.map((d) => ({ ruleId: d.ruleId, message: d.message })),
      };
    },
  );

  app.post(
    '/api/render',
    {
      schema: {
        summary:
          "A report's JSON (report-json.md, validated by the model's ReportSchema) written out in the official " +
          'layout: docx, pdf, html, xlsx, csv, json or md (PDF needs Chromium: 503 without); nothing is stored',
        querystring: ExportQuery,
        body: ReportSchema,
        headers: CsrfHeaders,
        response: { 503: ErrorSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const report = request.body as Report;
      const to = request.query.to as OutputFormat;
      const name = `${report.agency ?? '政府信息公开工作年度报告'}${report.year !== null ? `-${report.year}` : ''}.${to}`;
      return sendExport(reply, report, to, name);
    },
  );
}
