// The Region page's dashboards and the Compare page's cross-year findings: the figures per report from the store
// (SQL), the region's sum per year from aggregateRegion with its indicators (aggregate/indicators.ts), and an
// agency's later year checked against the earlier one by the cross-year rules (check with `previous`).
import { z } from 'zod';
import { indicators } from '../../aggregate/indicators.ts';
import { check } from '../../check.ts';
import { Diagnostic } from '../../model/schemas.ts';
import { aggregateRegion, agencyYears } from '../../region.ts';
import { RULES } from '../../rules/index.ts';
import type { Api, RouteContext } from '../app.ts';
import { ApiError } from '../errors.ts';
import { ERRORS } from '../schemas.ts';

/** The cross-year rules: they need the same body's report of the year before. */
const CROSS_YEAR = ['T3-6', 'T2-2', 'T2-3', 'X-5'];
const CROSS_YEAR_RULES = RULES.filter((r) => CROSS_YEAR.includes(r.meta.id));

const YearList = z
  .string()
  .regex(/^\s*\d{4}(\s*[,，]\s*\d{4}){0,29}\s*$/, 'years separated by commas, e.g. 2020,2021,2022')
  .transform((s) => [...new Set(s.split(/[,，]/).map((y) => Number(y.trim())))].sort((a, b) => a - b));

const Num = z.number().nullable();
const Block = z
  .record(z.string(), Num)
  .describe('a block of table 4 as summed: upheld, corrected, other, pending, total');

const Indicators = z.object({
  applications: Num,
  handled: Num,
  shares: z.object({
    granted: Num,
    partiallyGranted: Num,
    denied: Num,
    unableToProvide: Num,
    notProcessed: Num,
    otherHandling: Num,
  }),
  reviewCorrectionRate: Num,
  litigationCorrectionRate: Num,
});

/** The answer of GET /api/dashboard. */
export const DashboardSchema = z.object({
  region: z.string().nullable(),
  years: z.array(z.number().int()),
  reports: z
    .array(
      z.object({
        reportId: z.number().int(),
        year: z.number().int(),
        agencyId: z.number().int().nullable(),
        agency: z.string().nullable(),
        region: z.string(),
        formatVersion: z.string(),
        received: Num.describe('表三 一、本年新收 总计 (requests.newlyReceived.total); null when blank'),
        errors: z.number().int(),
        warnings: z.number().int(),
      }),
    )
    .describe('the current reports of the region and years, most errors first within a year'),
  sums: z
    .array(
      z.object({
        year: z.number().int(),
        members: z.number().int(),
        formatVersion: z.string(),
        indicators: Indicators,
        review: Block,
        litigationDirect: Block,
        litigationAfterReview: Block,
      }),
    )
    .describe(
      "the region's sum of each year (as GET /api/aggregate) and its indicators (docs/indicators.md)",
    ),
  rules: z
    .array(
      z.object({
        year: z.number().int(),
        rule: z.string(),
        severity: z.enum(['error', 'warning', 'info']),
        count: z.number().int(),
        reports: z.number().int(),
      }),
    )
    .describe("the findings of the region's current reports counted by year, rule and severity, most first"),
});

/** The answer of GET /api/compare/findings. */
export const CompareFindingsSchema = z.object({
  rules: z.array(z.string()).describe('the cross-year rules run'),
  a: z.object({ reportId: z.number().int(), year: z.number().int().nullable() }),
  b: z.object({ reportId: z.number().int(), year: z.number().int().nullable() }),
  diagnostics: z.array(Diagnostic).describe("the later year's findings of those rules, against the earlier"),
});

/** The dashboard and cross-year routes. */
export function dashboardRoutes(app: Api, { store, lang }: RouteContext): void {
  app.get(
    '/api/dashboard',
    {
      schema: {
        summary:
          "A region's figures over years: each report's applications and findings, the sums' indicators, findings by rule",
        querystring: z.object({
          region: z.string().max(200).optional(),
          years: YearList.optional().describe('default: every year the library holds'),
        }),
        response: { 200: DashboardSchema, ...ERRORS },
      },
    },
    async (request) => {
      const region = request.query.region?.trim() || null;
      const years = request.query.years ?? (await store.years());
      const figures = await store.dashboard({ region, years });
      const sums = [];
      for (const year of years) {
        const { result } = await aggregateRegion(store, { year, region, lang });
        const r = result.report;
        sums.push({
          year,
          members: r.aggregate?.members ?? 0,
          formatVersion: r.formatVersion,
          indicators: indicators(r),
          review: r.reviewLitigation.review ?? {},
          litigationDirect: r.reviewLitigation.litigationDirect ?? {},
          litigationAfterReview: r.reviewLitigation.litigationAfterReview ?? {},
        });
      }
      return { region, years, reports: figures.reports, sums, rules: figures.rules } as never;
    },
  );

  app.get(
    '/api/compare/findings',
    {
      schema: {
        summary:
          "An agency's later year checked against the earlier by the cross-year rules (T3-6, T2-2, T2-3, X-5)",
        querystring: z.object({
          agency: z.string().min(1).max(200),
          years: z
            .string()
            .regex(/^\s*\d{4}\s*[,，]\s*\d{4}\s*$/, 'two years separated by a comma, e.g. 2021,2022')
            .transform((s) =>
              s
                .split(/[,，]/)
                .map((y) => Number(y.trim()))
                .sort((a, b) => a - b),
            ),
          region: z.string().max(200).optional(),
        }),
        response: {
          200: CompareFindingsSchema,
          ...ERRORS,
        },
      },
    },
    async (request) => {
      const { agency, years, region } = request.query;
      const got = await agencyYears(store, agency, region?.trim() || null, years);
      if ('problem' in got) {
        if (got.problem === 'no-agency')
          throw new ApiError(404, 'not-found', `no agency "${agency}" in the library`);
        if (got.problem === 'ambiguous')
          throw new ApiError(400, 'bad-request', `"${agency}" matches several agencies; give region`);
        throw new ApiError(404, 'not-found', `${got.agency.name} has no report for ${got.year}`);
      }
      const [a, b] = got.reports as [(typeof got.reports)[0], (typeof got.reports)[0]];
      return {
        rules: CROSS_YEAR,
        a: { reportId: a.id, year: a.year },
        b: { reportId: b.id, year: b.year },
        diagnostics: check(b.report, { previous: a.report, ruleSet: CROSS_YEAR_RULES, lang }),
      };
    },
  );
}
