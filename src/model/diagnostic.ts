// Diagnostics: every problem found in a document or a report, as data (design.md principles 3–5).
import { z } from 'zod';
import { SourceSpan } from './source.ts';

/** Severity of a finding. */
export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

/** A path into the report JSON, e.g. ["requests", "carriedForward", "naturalPerson"]. */
export const ModelPath = z.array(z.string());
export type ModelPath = z.infer<typeof ModelPath>;

/** One finding. `message` is the rendered text (zh-CN by default); `data` fills the message template. */
export const Diagnostic = z.object({
  ruleId: z.string(),
  severity: Severity,
  messageId: z.string(),
  message: z.string(),
  data: z.record(z.string(), z.unknown()).default({}),
  path: ModelPath.optional(),
  related: z.array(ModelPath).optional(),
  source: SourceSpan.optional(),
  expected: z.unknown().optional(),
  actual: z.unknown().optional(),
  /** One-cell repairs the checker proposes, with the equations they satisfy; never applied silently. */
  suggestions: z
    .array(
      z.object({ path: ModelPath, value: z.number(), message: z.string(), satisfies: z.array(z.string()) }),
    )
    .optional(),
  /** The rule's documentation, relative to the project root. */
  docs: z.string().optional(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

/** Texts in both languages. */
export interface Texts {
  readonly zh: string;
  readonly en: string;
}

/** Messages of one rule or stage: messageId → { zh, en } templates with `{name}` placeholders. */
export type MessageCatalogue = Record<string, Texts>;

/** Language of rendered messages. */
export type Lang = 'zh' | 'en';

/** Fills a message template's `{name}` placeholders from `data`. */
export function renderMessage(template: string, data: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}
