// Year over year: two reports compared cell by cell, indicator by indicator and section by section.
import type { Lang } from '../model/diagnostic.ts';
import type { FormatDef, SectionKey, TableKey } from '../model/format.ts';
import { formatOf } from '../model/formats/index.ts';
import { madeFrom, rowsAcross, sameLineage } from '../model/across.ts';
import { cellsOf, SECTION_KEYS, TABLE_KEYS, type Report } from '../model/report.ts';
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
  /** Which tables were compared cell by cell: table 2 only when both formats' are of one lineage (§4.3). */
  comparable: Record<TableKey, boolean>;
  cells: CellDifference[];
  indicators: IndicatorChange[];
  sections: SectionSimilarity[];
}

/**
 * A figure of a report for a path of the format `f` the two are compared in: the cell, or the sum of the report's
 * rows that make it (a 2021 report's （六）1 + 2 + 3 for the 2019 row （六）, T3-7), null if any of them is blank.
 */
function figure(report: Report, f: FormatDef, cell: FormatCell): number | null {
  const own = formatOf(report.formatVersion);
  const rows = rowsAcross(own, f, cell.table.key, cell.row, cell.column.key);
  if (!rows) return null;
  if (rows.length === 1) return cellAt(report, [cell.table.key, ...rows[0]!, cell.column.key]) ?? null;
  const values = rows.map((r) => cellAt(report, [cell.table.key, ...r, cell.column.key]));
  return values.every((v): v is number => typeof v === 'number') ? exactSum(values) : null;
}

/** b − a at the inputs' precision. */
function delta(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : exactSum([b, -a]);
}

/** A cell of a format (cellsOf). */
type FormatCell = ReturnType<typeof cellsOf> extends Generator<infer C> ? C : never;

/**
 * The format two reports are compared in: their own when they share it; across versions the one whose every
 * cell the other's report can give (the 2019 shape, where 2021's （六）1–3 sum to the 2019 row, format-spec §8.1
 * T3-7, while a 2019 （六） cannot be split). Tables of different lineages are left out (table 2, §4.3).
 */
function comparedFormat(fa: FormatDef, fb: FormatDef): FormatDef {
  if (fa === fb) return fa;
  const covers = (from: FormatDef, to: FormatDef) =>
    TABLE_KEYS.every((k) => !sameLineage(from, to, k) || madeFrom(from, to, k));
  return covers(fb, fa) || !covers(fa, fb) ? fa : fb;
}

/**
 * Compares two reports, typically one body's reports of two years (a the earlier): every cell that differs (a
 * blank against a figure included), the change of every indicator (indicators.ts), and the text similarity of each
 * section (similarity.ts). Across format versions table 2 is not compared (its columns mean different things,
 * format-spec §4.3) and table 3 compares （六）其他处理 as one row.
 */
export function compareReports(a: Report, b: Report, options: { lang?: Lang } = {}): Comparison {
  const lang = options.lang ?? 'zh';
  const fa = formatOf(a.formatVersion);
  const fb = formatOf(b.formatVersion);
  const f = comparedFormat(fa, fb);
  const other = f === fa ? fb : fa;
  const comparable = Object.fromEntries(TABLE_KEYS.map((k) => [k, sameLineage(fa, fb, k)])) as Record<
    TableKey,
    boolean
  >;
  const cells: CellDifference[] = [];
  for (const cell of cellsOf(f)) {
    if (!comparable[cell.table.key]) continue;
    const x = figure(a, f, cell);
    const y = figure(b, f, cell);
    if (x === y) continue;
    let label = nameOf(f, cell.path, lang);
    // A row the other version splits: say its figure there is the sum of the rows under it.
    const parts = rowsAcross(other, f, cell.table.key, cell.row, cell.column.key)?.length ?? 1;
    if (parts > 1)
      label +=
        lang === 'zh'
          ? `（${other.version} 年格式为 1–${parts} 项之和）`
          : ` (the sum of rows 1–${parts} in the ${other.version} format)`;
    cells.push({ path: cell.path.join('.'), label, a: x, b: y, delta: delta(x, y) });
  }
  const ia = indicators(a);
  const ib = indicators(b);
  return {
    comparable,
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
