// Region sums: the cell-wise sum of member reports into one report marked as an aggregate (format-spec §8.5).
import type { Diagnostic, Lang } from '../model/diagnostic.ts';
import { finding, inLang, type MessageIdOf, type StageId } from '../findings/index.ts';
import type { FormatDef, FormatVersion, RowDef, TableDef } from '../model/format.ts';
import { formatOf, versionForYear } from '../model/formats/index.ts';
import { blankReport, rowValues, type Report, type RowValues } from '../model/report.ts';

/** Options of an aggregate. */
export interface AggregateOptions {
  /** The name the aggregate is reported under, e.g. "三门峡市" (null when not given). */
  agency?: string;
  /** The year summed; also decides the format version of the aggregate (format-spec §2). */
  year?: number;
  /** Language of the diagnostics (Chinese by default). */
  lang?: Lang;
}

/** A cell some members left blank: its dotted model path and how many members did. */
export interface BlankCount {
  path: string;
  count: number;
}

/** The aggregate report, the cells summed over blanks, and what could not be summed. */
export interface AggregateResult {
  report: Report;
  blanks: BlankCount[];
  diagnostics: Diagnostic[];
}

type MessageId = MessageIdOf<`aggregate/${string}` & StageId>;

/** An aggregate finding (rule id `aggregate/` + its message id), worded in `lang`. */
function diagnostic(
  messageId: MessageId,
  data: Record<string, unknown>,
  lang: Lang,
  path?: string[],
): Diagnostic {
  return inLang(finding(`aggregate/${messageId}`, messageId, data, path ? { path } : {}), lang);
}

/** The number of decimals a figure is written with (1655.0887 → 4), so sums are rounded to the inputs' precision. */
export function decimalsOf(value: number): number {
  const s = String(value);
  const e = /e([+-]\d+)$/.exec(s);
  const mantissa = e ? s.slice(0, e.index) : s;
  const dot = mantissa.indexOf('.');
  const d = (dot < 0 ? 0 : mantissa.length - dot - 1) - (e ? Number(e[1]) : 0);
  return Math.max(0, d);
}

/**
 * Adds figures without floating-point drift: each is scaled to an integer at the largest precision among them,
 * the integers are added, and the sum is scaled back (0.1 + 0.2 gives 0.3, not 0.30000000000000004).
 */
export function exactSum(values: readonly number[]): number {
  let d = 0;
  for (const v of values) d = Math.max(d, decimalsOf(v));
  if (d === 0) return values.reduce((s, v) => s + v, 0);
  const scale = 10 ** d;
  let sum = 0;
  for (const v of values) sum += Math.round(v * scale);
  return Number((sum / scale).toFixed(d));
}

/** Where a member's figure for a cell of the aggregate's format comes from. */
type Source = readonly (readonly string[])[] | null;

/**
 * The cells of a member's report that make one cell of the aggregate, or null when the member's format cannot say
 * (format-spec §8.5): the same path when it exists in the member's format — tables 3 and 4 and, in the same
 * version, table 2; for a 2019 aggregate, the 2021 （六）1 + 2 + 3 of a 2021 member (T3-7, exact); never across
 * versions in table 2 (§4.3: the columns are not mappable), nor a 2019 （六） into one of the 2021 （六） rows.
 */
function sourceOf(member: FormatDef, out: FormatDef, table: TableDef, row: RowDef, column: string): Source {
  if (member.version === out.version) return [row.path];
  if (table.key === 'proactive') return null;
  const memberTable = member.tables.find((t) => t.key === table.key)!;
  const key = row.path.join('.');
  if (memberTable.rows.some((r) => r.path.join('.') === key && r.columns.some((c) => c.key === column)))
    return [row.path];
  // A 2019 row (six) against the 2021 rows under it: the parts sum to the whole.
  const parts = memberTable.rows.filter(
    (r) => r.path.length > row.path.length && key === r.path.slice(0, row.path.length).join('.'),
  );
  return parts.length ? parts.map((r) => r.path) : null;
}

/** The version of the aggregate: the year's format, else the members' common or majority version (2021 on a tie). */
function versionOf(members: readonly Report[], year: number | null): FormatVersion {
  const byYear = year === null ? null : versionForYear(year);
  if (byYear) return byYear;
  const n2019 = members.filter((m) => m.formatVersion === '2019').length;
  return n2019 > members.length - n2019 ? '2019' : '2021';
}

