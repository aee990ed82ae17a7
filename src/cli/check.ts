// The `check` and `check-samples` commands: read + extract + check each file, print a text, JSON or SARIF report.
import type { RuleSetting } from '../check.ts';
import { renderMessage, type Lang, type MessageCatalogue } from '../model/diagnostic.ts';
import type { ReportFile } from '../model/file.ts';
import { checkFile } from '../pipeline.ts';
import {
  countRules,
  createSarif,
  jsonChunks,
  textFile,
  textRuleSummary,
  textSummary,
} from '../render/diagnostics/index.ts';
import type { RuleCounts, SeverityCounts } from '../render/diagnostics/index.ts';
import { REGISTRY } from '../rules/index.ts';
import { ConfigError, loadRuleConfig, unknownRuleWarnings } from './config.ts';
import { EXIT, toOutput, type Io } from './io.ts';
import type { Task } from './batch.ts';
import { noReportLine, noReportReason, processFile } from './process.ts';
import type { Report } from '../model/report.ts';

/** The wording of check's own lines on stderr. */
const CHECK_MESSAGES = {
  tooManyWarnings: {
    zh: '警告 {count} 条，超过 --max-warnings {max}',
    en: '{count} warnings, more than --max-warnings {max}',
  },
} satisfies MessageCatalogue;

/** Output formats of `check`. */
export type CheckFormat = 'text' | 'json' | 'sarif';

/** Options of checking one file. */
export interface CheckFileOptions {
  lang?: Lang;
  rules?: Record<string, RuleSetting>;
  /** The directory a relative path is read from. */
  cwd?: string;
  /** What the cross-year and aggregate rules need besides the report (--previous, --published-at, --member). */
  context?: CheckContext;
  /** Read scanned PDF pages by OCR (default true). */
  ocr?: boolean;
}

/** The reports and facts given on the command line for the rules that need more than the report itself. */
export interface CheckContext {
  previous?: Report;
  publishedAt?: string;
  members?: Report[];
}

/** The registered rules by id (unknown ids in --rule and the configuration are warned about). */

/**
 * Reads, extracts and checks one file from disk (src/pipeline.ts): the rules' findings, with those of reading and
 * extraction under their own rules, settings and wording applied also to a file that gave no report. Never throws.
 */
export async function checkPath(file: string, options: CheckFileOptions = {}): Promise<ReportFile> {
  const lang = options.lang ?? 'zh';
  const processed = await processFile(file, { lang, cwd: options.cwd, ocr: options.ocr ?? true });
  return checkFile(processed, {
    lang,
    ...(options.rules ? { rules: options.rules } : {}),
    ...options.context,
  });
}

/** Options of a `check` run. */
export interface CheckRunOptions {
  format: CheckFormat;
  lang: Lang;
  /** --rule flags, in order. */
  rule: string[];
  /** --config FILE. */
  config?: string | undefined;
  /** nianbao's version, written in SARIF output. */
  version?: string;
  /** Worker threads for the batch (1: in-process). */
  jobs?: number;
  /** --timeout SECONDS: a file's time limit (0 or absent: none, and jobs 1 runs in-process). */
  timeout?: number;
  /** --max-memory MB: each worker thread's heap. */
  maxMemory?: number;
  /** --previous FILE: the same body's report on the year before (T3-6, T2-2, T2-3, X-5). */
  previous?: string | undefined;
  /** --published-at DATE: when the report was published (late-publication). */
  publishedAt?: string | undefined;
  /** --member FILE…: the reports a regional aggregate should be the sum of (aggregate-mismatch). */
  member?: string[] | undefined;
  /** --no-ocr: leave scanned PDF pages unread. */
  ocr?: boolean;
  /** --quiet: report errors only (warnings still count for --max-warnings). */
  quiet?: boolean;
  /** --max-warnings N: more warnings than N is exit 1, as an error would be. */
  maxWarnings?: number | undefined;
  /** -o FILE: write the output there instead of standard output. */
  output?: string | undefined;
  /** --no-fold: every finding on a line of its own in text output. */
  fold?: boolean;
  /** --docs-url BASE: where the rule pages are, for SARIF's helpUri (default: this copy's docs/rules/). */
  docsUrl?: string | undefined;
}

