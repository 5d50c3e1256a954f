import type { Connection, ConnectionsTable } from '../api/types';
import { SortableTable, type Column } from '../components/SortableTable';

interface Props {
  tables: ConnectionsTable[];
  topologyId: string;
  onOpen(topologyId: string, id: string, label: string): void;
}

/** Inbound and outbound connections: the peer (a link to it), then port, count... as the API lists them. */
export function ConnectionsTables({ tables, topologyId, onOpen }: Props) {
  return (
    <>
      {tables.filter((t) => (t.connections ?? []).length > 0).map((table) => {
        const value = (c: Connection, id: string) => c.metadata?.find((m) => m.id === id)?.value ?? '';
        const columns: Column<Connection>[] = [
          { id: 'label', label: table.label, sortValue: (c) => c.label.toLowerCase(),
            render: (c) => <span className="link">{c.label}{c.labelMinor ? <small> {c.labelMinor}</small> : null}</span> },
          ...(table.columns ?? []).map((col): Column<Connection> => ({
            id: col.id, label: col.label, numeric: col.dataType === 'number',
            sortValue: (c) => (col.dataType === 'number' ? Number(value(c, col.id)) : value(c, col.id)),
            render: (c) => value(c, col.id),
          })),
        ];
        const defaultSort = table.columns?.find((c) => c.defaultSort)?.id;
        return (
          <section key={table.id} className="details-section" data-connections={table.id}>
            <h3>{table.label} <small>({table.connections!.length})</small></h3>
            <SortableTable columns={columns} rows={table.connections!} rowKey={(c) => c.id}
              initialSort={defaultSort ? { column: defaultSort, descending: true } : undefined}
              onRowClick={(c) => onOpen(table.topologyId ?? topologyId, c.nodeId, c.label)} />
          </section>
        );
      })}
    </>
  );
}
