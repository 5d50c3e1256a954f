import type { NodeMap, NodeSummary } from '../api/types';

export interface ResourceItem {
  node: NodeSummary;
  topologyId: string;
  value: number;
  format?: string;
  children: ResourceItem[];
}

function item(node: NodeSummary, topologyId: string, metric: string): ResourceItem {
  const m = node.metrics?.find((x) => x.label === metric);
  return { node, topologyId, value: m?.value ?? 0, format: m?.format, children: [] };
}

function parentId(node: NodeSummary, topologyId: string): string | undefined {
  return node.parents?.find((p) => p.topologyId === topologyId)?.id;
}

const byValue = (a: ResourceItem, b: ResourceItem) => b.value - a.value || a.node.label.localeCompare(b.node.label);

function sortDeep(items: ResourceItem[]): ResourceItem[] {
  items.sort(byValue);
  for (const i of items) sortDeep(i.children);
  return items;
}

/**
 * Hosts → containers → processes by their `parents`, each with the chosen metric's value; processes outside
 * any container sit right under their host. Biggest first.
 */
export function buildResourceTree(hosts: NodeMap, containers: NodeMap, processes: NodeMap, metric: string): ResourceItem[] {
  const hostItems = new Map(Object.values(hosts).filter((n) => !n.pseudo).map((n) => [n.id, item(n, 'hosts', metric)]));
  const containerItems = new Map<string, ResourceItem>();
  for (const node of Object.values(containers)) {
    if (node.pseudo) continue;
    const container = item(node, 'containers', metric);
    containerItems.set(node.id, container);
    hostItems.get(parentId(node, 'hosts') ?? '')?.children.push(container);
  }
  for (const node of Object.values(processes)) {
    if (node.pseudo) continue;
    const process = item(node, 'processes', metric);
    const owner = containerItems.get(parentId(node, 'containers') ?? '') ?? hostItems.get(parentId(node, 'hosts') ?? '');
    owner?.children.push(process);
  }
  return sortDeep([...hostItems.values()]);
}

/** What 100% of an item's width stands for: its own value, or its children's sum when that is more. */
export function capacity(item: ResourceItem): number {
  return Math.max(item.value, item.children.reduce((sum, c) => sum + c.value, 0));
}
