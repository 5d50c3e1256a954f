import type { MetricRow, NodeSummary } from '../api/types';
import type { SearchMatch } from '../search/query';
import { formatMetadata, formatMetric } from '../util/format';
import { Highlighted } from './Highlighted';
import { SortableTable, type Column } from './SortableTable';

interface Props {
  nodes: NodeSummary[];
  matches: Map<string, SearchMatch[]> | null;
  selectedId: string | null;
  onSelect(node: NodeSummary): void;
}

const MAX_METADATA_COLUMNS = 5;

function metricOf(node: NodeSummary, label: string): MetricRow | undefined {
  return node.metrics?.find((m) => m.label === label);
}

/** Metric columns (CPU, Memory, ...) then the most important metadata, both in the API's priority order. */
function columnsFor(nodes: NodeSummary[], matches: Map<string, SearchMatch[]> | null): Column<NodeSummary>[] {
  const metrics = new Map<string, number>();
  const metadata = new Map<string, { label: string; priority: number; numeric: boolean }>();
  for (const node of nodes) {
    for (const m of node.metrics ?? []) if (!metrics.has(m.label)) metrics.set(m.label, m.priority ?? 99);
    for (const row of node.metadata ?? []) {
      if (!metadata.has(row.id)) metadata.set(row.id, { label: row.label, priority: row.priority ?? 99, numeric: row.dataType === 'number' });
    }
  }
  const labelMatch = (node: NodeSummary, field: string) => matches?.get(node.id)?.find((m) => m.field === field);
  const columns: Column<NodeSummary>[] = [{
    id: 'label',
    label: 'Name',
    sortValue: (n) => n.label.toLowerCase(),
    render: (n) => (
      <span className="table-name">
        <Highlighted text={n.label} match={labelMatch(n, 'label')} />
        {n.labelMinor && <small><Highlighted text={n.labelMinor} match={labelMatch(n, 'sublabel')} /></small>}
      </span>
    ),
  }];
  for (const [label] of [...metrics].sort((a, b) => a[1] - b[1])) {
    columns.push({
      id: `metric:${label}`,
      label,
      numeric: true,
      sortValue: (n) => metricOf(n, label)?.value ?? -1,
      render: (n) => {
        const m = metricOf(n, label);
        return m ? formatMetric(m.value, m.format) : '';
      },
    });
  }
  const shown = [...metadata].sort((a, b) => a[1].priority - b[1].priority).slice(0, MAX_METADATA_COLUMNS);
  for (const [id, { label, numeric }] of shown) {
    const rowOf = (n: NodeSummary) => n.metadata?.find((r) => r.id === id);
    columns.push({
      id: `meta:${id}`,
      label,
      numeric,
      sortValue: (n) => (numeric ? Number(rowOf(n)?.value ?? -1) : rowOf(n)?.value ?? ''),
      render: (n) => {
        const row = rowOf(n);
        return row ? <Highlighted text={formatMetadata(row)} match={labelMatch(n, row.label)} /> : '';
      },
    });
  }
  return columns;
}

/** Every node of the topology as a sortable row, search matches on top; a click opens its details. */
export function TableView({ nodes, matches, selectedId, onSelect }: Props) {
  return (
    <div className="table-view">
      <SortableTable columns={columnsFor(nodes, matches)} rows={nodes} rowKey={(n) => n.id} onRowClick={onSelect}
        first={matches ? (n) => matches.has(n.id) : undefined}
        rowClassName={(n) => [n.id === selectedId ? 'selected' : '', matches && !matches.has(n.id) ? 'faded' : '',
          n.pseudo ? 'pseudo' : ''].join(' ')} />
    </div>
  );
}
