// The Write page's form, without React: a typed figure read by its column's kind, a cell set in a report (a new
// report, the old one untouched), and the draft kept in localStorage per agency and year.
import type { ColumnKind } from '../../../src/model/format.ts';
import type { Cell, Report, RowValues, TableValues } from '../../../src/model/report.ts';

/** A figure as typed: its value (null for a blank), or the reason it is not one. */
export type Parsed = { ok: true; value: Cell } | { ok: false; reason: 'count' | 'signed' | 'amount' };

const PATTERN: Record<ColumnKind, RegExp> = {
  // Whole numbers ≥ 0: applications, documents, cases.
  count: /^\d+$/,
  // The 2019 format's 本年增/减 (规章、规范性文件): a whole number that may be negative.
  signed: /^[-+]?\d+$/,
  // 采购总金额 (万元), 收费金额 (万元): a decimal ≥ 0.
  amount: /^\d+(\.\d+)?$/,
};

/**
 * Reads what was typed in a figure cell of the given kind. Blank stays blank (null), never 0; full-width digits and
 * minus signs are read as ASCII, thousands separators and spaces dropped.
 */
export function parseFigure(text: string, kind: ColumnKind): Parsed {
  const s = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[－−–]/g, '-')
    .replace(/[．。]/g, '.')
    .replace(/[\s,，]/g, '');
  if (s === '') return { ok: true, value: null };
  if (!PATTERN[kind].test(s)) return { ok: false, reason: kind };
  const value = Number(s);
  return Number.isFinite(value)
    ? { ok: true, value: Object.is(value, -0) ? 0 : value }
    : { ok: false, reason: kind };
}

/** The report with the cell at a dotted figure path ("requests.carriedOver.total") set; the others shared. */
export function withCell(report: Report, path: string, value: Cell): Report {
  const [table, ...keys] = path.split('.');
  if (table !== 'proactive' && table !== 'requests' && table !== 'reviewLitigation')
    throw new Error(`not a figure path: ${path}`);
  const set = (node: TableValues, rest: string[]): TableValues => {
    const [k, ...more] = rest;
    const child = node[k!];
    if (child === undefined) throw new Error(`no cell ${path} in a ${report.formatVersion} report`);
    if (more.length === 1) {
      if (!(more[0]! in child)) throw new Error(`no cell ${path} in a ${report.formatVersion} report`);
      const row: RowValues = { ...(child as RowValues), [more[0]!]: value };
      return { ...node, [k!]: row };
    }
    return { ...node, [k!]: set(child as TableValues, more) };
  };
  return { ...report, [table]: set(report[table], keys) };
}

/** The draft of a report being written. */
export interface Draft {
  report: Report;
  /** The dotted paths carried from last year's report. */
  carried: string[];
  /** The report they were carried from. */
  previous: { id: number; agency: string; region: string | null; year: number | null } | null;
  /** What was typed in cells where it is not (yet) a figure, by dotted path. */
  texts: Record<string, string>;
  /** When the draft was last saved (ISO). */
  savedAt?: string;
}

const PREFIX = 'nianbao.write.';

/** The localStorage key of an agency's draft for a year. */
export const draftKey = (agency: string, year: number) => `${PREFIX}${year}.${agency}`;

/** The draft kept for an agency and year, or null (none, or not readable as one). */
export function loadDraft(agency: string, year: number): Draft | null {
  try {
    const raw = localStorage.getItem(draftKey(agency, year));
    if (!raw) return null;
    const d = JSON.parse(raw) as Draft;
    return d && typeof d === 'object' && d.report && Array.isArray(d.carried)
      ? { ...d, texts: d.texts ?? {} }
      : null;
  } catch {
    return null;
  }
}

/** Keeps the draft (false when the browser refuses: private mode, storage full). */
export function saveDraft(agency: string, year: number, draft: Draft): boolean {
  try {
    localStorage.setItem(
      draftKey(agency, year),
      JSON.stringify({ ...draft, savedAt: new Date().toISOString() }),
    );
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(agency: string, year: number): void {
  try {
    localStorage.removeItem(draftKey(agency, year));
  } catch {
    // nothing kept
  }
}
