// The registry of the stages' finding ids — reading, extraction, a regional sum, internal errors — and the one way a
// stage reports a finding: by id, message id and data (Biome's categories + `diagnostic()`; typescript-eslint's
// typed message ids). The severity and the wording come from here, never from the stage; the engine (src/check.ts)
// then applies the rule settings and the language. The rules keep their metadata beside them (src/rules/); the one
// map of every id is src/rules/index.ts REGISTRY.
import { renderMessage, type Diagnostic, type Lang } from '../model/diagnostic.ts';
import { AGGREGATE_FINDINGS } from './aggregate.ts';
import { EXTRACT_FINDINGS } from './extract.ts';
import { INTERNAL_FINDINGS } from './internal.ts';
import { LIBRARY_FINDINGS } from './import.ts';
import { READ_FINDINGS } from './read.ts';
import type { FindingMeta, Where } from './types.ts';

export type { FindingMeta, StageEntry, Texts, Where } from './types.ts';
export { STAGE_BASIS } from './read.ts';

/** Every stage's catalogue, by id: what `finding` is typed from. */
const STAGES = {
  ...READ_FINDINGS,
  ...EXTRACT_FINDINGS,
  ...INTERNAL_FINDINGS,
  ...AGGREGATE_FINDINGS,
  ...LIBRARY_FINDINGS,
};

/** A finding id a stage reports. */
export type StageId = keyof typeof STAGES;

/** The message ids of a stage's finding id (of any of them, for a union of ids). */
export type MessageIdOf<Id extends StageId> = Id extends StageId
  ? keyof (typeof STAGES)[Id]['messages'] & string
  : never;

/** One id with one of its message ids: a finding a stage may report, as data (extraction's problem tables). */
export type FindingKey = { [Id in StageId]: { ruleId: Id; messageId: MessageIdOf<Id> } }[StageId];

/** The metadata of every stage finding id, in the order their findings are listed. */
export const STAGE_FINDINGS: readonly FindingMeta[] = Object.entries(STAGES).map(([id, entry]) => ({
  id,
  ...entry,
}));

const BY_ID: ReadonlyMap<string, FindingMeta> = new Map(STAGE_FINDINGS.map((m) => [m.id, m]));

/** The metadata of a stage finding id, if it is one. */
export function stageFinding(id: string): FindingMeta | undefined {
  return BY_ID.get(id);
}

/**
 * A stage's finding: the id, the message id (a key of that id's catalogue, checked by the compiler), the data and
 * where it is. The registry gives its severity and its wording (Chinese, the default; `inLang` for another); a
 * stage never chooses either, so an id has one severity wherever it is reported.
 */
export function finding<Id extends StageId>(
  ruleId: Id,
  messageId: MessageIdOf<Id>,
  data: Record<string, unknown>,
  where: Where = {},
): Diagnostic {
  const meta = BY_ID.get(ruleId)!;
  const template = meta.messages[messageId];
  if (!template) throw new Error(`${ruleId} has no message ${messageId}`);
  return {
    ruleId,
    severity: meta.severity,
    messageId,
    message: renderMessage(template.zh, data),
    data,
    ...where,
  };
}

/** A finding of a registered stage id worded in `lang` (the finding itself when its id or message is unknown). */
export function inLang(d: Diagnostic, lang: Lang): Diagnostic {
  const template = BY_ID.get(d.ruleId)?.messages[d.messageId]?.[lang];
  return template ? { ...d, message: renderMessage(template, d.data) } : d;
}
