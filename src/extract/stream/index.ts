// The tables read from the document as one stream of tokens, whatever its lines, cells or tags: rows anchored on
// the format's labels, figures placed by each row's cell count and the table's arithmetic (issue: real reports).
import { UNSURE_MARK } from '../../model/document.ts';
import type { ColumnIdentity, FormatDef, RowDef, TableDef, TableKey } from '../../model/format.ts';
import { blankTable, rowValues, type Provenance, type TableValues } from '../../model/report.ts';
import type { SourceSpan } from '../../model/source.ts';
import type { Item } from '../items.ts';
import { normalizeLabel } from '../labels.ts';
import { finding } from '../../findings/index.ts';
import { identityCheck, type ExtractedTables } from '../tables.ts';
import { blockOrder, wideHeaderChars } from '../tables/grid.ts';
import { toWanyuan } from '../tables/place.ts';
import { chain, compact, findAnchors, FIGURE, type Anchor, type Compact } from './anchors.ts';
import { place, type Piece, type Placement, type RowCheck } from './split.ts';
import { spanAt, streamOf, tokenize, type Stream, type Token } from './tokens.ts';

type Figure = Exclude<Token, { kind: 'word' }>;

/** A row of a table as the stream gave it: its anchor and the figures after it. */
interface StreamRow {
  readonly def: RowDef;
  readonly anchor: Anchor;
  readonly figures: readonly Figure[];
  placement: Placement;
  /** The unit an amount is written in, from the row's label or the header above it. */
  readonly unit?: '元' | '万元';
}

/** Reads the three tables of `format` from the items as streams of tokens. */
export function streamTables(items: readonly Item[], format: FormatDef): ExtractedTables {
  const out: ExtractedTables = {
    tables: Object.fromEntries(format.tables.map((t) => [t.key, blankTable(t)])) as Record<
      TableKey,
      TableValues
    >,
    provenance: {},
    diagnostics: [],
    matched: { proactive: 0, requests: 0, reviewLitigation: 0 },
  };
  for (const def of format.tables) {
    const region = regionOf(items, def, format);
    if (!region) continue;
    if (def.layout === 'wide') readWide(def, region, out);
    else readRows(def, region, out);
  }
  return out;
}

interface Region {
  readonly stream: Stream;
  readonly tokens: readonly Token[];
  /** Tokens [from, to) hold the table. */
  readonly from: number;
  readonly to: number;
}

/**
 * The stretch of the document that holds a table: its section's items when the section was found, else the whole
 * document; from the table's first header word (or first row label) to the next table's header.
 */
function regionOf(items: readonly Item[], def: TableDef, format: FormatDef): Region | null {
  const own = items.filter((it) => it.section === def.section && !it.heading);
  const scoped = own.some((it) =>
    /\d/.test(it.kind === 'para' ? it.text : it.cells.map((c) => c.text).join('')),
  );
  const stream = streamOf(scoped ? own : items);
  const tokens = tokenize(stream.text);
  const words = (t: Token) => (t.kind === 'word' ? normalizeLabel(t.text) : '');
  // In its section a table starts at its header or first row; in an excerpt without sections (a table cut out of a
  // page, its first rows perhaps gone) at the first of its words or row labels.
  const starts = (d: TableDef) => [
    ...d.vocabulary,
    ...d.rows.slice(0, scoped ? 1 : d.rows.length).flatMap((r) => r.match.contains ?? []),
  ];
  const firstOf = (keys: readonly string[], from: number) => {
    const ks = keys.map(normalizeLabel);
    for (let i = from; i < tokens.length; i++) if (ks.some((k) => words(tokens[i]!).includes(k))) return i;
    return -1;
  };
  let from = firstOf(starts(def), 0);
  if (from < 0) {
    // Outside its section a table is only where its own words are.
    if (!scoped) return null;
    from = 0;
  }
  let to = tokens.length;
  if (!scoped) {
    // Without sections, the table ends where the next one begins.
    const next = format.tables[format.tables.indexOf(def) + 1];
    if (next) {
      const at = firstOf(next.vocabulary, from + 1);
      if (at > from) to = at;
    }
  }
  if (!tokens.slice(from, to).some((t) => t.kind === 'num')) return null;
  return { stream, tokens, from, to };
}

