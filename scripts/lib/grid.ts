// Table 3 in the official layout (format-spec §5) as a grid of cells: the label cells of each row, with the group
// labels spanning the rows they hold. Shared by the fixture scripts that draw the official tables.
import type { RowDef } from '../../src/model/format.ts';

/** A cell of a drawn grid. */
export interface GCell {
  text: string;
  colspan?: number;
  rowspan?: number;
  /** The dotted model path of a figure cell. */
  path?: string;
  head?: boolean;
}

/**
 * The label cells of each of table 3's rows, in order: the outer group (三、本年度办理结果) and the inner one
 * ((三)不予公开 …) spanning their rows, then the row's own label, widened to three columns when it has no group.
 */
export function table3Labels(rows: readonly RowDef[]): GCell[][] {
  const parentOf = (r: RowDef) =>
    r.parentGroup ?? (r.group && !r.group.startsWith('（') ? r.group : undefined);
  const count = (test: (r: RowDef) => boolean) => rows.filter(test).length;
  let outer = '';
  let inner = '';
  return rows.map((r) => {
    const labels: GCell[] = [];
    const parent = parentOf(r);
    if (parent) {
      if (parent !== outer) labels.push({ text: parent, rowspan: count((x) => parentOf(x) === parent) });
      outer = parent;
      if (r.parentGroup) {
        if (r.group !== inner) labels.push({ text: r.group!, rowspan: count((x) => x.group === r.group) });
        inner = r.group!;
        labels.push({ text: r.label });
      } else {
        inner = '';
        labels.push({ text: r.label, colspan: 2 });
      }
    } else {
      outer = inner = '';
      labels.push({ text: r.label, colspan: 3 });
    }
    return labels;
  });
}
