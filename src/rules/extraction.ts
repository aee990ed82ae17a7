// The findings of the stages (reading, extraction, a regional sum, internal errors), checked under their own rule
// ids: each registered stage id (src/findings/) is a rule whose findings are the file's findings of that id, so they
// are configured, worded, documented and tested like any rule. An id that a rule reports from the report itself
// (`reportedBy`) has no rule of its own: that rule speaks for it.
import { STAGE_FINDINGS } from '../findings/index.ts';
import type { Rule } from './types.ts';

/** The stage rules, in the registry's order. */
export const EXTRACTION_RULES: readonly Rule[] = STAGE_FINDINGS.filter((meta) => !meta.reportedBy).map(
  (meta) => ({
    meta,
    check(ctx) {
      for (const d of ctx.extraction)
        if (d.ruleId === meta.id)
          ctx.add({
            messageId: d.messageId,
            data: d.data,
            ...(d.path ? { path: d.path } : {}),
            ...(d.related ? { related: d.related } : {}),
            ...(d.source ? { source: d.source } : {}),
          });
    },
  }),
);
