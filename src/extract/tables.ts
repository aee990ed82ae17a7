// The three statistics tables: rows matched to the format's rows by label, figures placed in their columns,
// every cell with its source and every problem a diagnostic. The stages live in tables/, each testable alone:
// compile (the format's rows and the row a label names), rows (a document row split into label and figures), match
// (the walk down the document that matches rows and remembers headers), grid (where figures sit, and the identities
// as checks), fill (each matched row resolved into its columns, table 4, missing rows) and place (a figure into its
// cell, and how a row was placed).
import type { Diagnostic } from '../model/diagnostic.ts';
import type { FormatDef, TableKey } from '../model/format.ts';
import { blankTable, type Provenance, type TableValues } from '../model/report.ts';
import type { Item } from './items.ts';
import { compile } from './tables/compile.ts';
import { fillTables } from './tables/fill.ts';
import { matchRows } from './tables/match.ts';
import type { Sink } from './tables/place.ts';
import { logicalRow, type LogicalRow } from './tables/rows.ts';

export { matchRowLabel } from './tables/compile.ts';
export { identityCheck } from './tables/grid.ts';

/** The tables of a report with the provenance of their cells. */
export interface ExtractedTables {
  tables: Record<TableKey, TableValues>;
  provenance: Record<string, Provenance>;
  diagnostics: Diagnostic[];
  /** Number of data rows matched per table (0 when the table was not found). */
  matched: Record<TableKey, number>;
}

/** Extracts the three tables of `format` from the document items. */
export function extractTables(items: readonly Item[], format: FormatDef): ExtractedTables {
  const tables = compile(format);
  const keys = new Set(tables.map((t) => t.def.key));
  const sink: Sink = { provenance: {}, diagnostics: [] };
  const values = Object.fromEntries(format.tables.map((t) => [t.key, blankTable(t)])) as Record<
    TableKey,
    TableValues
  >;
  const matched = { proactive: 0, requests: 0, reviewLitigation: 0 } as Record<TableKey, number>;
  // The rows of the document, with the table they are in by section (the walk also tells it by vocabulary).
  const rows: LogicalRow[] = [];
  for (const it of items) {
    if (it.kind !== 'row') continue;
    rows.push(
      logicalRow(it.cells, {
        source: it.source,
        tableIndex: it.tableIndex,
        layout: it.layout,
        section: it.section && keys.has(it.section as TableKey) ? (it.section as TableKey) : null,
      }),
    );
  }
  fillTables(matchRows(rows, tables, sink.diagnostics), tables, sink, values, matched);
  return { tables: values, provenance: sink.provenance, diagnostics: sink.diagnostics, matched };
}
