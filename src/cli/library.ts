// The library commands: import, agencies, merges and aggregate over the report database (src/store).
import { fsPath } from './paths.ts';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { Diagnostic, Lang } from '../model/diagnostic.ts';
import type { ReportScope } from '../model/scope.ts';
import { renderMessage } from '../model/diagnostic.ts';
import type { AgencyYearStatus, MergeProposal, Store, StoredReport } from '../store/index.ts';
import { displayWidth, pad } from '../render/width.ts';
import { agencyStatusObject } from '../region.ts';
import { EXIT, type Io } from './io.ts';

/** The options every library command takes: the database and the language of the messages. */
export interface LibraryOptions {
  /** --db: a PGlite directory, 'memory:' or a postgres:// URL (default: NIANBAO_DB, else ./data/nianbao). */
  db?: string;
  lang: Lang;
}

/** The wording of the library commands, in both languages (design.md principle 5). */
export const LIBRARY_MESSAGES = {
  cannotOpen: { zh: '无法打开数据库：{reason}', en: 'cannot open the database: {reason}' },
  noDatabase: {
    zh: '{db}：没有数据库（数据库由 nianbao import 新建；请检查 --db 或 NIANBAO_DB）',
    en: '{db}: there is no database here (nianbao import creates one; check --db or NIANBAO_DB)',
  },
  imported: { zh: '已导入', en: 'imported' },
  'new-version': { zh: '新版本', en: 'new version' },
  unchanged: { zh: '未变', en: 'unchanged' },
  unreadable: { zh: '无法读取', en: 'unreadable' },
  version: { zh: '第 {n} 版', en: 'version {n}' },
  counts: { zh: '错误 {errors} · 警告 {warnings}', en: '{errors} errors · {warnings} warnings' },
  errorCount: { zh: '错误 {errors}', en: '{errors} errors' },
  checkedAgainst: {
    zh: '已对照 {year} 年报告核对跨年度规则',
    en: 'cross-year rules checked against the {year} report',
  },
  recheckedNext: {
    zh: '{year} 年报告（#{id}）已按本报告重新核对跨年度规则',
    en: 'the {year} report (#{id}) checked again against this one (cross-year rules)',
  },
  noAgency: { zh: '（机构不详）', en: '(agency unknown)' },
  noYear: { zh: '（年度不详）', en: '(year unknown)' },
  proposalMerge: {
    zh: '建议合并 #{id}：{name}（{region}）→ {target}（{targetRegion}）：{reason}',
    en: 'proposed merge #{id}: {name} ({region}) → {target} ({targetRegion}): {reason}',
  },
  proposalRename: {
    zh: '建议改名 #{id}：{name}（{region}）→ {proposed}：{reason}',
    en: 'proposed rename #{id}: {name} ({region}) → {proposed}: {reason}',
  },
  importSummary: {
    zh: '{files} 个文件：导入 {imported}，新版本 {newVersion}，未变 {unchanged}，无法读取 {unreadable}；错误 {errors}，警告 {warnings}；建议合并 {proposals}（用 nianbao merges 审核）；用时 {seconds} 秒',
    en: '{files} files: {imported} imported, {newVersion} new versions, {unchanged} unchanged, {unreadable} unreadable; {errors} errors, {warnings} warnings; {proposals} proposed merges (review with nianbao merges); {seconds} s',
  },
  noFiles: { zh: '没有要导入的文件', en: 'no files to import' },
  reported: { zh: '已报送', en: 'reported' },
  missing: { zh: '缺报', en: 'missing' },
  'no-reports': { zh: '无报告', en: 'no reports' },
  agencyYears: { zh: '有报告的年度：{years}', en: 'years reported: {years}' },
  agenciesSummary: {
    zh: '{year} 年，{region}：机构 {agencies} 个，已报送 {reported}，缺报 {missing}，无报告 {none}；有错误的报告 {withErrors} 份',
    en: '{year}, {region}: {agencies} agencies, {reported} reported, {missing} missing, {none} with no reports; {withErrors} reports with errors',
  },
  allRegions: { zh: '全部地区', en: 'all regions' },
  emptyLibrary: {
    zh: '数据库中还没有报告（先用 nianbao import 导入）',
    en: 'the library holds no reports yet (nianbao import first)',
  },
  badYear: {
    zh: '--year {value}：应为四位年份，例如 --year 2021',
    en: '--year {value}: a four-digit year is expected, e.g. --year 2021',
  },
  noProposals: { zh: '没有待审核的合并建议', en: 'no merge proposals to review' },
  confirmed: { zh: '已确认 #{id}', en: 'confirmed #{id}' },
  rejected: { zh: '已拒绝 #{id}', en: 'rejected #{id}' },
  badId: { zh: '{flag} {value}：应为建议编号（数字）', en: '{flag} {value}: a proposal number is expected' },
  confirmAndReject: { zh: '--confirm 与 --reject 只能用一个', en: 'give --confirm or --reject, not both' },
  aggregateSummary: {
    zh: '成员报告 {members} 份，缺报机构 {missing} 个，有成员留空的单元格 {blankCells} 个（共 {blanks} 处，按 0 相加）',
    en: '{members} member reports, {missing} missing agencies, {blankCells} cells with blanks ({blanks} in all, summed as 0)',
  },
  members: { zh: '成员报告：', en: 'Members:' },
  coveredList: {
    zh: '不重复相加（已由所在地区的全域报告代表）：',
    en: 'Not added again (their place’s whole-region report stands for them):',
  },
  coveredBy: { zh: '由 #{id} {agency} 代表', en: 'within #{id} {agency}' },
  regionReportList: {
    zh: '本地区的全域报告（不相加，与成员之和比较）：',
    en: 'The region’s own whole-region reports (not added; compared with the members’ sum):',
  },
  misfiledList: {
    zh: '不计入（名称所属的地方不在本地区内，见 library/region-mismatch）：',
    en: 'Not counted (the name is of a place outside the region: library/region-mismatch):',
  },
  regionReportAlone: {
    zh: '没有可比较的成员报告',
    en: 'no member reports to compare it with',
  },
  moreDifferences: {
    zh: '……另有 {n} 处不符（--format json 列出全部）',
    en: '… and {n} more (--format json lists them all)',
  },
  regionReportAgrees: { zh: '与成员之和一致', en: 'agrees with the members’ sum' },
  regionReportDiffers: {
    zh: '{n} 个单元格与成员之和不符（aggregate-mismatch）',
    en: '{n} cells differ from the members’ sum (aggregate-mismatch)',
  },
  scopeIs: { zh: '范围：{scope}', en: 'scope: {scope}' },
  warning: { zh: '警告', en: 'warning' },
  scope_region: { zh: '全域', en: 'whole region' },
  scope_own: { zh: '本级', en: 'own (本级)' },
  scope_department: { zh: '部门', en: 'department' },
  scope_unknown: { zh: '范围不详', en: 'scope unknown' },
  missingList: { zh: '缺报机构：', en: 'Missing:' },
  written: { zh: '已写入 {file}', en: 'written to {file}' },
} as const satisfies Record<string, { zh: string; en: string }>;

