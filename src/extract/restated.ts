// The figures a workbook states twice (its flat data sheet beside the layout sheets): compared, never chosen silently.
import { finding } from '../findings/index.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { RestatedFigure } from '../model/document.ts';
import { cellAt, nameOf } from '../model/cells.ts';
import { formatOf } from '../model/formats/index.ts';
import type { Report } from '../model/report.ts';
import { formatSpan } from '../model/source.ts';
import { parseFigure } from './numbers.ts';

/** A figure as the messages show it: the number, or 空白 for a blank. */
const shown = (v: number | null) => (v === null ? '空白' : String(v));

/**
 * Compares the figures of a workbook's flat data sheet with the report read from its layout sheets, which is what
 * the report is (the official look, what an author edits; src/read/xlsx.ts). Every data-sheet figure that is not the
 * layout's — a value typed only in the data sheet, a value changed on one side, a text that is no figure, a row
 * naming no cell of the report — is a extract/xlsx-data-disagrees warning naming both cells and both values.
 */
export function compareRestated(report: Report, restated: readonly RestatedFigure[]): Diagnostic[] {
  const format = formatOf(report.formatVersion);
  const out: Diagnostic[] = [];
  for (const f of restated) {
    const path = f.path.split('.');
    const layout = cellAt(report, path);
    const dataCell = formatSpan(f.source);
    if (layout === undefined) {
      if (f.text !== '')
        out.push(
          finding(
            'extract/xlsx-data-disagrees',
            'notACell',
            { dataCell, path: f.path, data: f.text, version: format.version },
            { source: f.source },
          ),
        );
      continue;
    }
    const parsed = parseFigure(f.text);
    const data = parsed.kind === 'number' ? parsed.value : parsed.kind === 'blank' ? null : undefined;
    if (data === layout) continue;
    const layoutSource = report.provenance?.[f.path]?.source;
    out.push(
      finding(
        'extract/xlsx-data-disagrees',
        layout === null ? 'onlyData' : 'differs',
        {
          name: nameOf(format, path),
          cell: layoutSource ? formatSpan(layoutSource) : '版式表',
          dataCell,
          layout: shown(layout),
          data: data === undefined ? f.text : shown(data),
        },
        { path, source: layoutSource ?? f.source },
      ),
    );
  }
  return out;
}
