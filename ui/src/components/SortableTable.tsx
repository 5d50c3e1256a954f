import { useState, type ReactNode } from 'react';

export interface Column<Row> {
  id: string;
  label: string;
  numeric?: boolean;
  sortValue(row: Row): string | number;
  render(row: Row): ReactNode;
}

interface Props<Row> {
  columns: Column<Row>[];
  rows: Row[];
  rowKey(row: Row): string;
  initialSort?: { column: string; descending: boolean };
  onRowClick?(row: Row): void;
  className?: string;
  rowClassName?(row: Row): string;
  /** Rows for which this is true stay above the others whatever the sort (e.g. search matches). */
  first?(row: Row): boolean;
}

/** A table sortable by clicking column headers (numbers sort descending first, text ascending). */
export function SortableTable<Row>({ columns, rows, rowKey, initialSort, onRowClick, className, rowClassName, first }: Props<Row>) {
  const [sort, setSort] = useState(initialSort ?? { column: columns[0]?.id ?? '', descending: false });
  const column = columns.find((c) => c.id === sort.column) ?? columns[0];
  const sorted = column ? [...rows].sort((a, b) => {
    const pinned = first ? Number(first(b)) - Number(first(a)) : 0;
    if (pinned) return pinned;
    const x = column.sortValue(a);
    const y = column.sortValue(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sort.descending ? -order : order;
  }) : rows;
  const clickHeader = (c: Column<Row>) => setSort((s) => (s.column === c.id
    ? { column: c.id, descending: !s.descending }
    : { column: c.id, descending: !!c.numeric }));
  return (
    <table className={`sortable ${className ?? ''}`}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.id} className={c.numeric ? 'numeric' : ''}
              aria-sort={c.id === column?.id ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
              <button type="button" onClick={() => clickHeader(c)}>
                {c.label}{c.id === column?.id ? (sort.descending ? ' ▼' : ' ▲') : ''}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => (
          <tr key={rowKey(row)} className={`${onRowClick ? 'clickable ' : ''}${rowClassName?.(row) ?? ''}`}
            onClick={onRowClick ? () => onRowClick(row) : undefined}>
            {columns.map((c) => <td key={c.id} className={c.numeric ? 'numeric' : ''}>{c.render(row)}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
