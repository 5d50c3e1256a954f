import type { ControlResult, Control, NodeDetails } from '../api/types';
import { HttpError, type Params, type ScopeClient } from '../api/client';
import { usePolling } from '../hooks/usePolling';
import type { SelectedNode } from '../state/viewState';
import { nodeColor } from '../util/colors';
import { ChildrenTables } from './ChildrenTables';
import { ConnectionsTables } from './ConnectionsTables';
import { ControlButtons } from './ControlButtons';
import { MetadataList } from './MetadataList';
import { MetricList } from './MetricList';
import { ParentLinks } from './ParentLinks';
import { PropertyTables } from './PropertyTables';

const REFRESH_MS = 5000;
const CACHED_PANELS = 50;

/** The last details seen per node, so that a panel brought back from the stack shows at once while it refreshes. */
const lastSeen = new Map<string, NodeDetails>();

function remember(key: string, node: NodeDetails) {
  lastSeen.delete(key);
  lastSeen.set(key, node);
  if (lastSeen.size > CACHED_PANELS) lastSeen.delete(lastSeen.keys().next().value!);
}

interface Props {
  selected: SelectedNode;
  client: ScopeClient;
  options: Params;
  contrast: boolean;
  topologyTitle(id: string): string;
  onClose(): void;
  onOpen(topologyId: string, id: string, label: string): void;
  onControlResult(node: NodeDetails, control: Control, result: ControlResult): void;
}

/** Everything the app knows about one node, refreshed every few seconds. */
export function NodeDetailsCard({ selected, client, options, contrast, topologyTitle, onClose, onOpen, onControlResult }: Props) {
  const key = `${client.url('')}|${selected.topologyId}|${selected.id}|${JSON.stringify(options)}`;
  const { data, error } = usePolling(() => client.nodeDetails(selected.topologyId, selected.id, options), REFRESH_MS, key);
  if (data) remember(key, data);
  const node = data ?? lastSeen.get(key) ?? null;
  const gone = error instanceof HttpError && error.status === 404;
  const label = node?.label ?? selected.label;
  return (
    <article className="details-card" aria-label={`Details of ${label}`}>
      <header style={{ background: nodeColor(label, node?.rank, contrast) }}>
        <div>
          <h2>{label}</h2>
          {node?.labelMinor && <p className="details-minor">{node.labelMinor}</p>}
        </div>
        <button type="button" className="close" aria-label="Close details" title="Close (esc)" onClick={onClose}>×</button>
      </header>
      {node && !gone && (
        <ControlButtons controls={node.controls ?? []} client={client} onResult={(c, r) => onControlResult(node, c, r)} />
      )}
      <div className="details-body">
        {gone && <p className="message">This node is gone: the app no longer reports it.</p>}
        {error && !gone && !node && <p className="message">Could not load details: {error.message}</p>}
        {!node && !error && <p className="message">Loading…</p>}
        {node && !gone && (
          <>
            <MetricList metrics={node.metrics ?? []} />
            <MetadataList rows={node.metadata ?? []} />
            <ParentLinks parents={node.parents ?? []} topologyTitle={topologyTitle} onOpen={onOpen} />
            <PropertyTables tables={node.tables ?? []} />
            <ChildrenTables tables={node.children ?? []} onOpen={onOpen} />
            <ConnectionsTables tables={node.connections ?? []} topologyId={selected.topologyId} onOpen={onOpen} />
          </>
        )}
      </div>
    </article>
  );
}
