// The checker: runs every rule on a report, then words, locates and links the findings (ESLint's model).
import type { Diagnostic, Lang, ModelPath, Severity } from './model/diagnostic.ts';
import { renderMessage } from './model/diagnostic.ts';
import { finding, inLang, type FindingMeta, type MessageIdOf } from './findings/index.ts';
import { formatOf } from './model/formats/index.ts';
import type { Report } from './model/report.ts';
import { cellAt, docName, evaluate, nameOf, sourceOf } from './model/cells.ts';
import { REGISTRY, RULES } from './rules/index.ts';
import type { AgencyKindOption, Equation, Finding, Rule } from './rules/types.ts';

/** A rule's severity as configured: one of the three, or off. */
export type RuleSetting = Severity | 'off';

/** Options of a check. */
export interface CheckOptions {
  /** Language of the messages (Chinese by default). */
  lang?: Lang;
  /** Per-rule severity overrides, e.g. { "T2-5": "off", "X-1": "error" } (a config file or --rule flags). */
  rules?: Record<string, RuleSetting>;
  /** The diagnostics of reading and extraction, reported under their own rule ids. */
  extraction?: readonly Diagnostic[];
  /** The rules to run (all registered rules by default). */
  ruleSet?: readonly Rule[];
  /** The same body's report on the year before, for the cross-year rules (T3-6, T2-2, T2-3, X-5). */
  previous?: Report;
  /** The date the report was published (ISO, "2023-02-15"), for the publication deadline (late-publication). */
  publishedAt?: string;
  /** Whether the report is a people's government's own report or a department's (default: told by the name). */
  agencyKind?: AgencyKindOption;
  /** The member reports a published regional aggregate should be the sum of (aggregate-mismatch). */
  members?: readonly Report[];
}

const SUGGESTION = {
  zh: '建议：将{cell}改为 {value}，即可同时满足 {equations}',
  en: 'Suggestion: change {cell} to {value}; that satisfies {equations}',
};

/** Runs every rule on a report and returns its diagnostics, worded in `lang`, with sources and suggestions. */
export function check(report: Report, options: CheckOptions = {}): Diagnostic[] {
  const lang = options.lang ?? 'zh';
  const format = formatOf(report.formatVersion);
  const found: { rule: Rule; finding: Finding }[] = [];
  const crashed: Diagnostic[] = [];
  for (const rule of options.ruleSet ?? RULES) {
    if (options.rules?.[rule.meta.id] === 'off') continue;
    // A computed aggregate has no text, publication or single body of its own to judge.
    if (report.aggregate && rule.meta.skipOnAggregate) continue;
    const mark = found.length;
    try {
      rule.check({
        report,
        format,
        extraction: options.extraction ?? [],
        ...(options.previous ? { previous: options.previous } : {}),
        ...(options.publishedAt ? { publishedAt: options.publishedAt } : {}),
        ...(options.agencyKind ? { agencyKind: options.agencyKind } : {}),
        ...(options.members ? { members: options.members } : {}),
        add: (finding) => found.push({ rule, finding }),
      });
    } catch (error) {
      // A rule that throws is a bug in nianbao: its partial findings go, a finding names it, the others run on.
      found.length = mark;
      crashed.push(ruleCrash(rule.meta.id, error, lang));
    }
  }
  const repairs = suggestRepairs(
    report,
    found.flatMap((f) => (f.finding.equation ? [f.finding.equation] : [])),
  );
  const diagnostics = found.map(({ rule, finding }) => {
    const setting = options.rules?.[rule.meta.id];
    const template = rule.meta.messages[finding.messageId];
    if (!template) throw new Error(`rule ${rule.meta.id} has no message ${finding.messageId}`);
    const data = finding.data ?? {};
    const d: Diagnostic = {
      ruleId: rule.meta.id,
      severity: setting && setting !== 'off' ? setting : rule.meta.severity,
      messageId: finding.messageId,
      message: renderMessage(template[lang], data),
      data,
      docs: `docs/rules/${docName(rule.meta.id)}.md`,
    };
    if (finding.path) d.path = finding.path;
    if (finding.related) d.related = finding.related;
    if (finding.expected !== undefined) d.expected = finding.expected;
    if (finding.actual !== undefined) d.actual = finding.actual;
    const source = finding.source ?? (finding.path ? sourceOf(report, finding.path) : undefined);
    if (source) d.source = source;
    const repair = finding.equation ? repairs.get(finding.equation) : undefined;
    if (repair) {
      const equations = repair.satisfies.join('、');
      d.suggestions = [
        {
          path: repair.path,
          value: repair.value,
          satisfies: repair.satisfies,
          message: renderMessage(SUGGESTION[lang], {
            cell: nameOf(format, repair.path, lang),
            value: repair.value,
            equations,
          }),
        },
      ];
    }
    return d;
  });
  // A reading or extraction problem no rule speaks for (a newer version's finding) is kept as it is, never
  // dropped; a registered one that a rule reports from the report itself (`reportedBy`) is left to that rule.
  if (!options.ruleSet)
    for (const d of options.extraction ?? [])
      if (
        !RULE_IDS.has(d.ruleId) &&
        !REGISTRY.get(d.ruleId)?.reportedBy &&
        options.rules?.[d.ruleId] !== 'off'
      )
        diagnostics.push(d);
  // A rule's crash is an internal/exception finding, under that id's settings like any other.
  return [...diagnostics, ...checkUnreported(crashed, options)];
}

