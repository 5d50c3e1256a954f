import { describe, expect, it } from 'vitest';
import { applyNodesDelta, edgesOf } from './nodesDelta';
import type { NodeMap } from '../api/types';

const web = { id: 'web', label: 'web', adjacency: ['db'] };
const db = { id: 'db', label: 'db' };

describe('applyNodesDelta', () => {
  it('replaces everything on reset', () => {
    const before: NodeMap = { old: { id: 'old', label: 'old' } };
    const { nodes, structureChanged } = applyNodesDelta(before, { reset: true, add: [web, db] });
    expect(Object.keys(nodes).sort()).toEqual(['db', 'web']);
    expect(structureChanged).toBe(true);
  });

  it('keeps the same map for an empty frame', () => {
    const before: NodeMap = { web };
    const result = applyNodesDelta(before, { add: null, update: null, remove: null });
    expect(result.nodes).toBe(before);
    expect(result.structureChanged).toBe(false);
  });

  it('adds, updates and removes without mutating the input', () => {
    const before: NodeMap = { web, db };
    const updatedDb = { id: 'db', label: 'db', labelMinor: 'busy' };
    const { nodes } = applyNodesDelta(before, { add: [{ id: 'cache', label: 'cache' }], update: [updatedDb], remove: ['web'] });
    expect(Object.keys(nodes).sort()).toEqual(['cache', 'db']);
    expect(nodes.db.labelMinor).toBe('busy');
    expect(before.web).toBe(web);
    expect(Object.keys(before)).toHaveLength(2);
  });

  it('flags an update that changes adjacency as structural but not a metric-only update', () => {
    const before: NodeMap = { web, db };
    const metricOnly = applyNodesDelta(before, { update: [{ ...web, labelMinor: 'x' }] });
    expect(metricOnly.structureChanged).toBe(false);
    const rewired = applyNodesDelta(before, { update: [{ ...web, adjacency: [] }] });
    expect(rewired.structureChanged).toBe(true);
  });

  it('ignores removal of unknown nodes', () => {
    const before: NodeMap = { web };
    const { nodes, structureChanged } = applyNodesDelta(before, { remove: ['ghost'] });
    expect(nodes).toEqual(before);
    expect(structureChanged).toBe(false);
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
