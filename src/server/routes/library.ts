// The library as a whole: health, the agencies of a region with who has not reported, a region's sum (region.ts,
// as `nianbao aggregate`), an agency's two years compared (as `nianbao compare --agency`).
import { z } from 'zod';
import { compareReports } from '../../aggregate/compare.ts';
import {
  agencyStatusObject,
  aggregateObject,
  aggregateRegion,
  agencyYears,
  comparisonObject,
} from '../../region.ts';
import type { Api, RouteContext } from '../app.ts';
import { inScope, regionOrRefuse, regionScope, requireRole } from '../auth.ts';
import { ApiError } from '../errors.ts';
import { sendExport } from '../http.ts';
import { ERRORS, Year } from '../schemas.ts';
import { Diagnostic } from '../../model/schemas.ts';

/** The library routes. */
export function libraryRoutes(app: Api, { store, lang, version }: RouteContext): void {
  app.get(
    '/api/health',
    {
      schema: {
        summary: 'The server is up',
        response: { 200: z.object({ ok: z.literal(true), version: z.string() }) },
      },
    },
    async () => ({ ok: true as const, version }),
  );

  app.get(
    '/api/agencies',
    {
      schema: {
        summary:
          'The agencies of a region and below, and whether each reported for the year (default: the latest)',
        querystring: z.object({ region: z.string().max(200).optional(), year: Year.optional() }),
        response: {
          200: z.object({
            year: z.number().int().nullable(),
            region: z.string().nullable(),
            counts: z.object({
              reported: z.number().int(),
              missing: z.number().int(),
              noReports: z.number().int(),
            }),
            agencies: z.array(
              z.object({
                id: z.number().int(),
                name: z.string(),
                region: z.string(),
                level: z.string().nullable(),
                kind: z.string().nullable(),
                status: z.enum(['reported', 'missing', 'no-reports']),
                reportId: z.number().int().nullable(),
                errors: z.number().int(),
                years: z.array(z.number().int()),
              }),
            ),
          }),
          ...ERRORS,
        },
      },
    },
    async (request) => {
      const region = regionOrRefuse(request, request.query.region?.trim() || null);
      const year = request.query.year ?? (await store.years()).at(-1) ?? null;
      if (year === null)
        return { year, region, counts: { reported: 0, missing: 0, noReports: 0 }, agencies: [] };
      const status = (await store.regionStatus({ year, region })).filter((s) => inScope(request, s.agency));
      const count = (s: string) => status.filter((x) => x.status === s).length;
      return {
        year,
        region,
        counts: { reported: count('reported'), missing: count('missing'), noReports: count('no-reports') },
        agencies: status.map(agencyStatusObject),
      };
    },
  );

  app.get(
    '/api/aggregate',
    {
      schema: {
        summary:
          "A region's sum for a year (as nianbao aggregate --format json), or with to=xlsx|docx its tables",
        querystring: z.object({
          year: Year,
          region: z.string().max(200).optional(),
          to: z.enum(['xlsx', 'docx']).optional(),
        }),
        response: {
          200: z
            .object({
              report: z.record(z.string(), z.unknown()),
              members: z.array(z.record(z.string(), z.unknown())),
              covered: z.array(z.record(z.string(), z.unknown())),
              regionReports: z.array(z.record(z.string(), z.unknown())),
              misfiled: z.array(z.record(z.string(), z.unknown())),
              missing: z.array(z.record(z.string(), z.unknown())),
              diagnostics: z.array(Diagnostic),
            })
            // Whatever else the listing holds goes out too: the answer is nianbao aggregate's JSON, key for key.
            .catchall(z.unknown())
            .describe('the JSON of nianbao aggregate --format json, and the findings of the sum'),
          ...ERRORS,
        },
      },
    },
    async (request, reply) => {
      const { year, to } = request.query;
      requireRole(request, "a region's sum", 'admin', 'reviewer');
      const region = regionOrRefuse(request, request.query.region);
      const got = await aggregateRegion(store, { year, region, lang });
      if (to) return sendExport(reply, got.result.report, to, `${got.agency ?? '汇总'}-${year}.${to}`);
      return { ...aggregateObject(got.result.report, got.listing), diagnostics: got.diagnostics } as never;
    },
  );

  app.get(
    '/api/compare',
    {
      schema: {
        summary:
          "An agency's current reports of two years compared (as nianbao compare --agency --format json)",
        querystring: z.object({
          agency: z.string().min(1).max(200),
          years: z
            .string()
            .regex(/^\s*\d{4}\s*[,，]\s*\d{4}\s*$/, 'two years separated by a comma, e.g. 2021,2022')
            .transform((s) => s.split(/[,，]/).map((y) => Number(y.trim()))),
          region: z.string().max(200).optional(),
        }),
        response: { 200: z.record(z.string(), z.unknown()), ...ERRORS },
      },
    },
    async (request) => {
      const { agency, years, region } = request.query;
      const scope = regionScope(request, region?.trim() || null);
      const got =
        scope === false
          ? ({ problem: 'no-agency' } as const)
          : await agencyYears(store, agency, scope, years);
      if ('problem' in got || !inScope(request, got.agency)) {
        if (!('problem' in got) || got.problem === 'no-agency')
          throw new ApiError(
            404,
            'not-found',
            `no agency "${agency}" in the library${region ? ` (${region})` : ''}`,
          );
        if (got.problem === 'ambiguous')
          throw new ApiError(
            400,
            'bad-request',
            `"${agency}" matches several agencies; give region: ${got.agencies.map((a) => `${a.name} (${a.regionPath || '—'})`).join(', ')}`,
          );
        throw new ApiError(
          404,
          'not-found',
          `${got.agency.name} has no report for ${got.year} (years reported: ${got.years.join(', ') || '—'})`,
        );
      }
      const [a, b] = got.reports.map((r) => ({
        report: r.report,
        file: r.fileName,
        reportId: r.id,
        version: r.version,
      }));
      return comparisonObject(a!, b!, compareReports(a!.report, b!.report, { lang }));
    },
  );
}
