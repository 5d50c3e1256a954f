import type { TopologyDesc, TopologyOption } from '../api/types';
import { topologyIdOf } from '../api/paths';

export interface TopologyEntry {
  id: string;
  desc: TopologyDesc;
  parentId: string | null;
}

/** Topologies and their sub-topologies in display order (by rank, then name). */
export function flattenTopologies(list: TopologyDesc[]): TopologyEntry[] {
  const byRank = (a: TopologyDesc, b: TopologyDesc) => (a.rank ?? 0) - (b.rank ?? 0) || a.name.localeCompare(b.name);
  const entries: TopologyEntry[] = [];
  for (const desc of [...list].sort(byRank)) {
    const id = topologyIdOf(desc.url);
    entries.push({ id, desc, parentId: null });
    for (const sub of desc.sub_topologies ?? []) entries.push({ id: topologyIdOf(sub.url), desc: sub, parentId: id });
  }
  return entries;
}

/** Every option the topology advertises, with the user's choice or the default: the query sent with each request. */
export function optionParams(options: TopologyOption[] | null | undefined, chosen: Record<string, string> = {}): Record<string, string> {
  const params: Record<string, string> = {};
  for (const option of options ?? []) {
    const value = chosen[option.id] ?? option.defaultValue;
    if (value !== undefined && value !== '') params[option.id] = value;
  }
  return params;
}

/** Weave Scope opens on the containers topology when there is one. */
export function defaultTopologyId(entries: TopologyEntry[]): string | null {
  return entries.find((e) => e.id === 'containers')?.id ?? entries[0]?.id ?? null;
}

/** What to call a topology in the UI: "Containers", or "Containers by image" for a sub-topology; the id if unknown. */
export function topologyTitle(entries: TopologyEntry[], id: string): string {
  const entry = entries.find((e) => e.id === id);
  if (!entry) return id;
  const parent = entry.parentId ? entries.find((e) => e.id === entry.parentId) : undefined;
  return parent ? `${parent.desc.name} ${entry.desc.name}` : entry.desc.name;
}
