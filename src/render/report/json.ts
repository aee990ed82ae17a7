// A report as JSON in the order of the report-json.md contract, pretty-printed; nianbao's own keys on request.
import type { TableKey } from '../../model/format.ts';
import { formatOf } from '../../model/formats/index.ts';
import { rowValues, SECTION_KEYS, TABLE_KEYS, type Report, type TableValues } from '../../model/report.ts';

/** A table rebuilt in the format's row and column order, whatever order the report object has its keys in. */
function orderedTable(report: Report, key: TableKey): TableValues {
  const def = formatOf(report.formatVersion).tables.find((t) => t.key === key)!;
  const out: TableValues = {};
  for (const row of def.rows) {
    let node = out;
    for (const k of row.path.slice(0, -1)) node = (node[k] ??= {}) as TableValues;
    const values = rowValues(report[key], row);
    node[row.path.at(-1)!] = Object.fromEntries(row.columns.map((c) => [c.key, values[c.key] ?? null]));
  }
  return out;
}

/**
 * The report as the JSON of report-json.md: keys in the contract's order (formatVersion, agency, year, sections,
 * the three tables with rows and columns in the format's order), two-space indents, a final newline. `provenance`
 * and `outline` are nianbao's additions, written only when `provenance` is asked for (the contract never requires
 * them, and they are most of the size).
 */
export function renderJson(report: Report, options: { provenance?: boolean } = {}): string {
  const out: Record<string, unknown> = {
    formatVersion: report.formatVersion,
    agency: report.agency,
    year: report.year,
    sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, report.sections[k] ?? null])),
  };
  for (const k of TABLE_KEYS) out[k] = orderedTable(report, k);
  if (options.provenance) {
    if (report.provenance) out.provenance = report.provenance;
    if (report.outline) out.outline = report.outline;
  }
  return JSON.stringify(out, null, 2) + '\n';
}