/**
 * The cell-wise sum of the members' reports, as a report of one format version marked `aggregate: { members }`
 * (report-json.md: nianbao's own key; the contract keys are untouched and ReportSchema holds). Decisions, each a
 * diagnostic when it applies (rule ids `aggregate/…`):
 * - a cell is the sum of the figures the members wrote; blanks are added as 0 and counted per cell (`blanks`), and
 *   a cell is blank only where every member left it blank — never a figure made up;
 * - amounts (万元) are added exactly, rounded to the largest precision of the inputs (exactSum);
 * - 2019- and 2021-format table 2 are never added (format-spec §4.3, §8.5): when the members mix versions, table 2
 *   of the aggregate is left blank rather than holding the sum of some members only, which would pass for the
 *   region's total;
 * - table 3 maps the versions by T3-7: a 2021 member's （六）1 + 2 + 3 is a 2019 aggregate's （六）; a 2019
 *   member's single （六） cannot be split into the 2021 rows, so those three rows are left blank and the （六）
 *   subtotal is given in the diagnostic (（七）总计 then exceeds the rows shown — T3-3 reports it, on purpose);
 * - sections are null (an aggregate has no text of its own) and there is no provenance.
 */
export function aggregate(members: readonly Report[], options: AggregateOptions = {}): AggregateResult {
  const lang = options.lang ?? 'zh';
  const diagnostics: Diagnostic[] = [];
  const years = [...new Set(members.map((m) => m.year).filter((y): y is number => y !== null))].sort();
  const year = options.year ?? (years.length === 1 ? years[0]! : null);
  const version = versionOf(members, year);
  const out = formatOf(version);
  const report = blankReport(version);
  report.agency = options.agency ?? null;
  report.year = year;
  report.aggregate = { members: members.length };
  if (members.length === 0) {
    diagnostics.push(diagnostic('no-members', {}, lang));
    return { report, blanks: [], diagnostics };
  }
  if (years.length > 1)
    diagnostics.push(
      diagnostic(
        'mixed-years',
        { years: years.join('、'), year: year === null ? (lang === 'zh' ? '不详' : 'unknown') : year },
        lang,
      ),
    );

  const formats = members.map((m) => formatOf(m.formatVersion));
  const blanks: BlankCount[] = [];
  let blankCount = 0;
  let unsplit = false;
  for (const table of out.tables) {
    for (const row of table.rows) {
      const values = rowValues(report[table.key], row);
      for (const column of row.columns) {
        const written: number[] = [];
        let blank = 0;
        let unmappable = false;
        // Where each version's figure comes from, worked out once per cell rather than once per member.
        const sources = new Map<FormatVersion, Source>();
        members.forEach((m, i) => {
          let source = sources.get(m.formatVersion);
          if (source === undefined) {
            source = sourceOf(formats[i]!, out, table, row, column.key);
            sources.set(m.formatVersion, source);
          }
          if (!source) {
            unmappable = true;
            return;
          }
          for (const p of source) {
            const v = cellOf(m, table.key, p, column.key);
            if (v === null) blank++;
            else written.push(v);
          }
        });
        if (unmappable) {
          if (table.key === 'requests') unsplit = true;
          continue;
        }
        values[column.key] = written.length ? exactSum(written) : null;
        if (blank > 0) {
          blanks.push({ path: [table.key, ...row.path, column.key].join('.'), count: blank });
          blankCount += blank;
        }
      }
    }
  }
  const n2019 = members.filter((m) => m.formatVersion === '2019').length;
  if (n2019 > 0 && n2019 < members.length)
    diagnostics.push(
      diagnostic('mixed-table2', { n2019, n2021: members.length - n2019, version }, lang, ['proactive']),
    );
  if (unsplit) {
    // The （六） subtotal of all members: the 2019 row, or the 2021 rows under it.
    const total: number[] = [];
    members.forEach((m) => {
      const node = m.requests.otherHandling as RowValues | Record<string, RowValues>;
      const rows = typeof (node as RowValues).total === 'undefined' ? Object.values(node) : [node];
      for (const r of rows as RowValues[]) if (typeof r.total === 'number') total.push(r.total);
    });
    diagnostics.push(
      diagnostic('other-handling-unsplit', { n: n2019, total: exactSum(total) }, lang, [
        'requests',
        'otherHandling',
      ]),
    );
  }
  if (blanks.length)
    diagnostics.push(diagnostic('blanks', { cells: blanks.length, count: blankCount }, lang));
  return { report, blanks, diagnostics };
}

/** A member's figure: the cell at table / row path / column, null for a blank or a cell its format lacks. */
function cellOf(
  report: Report,
  table: TableDef['key'],
  row: readonly string[],
  column: string,
): number | null {
  let node: unknown = report[table];
  for (const k of row) node = (node as Record<string, unknown> | undefined)?.[k];
  const v = (node as Record<string, unknown> | undefined)?.[column];
  return typeof v === 'number' ? v : null;
}