/**
 * The findings of a file that gave no report (it could not be read, or holds no report): the settings and the
 * wording of each finding's registered id applied as for any other — `--rule read/no-text-layer=off` silences it, a
 * severity set for it is the one shown, and its message is in `lang`.
 */
export function checkUnreported(
  diagnostics: readonly Diagnostic[],
  options: Pick<CheckOptions, 'lang' | 'rules'> = {},
): Diagnostic[] {
  const lang = options.lang ?? 'zh';
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const setting = options.rules?.[d.ruleId];
    if (setting === 'off') continue;
    const meta = REGISTRY.get(d.ruleId);
    const template = meta?.messages[d.messageId]?.[lang];
    out.push({
      ...d,
      ...(meta ? { severity: meta.severity, docs: docsOf(meta) } : {}),
      ...(setting ? { severity: setting } : {}),
      ...(template ? { message: renderMessage(template, d.data) } : {}),
    });
  }
  return out;
}

/** The page documenting a finding id: its own, or that of the rule that reports it (`reportedBy`). */
const docsOf = (meta: FindingMeta) => `docs/rules/${docName(meta.reportedBy ?? meta.id)}.md`;

/** An internal/exception finding: a file a stage threw on (`exception`), or a rule that threw (`ruleException`). */
export function internalFinding(
  messageId: MessageIdOf<'internal/exception'>,
  data: Record<string, unknown>,
  lang: Lang = 'zh',
): Diagnostic {
  return inLang(finding('internal/exception', messageId, data), lang);
}

/** The finding for a rule that threw, naming the rule (ESLint appends `Rule: "<id>"`). */
function ruleCrash(rule: string, error: unknown, lang: Lang): Diagnostic {
  return internalFinding(
    'ruleException',
    { rule, error: error instanceof Error ? error.message : String(error) },
    lang,
  );
}

const RULE_IDS = new Set(RULES.map((r) => r.meta.id));

interface Repair {
  path: ModelPath;
  value: number;
  satisfies: string[];
}

/**
 * One-cell repairs: for each group of failing equations that share cells, the cell (and value) that would make
 * every one of them hold while keeping every equation it takes part in that holds now — proposed only when
 * exactly one cell does (design.md principle 2: a suggestion with the evidence, never a silent change).
 */
