// Region sums: the cell-wise sum of member reports into one report marked as an aggregate (format-spec §8.5).
import type { Diagnostic, Lang } from '../model/diagnostic.ts';
import { rowsAcross, wholeRowOf } from '../model/across.ts';
import { finding, inLang, type MessageIdOf, type StageId } from '../findings/index.ts';
import type { FormatDef, FormatVersion, RowDef, TableDef } from '../model/format.ts';
import { FORMATS, formatOf, latestFormat, versionForYear } from '../model/formats/index.ts';
import { blankReport, rowValues, type Report } from '../model/report.ts';

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

/** Where a member's figure for a cell of the aggregate's format comes from (rowsAcross), null when it cannot say. */
type Source = readonly (readonly string[])[] | null;

/**
 * The version of the aggregate: the year's format, else the members' commonest version (the newer on a tie, and
 * the newest with no members).
 */
function versionOf(members: readonly Report[], year: number | null): FormatVersion {
  const byYear = year === null ? null : versionForYear(year);
  if (byYear) return byYear;
  let best = latestFormat().version;
  let most = 0;
  for (const f of FORMATS) {
    const n = members.filter((m) => m.formatVersion === f.version).length;
    if (n > 0 && n >= most) [best, most] = [f.version, n];
  }
  return best;
}

/** A small count as a word (两, three), the way the messages say how many versions or rows. */
function countWord(n: number, lang: Lang, both = false): string {
  if (lang === 'zh')
    return n === 2 ? '两' : (['零', '一', '两', '三', '四', '五', '六', '七', '八', '九'][n] ?? String(n));
  if (both && n === 2) return 'both';
  return ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'][n] ?? String(n);
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
  // Rows of table 3 a member's format has only as a whole (2019's （六）), by path: the versions that have them so.
  const unsplit = new Map<string, Unsplit>();
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
            source = rowsAcross(formats[i]!, out, table.key, row, column.key);
            sources.set(m.formatVersion, source);
          }
          if (!source) {
            unmappable = true;
            const whole = table.key === 'requests' ? wholeRowOf(formats[i]!, table.key, row) : null;
            if (whole) {
              const id = whole.path.join('.');
              const entry = unsplit.get(id) ?? { whole, versions: new Set<FormatVersion>() };
              entry.versions.add(m.formatVersion);
              unsplit.set(id, entry);
            }
            return;
          }
          for (const p of source) {
            const v = cellOf(m, table.key, p, column.key);
            if (v === null) blank++;
            else written.push(v);
          }
        });
        if (unmappable) continue;
        values[column.key] = written.length ? exactSum(written) : null;
        if (blank > 0) {
          blanks.push({ path: [table.key, ...row.path, column.key].join('.'), count: blank });
          blankCount += blank;
        }
      }
    }
  }
  const mixed = mixedTable2(formats, version, lang);
  if (mixed) diagnostics.push(mixed);
  for (const entry of unsplit.values()) diagnostics.push(unsplitRow(entry, members, formats, out, lang));
  if (blanks.length)
    diagnostics.push(diagnostic('blanks', { cells: blanks.length, count: blankCount }, lang));
  return { report, blanks, diagnostics };
}

/** A row of table 3 some members' format has only as a whole (2019's （六）), and those members' versions. */
interface Unsplit {
  whole: RowDef;
  versions: Set<FormatVersion>;
}

/** Table 2 of members of more than one lineage: never added (the aggregate's is left blank), said once. */
function mixedTable2(formats: readonly FormatDef[], version: FormatVersion, lang: Lang): Diagnostic | null {
  const lineages = new Set(formats.map((f) => f.tables.find((t) => t.key === 'proactive')!.lineage));
  if (lineages.size < 2) return null;
  const versions = FORMATS.filter((f) => formats.includes(f));
  const count = (f: FormatDef) => formats.filter((x) => x === f).length;
  const counts = versions
    .map((f) => (lang === 'zh' ? `${f.version} 年格式 ${count(f)} 份` : `${count(f)} in ${f.version} format`))
    .join(lang === 'zh' ? '、' : ', ');
  return diagnostic(
    'mixed-table2',
    { formats: countWord(versions.length, lang, true), counts, version },
    lang,
    ['proactive'],
  );
}

/** The rows of the aggregate left blank under a row some members have only as a whole, with its subtotal. */
function unsplitRow(
  { whole, versions }: Unsplit,
  members: readonly Report[],
  formats: readonly FormatDef[],
  out: FormatDef,
  lang: Lang,
): Diagnostic {
  const under = (r: RowDef) => r.path.slice(0, whole.path.length).join('.') === whole.path.join('.');
  const requests = (f: FormatDef) => f.tables.find((t) => t.key === 'requests')!;
  // The subtotal of all members: the row as a whole, or the rows under it.
  const total: number[] = [];
  formats.forEach((f, i) => {
    for (const r of requests(f).rows.filter(under)) {
      const v = cellOf(members[i]!, 'requests', r.path, 'total');
      if (v !== null) total.push(v);
    }
  });
  const parts = requests(out).rows.filter((r) => r.path.length > whole.path.length && under(r)).length;
  return diagnostic(
    'other-handling-unsplit',
    {
      n: members.filter((m) => versions.has(m.formatVersion)).length,
      total: exactSum(total),
      from: [...versions].join('、'),
      version: out.version,
      row: whole.label,
      number: /^（[^）]+）/.exec(whole.label)?.[0] ?? whole.label,
      parts,
      partsWord: countWord(parts, lang),
    },
    lang,
    ['requests', ...whole.path],
  );
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
