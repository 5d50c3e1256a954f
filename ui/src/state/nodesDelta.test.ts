import { describe, expect, it } from 'vitest';
import { applyNodesDelta, edgesOf } from './nodesDelta';
import type { NodeMap } from '../api/types';

const web = { id: 'web', label: 'web', adjacency: ['db'] };
const db = { id: 'db', label: 'db' };

describe('applyNodesDelta', () => {
  it('replaces everything on reset', () => {
    const before: NodeMap = { old: { id: 'old', label: 'old' } };
    const nodes = applyNodesDelta(before, { reset: true, add: [web, db] });
    expect(Object.keys(nodes).sort()).toEqual(['db', 'web']);
  });

  it('empties the map on a reset without nodes', () => {
    expect(applyNodesDelta({ web }, { reset: true, add: null })).toEqual({});
  });

  it('keeps the same map for an empty frame', () => {
    const before: NodeMap = { web };
    expect(applyNodesDelta(before, { add: null, update: null, remove: null })).toBe(before);
  });

  it('adds, updates and removes without mutating the input', () => {
    const before: NodeMap = { web, db };
    const updatedDb = { id: 'db', label: 'db', labelMinor: 'busy' };
    const nodes = applyNodesDelta(before, { add: [{ id: 'cache', label: 'cache' }], update: [updatedDb], remove: ['web'] });
    expect(Object.keys(nodes).sort()).toEqual(['cache', 'db']);
    expect(nodes.db.labelMinor).toBe('busy');
    expect(before.web).toBe(web);
    expect(before.db).toBe(db);
    expect(Object.keys(before)).toHaveLength(2);
  });

  it('ignores removal of unknown nodes', () => {
    const before: NodeMap = { web };
    expect(applyNodesDelta(before, { remove: ['ghost'] })).toEqual(before);
  });

  it('applies a sequence of frames like the websocket sends them', () => {
    let nodes: NodeMap = {};
    nodes = applyNodesDelta(nodes, { reset: true, add: [web, db] });
    nodes = applyNodesDelta(nodes, { add: [{ id: 'cache', label: 'cache' }] });
    nodes = applyNodesDelta(nodes, { update: [{ ...web, adjacency: ['db', 'cache'] }], remove: ['db'] });
    expect(Object.keys(nodes).sort()).toEqual(['cache', 'web']);
    expect(edgesOf(nodes).map((e) => e.target)).toEqual(['cache']);
  });
});

describe('edgesOf', () => {
  it('drops self loops and dangling targets', () => {
    const nodes: NodeMap = {
      a: { id: 'a', label: 'a', adjacency: ['a', 'b', 'gone'] },
      b: { id: 'b', label: 'b' },
    };
    expect(edgesOf(nodes).map((e) => [e.source, e.target])).toEqual([['a', 'b']]);
  });
});
