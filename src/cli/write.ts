// `nianbao render` and `nianbao new`: reports written out in the official layout or as data, templates to fill in.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import type { Report } from '../model/report.ts';
import type { OutputFormat } from '../render/report/index.ts';
import { EXIT, type Io } from './io.ts';

/** Options of `nianbao render`. */
export interface RenderCommandOptions {
  to: OutputFormat;
  /** A file (one input, or every input into one CSV) or a directory (several inputs). */
  output?: string;
  provenance?: boolean;
  /** Read scanned PDF pages by OCR (default true). */
  ocr?: boolean;
  /** --strict: write no report that has a finding of severity error (exit 1). */
  strict?: boolean;
}

const isDirectory = async (path: string) => {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
};

/** The output name for an input: its base name with the new extension, made unique within the batch. */
function outputName(file: string, ext: string, taken: Set<string>): string {
  const stem = basename(file, extname(file)) || 'report';
  let name = stem + ext;
  for (let i = 2; taken.has(name); i++) name = `${stem}-${i}${ext}`;
  taken.add(name);
  return name;
}

/**
 * Reads (or takes as JSON) each input, extracts it and writes it in the chosen format. One input: to `-o FILE`, or
 * to standard output for text formats, or next to the working directory as `<name>.<ext>` for binary ones. Several
 * inputs: into the directory `-o DIR` (created), except CSV, which goes into one file with a row per cell of every
 * report. An unreadable input is named on stderr and the others are still written (exit 2).
 */
export async function runRender(inputs: string[], opts: RenderCommandOptions, io: Io): Promise<number> {
  const { expandInputs } = await import('./batch.ts');
  const { noReportLine, processFile } = await import('./process.ts');
  const { checkFile } = await import('../pipeline.ts');
  const { OUTPUTS, renderReport } = await import('../render/report/index.ts');
  const { findingCounts } = await import('../render/dataset/quality.ts');
  const cwd = io.cwd ?? process.cwd();
  const files = await expandInputs(inputs, cwd);
  const ext = OUTPUTS[opts.to].extension;
  const out = opts.output === undefined ? undefined : resolve(cwd, opts.output);
  const toDir = out !== undefined && (opts.output!.endsWith('/') || (await isDirectory(out)));
  const combineCsv = opts.to === 'csv' && !toDir;
  if (files.length > 1 && !toDir && !combineCsv) {
    io.err(`nianbao: ${files.length} 个输入文件：请用 -o 指定输出目录 (several inputs: give -o DIRECTORY)\n`);
    return EXIT.usage;
  }
  let code: number = EXIT.ok;
  const reports: Report[] = [];
  const origins: import('../render/report/csv.ts').CsvOrigin[] = [];
  const taken = new Set<string>();
  let pdf: import('../render/report/pdf.ts').PdfRenderer | undefined;
  try {
    if (toDir) await mkdir(out!, { recursive: true });
    for (const file of files) {
      const result = await processFile(file, { cwd, ocr: opts.ocr ?? true });
      if (!result.report) {
        code = EXIT.unreadable;
        io.err(`nianbao: ${noReportLine(file, result.diagnostics)}\n`);
        continue;
      }
      // A report with errors is not published without a word: said on stderr, refused with --strict.
      const checked = findingCounts(checkFile(result).diagnostics);
      const errors = checked.errors;
      if (errors > 0) {
        io.err(
          `nianbao: ${file}：${errors} 个错误（nianbao check ${file} 列出）${opts.strict ? '，--strict：未写出' : '，仍已写出'} (${errors} errors${opts.strict ? '; --strict: not written' : '; written all the same'})\n`,
        );
        if (opts.strict) {
          if (code === EXIT.ok) code = EXIT.errors;
          continue;
        }
      }
      // The CSV's quality columns: which blank cells were not read (the extraction's findings), what check found.
      const origin = {
        file,
        ...(result.sha256 ? { sha256: result.sha256 } : {}),
        extraction: result.diagnostics,
        checked,
      };
      if (combineCsv) {
        reports.push(result.report);
        origins.push(origin);
        continue;
      }
      if (opts.to === 'pdf' && !pdf) {
        const { PdfRenderer } = await import('../render/report/pdf.ts');
        pdf = await PdfRenderer.launch();
      }
      const body = await renderReport(result.report, opts.to, { pdf, provenance: opts.provenance, origin });
      const target = toDir
        ? join(out!, outputName(file, ext, taken))
        : (out ?? (OUTPUTS[opts.to].text ? undefined : resolve(cwd, outputName(file, ext, taken))));
      if (target === undefined) {
        await io.out(typeof body === 'string' ? body : new TextDecoder().decode(body));
        continue;
      }
      if (target === resolve(cwd, file)) {
        io.err(`nianbao: 不会覆盖输入文件 ${file} (refusing to overwrite the input)\n`);
        code = EXIT.unreadable;
        continue;
      }
      await writeFile(target, body);
      const rel = relative(cwd, target);
      io.err(`${file} → ${rel.startsWith('..') ? target : rel}\n`);
    }
    if (combineCsv) {
      const { renderCsv } = await import('../render/report/csv.ts');
      const csv = renderCsv(reports, origins);
      if (out) {
        await writeFile(out, csv);
        io.err(`${reports.length} 份报告 → ${out}\n`);
      } else await io.out(csv);
    }
  } catch (error) {
    io.err(`nianbao: ${(error as Error).message}\n`);
    return EXIT.unreadable;
  } finally {
    await pdf?.close();
  }
  return code;
}