/** Table 2 and table 3: one anchored label per row, its figures after it. */
function readRows(def: TableDef, region: Region, out: ExtractedTables) {
  const c = compact(region.tokens, region.from, region.to);
  const rows = anchoredRows(def, region, c);
  resolveByColumns(def, rows);
  for (const row of rows) storeRow(def, region, c, row, out);
  unknownRows(def, region, c, rows, out);
  missingRows(def, rows, out);
}

/** The rows the stream holds: the best chain of the rows' anchored labels, each with its figures placed. */
function anchoredRows(def: TableDef, region: Region, c: Compact): StreamRow[] {
  const { tokens, from } = region;
  const anchors = findAnchors(c, def.rows);
  const runOf = (a: Anchor, limit: number) => figuresAfter(c, tokens, from, a, limit);
  const chosen = chain(anchors, (a) => a.score + (runOf(a, c.text.length).length > 0 ? 1 : 0));
  return chosen.map((a, i) => {
    const r = def.rows[a.row]!;
    const next = chosen[i + 1];
    const figures = runOf(a, next ? next.start : c.text.length);
    const check = rowCheck(def, r);
    return {
      def: r,
      anchor: a,
      figures,
      placement:
        figures.length === 0 ? { kind: 'exact', cells: [] } : place(figures, r.columns.length, check),
      ...unitOf(def, r, c, a, chosen[i - 1]),
    };
  });
}

/** Where a row is in the model and in the document: its label's span. */
interface RowWhere {
  readonly path: string[];
  readonly source: SourceSpan | undefined;
}

/** Stores a row's placed figures in its cells, saying how they were placed (split, extra figures left out). */
function storeRow(def: TableDef, region: Region, c: Compact, row: StreamRow, out: ExtractedTables) {
  const { tokens } = region;
  const values = out.tables[def.key];
  const path = [def.key, ...row.def.path];
  const p = row.placement;
  const where: RowWhere = {
    path,
    source: spanAt(
      region.stream,
      tokens[c.token[row.anchor.start]!]!.start,
      tokens[c.token[row.anchor.end - 1]!]!.end,
    ),
  };
  out.matched[def.key]++;
  if (p.kind === 'none' || p.kind === 'candidates') {
    unplacedRow(region, row, p, where, out);
    return;
  }
  if (p.kind === 'split')
    out.diagnostics.push(finding('extract/split-digits', 'splitDigits', { row: row.def.label }, where));
  if (p.kind === 'extra') {
    const dropped = row.figures.filter((f) => !p.cells.some((c) => c.start === f.start));
    out.diagnostics.push(
      finding(
        'extract/extra-cells',
        'extraCells',
        { row: row.def.label, dropped: dropped.map((f) => f.text).join(' ') },
        where,
      ),
    );
  }
  const target = rowValues(values, row.def);
  const keys = cellKeysOf(def.key, row.def);
  // Figures that touch with nothing between them ("1-100") were cut from one run: inferred, even one per cell.
  const touching = p.cells.some((c, k) => k > 0 && p.cells[k - 1]!.end === c.start);
  row.def.columns.forEach((col, k) => {
    const piece = p.cells[k];
    if (!piece) return;
    store(
      out,
      region.stream,
      target,
      col.key,
      col.kind === 'amount',
      [...path, col.key],
      keys[k]!,
      piece,
      p.kind === 'split' || touching ? 'split' : p.kind === 'extra' ? 'arithmetic' : undefined,
      row.unit,
    );
  });
}

