// Structure first, the stream where structure is missing or contradicts itself: per table, the reading that holds
// more of the report's figures without breaking more of its sums.
import type { FormatDef, RowDef, TableDef, TableKey } from '../../model/format.ts';
import { rowValues, type TableValues } from '../../model/report.ts';
import type { Item } from '../items.ts';
import type { ExtractedTables } from '../tables.ts';
import { streamTables } from './index.ts';

/**
 * Rule ids of extraction that say the structured reading of a table fell short (cells placed by the grid or an extra
 * cell dropped by the row's sum are readings that worked).
 */
const TROUBLE = new Set([
  'extract/unplaced-cells',
  'extract/ambiguous-cells',
  'extract/missing-row',
  'extract/unknown-row',
]);

interface Compiled {
  readonly rows: readonly RowDef[];
  readonly keys: readonly (readonly string[])[];
  readonly rowIds: readonly { readonly total: string; readonly parts: readonly string[] }[];
  readonly colIds: readonly { readonly lhs: readonly number[]; readonly rhs: readonly number[] }[];
  readonly columns: readonly string[];
}
const compiledCache = new WeakMap<TableDef, Compiled>();
function compiledOf(def: TableDef): Compiled {
  let c = compiledCache.get(def);
  if (c) return c;
  const index = new Map(def.rows.map((r, i) => [r.path.join('.'), i]));
  c = {
    rows: def.rows,
    keys: def.rows.map((r) => r.columns.map((col) => col.key)),
    rowIds: def.rowIdentities,
    colIds: (def.columnIdentities ?? []).map((ci) => ({
      lhs: ci.lhs.map((k) => index.get(k) ?? -1),
      rhs: ci.rhs.map((k) => index.get(k) ?? -1),
    })),
    columns: def.rows[0]!.columns.map((col) => col.key),
  };
  compiledCache.set(def, c);
  return c;
}

/** A table's quality: figures read, and sums that fail among the rows fully read (one pass, no allocation per cell). */
export function quality(def: TableDef, values: TableValues): { read: number; failing: number } {
  const c = compiledOf(def);
  let read = 0;
  let failing = 0;
  const rows = c.rows.map((r) => rowValues(values, r));
  rows.forEach((v, i) => {
    for (const k of c.keys[i]!) if (v[k] !== null && v[k] !== undefined) read++;
    for (const id of c.rowIds) {
      const t = v[id.total];
      if (t === null || t === undefined) continue;
      let sum = 0;
      let whole = true;
      for (const p of id.parts) {
        const x = v[p];
        if (x === null || x === undefined) {
          whole = false;
          break;
        }
        sum += x;
      }
      if (whole && sum !== t) failing++;
    }
  });
  for (const ci of c.colIds)
    for (const col of c.columns) {
      let l = 0;
      let r = 0;
      let whole = true;
      for (const i of ci.lhs) {
        const x = i >= 0 ? rows[i]![col] : null;
        if (x === null || x === undefined) whole = false;
        else l += x;
      }
      for (const i of ci.rhs) {
        const x = i >= 0 ? rows[i]![col] : null;
        if (x === null || x === undefined) whole = false;
        else r += x;
      }
      if (whole && l !== r) failing++;
    }
  return { read, failing };
}

/**
 * Reads the tables again as a stream when the structured reading missed a table or met trouble, and takes, table by
 * table, the stream's reading where it holds more figures and fails no more sums (and fewer where it fails less).
 */
export function preferStream(
  items: readonly Item[],
  format: FormatDef,
  tables: ExtractedTables,
): ExtractedTables {
  const keys = format.tables.map((t) => t.key);
  const troubled = tables.diagnostics.some((d) => TROUBLE.has(d.ruleId));
  const defs = new Map(format.tables.map((t) => [t.key, t]));
  const weak = keys.filter(
    (k) => tables.matched[k] === 0 || quality(defs.get(k)!, tables.tables[k]).failing > 0,
  );
  if (!troubled && weak.length === 0) return tables;
  const stream = streamTables(items, format);
  const take = new Set<TableKey>();
  for (const k of keys) {
    if (stream.matched[k] === 0) continue;
    if (tables.matched[k] === 0) {
      take.add(k);
      continue;
    }
    const a = quality(defs.get(k)!, tables.tables[k]);
    const b = quality(defs.get(k)!, stream.tables[k]);
    // Structure knows its blank cells, the stream does not: the stream must read at least as much, and more where
    // it does not break fewer sums.
    if (b.failing <= a.failing && (b.read > a.read || (b.failing < a.failing && b.read >= a.read)))
      take.add(k);
    // Neither read a figure of it: the stream at least names what it could not read, row by row.
    else if (a.read === 0 && b.read === 0 && stream.diagnostics.some((d) => d.path?.[0] === k)) take.add(k);
  }
  if (take.size === 0) return tables;
  const inTable = (path: readonly (string | number)[] | undefined, k: TableKey) => path?.[0] === k;
  // A cell's table is its path up to the first dot (not split: String#split was 65% of this function's time).
  const taken = (p: string) => take.has(p.slice(0, p.indexOf('.')) as TableKey);
  const provenance: ExtractedTables['provenance'] = {};
  for (const p in tables.provenance) if (!taken(p)) provenance[p] = tables.provenance[p]!;
  for (const p in stream.provenance) if (taken(p)) provenance[p] = stream.provenance[p]!;
  return {
    tables: Object.fromEntries(
      keys.map((k) => [k, take.has(k) ? stream.tables[k] : tables.tables[k]]),
    ) as Record<TableKey, TableValues>,
    provenance,
    diagnostics: [
      ...tables.diagnostics.filter((d) => ![...take].some((k) => inTable(d.path, k))),
      ...stream.diagnostics.filter((d) => [...take].some((k) => inTable(d.path, k))),
    ],
    matched: Object.fromEntries(
      keys.map((k) => [k, take.has(k) ? stream.matched[k] : tables.matched[k]]),
    ) as Record<TableKey, number>,
  };
}
