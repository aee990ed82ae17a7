// The diagnostic formatters: text for a terminal, JSON like `extract`, and SARIF 2.1.0 for code-scanning tools.
export {
  countRules,
  FOLD_FROM,
  formatText,
  textFile,
  textHeader,
  textRuleSummary,
  textSummary,
} from './text.ts';
export type { RuleCounts } from './text.ts';
export { placeOf } from './place.ts';
export type { TextOptions } from './text.ts';
export { formatJson, jsonChunks } from './json.ts';
export { createSarif, fileUri, formatSarif, SARIF_SCHEMA, SARIF_VERSION } from './sarif.ts';
export type { SarifLevel, SarifLog, SarifOptions, SarifResult, SarifRule } from './sarif.ts';
export { countSeverities } from './types.ts';
export type { CheckedFile, SeverityCounts } from './types.ts';