/** A message of the library commands in a language. */
export function say(
  lang: Lang,
  id: keyof typeof LIBRARY_MESSAGES,
  data: Record<string, unknown> = {},
): string {
  return renderMessage(LIBRARY_MESSAGES[id][lang], data);
}

/**
 * Opens the store for a command and runs `body` on it, closing it afterwards (a PGlite directory is then free for
 * the next process). Only `import` creates a database (`create`); a location holding none, or a database that cannot
 * be opened, is a message on stderr naming it and exit 2, never a stack trace.
 */
export async function withStore(
  options: LibraryOptions,
  io: Io,
  body: (store: Store) => Promise<number>,
  { create = false }: { create?: boolean } = {},
): Promise<number> {
  const { openStore, NoDatabaseError, StoreError } = await import('../store/index.ts');
  let store: Store;
  try {
    store = await openStore(options.db, { create });
  } catch (error) {
    if (error instanceof NoDatabaseError)
      io.err(`nianbao: ${say(options.lang, 'noDatabase', { db: error.location })}\n`);
    else {
      const reason = error instanceof Error ? error.message : String(error);
      io.err(`nianbao: ${say(options.lang, 'cannotOpen', { reason })}\n`);
    }
    return EXIT.usage;
  }
  try {
    return await body(store);
  } catch (error) {
    // A wrong proposal id or state is the caller's mistake, worded by the store: no stack trace for that.
    if (error instanceof StoreError) {
      io.err(`nianbao: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  } finally {
    await store.close();
  }
}

/** A year given on the command line, or null (with the message on stderr) when it is not a plausible year. */
export function parseYear(value: string, lang: Lang, io: Io): number | null {
  const year = Number(value);
  if (/^\d{4}$/.test(value.trim()) && year >= 2008 && year <= 2100) return year;
  io.err(`nianbao: ${say(lang, 'badYear', { value })}\n`);
  return null;
}

/** "义马市人民政府办公室 · 2019 · 第 1 版": a stored report as one reads it in a list. */
export function describeStored(r: StoredReport, lang: Lang): string {
  const agency = r.agency?.name ?? say(lang, 'noAgency');
  const year = r.year ?? say(lang, 'noYear');
  return `${agency} · ${year} · ${say(lang, 'version', { n: r.version })}`;
}

function describeProposal(p: MergeProposal, lang: Lang): string {
  const name = p.agency?.name ?? p.agencyName;
  const region = p.agency?.regionPath ?? p.agencyRegion;
  return p.target
    ? say(lang, 'proposalMerge', {
        id: p.id,
        name,
        region: region || '—',
        target: p.target.name,
        targetRegion: p.target.regionPath || '—',
        reason: p.reason,
      })
    : say(lang, 'proposalRename', {
        id: p.id,
        name,
        region: region || '—',
        proposed: p.proposedName,
        reason: p.reason,
      });
}

/** Options of `nianbao import`. */
export interface ImportCommandOptions extends LibraryOptions {
  /** --region: the region every file belongs to, e.g. 河南省/三门峡市. */
  region?: string;
  /** --scope: what every file's report covers (default: decided from each report). */
  scope?: ReportScope;
  /** --timeout, --max-memory: a file's limits, as in a batch (src/cli/batch.ts); the defaults there. */
  timeout?: number;
  maxMemory?: number;
}

/**
 * Imports files and folders: each file through importReport (read → extract → check against last year's report
 * when the library has it → store, one transaction), one line per file and a summary. Exit 2 when a file could
 * not be read (it is still recorded with why, when its bytes could be read; the other files are imported).
 */
export async function runImport(inputs: string[], options: ImportCommandOptions, io: Io): Promise<number> {
  const { DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT, expandInputs, runTasks } = await import('./batch.ts');
  const { stoppedBy } = await import('../isolate/pool.ts');
  const { importReport } = await import('../library.ts');
  const { processFile, unreadable: unreadableDiagnostic } = await import('./process.ts');
  const { readInputFile } = await import('../read/file.ts');
  const { inLang } = await import('../findings/index.ts');
  const { lang } = options;
  const cwd = io.cwd ?? process.cwd();
  const files = await expandInputs(inputs, cwd);
  if (files.length === 0) {
    io.err(`nianbao: ${say(lang, 'noFiles')}\n`);
    return EXIT.usage;
  }
  // The time the user waits: the database's opening (and making, on first use) included.
  const started = performance.now();
  return withStore(
    options,
    io,
    async (store) => {
      const tally = { imported: 0, newVersion: 0, unchanged: 0, unreadable: 0, errors: 0, warnings: 0 };
      let proposals = 0;
      const width = Math.max(...files.map(displayWidth));
      const statusWidth = Math.max(
        ...(['imported', 'new-version', 'unchanged', 'unreadable'] as const).map((s) =>
          displayWidth(say(lang, s)),
        ),
      );
      const line = (status: string, file: string, rest: string) =>
        io.out(`${pad(status, statusWidth)}  ${pad(file, width)}  ${rest}\n`);
      // Read and extracted as a batch's files are, under its limits: small text in process, every other file on a
      // worker thread that is stopped past --timeout or --max-memory. The store is written here, one file at a time.
      const tasks = files.map((file) => ({ task: 'extract' as const, file, lang, cwd }));
      const limits = {
        timeout: options.timeout ?? DEFAULT_TIMEOUT,
        maxMemory: options.maxMemory ?? DEFAULT_MAX_MEMORY,
      };
      let at = 0;
      for await (const extracted of runTasks(
        tasks,
        1,
        (t) => processFile(t.file, { cwd: t.cwd, lang }),
        limits,
      )) {
        const file = files[at++]!;
        // Stopped by a limit of this run, not a property of the file: named, and not stored, so that a later import
        // (a quieter machine, higher limits) reads it again instead of finding it "unchanged".
        const stopped = stoppedBy(extracted.diagnostics);
        if (stopped) {
          tally.unreadable++;
          await line(say(lang, 'unreadable'), file, stopped.message);
          continue;
        }
        let bytes: Uint8Array;
        try {
          const read = await readInputFile(fsPath(resolve(cwd, file)), file);
          // A pipe, a device, a file over the size limit: named with its finding, nothing stored.
          if (!(read instanceof Uint8Array)) {
            tally.unreadable++;
            await line(say(lang, 'unreadable'), file, inLang(read, lang).message);
            continue;
          }
          bytes = read;
        } catch (error) {
          // No bytes, nothing to keep: the file is only named with the reason.
          tally.unreadable++;
          await line(say(lang, 'unreadable'), file, unreadableDiagnostic(file, error, lang).message);
          continue;
        }
        const result = await importReport(store, bytes, {
          extracted,
          fileName: file,
          region: options.region ?? null,
          check: { lang },
          ...(options.scope ? { scope: options.scope } : {}),
        });
        const stored = result.reportId === null ? null : await store.report(result.reportId);
        if (!stored) {
          // Unreadable now, or bytes already stored as unreadable: either way no report, and the reason kept.
          tally.unreadable++;
          const why = firstProblem(await store.fileDiagnostics(result.sourceFileId));
          await line(say(lang, 'unreadable'), file, why ?? '');
          continue;
        }
        if (result.status === 'unchanged') tally.unchanged++;
        else if (result.status === 'new-version') tally.newVersion++;
        else tally.imported++;
        if (result.status !== 'unchanged') {
          tally.errors += stored.errors;
          tally.warnings += stored.warnings;
        }
        let rest = `${describeStored(stored, lang)}  ${say(lang, 'counts', { errors: stored.errors, warnings: stored.warnings })}`;
        if (result.previousYearReportId !== null && stored.year !== null)
          rest += `  ${say(lang, 'checkedAgainst', { year: stored.year - 1 })}`;
        if (stored.scope)
          rest += `  ${say(lang, 'scopeIs', { scope: say(lang, `scope_${stored.scope.scope}`) })}`;
        await line(say(lang, result.status), file, rest);
        if (result.regionMismatch)
          await io.out(`  ${say(lang, 'warning')}  ${result.regionMismatch.message}\n`);
        if (result.nextYearRecheckedId !== null && stored.year !== null)
          await io.out(
            `  ${say(lang, 'recheckedNext', { year: stored.year + 1, id: result.nextYearRecheckedId })}\n`,
          );
        for (const p of result.proposals) {
          proposals++;
          await io.out(`  ${describeProposal(p, lang)}\n`);
        }
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      await io.out(say(lang, 'importSummary', { files: files.length, ...tally, proposals, seconds }) + '\n');
      return tally.unreadable ? EXIT.unreadable : EXIT.ok;
    },
    { create: true },
  );
}

function firstProblem(diagnostics: readonly Diagnostic[]): string | undefined {
  return (diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0])?.message;
}

/** Options of `nianbao agencies`. */
export interface AgenciesCommandOptions extends LibraryOptions {
  region?: string;
  year?: string;
  format: 'text' | 'json';
}

/**
 * The agencies of a region (and below) with, for a year (default: the latest the library holds), whether each
 * reported, is missing (reports for other years only) or has no reports, and its report's error count.
 */
export async function runAgencies(options: AgenciesCommandOptions, io: Io): Promise<number> {
  const { lang } = options;
  let year: number | null = null;
  if (options.year !== undefined) {
    year = parseYear(options.year, lang, io);
    if (year === null) return EXIT.usage;
  }
  return withStore(options, io, async (store) => {
    if (year === null) {
      const years = await store.years();
      if (years.length === 0) {
        io.err(`nianbao: ${say(lang, 'emptyLibrary')}\n`);
        if (options.format === 'json') await io.out('{ "year": null, "agencies": [] }\n');
        return EXIT.ok;
      }
      year = years.at(-1)!;
    }
    const status = await store.regionStatus({ year, region: options.region ?? null });
    if (options.format === 'json') {
      await io.out(
        JSON.stringify(
          {
            year,
            region: options.region ?? null,
            agencies: status.map(agencyStatusObject),
          },
          null,
          2,
        ) + '\n',
      );
      return EXIT.ok;
    }
    await io.out(agencyTable(status, lang));
    const n = (st: AgencyYearStatus['status']) => status.filter((s) => s.status === st).length;
    await io.out(
      say(lang, 'agenciesSummary', {
        year,
        region: options.region || say(lang, 'allRegions'),
        agencies: status.length,
        reported: n('reported'),
        missing: n('missing'),
        none: n('no-reports'),
        withErrors: status.filter((s) => s.errors > 0).length,
      }) + '\n',
    );
    return EXIT.ok;
  });
}

function agencyTable(status: readonly AgencyYearStatus[], lang: Lang): string {
  const rows = status.map((s) => [
    say(lang, s.status),
    s.agency.name,
    s.agency.regionPath || '—',
    s.status === 'reported' ? say(lang, 'errorCount', { errors: s.errors }) : '',
    say(lang, 'agencyYears', { years: s.years.join(', ') || '—' }),
  ]);
  return columns(rows);
}

/** Rows of cells as aligned columns (display width, so Chinese lines up), each line ending in a newline. */
export function columns(rows: readonly (readonly string[])[], align: ('left' | 'right')[] = []): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  return rows
    .map(
      (r) =>
        r
          .map((c, i) => pad(c, widths[i]!, align[i] ?? 'left'))
          .join('  ')
          .trimEnd() + '\n',
    )
    .join('');
}

/** Options of `nianbao merges`. */
export interface MergesCommandOptions extends LibraryOptions {
  confirm?: string;
  reject?: string;
  by?: string;
}

/** Lists the open merge proposals, or confirms or rejects one (recorded with who decided). */
export async function runMerges(options: MergesCommandOptions, io: Io): Promise<number> {
  const { lang } = options;
  if (options.confirm !== undefined && options.reject !== undefined) {
    io.err(`nianbao: ${say(lang, 'confirmAndReject')}\n`);
    return EXIT.usage;
  }
  const flag = options.confirm !== undefined ? '--confirm' : '--reject';
  const value = options.confirm ?? options.reject;
  const id = value === undefined ? null : Number(value);
  if (value !== undefined && !(Number.isInteger(id) && id! > 0)) {
    io.err(`nianbao: ${say(lang, 'badId', { flag, value })}\n`);
    return EXIT.usage;
  }
  return withStore(options, io, async (store) => {
    if (id !== null) {
      const by = options.by?.trim() || userName();
      if (options.confirm !== undefined) await store.confirmProposal(id, by);
      else await store.rejectProposal(id, by);
      await io.out(say(lang, options.confirm !== undefined ? 'confirmed' : 'rejected', { id }) + '\n');
      return EXIT.ok;
    }
    const open = await store.proposals();
    if (open.length === 0) await io.out(say(lang, 'noProposals') + '\n');
    for (const p of open) await io.out(describeProposal(p, lang) + '\n');
    return EXIT.ok;
  });
}

function userName(): string {
  try {
    return userInfo().username || 'nianbao';
  } catch {
    return 'nianbao';
  }
}