/** Reads the reports named by --previous and --member; a file that gives no report is a usage error. */
async function loadContext(
  options: CheckRunOptions,
  cwd: string,
  lang: Lang,
): Promise<{ context: CheckContext } | { error: string }> {
  const context: CheckContext = {};
  const load = async (file: string): Promise<Report | string> => {
    const processed = await processFile(file, { lang, cwd });
    if (processed.report) return processed.report;
    // Named as given on the command line, then why: the option's file, not one of the files checked.
    return `${file}: ${noReportReason(processed.diagnostics, lang)}`;
  };
  if (options.previous) {
    const r = await load(options.previous);
    if (typeof r === 'string') return { error: r };
    context.previous = r;
  }
  if (options.member?.length) {
    context.members = [];
    for (const file of options.member) {
      const r = await load(file);
      if (typeof r === 'string') return { error: r };
      context.members.push(r);
    }
  }
  if (options.publishedAt) context.publishedAt = options.publishedAt;
  return { context };
}

/** Runs `check` on files and returns the exit code; output is written file by file as each is checked. */
export async function runCheck(files: readonly string[], options: CheckRunOptions, io: Io): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const { lang } = options;
  let config;
  try {
    config = await loadRuleConfig({ config: options.config, flags: options.rule, cwd, lang });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(`nianbao: ${error.message}\n`);
    return EXIT.usage;
  }
  for (const w of unknownRuleWarnings(config, REGISTRY.keys(), lang)) io.err(`nianbao: ${w}\n`);
  const loaded = await loadContext(options, cwd, lang);
  if ('error' in loaded) {
    io.err(`nianbao: ${loaded.error}\n`);
    return EXIT.usage;
  }
  const { expandInputs } = await import('./batch.ts');
  const inputs = (await expandInputs(files, cwd)).map((f) => ({ file: f }));
  const { code } = await toOutput(options.output, cwd, io, (out) =>
    checkAll(
      inputs,
      {
        format: options.format,
        lang,
        rules: config.rules,
        cwd,
        version: options.version,
        jobs: options.jobs ?? 1,
        ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
        ...(options.maxMemory !== undefined ? { maxMemory: options.maxMemory } : {}),
        context: loaded.context,
        ocr: options.ocr ?? true,
        quiet: options.quiet ?? false,
        fold: options.fold ?? true,
        maxWarnings: options.maxWarnings,
        docsBase: options.docsUrl ?? DOCS_BASE,
      },
      out,
    ),
  );
  return code;
}

/** The rule pages of this copy of nianbao, as a file: URI (SARIF's helpUri must be absolute). */
const DOCS_BASE = new URL('../../docs/rules/', import.meta.url).href;

/** The exit code of a run (ESLint's), with the line saying why --max-warnings made it 1. */
function exitCodeOf(
  unreadable: number,
  counts: SeverityCounts,
  maxWarnings: number | undefined,
  lang: Lang,
  io: Io,
): number {
  if (unreadable) return EXIT.unreadable;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) {
    io.err(
      `nianbao: ${renderMessage(CHECK_MESSAGES.tooManyWarnings[lang], { count: counts.warning, max: maxWarnings })}\n`,
    );
    return EXIT.errors;
  }
  return counts.error ? EXIT.errors : EXIT.ok;
}

/**
 * Checks files one by one and writes the chosen format: text and JSON are streamed file by file (a batch of
 * thousands runs in constant memory), SARIF is written at the end (it is one JSON document), from the findings
 * alone. A file that gives no report is also named on stderr, as `extract` does.
 */
