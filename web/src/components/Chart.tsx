// A chart (ECharts, only the parts used: bar, line, pie on a canvas) with its figures a click away: a "table" toggle
// under it shows the same numbers in a TanStack table. Tooltips are drawn on the canvas (richText), not as HTML,
// so nothing is inserted with an inline style (the CSP refuses those).
import {
  createColumnHelper,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { TableView } from './TableView.tsx';
import { useT, type Messages } from '../i18n.tsx';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

const messages: Messages<'table' | 'chart' | 'none'> = {
  zh: { table: '查看数据表', chart: '收起数据表', none: '没有数据' },
  en: { table: 'Show the figures', chart: 'Hide the figures', none: 'No data' },
};

/** A column of the figures' table: its key in the rows and its header. */
export interface FigureColumn {
  key: string;
  header: string;
  /** How a value is shown (default: as is; null blank); the row for links. */
  format?: (value: string | number | null, row: FigureRow) => ReactNode;
}

/** A row of the figures' table. */
export type FigureRow = Record<string, string | number | null>;

/** The figures as a sortable table. */
export function FigureTable({ columns, rows }: { columns: FigureColumn[]; rows: FigureRow[] }) {
  const helper = createColumnHelper<FigureRow>();
  const defs = useMemo(
    () =>
      columns.map((c) =>
        helper.accessor((r) => r[c.key] ?? null, {
          id: c.key,
          header: c.header,
          cell: (x) => (c.format ? c.format(x.getValue(), x.row.original) : (x.getValue() ?? '')),
          sortUndefined: 'last',
        }),
      ),
    [columns, helper],
  );
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useReactTable({
    data: rows,
    columns: defs,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  return <TableView table={table} className="grid figures" />;
}

export interface ChartProps {
  /** The panel's title. */
  title: string;
  /** A line under the title (e.g. the formula). */
  note?: ReactNode;
  /** The ECharts option. */
  option: echarts.EChartsCoreOption;
  /** The same figures as a table. */
  columns: FigureColumn[];
  rows: FigureRow[];
  /** The chart's height in px (default 240). */
  height?: number;
  testId?: string;
}

/** A chart and the toggle to its figures. */
export function Chart({ title, note, option, columns, rows, height = 240, testId }: ChartProps) {
  const t = useT(messages);
  const box = useRef<HTMLDivElement>(null);
  const [showTable, setShowTable] = useState(false);
  const empty = rows.length === 0;

  useEffect(() => {
    const el = box.current;
    if (!el || empty) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      tooltip: { renderMode: 'richText', confine: true },
      ...option,
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option, empty]);

  return (
    <section className="chart" data-testid={testId}>
      <h3>{title}</h3>
      {note && <p className="note">{note}</p>}
      {empty ? (
        <p className="empty">{t('none')}</p>
      ) : (
        <>
          <div className="canvas" ref={box} style={{ height }} />
          <button type="button" className="toggle" onClick={() => setShowTable(!showTable)}>
            {showTable ? t('chart') : t('table')}
          </button>
          {showTable && (
            <div className="figures-box">
              <FigureTable columns={columns} rows={rows} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
