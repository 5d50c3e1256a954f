import type { NodeMap, NodesDelta, NodeSummary } from '../api/types';

export interface DeltaResult {
  nodes: NodeMap;
  /** True when nodes came or went or an adjacency list changed, i.e. the graph needs a new layout. */
  structureChanged: boolean;
}

function sameAdjacency(a: NodeSummary | undefined, b: NodeSummary): boolean {
  const left = a?.adjacency ?? [];
  const right = b.adjacency ?? [];
  if (left.length !== right.length) return false;
  const set = new Set(left);
  return right.every((id) => set.has(id));
}

/**
 * Applies one websocket frame to the node map. The input map is never mutated, so React can compare by
 * identity; an empty frame returns the very same map.
 */
export function applyNodesDelta(previous: NodeMap, delta: NodesDelta): DeltaResult {
  const add = delta.add ?? [];
  const update = delta.update ?? [];
  const remove = delta.remove ?? [];
  if (!delta.reset && add.length === 0 && update.length === 0 && remove.length === 0) {
    return { nodes: previous, structureChanged: false };
  }
  const nodes: NodeMap = delta.reset ? {} : { ...previous };
  let structureChanged = Boolean(delta.reset);
  for (const id of remove) {
    if (id in nodes) {
      delete nodes[id];
      structureChanged = true;
    }
  }
  for (const node of add) {
    structureChanged ||= !(node.id in nodes) || !sameAdjacency(nodes[node.id], node);
    nodes[node.id] = node;
  }
  for (const node of update) {
    const existing = nodes[node.id];
    structureChanged ||= !existing || !sameAdjacency(existing, node);
    nodes[node.id] = node;
  }
  return { nodes, structureChanged };
}

export interface Edge {
  id: string;
  source: string;
  target: string;
}

/** Edges from adjacency lists; self loops and edges to unknown nodes are dropped, as Weave Scope does. */
export function edgesOf(nodes: NodeMap): Edge[] {
  const edges: Edge[] = [];
  for (const node of Object.values(nodes)) {
    for (const target of node.adjacency ?? []) {
      if (target !== node.id && target in nodes) {
        edges.push({ id: `${node.id}\u0000${target}`, source: node.id, target });
      }
    }
  }
  return edges;
}
