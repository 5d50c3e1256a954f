import type { NodeMap, NodesDelta } from '../api/types';

/**
 * Applies one websocket frame to the node map. The input map is never mutated, so React can compare by
 * identity; an empty frame returns the very same map.
 */
export function applyNodesDelta(previous: NodeMap, delta: NodesDelta): NodeMap {
  const add = delta.add ?? [];
  const update = delta.update ?? [];
  const remove = delta.remove ?? [];
  if (!delta.reset && add.length === 0 && update.length === 0 && remove.length === 0) {
    return previous;
  }
  const nodes: NodeMap = delta.reset ? {} : { ...previous };
  for (const id of remove) delete nodes[id];
  for (const node of [...add, ...update]) nodes[node.id] = node;
  return nodes;
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
