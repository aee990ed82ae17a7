// A finding id's documentation: the Markdown page generated from src/rules/docs (docs/rules/<id>.md), found by the
// id as registered — never by a path the client gives — for showing beside a finding.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { docName } from '../../model/cells.ts';
import { REGISTRY } from '../../rules/index.ts';
import type { Api } from '../app.ts';
import { ApiError } from '../errors.ts';
import { ERRORS } from '../schemas.ts';

/** Where the rules' pages are. */
export const RULE_DOCS = fileURLToPath(new URL('../../../docs/rules/', import.meta.url));

/** GET /api/rules/:ruleId's answer. */
export const RuleDocSchema = z.object({
  id: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  title: z.object({ zh: z.string(), en: z.string() }),
  doc: z
    .string()
    .describe('the page in Markdown (docs/rules/<id>.md; a stage finding a rule reports: its page)'),
});

/** The rule routes. */
export function ruleRoutes(app: Api): void {
  app.get(
    '/api/rules/:ruleId',
    {
      schema: {
        summary: "A finding id's documentation (docs/rules/<id>.md) in Markdown, with its severity and title",
        params: z.object({
          ruleId: z
            .string()
            .min(1)
            .max(100)
            .describe('a registered id, e.g. T3-1 or extract/missing-row (encoded)'),
        }),
        response: { 200: RuleDocSchema, ...ERRORS },
      },
    },
    async (request) => {
      const id = request.params.ruleId;
      const meta = REGISTRY.get(id);
      if (!meta) throw new ApiError(404, 'not-found', `no rule or finding id ${JSON.stringify(id)}`);
      const name = `${docName(meta.reportedBy ?? meta.id)}.md`;
      let doc: string;
      try {
        doc = await readFile(RULE_DOCS + name, 'utf8');
      } catch {
        throw new ApiError(404, 'not-found', `docs/rules/${name} is missing (npm run docs:rules writes it)`);
      }
      return { id: meta.id, severity: meta.severity, title: { zh: meta.title.zh, en: meta.title.en }, doc };
    },
  );
}