/** A row whose figures could not be placed: said so, and where the figures were kept for each of its cells. */
function unplacedRow(
  region: Region,
  row: StreamRow,
  p: Extract<Placement, { kind: 'none' | 'candidates' }>,
  where: RowWhere,
  out: ExtractedTables,
) {
  const { path } = where;
  const data: Record<string, unknown> = { row: row.def.label };
  const problem = p.kind === 'candidates' ? 'unsplittable' : p.problem;
  out.diagnostics.push(
    finding(
      problem === 'missing' ? 'extract/unplaced-cells' : 'extract/ambiguous-cells',
      problem === 'missing' ? 'missingCellsRun' : problem === 'extra' ? 'ambiguousCells' : 'unsplittableRun',
      { ...data, text: row.figures.map((f) => f.text).join(' ') },
      where,
    ),
  );
  // Where the figures were is kept for every cell, so a reviewer finds them.
  const source = spanAt(
    region.stream,
    row.figures[0]?.start ?? 0,
    row.figures[row.figures.length - 1]?.end ?? 0,
  );
  for (const col of row.def.columns)
    if (source)
      out.provenance[[...path, col.key].join('.')] = {
        source,
        text: row.figures.map((f) => f.text).join(' '),
      };
}

/**
 * Figures after a label that is no row of the format (2019's single （六）其他处理 row in a 2021 table): named, so
 * that no figure of the report is dropped without a word.
 */
function unknownRows(
  def: TableDef,
  region: Region,
  c: Compact,
  rows: readonly StreamRow[],
  out: ExtractedTables,
) {
  const { tokens } = region;
  const claimed = new Set(rows.flatMap((r) => r.figures.map((f) => f.start)));
  for (let i = 0; i < c.text.length; i++) {
    if (c.text[i] !== FIGURE || claimed.has(tokens[c.token[i]!]!.start)) continue;
    let j = i;
    while (j < c.text.length && c.text[j] === FIGURE) j++;
    const label = c.text
      .slice(Math.max(0, i - 24), i)
      .split(FIGURE)
      .pop()!;
    const first = tokens[c.token[i]!]!;
    const last = tokens[c.token[j - 1]!]!;
    if (label.length >= 2 && rows.length > 0) {
      const source = spanAt(region.stream, first.start, last.end);
      out.diagnostics.push(
        finding(
          'extract/unknown-row',
          'unknownRow',
          { label, table: def.title },
          { path: [def.key], ...(source ? { source } : {}) },
        ),
      );
    }
    i = j;
  }
}

/** Rows of the table the document does not have (when it has any of them). */
function missingRows(def: TableDef, rows: readonly StreamRow[], out: ExtractedTables) {
  if (rows.length > 0)
    for (const r of def.rows)
      if (!rows.some((x) => x.def === r))
        out.diagnostics.push(
          finding(
            'extract/missing-row',
            'missingRow',
            { table: def.title, row: r.label },
            { path: [def.key, ...r.path] },
          ),
        );
}

const cellKeys = new WeakMap<RowDef, readonly string[]>();
/**
 * The provenance keys of a row's cells ("requests.results.granted.naturalPerson"), column by column, made once per
 * row of the format: the same strings for every report, where joining the path for each figure cost a third of
 * storing it.
 */
function cellKeysOf(table: string, row: RowDef): readonly string[] {
  let keys = cellKeys.get(row);
  if (!keys) cellKeys.set(row, (keys = row.columns.map((c) => [table, ...row.path, c.key].join('.'))));
  return keys;
}

/** Stores a figure in its cell with its provenance, converting an amount written in 元 to 万元. */
function store(
  out: ExtractedTables,
  stream: Stream,
  target: Record<string, number | null>,
  key: string,
  amount: boolean,
  path: readonly string[],
  dotted: string,
  piece: Piece,
  inferred: 'split' | 'arithmetic' | undefined,
  rowUnit?: '元' | '万元',
) {
  const source = spanAt(stream, piece.start, piece.end);
  const prov: Provenance = { text: piece.text, ...(source ? { source } : {}) };
  if (inferred) prov.inferred = inferred;
  if (piece.value === null) {
    out.provenance[dotted] = prov;
    if (piece.unreadable)
      out.diagnostics.push(
        finding(
          'extract/unreadable-figure',
          'unreadableFigure',
          { text: piece.text.split(UNSURE_MARK).join('').trim() },
          { path: [...path], ...(source ? { source } : {}) },
        ),
      );
    return;
  }
  let value = piece.value;
  if (amount && (piece.unit ?? rowUnit) === '元')
    value = toWanyuan(out, value, piece.text, prov, path, source);
  target[key] = value;
  out.provenance[dotted] = prov;
}

