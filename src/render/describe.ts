// One-line descriptions of a report for human-readable output: who, which year, which format, figures read.
import type { Lang } from '../model/diagnostic.ts';
import { formatOf } from '../model/formats/index.ts';
import { cellsOf, rowValues } from '../model/report.ts';
import type { Report } from '../model/report.ts';

/** The number of figures a report holds (non-null cells) out of the cells its format version has. */
export function countFigures(report: Report): { read: number; total: number } {
  let read = 0;
  let total = 0;
  for (const { table, row, column } of cellsOf(formatOf(report.formatVersion))) {
    total++;
    if (rowValues(report[table.key], row)[column.key] != null) read++;
  }
  return { read, total };
}

const WORDS = {
  zh: {
    noAgency: '（未找到机关名称）',
    noYear: '（未找到年度）',
    year: (y: number) => `${y}年度`,
    format: (v: string, doc: string) => `${v} 格式（${doc}）`,
  },
  en: {
    noAgency: '(reporting body not found)',
    noYear: '(year not found)',
    year: (y: number) => `year ${y}`,
    format: (v: string, doc: string) => `${v} format (${doc})`,
  },
} as const;

/** The one-line description of a report: agency · year · format version (with the document that set it). */
export function describeReport(report: Report, lang: Lang = 'zh'): string {
  const f = formatOf(report.formatVersion);
  const w = WORDS[lang];
  const agency = report.agency ?? w.noAgency;
  const year = report.year !== null ? w.year(report.year) : w.noYear;
  return `${agency} · ${year} · ${w.format(f.version, f.document)}`;
}
