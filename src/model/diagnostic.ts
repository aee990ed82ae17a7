// Diagnostics: every problem found in a document or a report, as data (design.md principles 3–5).
import type { z } from 'zod';
import type * as S from './schemas.ts';

/** Severity of a finding. */
export type Severity = z.infer<typeof S.Severity>;
/** A path into the report JSON, e.g. ["requests", "carriedForward", "naturalPerson"]. */
export type ModelPath = z.infer<typeof S.ModelPath>;
/**
 * One finding. `message` is the rendered text (zh-CN by default); `data` fills the message template. The schema is
 * in schemas.ts.
 */
export type Diagnostic = z.infer<typeof S.Diagnostic>;

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
