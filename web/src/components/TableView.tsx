// A TanStack table drawn as a plain <table>: headers that sort on a click (▲/▼ shown), one row a record.
import { flexRender, type Table } from '@tanstack/react-table';

export function TableView<T>({
  table,
  className,
  testId,
}: {
  table: Table<T>;
  className: string;
  testId?: string;
}) {
  return (
    <table className={className} data-testid={testId}>
      <thead>
        {table.getHeaderGroups().map((g) => (
          <tr key={g.id}>
            {g.headers.map((h) => (
              <th
                key={h.id}
                onClick={h.column.getToggleSortingHandler()}
                className={h.column.getIsSorted() ? `sorted ${h.column.getIsSorted()}` : undefined}
              >
                {flexRender(h.column.columnDef.header, h.getContext())}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getVisibleCells().map((c) => (
              <td key={c.id}>{flexRender(c.column.columnDef.cell, c.getContext())}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
