// What the store takes and gives: imports and their outcome, agencies, merge proposals, stored reports, edits; and
// the error of a caller's wrong request.
import type { Kysely, Transaction } from 'kysely';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Report } from '../model/report.ts';
import type { ReportScope, ScopeBasis } from '../model/scope.ts';
import type { Database } from './schema.ts';

/** What to import: one file's bytes and what reading, extraction and checking made of it. */
export interface ImportInput {
  fileName: string;
  bytes: Uint8Array;
  /** The input kind the reader found (text, html, docx, doc, pdf, xlsx). */
  kind: string;
  /** The region the file belongs to, e.g. 江西省/上饶市 (names without a place are completed from it). */
  region?: string | null;
  /** The report, or null when none could be read. */
  report: Report | null;
  /** Every finding of reading, extraction and checking. */
  diagnostics: readonly Diagnostic[];
  /** What the report covers and how that was decided (none: not known). */
  scope?: ScopeDecision | null;
}

/** A report's scope (format-spec §8.5) and how it was decided: set by a person, read in its text, or its kind. */
export interface ScopeDecision {
  scope: ReportScope;
  basis: ScopeBasis;
  /** The report's words it was read from (basis `text`). */
  evidence?: string | null;
}

/**
 * What an import did: `unchanged` (these bytes were imported before), `imported` (first report of its agency and
 * year), `new-version` (it replaced the current report of its agency and year, which is kept), `unreadable`
 * (the file is stored with its diagnostics, no report).
 */
export type ImportStatus = 'unchanged' | 'imported' | 'new-version' | 'unreadable';

/** The outcome of `importFile`. */
export interface ImportResult {
  status: ImportStatus;
  sha256: string;
  sourceFileId: number;
  reportId: number | null;
  agencyId: number | null;
  version: number | null;
  /** The report version this one made non-current. */
  previousReportId: number | null;
  /** Merges or renames proposed for a newly found agency. */
  proposals: MergeProposal[];
}

/** An agency as stored. */
export interface Agency {
  id: number;
  name: string;
  normalisedName: string;
  matchKey: string;
  regionPath: string;
  level: '省' | '市' | '县' | '乡' | null;
  kind: '政府' | '部门' | null;
}

/** A proposed merge of an agency into another (or a rename when `target` is null), and its decision. */
export interface MergeProposal {
  id: number;
  /** The agency concerned (null once a confirmed merge deleted it: `agencyName` and `agencyRegion` remain). */
  agency: Agency | null;
  agencyName: string;
  agencyRegion: string;
  target: Agency | null;
  proposedName: string;
  reason: string;
  status: 'proposed' | 'confirmed' | 'rejected';
  decidedBy: string | null;
}

/** A report version with its agency and file. */
export interface StoredReport {
  id: number;
  agency: Agency | null;
  year: number | null;
  formatVersion: string;
  version: number;
  isCurrent: boolean;
  origin: 'file' | 'edit';
  sourceFileId: number;
  fileName: string;
  createdAt: Date;
  report: Report;
  /** What the report covers, null when neither its text nor a person said. */
  scope: ScopeDecision | null;
  /** Counts of the version's diagnostics by severity. */
  errors: number;
  warnings: number;
}

/** Whether an agency of a region reported for a year. */
export interface AgencyYearStatus {
  agency: Agency;
  /** `reported`: a current report for the year; `missing`: reports for other years but not this one. */
  status: 'reported' | 'missing' | 'no-reports';
  reportId: number | null;
  errors: number;
  /** The years the agency has a current report for. */
  years: number[];
}

/** One recorded change of a figure. */
export interface Edit {
  id: number;
  reportId: number;
  previousReportId: number;
  path: string;
  oldValue: number | null;
  newValue: number | null;
  at: Date;
  by: string;
  why: string;
}

/** A change to make: a cell path (dotted, e.g. requests.granted.total) and its new figure (null for blank). */
export interface CellChange {
  path: string;
  value: number | null;
}

/** Input of `recordEdit`. */
export interface EditInput {
  /** The current version to edit. */
  reportId: number;
  changes: readonly CellChange[];
  by: string;
  why: string;
  /** The diagnostics of the edited report (the caller checks it; the store holds no rules). */
  diagnostics?: (report: Report) => readonly Diagnostic[];
}

/** A problem with what a caller asked of the store (not a document problem): a wrong id, path or state. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** There is no database at the location, and the caller asked not to create one (every command but import). */
export class NoDatabaseError extends StoreError {
  override name = 'NoDatabaseError';
  constructor(readonly location: string) {
    super(`there is no database at ${location}`);
  }
}

/** The database handle. */
export type Db = Kysely<Database>;
/** The database handle or a transaction: helpers run inside the caller's transaction. */
export type Trx = Transaction<Database> | Db;