/** The first year reported on: the Regulations on the Disclosure of Government Information took effect on 1 May 2008. */
const FIRST_REPORT_YEAR = 2008;

/** Options of `nianbao new`. */
export interface NewCommandOptions {
  format?: string;
  agency?: string;
  year?: string;
  previous?: string;
  output?: string;
  lang: 'zh' | 'en';
}

/**
 * Writes a blank report to fill in: XLSX (default) or JSON by the output's extension. With `--previous`, last
 * year's 结转下年度继续办理 is carried into this year's 上年结转; what was carried and any warning go to stderr.
 */
export async function runNew(opts: NewCommandOptions, io: Io): Promise<number> {
  const { findFormat, latestFormat, versionForYear, versionNames } =
    await import('../model/formats/index.ts');
  const { newReport, TEMPLATE_MESSAGES } = await import('../render/report/template.ts');
  const { renderMessage } = await import('../model/diagnostic.ts');
  const cwd = io.cwd ?? process.cwd();
  // Every value is checked before anything is read or written.
  const year = opts.year === undefined ? null : /^\d{4}$/.test(opts.year.trim()) ? Number(opts.year) : NaN;
  // Next year's template at the latest — or the first year of a newer format already defined.
  const latestYear = Math.max(new Date().getFullYear(), latestFormat().years[0]) + 1;
  if (year !== null && Number.isNaN(year)) {
    io.err(`nianbao: --year ${opts.year}：应为四位年份，例如 --year 2025 (a four-digit year)\n`);
    return EXIT.usage;
  }
  if (year !== null && (year < FIRST_REPORT_YEAR || year > latestYear)) {
    io.err(
      `nianbao: --year ${year}：年度报告始于 ${FIRST_REPORT_YEAR} 年（《政府信息公开条例》施行），应为 ${FIRST_REPORT_YEAR} 至 ${latestYear} ` +
        `(annual reports start with ${FIRST_REPORT_YEAR}, when the Regulations took effect: give ${FIRST_REPORT_YEAR}–${latestYear})\n`,
    );
    return EXIT.usage;
  }
  const inForce = year !== null ? versionForYear(year) : null;
  const version = opts.format ?? inForce ?? latestFormat().version;
  if (!findFormat(version)) {
    io.err(
      `nianbao: --format ${opts.format}：应为 ${versionNames('zh')} (the format version: ${versionNames('en')})\n`,
    );
    return EXIT.usage;
  }
  const ext = opts.output === undefined ? '.xlsx' : extname(opts.output).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.json') {
    io.err(
      `nianbao: -o ${opts.output}：nianbao new 写 .xlsx 或 .json 文件 (nianbao new writes a .xlsx or .json file)\n`,
    );
    return EXIT.usage;
  }
  if (inForce && version !== inForce)
    io.err(
      `nianbao: 警告：${year} 年度报告应使用 ${inForce} 格式，--format ${version} 不是该年度施行的格式 ` +
        `(warning: a report on ${year} uses the ${inForce} format, not ${version})\n`,
    );
  let previous: Report | undefined;
  if (opts.previous) {
    const { noReportReason, processFile } = await import('./process.ts');
    const result = await processFile(opts.previous, { cwd });
    if (!result.report) {
      io.err(`nianbao: --previous ${opts.previous}: ${noReportReason(result.diagnostics)}\n`);
      return EXIT.unreadable;
    }
    previous = result.report;
  }
  const agency = opts.agency?.trim() || null;
  const { report, carried, diagnostics } = newReport({ formatVersion: version, agency, year, previous });
  const name =
    opts.output ?? `${agency ?? '政府信息公开工作年度报告'}${year !== null ? `-${year}` : ''}.xlsx`;
  const target = resolve(cwd, name);
  const json = ext === '.json';
  const body = json
    ? (await import('../render/report/json.ts')).renderJson(report)
    : await (await import('../render/report/xlsx.ts')).renderXlsx(report, { template: true });
  try {
    await writeFile(target, body, { flag: 'wx' }); // never overwrite: a filled-in template may be there
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    io.err(
      e.code === 'EEXIST'
        ? `nianbao: ${name} 已存在，未覆盖 (exists; not overwritten)\n`
        : `nianbao: ${name}: ${e.message}\n`,
    );
    return EXIT.unreadable;
  }
  for (const d of diagnostics)
    io.err(`警告 ${renderMessage(TEMPLATE_MESSAGES[d.messageId]![opts.lang], d.data ?? {})}  ${d.ruleId}\n`);
  io.err(
    `${name}：${version} 格式空白报告` +
      (previous
        ? `，已从上一年度报告结转 ${carried.length} 个数字（二、上年结转政府信息公开申请数量）`
        : '') +
      '\n',
  );
  return EXIT.ok;
}
