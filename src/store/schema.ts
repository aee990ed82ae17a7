// The database tables as kysely types; migrations/0001-initial.ts creates them (one schema for PGlite and PostgreSQL).
import type { ColumnType, Generated } from 'kysely';
import type { ReportScope, ScopeBasis } from '../model/scope.ts';

/** An auto-generated integer key. */
type Id = Generated<number>;
/** A timestamp the database fills in. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/**
 * A numeric column: both drivers return numeric as text (it may hold 万元 amounts with decimals), written as a
 * number; the store turns it back into a number.
 */
type Numeric = ColumnType<string | null, number | null, number | null>;
/** A jsonb column: written as JSON text (pg would send an array as a Postgres array), read as parsed JSON. */
type Json<T> = ColumnType<T, string, string>;

/** Reporting bodies: a name as found in reports, the region path it was imported under, and what it is. */
export interface AgencyTable {
  id: Id;
  /** The display name (the qualified name, e.g. 上饶市民政局). */
  name: string;
  /** `normalizeAgencyName(name)`: NFKC, no whitespace, one kind of bracket. */
  normalised_name: string;
  /** `matchKey(name)`: the normalised name with 人民政府 → 政府 and office variants unified; merges are proposed on it. */
  match_key: string;
  /** Region path, components joined by "/", e.g. 河南省/三门峡市/义马市; '' when not known. */
  region_path: string;
  level: '省' | '市' | '县' | '乡' | null;
  kind: '政府' | '部门' | null;
  created_at: CreatedAt;
}

/** Other names an agency is known by (a merged agency's names), so later reports under them find it again. */
export interface AgencyAliasTable {
  agency_id: number;
  region_path: string;
  normalised_name: string;
}

/** Proposed merges of an agency into another one, or renames to a qualified name, until a person decides. */
export interface AgencyMergeTable {
  id: Id;
  /** The agency proposed for merging or renaming (null once a confirmed merge deleted it). */
  agency_id: number | null;
  agency_name: string;
  agency_region: string;
  /** The agency to merge into; null for a rename to `proposed_name`. */
  target_agency_id: number | null;
  proposed_name: string;
  reason: string;
  status: 'proposed' | 'confirmed' | 'rejected';
  created_at: CreatedAt;
  decided_at: Date | null;
  decided_by: string | null;
}

/** Every imported file, bytes kept, identified by the sha256 of its content. */
export interface SourceFileTable {
  id: Id;
  sha256: string;
  bytes: ColumnType<Uint8Array, Uint8Array, never>;
  file_name: string;
  /** The input kind read from the bytes (text, html, docx, doc, pdf, xlsx), as the reader decided. */
  kind: string;
  size: number;
  /** The region the file was imported under ('' when none was given). */
  region_path: string;
  imported_at: CreatedAt;
}

/** Versions of reports: every upload and every edit is a version; one per agency and year is current. */
export interface ReportTable {
  id: Id;
  agency_id: number | null;
  year: number | null;
  format_version: string;
  source_file_id: number;
  version: number;
  is_current: boolean;
  /** How the version came about: read from its source file, or an edit of the previous version. */
  origin: 'file' | 'edit';
  /** The report JSON: the contract of report-json.md with provenance and outline. */
  report: Json<unknown>;
  created_at: CreatedAt;
  /** What the report covers (format-spec §8.5): the region as a whole, the body's own work (本级), a department's. */
  scope: ColumnType<ReportScope | null, ReportScope | null | undefined, ReportScope | null>;
  /** How the scope was decided: given on import, said by the report's text, or the body being a department. */
  scope_basis: ColumnType<ScopeBasis | null, ScopeBasis | null | undefined, ScopeBasis | null>;
  /** The words of the report the scope was decided from (basis `text`). */
  scope_evidence: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Every cell of every report version, for SQL analysis. */
export interface CellTable {
  report_id: number;
  table_key: string;
  /** The row's path in its table, dotted, e.g. denied.stateSecret. */
  row_key: string;
  column_key: string;
  value: Numeric;
  /** Where the figure was read, in short form ("12:3", "p.2", "Sheet1!B4"); null for a blank. */
  source: string | null;
  /** How the figure was placed when not simply read (split, grid, arithmetic, or edit). */
  inferred: string | null;
}

/** Findings of reading, extraction and checking, per source file and report version. */
export interface DiagnosticTable {
  id: Id;
  source_file_id: number;
  report_id: number | null;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** Dotted model path, e.g. requests.granted.total. */
  path: string | null;
  source: Json<unknown> | null;
  /** The rest of the diagnostic as JSON (message id, data, related cells, suggestions, docs). */
  detail: Json<unknown>;
}

/** Changes made by a person to a figure: each makes a new report version; the old value stays in the old one. */
export interface EditTable {
  id: Id;
  /** The version the edit made. */
  report_id: number;
  /** The version edited. */
  previous_report_id: number;
  path: string;
  old_value: Numeric;
  new_value: Numeric;
  at: CreatedAt;
  by: string;
  why: string;
}

/** A reviewer's verdict on a finding of a report version (migrations/0003-finding-verdicts.ts). */
export interface FindingVerdictTable {
  report_id: number;
  /** The finding's stable id within its report version (rule, message, model path). */
  finding_id: string;
  status: 'confirmed' | 'dismissed' | 'open';
  note: ColumnType<string, string | undefined, string>;
  by: string;
  at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** A user of the login mode (migrations/0004-users.ts): a role, its scope, a password kept only as its hash. */
export interface UserTable {
  id: Id;
  name: string;
  role: 'admin' | 'reviewer' | 'author';
  /** A reviewer's region (null: every region); an author's agency's region. */
  region_path: string | null;
  /** An author's agency as named when the user was added. */
  agency_name: string | null;
  /** An author's agency once a stored agency matches the name. */
  agency_id: number | null;
  /** `$scrypt$ln=…,r=…,p=…$salt$hash`. */
  password_hash: string;
  created_at: CreatedAt;
}

/** A login session: the SHA-256 of its token, never the token. */
export interface SessionTable {
  token_hash: string;
  user_id: number;
  created_at: CreatedAt;
  expires_at: Date;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** The database, for kysely. */
export interface Database {
  agencies: AgencyTable;
  agency_aliases: AgencyAliasTable;
  agency_merges: AgencyMergeTable;
  source_files: SourceFileTable;
  reports: ReportTable;
  cells: CellTable;
  diagnostics: DiagnosticTable;
  edits: EditTable;
  finding_verdicts: FindingVerdictTable;
  users: UserTable;
  sessions: SessionTable;
}
