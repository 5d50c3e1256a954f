import type { Control, ControlResult, NodeDetails } from '../api/types';
import type { Params, ScopeClient } from '../api/client';
import type { SelectedNode } from '../state/viewState';
import { NodeDetailsCard } from './NodeDetailsCard';

interface Props {
  stack: SelectedNode[];
  client: ScopeClient;
  currentTopologyId: string | null;
  options: Params;
  contrast: boolean;
  topologyTitle(id: string): string;
  onTruncate(length: number): void;
  onOpen(topologyId: string, id: string, label: string): void;
  onControlResult(node: NodeDetails, control: Control, result: ControlResult): void;
}

/** Panels stack up as the user follows links; the ones below show as tabs that bring them back. */
export function DetailsStack({ stack, client, currentTopologyId, options, contrast, topologyTitle, onTruncate, onOpen, onControlResult }: Props) {
  if (stack.length === 0) return null;
  const top = stack[stack.length - 1];
  return (
    <aside className="details" aria-label="Node details">
      {stack.slice(0, -1).map((node, index) => (
        <button key={`${node.topologyId}/${node.id}`} type="button" className="details-tab" onClick={() => onTruncate(index + 1)}
          title={`Back to ${node.label}`}>
          {node.label} <small>{topologyTitle(node.topologyId)}</small>
        </button>
      ))}
      <NodeDetailsCard key={`${top.topologyId}/${top.id}`} selected={top} client={client} contrast={contrast} topologyTitle={topologyTitle}
        options={top.topologyId === currentTopologyId ? options : {}}
        onClose={() => onTruncate(stack.length - 1)} onOpen={onOpen} onControlResult={onControlResult} />
    </aside>
  );
}
