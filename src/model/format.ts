// The shape of a format definition: the official tables, rows, columns and labels as data (design.md principle 1).

/**
 * The name of a format version: '2019' (2019 试行, 国办公开办函〔2019〕60号) or '2021' (国办公开办函〔2021〕30号), or one
 * added with registerFormat (src/model/formats/index.ts). A string, not a union: the versions are data, and a
 * version registered at run time is as good as a shipped one.
 */
export type FormatVersion = string;

/** Keys of the three statistics tables in the report JSON. */
export type TableKey = 'proactive' | 'requests' | 'reviewLitigation';

/** Keys of the six sections in the report JSON. */
export type SectionKey = 'overview' | 'proactive' | 'requests' | 'reviewLitigation' | 'problems' | 'other';

/**
 * How the figures of a column are written: `count` integers ≥ 0, `signed` integers that may be negative
 * (2019 本年增/减), `amount` decimals in 万元 (2019 采购总金额, 2021 本年收费金额).
 */
export type ColumnKind = 'count' | 'signed' | 'amount';

/**
 * Label matching keys. `contains`: the normalised label contains one of these; `equals`: the normalised label,
 * numbering removed, is exactly one of these (for labels as short as "其他").
 */
export interface LabelMatch {
  readonly contains?: readonly string[];
  readonly equals?: readonly string[];
}

/** One column of a table row: its JSON key, official label, label variants met in practice and kind. */
export interface ColumnDef {
  readonly key: string;
  readonly label: string;
  readonly kind: ColumnKind;
  readonly match: LabelMatch;
  /** Unit the JSON stores amounts in (always 万元 in both formats). */
  readonly unit?: '万元';
  /** The printed header grouping this column with its neighbours, e.g. "法人或其他组织" (renderers). */
  readonly group?: string;
}

/** One data row of a table. */
export interface RowDef {
  /** Path of the row inside the table object of the report JSON, e.g. ['denied', 'stateSecret']. */
  readonly path: readonly string[];
  /** The official label, numbering included, e.g. "1.属于国家秘密". */
  readonly label: string;
  /** Official label of the group the row belongs to, e.g. "（三）不予公开"; also the 2019/2021 table-2 block caption. */
  readonly group?: string;
  /** The group that holds `group`, e.g. "三、本年度办理结果" for the rows of （三）不予公开. */
  readonly parentGroup?: string;
  /** Label variants met in published reports (documentation and tests; matching uses `match`). */
  readonly variants?: readonly string[];
  readonly match: LabelMatch;
  readonly columns: readonly ColumnDef[];
  /**
   * In a `wide` table, the word of the header that names this block (直接起诉, 复议后起诉): the blocks that have one
   * are read in the order the header names them (a report that prints 复议后起诉 first swaps the lawsuit blocks).
   */
  readonly header?: string;
}

/** A sum that must hold inside one row: `total` = Σ `parts` (e.g. 总计 = the six applicant columns, T3-2). */
export interface RowIdentity {
  readonly id: string;
  readonly total: string;
  readonly parts: readonly string[];
}

/**
 * A sum that must hold in every column between rows of a table: Σ `lhs` rows = Σ `rhs` rows (row ids are the
 * dotted row paths). T3-1: 一 + 二 = （七） + 四; T3-3: （七） = Σ outcome rows.
 */
export interface ColumnIdentity {
  readonly id: string;
  readonly lhs: readonly string[];
  readonly rhs: readonly string[];
}

/** A statistics table. */
export interface TableDef {
  readonly key: TableKey;
  /** The section the table is printed in. */
  readonly section: SectionKey;
  readonly title: string;
  /**
   * `rows`: one physical row per data row (tables 2 and 3); `wide`: every data row laid side by side in one
   * physical row, in order (table 4: 行政复议 | 未经复议直接起诉 | 复议后起诉, five cells each).
   */
  readonly layout: 'rows' | 'wide';
  readonly rows: readonly RowDef[];
  /** Identities that hold inside every data row (used to split run-together digits and resolve extra cells). */
  readonly rowIdentities: readonly RowIdentity[];
  /** Identities between rows that hold in every column (table 3's 勾稽关系). */
  readonly columnIdentities?: readonly ColumnIdentity[];
  /** Words that only this table's header or captions contain; used to find the table in a document. */
  readonly vocabulary: readonly string[];
  /** Label text of header rows (no figures), e.g. the 勾稽关系 note; for renderers. */
  readonly note?: string;
  /**
   * Tables of one lineage give a cell path the same meaning, so their cells are summed and compared across format
   * versions (format-spec §4.3, §8.5). Table 3 and table 4 are one lineage each in every version (table 3's
   * differing rows are mapped by their paths, T3-7); table 2 of 2019 and of 2021 are two, since their columns mean
   * different things even where a key repeats (处理决定数量).
   */
  readonly lineage: string;
  /**
   * The word every block caption of the table contains (第二十条, of 第二十条第（一）项): a caption starts a new block
   * whose columns, unit and column positions are its own.
   */
  readonly blockMark?: string;
  /**
   * The header of the label column (信息内容): a header row that holds it and names one column still gives the
   * block's columns (2021's single 本年处理决定数量 column).
   */
  readonly labelHeader?: string;
}

/** A section of the report (same six in both formats). */
export interface SectionDef {
  readonly key: SectionKey;
  readonly number: string;
  readonly heading: string;
  /** The section named in English messages, e.g. "3 (requests)". */
  readonly headingEn: string;
  readonly variants: readonly string[];
  /** The heading text (numbering removed, normalised) must contain one of these. */
  readonly match: readonly string[];
}

/** A whole format version. */
export interface FormatDef {
  readonly version: FormatVersion;
  readonly document: string;
  readonly title: string;
  /** First report year the format applies to, and the last (inclusive) if superseded. */
  readonly years: readonly [number, number | null];
  /** Words only this version's tables use (version detection, format-spec §2). */
  readonly vocabulary: readonly string[];
  /**
   * Section 六 must state the information processing fees collected (信息处理费, 国办函〔2020〕109号, in force
   * 2021-01-01): the 2021 format's “（六）其他需要报告的事项” asks for them (format-spec §3.1（六）, §8.4 X-4).
   */
  readonly processingFees: boolean;
  readonly sections: readonly SectionDef[];
  readonly tables: readonly TableDef[];
}

/** The definition of one of a format's sections. */
export function sectionDef(format: FormatDef, key: SectionKey): SectionDef {
  return format.sections.find((s) => s.key === key)!;
}