/**
 * The figures that follow a row's label: past what is left of the label (at most the rest of the official label
 * and a few characters more), a run of figures up to the next label text. None when the text after the label is
 * longer: that row's cells are blank and the figures are another row's.
 */
function figuresAfter(
  c: Compact,
  tokens: readonly Token[],
  from: number,
  a: Anchor,
  limit: number,
): Figure[] {
  let i = a.end;
  let rest = 0;
  while (i < limit && c.text[i] !== FIGURE) {
    i++;
    rest++;
  }
  if (i >= limit || rest > a.rest + 4) return [];
  const out: Figure[] = [];
  while (i < limit && c.text[i] === FIGURE) {
    out.push(tokens[c.token[i]!]! as Figure);
    i++;
  }
  void from;
  return out;
}

/** The unit of an amount row: "（元）" in its label or "单位：元" in the header above it. */
function unitOf(
  def: TableDef,
  r: RowDef,
  c: Compact,
  a: Anchor,
  prev: Anchor | undefined,
): { unit?: '元' | '万元' } {
  if (!r.columns.some((col) => col.kind === 'amount')) return {};
  let label = c.text.slice(prev ? prev.end : Math.max(0, a.start - 80), a.start);
  const cut = label.lastIndexOf(FIGURE);
  if (cut >= 0) label = label.slice(cut + 1);
  let after = c.text.slice(a.end, a.end + a.rest + 8);
  const f = after.indexOf(FIGURE);
  if (f >= 0) after = after.slice(0, f);
  for (const t of [after, label]) {
    const m = /(?:单位[:：]?|\()(万元|元)/.exec(t);
    if (m) return { unit: m[1] as '元' | '万元' };
  }
  void def;
  return {};
}

/** The row identities of a table (T3-2) as a check on a vector in the row's column order; null when none. */
function rowCheck(def: TableDef, r: RowDef): RowCheck | null {
  if (def.rowIdentities.length === 0) return null;
  const keys = r.columns.map((c) => c.key);
  return identityCheck(def, keys, keys.length);
}

/**
 * Rows whose glued digits split in several ways that all satisfy the row's own sums are decided by the table's
 * column identities (T3-1, T3-3) where the other rows of an identity are known: taken only when exactly one split
 * makes every identity it takes part in hold.
 */
function resolveByColumns(def: TableDef, rows: StreamRow[]) {
  const ids = def.columnIdentities ?? [];
  if (ids.length === 0) return;
  const id = (r: RowDef) => r.path.join('.');
  for (let round = 0; round < 4; round++) {
    let changed = false;
    const known = new Map<string, readonly (number | null)[]>();
    for (const r of rows)
      if (r.placement.kind === 'exact' || r.placement.kind === 'split')
        if (r.placement.cells.length === r.def.columns.length)
          known.set(
            id(r.def),
            r.placement.cells.map((p) => p.value),
          );
    for (const r of rows) {
      if (r.placement.kind !== 'candidates') continue;
      const me = id(r.def);
      const fits = r.placement.options.filter((opt) => {
        let checked = 0;
        for (const ci of ids) {
          if (![...ci.lhs, ...ci.rhs].includes(me)) continue;
          const ok = holdsWith(
            ci,
            known,
            me,
            opt.map((p) => p.value),
          );
          if (ok === null) continue;
          checked++;
          if (!ok) return false;
        }
        return checked > 0;
      });
      if (fits.length === 1) {
        r.placement = { kind: 'split', cells: fits[0]! };
        known.set(
          me,
          fits[0]!.map((p) => p.value),
        );
        changed = true;
      }
    }
    if (!changed) break;
  }
}

/** Whether a column identity holds in every column with `values` for row `me`; null when a row of it is unknown. */
function holdsWith(
  ci: ColumnIdentity,
  known: ReadonlyMap<string, readonly (number | null)[]>,
  me: string,
  values: readonly (number | null)[],
): boolean | null {
  const get = (k: string) => (k === me ? values : known.get(k));
  const all = [...ci.lhs, ...ci.rhs].map(get);
  if (all.some((v) => !v)) return null;
  for (let col = 0; col < values.length; col++) {
    let l = 0;
    let r = 0;
    for (const k of ci.lhs) {
      const v = get(k)![col];
      if (v === null || v === undefined) return null;
      l += v;
    }
    for (const k of ci.rhs) {
      const v = get(k)![col];
      if (v === null || v === undefined) return null;
      r += v;
    }
    if (l !== r) return false;
  }
  return true;
}

/** Table 4: the blocks side by side (or one under the other), 15 figures after the header. */
function readWide(def: TableDef, region: Region, out: ExtractedTables) {
  const { tokens, from, to } = region;
  const figures: Figure[] = [];
  const wideChars = wideHeaderChars(def);
  let header = '';
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') {
      figures.push(t);
      continue;
    }
    const w = normalizeLabel(t.text);
    const own = [...w].filter((ch) => wideChars.has(ch)).length;
    if (figures.length > 0 && own < w.length * 0.8) break;
    if (figures.length === 0) header += w;
  }
  if (figures.length === 0) return;
  const blocks = blockOrder(def, header);
  const n = blocks.reduce((s, b) => s + b.columns.length, 0);
  const per = def.rowIdentities;
  const check: RowCheck = (v) => {
    let at = 0;
    for (const b of blocks) {
      const keys = b.columns.map((c) => c.key);
      for (const idn of per) {
        const total = v[at + keys.indexOf(idn.total)];
        const parts = idn.parts.map((p) => v[at + keys.indexOf(p)]);
        if (total === null || total === undefined || parts.some((p) => p === null || p === undefined))
          return false;
        if (parts.reduce((s: number, p) => s + p!, 0) !== total) return false;
      }
      at += keys.length;
    }
    return true;
  };
  const p = place(figures, n, check);
  const source = spanAt(region.stream, figures[0]!.start, figures[figures.length - 1]!.end);
  out.matched[def.key] += blocks.length;
  if (p.kind === 'none' || p.kind === 'candidates') {
    out.diagnostics.push(
      finding(
        p.kind === 'none' && p.problem === 'missing' ? 'extract/unplaced-cells' : 'extract/ambiguous-cells',
        p.kind === 'none' && p.problem === 'missing' ? 'missingCellsRun' : 'unsplittableRun',
        { row: def.title, text: figures.map((f) => f.text).join(' ') },
        { path: [def.key], ...(source ? { source } : {}) },
      ),
    );
    return;
  }
  if (p.kind === 'split')
    out.diagnostics.push(
      finding(
        'extract/split-digits',
        'splitDigits',
        { row: def.title },
        { path: [def.key], ...(source ? { source } : {}) },
      ),
    );
  let k = 0;
  const touching = p.cells.some((c, i) => i > 0 && p.cells[i - 1]!.end === c.start);
  for (const b of blocks) {
    const target = rowValues(out.tables[def.key], b);
    const keys = cellKeysOf(def.key, b);
    for (const [i, col] of b.columns.entries()) {
      const piece = p.cells[k++];
      if (piece)
        store(
          out,
          region.stream,
          target,
          col.key,
          false,
          [def.key, ...b.path, col.key],
          keys[i]!,
          piece,
          p.kind === 'split' || touching ? 'split' : p.kind === 'extra' ? 'arithmetic' : undefined,
        );
    }
  }
}
