import type { NodeTable } from '../api/types';
import { SortableTable, type Column } from '../components/SortableTable';

function PropertyList({ table }: { table: NodeTable }) {
  return (
    <dl className="metadata">
      {(table.rows ?? []).map((row) => (
        <div key={row.id} className="metadata-row">
          <dt>{row.entries.label}</dt>
          <dd title={row.entries.value}>{row.entries.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function MultiColumn({ table }: { table: NodeTable }) {
  const columns: Column<{ id: string; entries: Record<string, string> }>[] = (table.columns ?? []).map((c) => ({
    id: c.id,
    label: c.label,
    numeric: c.dataType === 'number',
    sortValue: (r) => (c.dataType === 'number' ? Number(r.entries[c.id] ?? 0) : r.entries[c.id] ?? ''),
    render: (r) => r.entries[c.id] ?? '',
  }));
  return <SortableTable columns={columns} rows={table.rows ?? []} rowKey={(r) => r.id} />;
}

/** Labels, environment variables, image facts...: property lists and multi-column tables. Empty ones are left out. */
export function PropertyTables({ tables }: { tables: NodeTable[] }) {
  return (
    <>
      {tables.filter((t) => (t.rows ?? []).length > 0).map((table) => (
        <section key={table.id} className="details-section" data-table={table.id}>
          <h3>{table.label}</h3>
          {table.type === 'multicolumn-table' ? <MultiColumn table={table} /> : <PropertyList table={table} />}
          {table.truncationCount ? <p className="note">{table.truncationCount} more not shown</p> : null}
        </section>
      ))}
    </>
  );
}
