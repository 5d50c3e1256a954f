import { useState } from 'react';
import type { NodeMap, NodeSummary } from '../api/types';
import type { ScopeClient } from '../api/client';
import { usePolling } from '../hooks/usePolling';
import { formatMetric } from '../util/format';
import { nodeColor } from '../util/colors';
import { buildResourceTree, capacity, type ResourceItem } from './tree';

const METRICS = ['CPU', 'Memory'];
const REFRESH_MS = 5000;

interface Props {
  client: ScopeClient;
  contrast: boolean;
  onSelect(topologyId: string, node: NodeSummary): void;
}

function Bar({ item, share, contrast, onSelect }: { item: ResourceItem; share: number; contrast: boolean; onSelect: Props['onSelect'] }) {
  const total = capacity(item);
  const title = `${item.node.label} — ${formatMetric(item.value, item.format)}`;
  return (
    <div className="resource-item" style={{ width: `${share * 100}%` }}>
      <button type="button" className={`resource-bar ${item.topologyId}`} title={title}
        style={{ background: nodeColor(item.node.label, item.node.rank, contrast) }}
        onClick={() => onSelect(item.topologyId, item.node)}>
        <span>{item.node.label}</span> <small>{formatMetric(item.value, item.format)}</small>
      </button>
      {item.children.length > 0 && total > 0 && (
        <div className="resource-children">
          {item.children.filter((c) => c.value > 0).map((child) => (
            <Bar key={child.node.id} item={child} share={child.value / total} contrast={contrast} onSelect={onSelect} />
          ))}
        </div>
      )}
    </div>
  );
}

/** Hosts, their containers and processes as nested bars, widths by CPU or memory use. */
export function ResourceView({ client, contrast, onSelect }: Props) {
  const [metric, setMetric] = useState(METRICS[0]);
  const { data, error } = usePolling(async () => {
    const [hosts, containers, processes] = await Promise.all(['hosts', 'containers', 'processes']
      .map((t) => client.topology(`/api/topology/${t}`, {}).then((r) => r.nodes).catch((): NodeMap => ({}))));
    return { hosts, containers, processes };
  }, REFRESH_MS, client.url('resources'));
  const tree = data ? buildResourceTree(data.hosts, data.containers, data.processes, metric) : [];
  const sum = tree.reduce((s, h) => s + h.value, 0);
  return (
    <div className="resource-view">
      <div className="resource-toolbar" role="group" aria-label="Size by">
        Size by{' '}
        {METRICS.map((m) => (
          <button key={m} type="button" className={m === metric ? 'selected' : ''} aria-pressed={m === metric} onClick={() => setMetric(m)}>{m}</button>
        ))}
        <span className="resource-legend">hosts → containers → processes</span>
      </div>
      {error && !data && <p className="message">Could not load resources: {error.message}</p>}
      {data && tree.length === 0 && <p className="message">No hosts reported yet.</p>}
      <div className="resource-hosts">
        {tree.map((host) => (
          <Bar key={host.node.id} item={host} share={tree.length === 1 || sum === 0 ? 1 / tree.length : host.value / sum}
            contrast={contrast} onSelect={onSelect} />
        ))}
      </div>
    </div>
  );
}
