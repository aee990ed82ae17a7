// Diagnostics as SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), for code-scanning tools.
import { createHash } from 'node:crypto';
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
  /** A web page table's cell: its table, row and cell, 0-based. */
  properties?: Record<string, unknown>;
}

/** A SARIF location (§3.28): the file and region, and the model path as a logical location. */
export interface SarifLocation {
  id?: number;
  physicalLocation?: {
    artifactLocation: { uri: string; index?: number };
    region?: SarifRegion;
    /** A source SARIF has no region for (a PDF page and box, a DOCX paragraph or cell, a spreadsheet cell). */
    properties?: Record<string, unknown>;
  };
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
  /** The same problem on the same cell of the same file from run to run (§3.27.17), whatever its wording or figures. */
  partialFingerprints?: Record<string, string>;
  properties?: Record<string, unknown>;
}

/** A tool notification (§3.58): a file that could not be read at all. */
export interface SarifNotification {
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
  descriptor?: { id: string };
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
      driver: { name: string; version?: string; informationUri?: string; rules: SarifRule[] };
    };
    invocations?: {
      executionSuccessful: boolean;
      exitCode: number;
      toolExecutionNotifications: SarifNotification[];
    }[];
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
  /**
   * Where the rule pages are, as an absolute URI ending in "/": each rule's helpUri is this and `<id>.md`, and the
   * tool's informationUri its parent's README. Without it, the helpUri is the page's path in the package, relative.
   */
  docsBase?: string;
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

/**
 * A region for a text or HTML span, with a web page table's table, row and cell in its property bag. Other sources
 * (a PDF's page and box, a DOCX paragraph or cell, a spreadsheet cell, the extracted text of a .doc) have no SARIF
 * region: the physical location's property bag holds them.
 */
function regionOf(s: SourceSpan | undefined): SarifRegion | undefined {
  if (!s) return undefined;
  if (s.kind === 'text' || s.kind === 'html') {
    const region: SarifRegion = {
      startLine: s.line,
      startColumn: s.column,
      endLine: s.endLine,
      endColumn: s.endColumn,
    };
    const cell = Object.fromEntries(
      (['table', 'row', 'cell'] as const).filter((k) => s[k] !== undefined).map((k) => [k, s[k]]),
    );
    return Object.keys(cell).length ? { ...region, properties: cell } : region;
  }
  return undefined;
}

/** The fingerprint of a finding: its rule, message and model path (or source) in its file, hashed. */
function fingerprintOf(d: Diagnostic, uri: string): string {
  const where = d.path?.join('.') ?? formatSpan(d.source);
  return createHash('sha256')
    .update(JSON.stringify([uri, d.ruleId, d.messageId, where]))
    .digest('hex')
    .slice(0, 32);
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
    physicalLocation: {
      artifactLocation: { uri, index },
      ...(region ? { region } : source ? { properties: { ...source } } : {}),
    },
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
    partialFingerprints: { 'nianbao/v1': fingerprintOf(d, uri) },
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
function describeRule(meta: FindingMeta, lang: Lang, docsBase: string | undefined): SarifRule {
  const page = `${docName(meta.reportedBy ?? meta.id)}.md`;
  return {
    id: meta.id,
    name: meta.id,
    shortDescription: { text: meta.title[lang] },
    helpUri: docsBase ? new URL(page, docsBase).href : `docs/rules/${page}`,
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
  /** The log; with the run's exit code, an invocation saying it and naming each file that gave no report. */
  log(run?: {
    exitCode: number;
    unreadable?: readonly { file: string; message: string; ruleId?: string }[];
  }): SarifLog;
} {
  const lang = options.lang ?? 'zh';
  const rules = options.rules.map((m) => describeRule(m, lang, options.docsBase));
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
    log(run) {
      const invocations = run && [
        {
          // ESLint's exit codes: 2 is a run that could not do what was asked (usage, or a file it could not read).
          executionSuccessful: run.exitCode < 2,
          exitCode: run.exitCode,
          toolExecutionNotifications: (run.unreadable ?? []).map((u) => ({
            level: 'error' as const,
            message: { text: u.message },
            locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(u.file) } } }],
            ...(u.ruleId ? { descriptor: { id: u.ruleId } } : {}),
          })),
        },
      ];
      return {
        $schema: SARIF_SCHEMA,
        version: SARIF_VERSION,
        runs: [
          {
            tool: {
              driver: {
                name: 'nianbao',
                ...(options.version ? { version: options.version } : {}),
                ...(options.docsBase
                  ? { informationUri: new URL('../../README.md', options.docsBase).href }
                  : {}),
                rules,
              },
            },
            ...(invocations ? { invocations } : {}),
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
