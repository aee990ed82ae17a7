// What a finding id is registered with (Biome's categories, ESLint's rule meta): one severity, a title and the
// messages in both languages. The rules' metadata extends it (src/rules/types.ts RuleMeta).
import type { MessageCatalogue, ModelPath, Severity, Texts } from '../model/diagnostic.ts';
import type { SourceSpan } from '../model/source.ts';

export type { Texts } from '../model/diagnostic.ts';

/** The registered metadata of one finding id: reading, extraction, a rule, a library stage or an internal error. */
export interface FindingMeta {
  /** The id, as format-spec names the clause where it has one ("T3-1"), else a kebab-case name ("read/empty"). */
  readonly id: string;
  /** The one severity of every finding of this id, unless the settings change it (`--rule id=…`). */
  readonly severity: Severity;
  readonly title: Texts;
  /** The clause of the format or regulation it follows, or the stage it comes from. */
  readonly basis: string;
  readonly messages: MessageCatalogue;
  /**
   * The rule that reports this finding from the report itself, when there is one (the stage's finding is then
   * left out, as the rule says it better); without a report the stage's finding stands.
   */
  readonly reportedBy?: string;
}

/** A stage's entry in its catalogue: the metadata without the id, which is the entry's key. */
export type StageEntry = Omit<FindingMeta, 'id'>;

/** Where a finding is: the model path, related cells, the place in the document. */
export interface Where {
  path?: ModelPath;
  related?: ModelPath[];
  source?: SourceSpan;
}