export async function checkAll(
  inputs: readonly { file: string; cwd?: string }[],
  options: {
    format: CheckFormat;
    lang: Lang;
    rules?: Record<string, RuleSetting>;
    cwd?: string;
    version?: string | undefined;
    jobs?: number;
    /** Seconds a file may take (0 or absent: no limit). */
    timeout?: number;
    /** MB of heap of each worker thread. */
    maxMemory?: number;
    context?: CheckContext;
    ocr?: boolean;
    /** Errors only in the output; the counts returned are of every finding. */
    quiet?: boolean;
    /** Fold runs of one cause in text output (default true). */
    fold?: boolean;
    /** More warnings than this is exit 1. */
    maxWarnings?: number | undefined;
    /** SARIF: where the rule pages are (an absolute URI ending in "/"). */
    docsBase?: string;
  },
  io: Io,
): Promise<{ unreadable: number; counts: SeverityCounts; code: number }> {
  const { format, lang } = options;
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  const byRule: RuleCounts = new Map();
  const text = { lang, color: io.color ?? false, fold: options.fold ?? true };
  const sarif =
    format === 'sarif'
      ? createSarif({
          lang,
          version: options.version,
          rules: [...REGISTRY.values()],
          ...(options.docsBase ? { docsBase: options.docsBase } : {}),
        })
      : null;
  let unreadable = 0;
  const notReadable: { file: string; message: string; ruleId?: string }[] = [];
  if (format === 'json') await io.out(jsonChunks.open);
  const { progress, runTasks } = await import('./batch.ts');
  const bar = progress(inputs.length, (s) => io.err(s), io.errTty ?? false);
  const tasks = inputs.map((input) => ({
    task: 'check' as const,
    file: input.file,
    lang,
    cwd: input.cwd ?? options.cwd ?? process.cwd(),
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.context ? { context: options.context } : {}),
    ocr: options.ocr ?? true,
  }));
  const local = (t: Task) =>
    checkPath(t.file, {
      lang,
      ...(options.rules ? { rules: options.rules } : {}),
      cwd: t.cwd,
      ...(options.context ? { context: options.context } : {}),
      ocr: options.ocr ?? true,
    });
  let i = -1;
  for await (const result of runTasks(tasks, options.jobs ?? 1, local, {
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    ...(options.maxMemory !== undefined ? { maxMemory: options.maxMemory } : {}),
  })) {
    i++;
    const input = inputs[i]!;
    bar.tick(input.file);
    for (const d of result.diagnostics) counts[d.severity]++;
    if (result.report === null) {
      unreadable++;
      const message = noReportLine(input.file, result.diagnostics, lang);
      io.err(`nianbao: ${message}\n`);
      const ruleId = result.diagnostics.find((d) => d.severity === 'error')?.ruleId;
      notReadable.push({ file: input.file, message, ...(ruleId ? { ruleId } : {}) });
    }
    const shown = options.quiet
      ? { ...result, diagnostics: result.diagnostics.filter((d) => d.severity === 'error') }
      : result;
    countRules(byRule, shown.diagnostics);
    if (format === 'json') await io.out(jsonChunks.entry(shown, i));
    else if (sarif) sarif.add(shown);
    else await io.out((i > 0 ? '\n' : '') + textFile(shown, text));
  }
  bar.done();
  const code = exitCodeOf(unreadable, counts, options.maxWarnings, lang, io);
  if (format === 'json') await io.out(jsonChunks.close(inputs.length));
  else if (sarif)
    await io.out(JSON.stringify(sarif.log({ exitCode: code, unreadable: notReadable }), null, 2) + '\n');
  else {
    // Over a batch, which rules found what: the triage of hundreds of reports starts there.
    if (inputs.length > 1 && byRule.size > 0) await io.out('\n' + textRuleSummary(byRule, text));
    const shownCounts = options.quiet ? { ...counts, warning: 0, info: 0 } : counts;
    await io.out('\n' + textSummary(inputs.length, shownCounts, { ...text, unreadable }));
  }
  return { unreadable, counts, code };
}
