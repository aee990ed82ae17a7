// The three statistics tables in the official layout (src/render/layout.ts, the layout every renderer draws):
// each figure cell marked by the worst finding on it (red error, amber warning), a blank marked as blank (never 0),
// an OCR figure with its confidence, a figure placed by inference flagged. Cells may be clicked (select) or, in a
// form, typed into.
import type { ReactNode } from 'react';
import type { TableKey } from '../../../src/model/format.ts';
import type { Cell, Report } from '../../../src/model/report.ts';
import { officialLayout, type LayoutCell } from '../../../src/render/layout.ts';
import { useT, type Messages } from '../i18n.tsx';

const messages: Messages<'blank' | 'ocr' | 'inferred'> = {
  zh: { blank: '空白（未填写）', ocr: 'OCR 识别，置信度 {n}', inferred: '由推断放置：{how}' },
  en: {
    blank: 'blank (not filled in)',
    ocr: 'read by OCR, confidence {n}',
    inferred: 'placed by inference: {how}',
  },
};

/** What a cell shows beyond its figure. */
export type Mark = 'error' | 'warning' | 'info';

export interface OfficialTablesProps {
  report: Report;
  /** The worst finding on each dotted model path. */
  marks?: ReadonlyMap<string, Mark>;
  /** The dotted path selected (outlined). */
  selected?: string | null;
  /** A figure cell clicked. */
  onSelect?: (path: string) => void;
  /** A figure cell double-clicked (to edit it). */
  onOpen?: (path: string) => void;
  /** In a form: the input of a figure cell instead of its text (or any content in its place, e.g. two years). */
  renderInput?: (path: string, value: Cell, cell: LayoutCell) => ReactNode;
  /** Classes a figure cell gets beyond its marks (e.g. `changed` on the Compare page). */
  cellClass?: (path: string) => string | undefined;
  /** The tables to draw (all three by default): a form places each in its section. */
  tables?: readonly TableKey[];
}

/** The least confidence of an OCR figure, from the report's provenance. */
function ocrConfidence(report: Report, path: string): number | undefined {
  const s = report.provenance?.[path]?.source;
  return s?.kind === 'pdf' ? s.ocr : undefined;
}

export function OfficialTables({
  report,
  marks,
  selected,
  onSelect,
  onOpen,
  renderInput,
  cellClass,
  tables,
}: OfficialTablesProps) {
  const t = useT(messages);
  const layouts = officialLayout(report).filter((l) => !tables || tables.includes(l.key));
  return (
    <div className="official">
      {layouts.map((table) => {
        const rows: LayoutCell[][] = Array.from({ length: table.rows }, () => []);
        for (const c of table.cells) rows[c.row]!.push(c);
        for (const r of rows) r.sort((a, b) => a.col - b.col);
        return (
          <table key={table.key} className={`official-table t-${table.key}`} data-table={table.key}>
            <caption>{table.title}</caption>
            <tbody>
              {rows.map((cells, r) => (
                <tr key={r}>
                  {cells.map((c) => {
                    const span = { rowSpan: c.rowSpan, colSpan: c.colSpan };
                    if (c.role !== 'figure' || !c.path)
                      return c.role === 'header' ? (
                        <th key={c.col} {...span}>
                          {c.text}
                        </th>
                      ) : (
                        <th key={c.col} {...span} className="label" scope="row">
                          {c.text}
                        </th>
                      );
                    const path = c.path;
                    const mark = marks?.get(path);
                    const blank = c.value === null || c.value === undefined;
                    const ocr = ocrConfidence(report, path);
                    const inferred = report.provenance?.[path]?.inferred;
                    const classes = [
                      'fig',
                      mark ? `m-${mark}` : '',
                      blank ? 'blank' : '',
                      ocr !== undefined ? 'ocr' : '',
                      inferred ? 'inferred' : '',
                      selected === path ? 'selected' : '',
                      cellClass?.(path) ?? '',
                    ].filter(Boolean);
                    const title = [
                      path,
                      blank ? t('blank') : '',
                      ocr !== undefined ? t('ocr', { n: ocr }) : '',
                      inferred ? t('inferred', { how: inferred }) : '',
                    ]
                      .filter(Boolean)
                      .join(' · ');
                    return (
                      <td
                        key={c.col}
                        {...span}
                        className={classes.join(' ')}
                        data-path={path}
                        title={title}
                        onClick={onSelect ? () => onSelect(path) : undefined}
                        onDoubleClick={onOpen ? () => onOpen(path) : undefined}
                      >
                        {renderInput ? (
                          renderInput(path, c.value ?? null, c)
                        ) : (
                          <>
                            {c.text}
                            {ocr !== undefined && <sup className="conf">{ocr}</sup>}
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}