function suggestRepairs(report: Report, failing: readonly Equation[]): Map<Equation, Repair> {
  const out = new Map<Equation, Repair>();
  if (failing.length === 0) return out;
  const all = allEquations(report);
  const key = (p: ModelPath) => p.join('.');
  const cellsOf = (eq: Equation) => [...eq.lhs, ...eq.rhs].map(key);
  // Group failing equations that share a cell.
  const groups: Equation[][] = [];
  for (const eq of failing) {
    const cells = new Set(cellsOf(eq));
    const joined = groups.filter((g) => g.some((o) => cellsOf(o).some((c) => cells.has(c))));
    const merged = [eq, ...joined.flat()];
    for (const g of joined) groups.splice(groups.indexOf(g), 1);
    groups.push(merged);
  }
  for (const group of groups) {
    const unique = [...new Map(group.map((e) => [`${e.id}:${cellsOf(e).join(',')}`, e])).values()];
    // Candidates: cells that every failing equation of the group contains.
    let candidates = cellsOf(unique[0]!);
    for (const eq of unique.slice(1)) {
      const cells = new Set(cellsOf(eq));
      candidates = candidates.filter((c) => cells.has(c));
    }
    const repairs: Repair[] = [];
    for (const cell of new Set(candidates)) {
      const path = cell.split('.');
      const value = fixValue(report, unique[0]!, cell);
      if (value === null || value < 0 || !Number.isInteger(value)) continue;
      const touched = all.filter((e) => cellsOf(e).includes(cell));
      const patched = (p: ModelPath) => (key(p) === cell ? value : (cellAt(report, p) ?? null));
      if (touched.every((e) => holdsWith(e, patched)))
        repairs.push({ path, value, satisfies: [...new Set(touched.map((e) => e.id))] });
    }
    if (repairs.length === 1) for (const eq of group) out.set(eq, repairs[0]!);
  }
  return out;
}

/** The value a cell must take for an equation to hold (blanks elsewhere count as 0). */
function fixValue(report: Report, eq: Equation, cell: string): number | null {
  const e = evaluate(report, eq);
  if (!e) return null;
  const inLhs = eq.lhs.some((p) => p.join('.') === cell);
  const current = cellAt(report, cell.split('.')) ?? 0;
  const value = inLhs ? current + (e.rhs - e.lhs) : current + (e.lhs - e.rhs);
  return Math.round(value * 1e6) / 1e6;
}

function holdsWith(eq: Equation, valueOf: (p: ModelPath) => number | null): boolean {
  const side = (ps: readonly ModelPath[]) => {
    let s = 0;
    let written = 0;
    for (const p of ps) {
      const v = valueOf(p);
      if (v !== null) {
        s += v;
        written++;
      }
    }
    return written ? s : null;
  };
  const l = side(eq.lhs);
  const r = side(eq.rhs);
  return l === null || r === null || Math.abs(l - r) < 1e-9;
}

/** Every equation of the report's format, for checking that a repair breaks nothing. */
function allEquations(report: Report): Equation[] {
  const cache = allCache.get(report.formatVersion);
  if (cache) return cache;
  const format = formatOf(report.formatVersion);
  const list: Equation[] = [];
  for (const t of format.tables) {
    for (const id of t.rowIdentities)
      for (const r of t.rows) {
        if (!r.columns.some((c) => c.key === id.total)) continue;
        const at = (c: string): ModelPath => [t.key, ...r.path, c];
        list.push({
          id: t.layout === 'wide' ? wideId(r.path.join('.')) : id.id,
          lhs: [at(id.total)],
          rhs: id.parts.map(at),
        });
      }
    for (const ci of t.columnIdentities ?? []) {
      const byId = new Map(t.rows.map((r) => [r.path.join('.'), r]));
      for (const c of byId.get(ci.lhs[0]!)!.columns)
        list.push({
          id: ci.id,
          lhs: ci.lhs.map((r) => [t.key, ...byId.get(r)!.path, c.key]),
          rhs: ci.rhs.map((r) => [t.key, ...byId.get(r)!.path, c.key]),
        });
    }
  }
  allCache.set(report.formatVersion, list);
  return list;
}
const allCache = new Map<string, Equation[]>();
const wideId = (block: string) =>
  ({ review: 'T4-1', litigationDirect: 'T4-2', litigationAfterReview: 'T4-3' })[block] ?? 'T4';
