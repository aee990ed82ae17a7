// Diagnostics as SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), for code-scanning tools.
import { docName, sourceOf } from '../../model/cells.ts';
import type { Diagnostic, Lang, ModelPath, Severity } from '../../model/diagnostic.ts';
import type { Report } from '../../model/report.ts';
import { formatSpan } from '../../model/source.ts';
import type { SourceSpan } from '../../model/source.ts';
import type { FindingMeta } from '../../findings/types.ts';
import { placeOf } from './place.ts';
import type { CheckedFile } from './types.ts';

/** The SARIF version written and the schema it follows. */
export const SARIF_VERSION = '2.1.0';
export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** SARIF's result levels; nianbao's `info` is SARIF's `note`. */
export type SarifLevel = 'error' | 'warning' | 'note' | 'none';
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/** A SARIF message (§3.11): plain text. */
export interface SarifMessage {
  text: string;
}

/** A SARIF region (§3.30): 1-based lines and columns, the end column exclusive (as in nianbao's text spans). */
export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A SARIF location (§3.28): the file and region, and the model path as a logical location. */
export interface SarifLocation {
  id?: number;
  physicalLocation?: { artifactLocation: { uri: string; index?: number }; region?: SarifRegion };
  logicalLocations?: { fullyQualifiedName: string; name?: string }[];
  message?: SarifMessage;
}

/** A SARIF result (§3.27). */
export interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  properties?: Record<string, unknown>;
}

/** A SARIF reportingDescriptor (§3.49): one rule of the tool. */
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
  properties?: Record<string, unknown>;
}

/** A SARIF log with one run. */
export interface SarifLog {
  $schema: string;
  version: typeof SARIF_VERSION;
  runs: {
    tool: {
      driver: { name: string; version?: string; rules: SarifRule[] };
    };
    columnKind: 'utf16CodeUnits';
    artifacts: { location: { uri: string } }[];
    results: SarifResult[];
  }[];
}

/** Options of the SARIF formatter. */
export interface SarifOptions {
  /** Language of the rule titles and cell names (the messages come worded by the checker). */
  lang?: Lang;
  /** nianbao's version, for `tool.driver.version`. */
  version?: string;
  /**
   * The rules described in `tool.driver.rules`: the registry's metadata, given by the caller (as ESLint gives its
   * formatters `rulesMeta`), so that rendering does not depend on the rules.
   */
  rules: readonly FindingMeta[];
}

/**
 * A file path as a SARIF URI: relative paths stay relative references (resolved against the directory the
 * command ran in), absolute ones become `file:` URIs; each segment is percent-encoded (Chinese names included).
 */
export function fileUri(path: string): string {
  const p = path.replace(/\\/g, '/');
  const drive = /^[A-Za-z]:\//.test(p);
  const encoded = p
    .split('/')
    .map((seg, i) => (drive && i === 0 ? seg : encodeURIComponent(seg)))
    .join('/');
  if (drive) return `file:///${encoded}`;
  return p.startsWith('/') ? `file://${encoded}` : encoded;
}

/** A region for a text or HTML span; other kinds of source (DOCX, PDF, XLSX) have no line and column. */
function regionOf(s: SourceSpan | undefined): SarifRegion | undefined {
  if (!s || (s.kind !== 'text' && s.kind !== 'html')) return undefined;
  return { startLine: s.line, startColumn: s.column, endLine: s.endLine, endColumn: s.endColumn };
}

function locationOf(
  uri: string,
  index: number,
  source: SourceSpan | undefined,
  path: ModelPath | undefined,
  place: string,
): SarifLocation {
  const region = regionOf(source);
  const loc: SarifLocation = {
    physicalLocation: { artifactLocation: { uri, index }, ...(region ? { region } : {}) },
  };
  if (path?.length) loc.logicalLocations = [{ fullyQualifiedName: path.join('.'), name: path.at(-1)! }];
  // The cell's name for people; a DOCX paragraph, a PDF page or a spreadsheet cell has no SARIF region, so it
  // is said in words too.
  const text = [source && !region ? formatSpan(source) : '', place].filter(Boolean).join(' ');
  if (text) loc.message = { text };
  return loc;
}

function resultOf(
  d: Diagnostic,
  report: Report | null,
  uri: string,
  index: number,
  ruleIndex: ReadonlyMap<string, number>,
  lang: Lang,
): SarifResult {
  const r: SarifResult = {
    ruleId: d.ruleId,
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [locationOf(uri, index, d.source, d.path, placeOf(report, d.path, lang))],
  };
  const i = ruleIndex.get(d.ruleId);
  if (i !== undefined) r.ruleIndex = i;
  if (d.related?.length)
    r.relatedLocations = d.related.map((p, id) => ({
      id,
      ...locationOf(uri, index, report ? sourceOf(report, p) : undefined, p, placeOf(report, p, lang)),
    }));
  const properties: Record<string, unknown> = { messageId: d.messageId };
  if (d.expected !== undefined) properties.expected = d.expected;
  if (d.actual !== undefined) properties.actual = d.actual;
  // Repairs are proposals about a model cell, not text edits, so they go in the property bag, not in `fixes`.
  if (d.suggestions?.length) properties.suggestions = d.suggestions;
  r.properties = properties;
  return r;
}

/** The reportingDescriptor of a rule: id, title, documentation and default level. */
function describeRule(meta: FindingMeta, lang: Lang): SarifRule {
  return {
    id: meta.id,
    name: meta.id,
    shortDescription: { text: meta.title[lang] },
    helpUri: `docs/rules/${docName(meta.reportedBy ?? meta.id)}.md`,
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { basis: meta.basis },
  };
}

/**
 * A SARIF log built file by file: `add` each checked file (its findings become results, the report itself is not
 * kept), then `log()`.
 */
export function createSarif(options: SarifOptions): {
  add(result: CheckedFile): void;
  log(): SarifLog;
} {
  const lang = options.lang ?? 'zh';
  const rules = options.rules.map((m) => describeRule(m, lang));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const artifacts: { location: { uri: string } }[] = [];
  const results: SarifResult[] = [];
  return {
    add(result) {
      const uri = fileUri(result.file);
      const index = artifacts.push({ location: { uri } }) - 1;
      for (const d of result.diagnostics)
        results.push(resultOf(d, result.report, uri, index, ruleIndex, lang));
    },
    log() {
      return {
        $schema: SARIF_SCHEMA,
        version: SARIF_VERSION,
        runs: [
          {
            tool: {
              driver: {
                name: 'nianbao',
                ...(options.version ? { version: options.version } : {}),
                rules,
              },
            },
            columnKind: 'utf16CodeUnits',
            artifacts,
            results,
          },
        ],
      };
    },
  };
}

/** The SARIF log of a list of checked files, as indented JSON ending in a newline. */
export function formatSarif(results: Iterable<CheckedFile>, options: SarifOptions): string {
  const sarif = createSarif(options);
  for (const r of results) sarif.add(r);
  return JSON.stringify(sarif.log(), null, 2) + '\n';
}
