// The datasets of `nianbao extract` (docs/datasets.md): each report checked and its quality counted, written as the
// long CSV (a row per cell) or the wide CSV or XLSX (a row per report) as the reports come.
import { rename, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Lang } from '../model/diagnostic.ts';
import type { ReportFile } from '../model/file.ts';
import { checkFile } from '../pipeline.ts';
import { findingCounts, type FindingCounts } from '../render/dataset/quality.ts';
import { UsageError, version, type Io } from './io.ts';

/** An extracted file with the error and warning counts of checking it (what a worker sends back for a dataset). */
export type CountedFile = ReportFile & { checked?: FindingCounts };

/** Checks an extracted file and keeps the counts; its diagnostics stay the extraction's (they tell unread cells). */
export function withCounts(f: ReportFile, lang: Lang = 'zh'): CountedFile {
  if (!f.report) return f;
  return { ...f, checked: findingCounts(checkFile(f, { lang }).diagnostics) };
}

/** Where a dataset goes and what it says of every report besides the file. */
export interface DatasetOptions {
  region?: string;
  /** The XLSX's file (required for it; the CSVs go to `io.out`). */
  output?: string;
}

/** A dataset being written: `add` each file as it comes (files without a report are left out), then `end`. */
export interface DatasetWriter {
  add(f: ReportFile): Promise<void>;
  end(): Promise<void>;
}

export async function datasetWriter(
  format: 'csv' | 'wide-csv' | 'wide-xlsx',
  options: DatasetOptions,
  io: Io,
): Promise<DatasetWriter> {
  const nianbao = version();
  const cwd = io.cwd ?? process.cwd();
  if (format === 'csv') {
    const { renderCsv } = await import('../render/report/csv.ts');
    let first = true;
    const write = async (f?: CountedFile) => {
      const reports = f?.report ? [f.report] : [];
      const origins = f
        ? [{ file: f.file, sha256: f.sha256, extraction: f.diagnostics, checked: f.checked }]
        : [];
      await io.out(renderCsv(reports, origins, { header: first }));
      first = false;
    };
    return {
      add: async (f) => void (f.report ? await write(f) : undefined),
      end: async () => void (first ? await write() : undefined),
    };
  }
  const { wideCsvHeader, wideCsvRows, wideRow, wideXlsx } = await import('../render/dataset/wide.ts');
  const row = (f: CountedFile) =>
    wideRow(
      {
        file: f.file,
        ...(f.sha256 ? { sha256: f.sha256 } : {}),
        report: f.report!,
        extraction: f.diagnostics,
        ...(f.checked ? { checked: f.checked } : {}),
        ...(options.region ? { region: options.region } : {}),
      },
      { nianbao },
    );
  if (format === 'wide-csv') {
    let first = true;
    const header = async () => {
      if (first) await io.out(wideCsvHeader());
      first = false;
    };
    return {
      add: async (f) => {
        await header();
        if (f.report) await io.out(wideCsvRows([row(f)]));
      },
      end: header,
    };
  }
  // The workbook is written at the end: only the rows (a few hundred values each) are kept, not the reports. Where
  // it goes is tried first, so that a path that cannot be written is said before any file is read.
  const rows: ReturnType<typeof wideRow>[] = [];
  const target = resolve(cwd, options.output!);
  const partial = `${target}.${process.pid}.partial`;
  try {
    await writeFile(partial, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`-o ${options.output}：无法写入该文件（${code}）(cannot write the file)`);
  }
  return {
    add: async (f) => void (f.report ? rows.push(row(f)) : undefined),
    end: async () => {
      try {
        await writeFile(partial, await wideXlsx(rows, { nianbao }));
        await rename(partial, target);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      io.err(`${rows.length} 份报告 → ${options.output}\n`);
    },
  };
}
