import type { ChildrenTable, NodeSummary } from '../api/types';
import { SortableTable, type Column } from '../components/SortableTable';
import { formatMetadata, formatMetric } from '../util/format';

/** A child's value for a column: a metric of that id, else a metadata row. */
function cell(node: NodeSummary, columnId: string): { sort: number | string; text: string } {
  const metric = node.metrics?.find((m) => m.id === columnId);
  if (metric) return { sort: metric.value, text: formatMetric(metric.value, metric.format) };
  const row = node.metadata?.find((m) => m.id === columnId);
  if (row) return { sort: row.dataType === 'number' ? Number(row.value) : row.value, text: formatMetadata(row) };
  return { sort: -1, text: '' };
}

interface Props {
  tables: ChildrenTable[];
  onOpen(topologyId: string, id: string, label: string): void;
}

/** Containers of a host, processes of a container...: one sortable table per kind, rows open the child. */
export function ChildrenTables({ tables, onOpen }: Props) {
  return (
    <>
      {tables.filter((t) => t.nodes.length > 0).map((table) => {
        const columns: Column<NodeSummary>[] = [
          { id: 'label', label: table.label, sortValue: (n) => n.label.toLowerCase(), render: (n) => <span className="link">{n.label}</span> },
          ...(table.columns ?? []).map((c): Column<NodeSummary> => ({
            id: c.id, label: c.label, numeric: true, sortValue: (n) => cell(n, c.id).sort, render: (n) => cell(n, c.id).text,
          })),
        ];
        const defaultSort = table.columns?.find((c) => c.defaultSort)?.id;
        return (
          <section key={`${table.topologyId}-${table.label}`} className="details-section" data-children={table.topologyId}>
            <h3>{table.label} <small>({table.nodes.length})</small></h3>
            <SortableTable columns={columns} rows={table.nodes} rowKey={(n) => n.id}
              initialSort={defaultSort ? { column: defaultSort, descending: true } : undefined}
              onRowClick={(n) => onOpen(table.topologyId, n.id, n.label)} />
          </section>
        );
      })}
    </>
  );
}
