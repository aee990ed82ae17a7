// Year over year: two reports compared cell by cell, indicator by indicator and section by section.
import type { Lang } from '../model/diagnostic.ts';
import type { FormatDef, SectionKey, TableKey } from '../model/format.ts';
import { formatOf } from '../model/formats/index.ts';
import { cellsOf, SECTION_KEYS, type Report } from '../model/report.ts';
import { cellAt, nameOf } from '../model/cells.ts';
import { INDICATOR_KEYS, indicators, indicatorValue, type IndicatorKey } from './indicators.ts';
import { similarityLength, textSimilarity } from './similarity.ts';
import { exactSum } from './sum.ts';

/** A cell whose figure differs between the two reports. */
export interface CellDifference {
  /** The dotted model path ("requests.granted.total"). */
  path: string;
  /** The cell as a reviewer names it: 表三（依申请公开）“（一）予以公开”行“总计”列. */
  label: string;
  a: number | null;
  b: number | null;
  /** b − a, exact to the inputs' precision; null when either is blank. */
  delta: number | null;
}

/** An indicator of both reports. */
export interface IndicatorChange {
  key: IndicatorKey;
  a: number | null;
  b: number | null;
  /** b − a; null when either is null. */
  delta: number | null;
}

/** How alike a section's text is in the two reports (textSimilarity: bigram multiset Jaccard, 0–1). */
export interface SectionSimilarity {
  section: SectionKey;
  /** Characters compared in each (normalised: no whitespace or punctuation). */
  lengthA: number;
  lengthB: number;
  /** Null when either report lacks the section's text. */
  similarity: number | null;
}

/** The result of comparing report a (e.g. last year) with report b (e.g. this year). */
export interface Comparison {
  /** Which tables were compared cell by cell: table 2 only when both use the same format version (§4.3). */
  comparable: Record<TableKey, boolean>;
  cells: CellDifference[];
  indicators: IndicatorChange[];
  sections: SectionSimilarity[];
}

/** A figure of a report for a dotted path: the cell, or for a 2021 report the 2019 row （六） as 1 + 2 + 3 (T3-7). */
function figure(report: Report, path: string[]): number | null {
  const direct = cellAt(report, path);
  if (direct !== undefined) return direct;
  // A 2019 （六） cell asked of a 2021 report: the sum of its three rows, null if any is blank.
  if (path[0] === 'requests' && path[1] === 'otherHandling' && path.length === 3) {
    const rows = report.requests.otherHandling as Record<string, Record<string, number | null>>;
    const values = Object.values(rows).map((r) => r[path[2]!]);
    return values.every((v): v is number => typeof v === 'number') ? exactSum(values) : null;
  }
  return null;
}

/** b − a at the inputs' precision. */
function delta(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : exactSum([b, -a]);
}

/**
 * The cells both reports have, as paths of the format `f` they are compared in: every cell of tables 3 and 4, table
 * 2 only between reports of the same version, and where the versions differ table 3's （六） as the 2019 row (the
 * 2021 rows 1–3 summed, format-spec §8.1 T3-7) instead of the 2021 rows the 2019 report cannot split.
 */
function comparedCells(f: FormatDef, sameVersion: boolean): { path: string[]; format: FormatDef }[] {
  const out: { path: string[]; format: FormatDef }[] = [];
  for (const c of cellsOf(f)) {
    if (!sameVersion && c.table.key === 'proactive') continue;
    out.push({ path: c.path, format: f });
  }
  return out;
}

/**
 * Compares two reports, typically one body's reports of two years (a the earlier): every cell that differs (a
 * blank against a figure included), the change of every indicator (indicators.ts), and the text similarity of each
 * section (similarity.ts). Across format versions table 2 is not compared (its columns mean different things,
 * format-spec §4.3) and table 3 compares （六）其他处理 as one row.
 */
export function compareReports(a: Report, b: Report, options: { lang?: Lang } = {}): Comparison {
  const lang = options.lang ?? 'zh';
  const same = a.formatVersion === b.formatVersion;
  // Across versions, table 3 is compared in the 2019 shape, where both have every row.
  const f = formatOf(same ? a.formatVersion : '2019');
  const cells: CellDifference[] = [];
  for (const { path, format } of comparedCells(f, same)) {
    const x = figure(a, path);
    const y = figure(b, path);
    if (x === y) continue;
    let label = nameOf(format, path, lang);
    if (!same && path[1] === 'otherHandling')
      label += lang === 'zh' ? '（2021 年格式为 1–3 项之和）' : ' (the sum of rows 1–3 in the 2021 format)';
    cells.push({ path: path.join('.'), label, a: x, b: y, delta: delta(x, y) });
  }
  const ia = indicators(a);
  const ib = indicators(b);
  return {
    comparable: { proactive: same, requests: true, reviewLitigation: true },
    cells,
    indicators: INDICATOR_KEYS.map((key) => {
      const x = indicatorValue(ia, key);
      const y = indicatorValue(ib, key);
      return { key, a: x, b: y, delta: x === null || y === null ? null : y - x };
    }),
    sections: SECTION_KEYS.map((section) => ({
      section,
      lengthA: similarityLength(a.sections[section]),
      lengthB: similarityLength(b.sections[section]),
      similarity: textSimilarity(a.sections[section], b.sections[section]),
    })),
  };
}
