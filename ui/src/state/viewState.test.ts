import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, decodeViewState, encodeViewState, type ViewState } from './viewState';

const full: ViewState = {
  topologyId: 'containers',
  options: { containers: { system: 'all', stopped: 'both' }, processes: { unconnected: 'show' } },
  mode: 'table',
  search: 'cpu > 4%',
  pinnedSearches: ['image: busybox', 'tier: api'],
  details: [
    { topologyId: 'containers', id: 'abc;<container>', label: 'api' },
    { topologyId: 'hosts', id: 'vm;<host>', label: 'vm & co/1' },
  ],
  metric: 'Memory',
  contrast: true,
  timestamp: '2026-11-23T07:08:00Z',
};

describe('view state in the URL', () => {
  it('round-trips every field', () => {
    expect(decodeViewState(`#${encodeViewState(full)}`)).toEqual(full);
  });

  it('leaves defaults out', () => {
    expect(encodeViewState(DEFAULT_VIEW)).toBe('');
    expect(decodeViewState('')).toEqual(DEFAULT_VIEW);
  });

  it('keeps node ids with separators intact', () => {
    const encoded = encodeViewState({ ...DEFAULT_VIEW, details: [{ topologyId: 'pods', id: 'a/b;c&d=e', label: 'x' }] });
    expect(encoded).not.toContain('a/b;c&d=e');
    expect(decodeViewState(encoded).details[0].id).toBe('a/b;c&d=e');
  });

  it('ignores junk from hand-edited links', () => {
    const state = decodeViewState('#view=sideways&node=notjson&node=[1,2]&at=yesterday&contrast=yes');
    expect(state.mode).toBe('graph');
    expect(state.details).toEqual([]);
    expect(state.timestamp).toBeNull();
    expect(state.contrast).toBe(false);
  });

  it('reads per-topology options', () => {
    expect(decodeViewState('o.containers.system=all&o.pods.namespace=a,b').options)
      .toEqual({ containers: { system: 'all' }, pods: { namespace: 'a,b' } });
  });
});
