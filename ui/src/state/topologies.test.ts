import { describe, expect, it } from 'vitest';
import { defaultTopologyId, flattenTopologies, optionParams, topologyTitle } from './topologies';
import type { TopologyDesc } from '../api/types';

const list: TopologyDesc[] = [
  { name: 'Hosts', url: '/api/topology/hosts', rank: 4 },
  { name: 'Containers', url: '/api/topology/containers', rank: 2,
    sub_topologies: [{ name: 'by image', url: '/api/topology/containers-by-image' }] },
  { name: 'Processes', url: '/api/topology/processes', rank: 1 },
];

describe('topologies', () => {
  it('flattens sub-topologies after their parent in rank order', () => {
    expect(flattenTopologies(list).map((e) => [e.id, e.parentId])).toEqual([
      ['processes', null], ['containers', null], ['containers-by-image', 'containers'], ['hosts', null]]);
  });

  it('defaults to containers', () => {
    expect(defaultTopologyId(flattenTopologies(list))).toBe('containers');
    expect(defaultTopologyId([])).toBeNull();
  });

  it('sends every advertised option, the chosen value over the default', () => {
    const options = [
      { id: 'system', defaultValue: 'application', options: [] },
      { id: 'stopped', defaultValue: 'running', options: [] },
    ];
    expect(optionParams(options, { stopped: 'both', unknown: 'x' })).toEqual({ system: 'application', stopped: 'both' });
    expect(optionParams(null)).toEqual({});
  });
});

describe('topologyTitle', () => {
  it('names topologies, sub-topologies with their parent, and falls back to the id', () => {
    const entries = flattenTopologies(list);
    expect(topologyTitle(entries, 'hosts')).toBe('Hosts');
    expect(topologyTitle(entries, 'containers-by-image')).toBe('Containers by image');
    expect(topologyTitle(entries, 'pods')).toBe('pods');
  });
});
