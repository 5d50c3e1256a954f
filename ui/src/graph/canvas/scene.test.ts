import { describe, expect, it } from 'vitest';
import type { NodeMap } from '../../api/types';
import { edgesOf } from '../../state/nodesDelta';
import { buildScene, nodeAt } from './scene';

const nodes: NodeMap = {
  web: { id: 'web', label: 'web', rank: 'nginx', adjacency: ['api'] },
  api: { id: 'api', label: 'api', rank: 'java', adjacency: ['db'] },
  db: { id: 'db', label: 'db', rank: 'java' },
  internet: { id: 'internet', label: 'The Internet', pseudo: true, adjacency: ['web'] },
};
const positions = new Map([['web', { x: 0, y: 0 }], ['api', { x: 0, y: 100 }], ['db', { x: 0, y: 200 }], ['internet', { x: 100, y: 0 }]]);
const plain = { matches: null, selectedId: null, metric: null, contrast: false };

describe('buildScene', () => {
  it('turns adjacency into index pairs and neighbour lists', () => {
    const scene = buildScene(nodes, edgesOf(nodes), positions, plain);
    const index = (id: string) => scene.nodes.findIndex((n) => n.id === id);
    expect(scene.edges.length).toBe(6);
    expect(scene.neighbours[index('api')].sort()).toEqual([index('web'), index('db')].sort());
    expect(scene.bounds).toEqual({ x1: 0, y1: 0, x2: 100, y2: 200 });
  });

  it('leaves pseudo nodes out of the colour fills', () => {
    const scene = buildScene(nodes, edgesOf(nodes), positions, plain);
    const filled = [...scene.byColor.values()].flat().map((i) => scene.nodes[i].id);
    expect(filled.sort()).toEqual(['api', 'db', 'web']);
  });

  it('marks search matches, faded nodes and the selection', () => {
    const matches = new Map([['db', []]]);
    const scene = buildScene(nodes, edgesOf(nodes), positions, { ...plain, matches, selectedId: 'web' });
    const byId = Object.fromEntries(scene.nodes.map((n) => [n.id, n]));
    expect(byId.db.matched).toBe(true);
    expect(byId.api.faded).toBe(true);
    expect(byId.web.selected).toBe(true);
    expect(scene.edgesFaded).toBe(true);
  });
});

describe('nodeAt', () => {
  it('finds the node under a point and nothing between nodes', () => {
    const scene = buildScene(nodes, edgesOf(nodes), positions, plain);
    expect(scene.nodes[nodeAt(scene, 5, 95)].id).toBe('api');
    expect(nodeAt(scene, 50, 50)).toBe(-1);
  });
});

describe('buildScene shapes', () => {
  it('keeps the shape, minor label and stacking of each node', () => {
    const shaped: NodeMap = {
      c: { id: 'c', label: 'web', labelMinor: 'host-1', shape: 'hexagon', stack: true },
      p: { id: 'p', label: 'nginx', shape: 'square' },
      x: { id: 'x', label: 'odd', shape: 'no-such-shape' },
      d: { id: 'd', label: 'gone', shape: 'dottedcircle' },
    };
    const at = new Map(Object.keys(shaped).map((id, i) => [id, { x: i * 100, y: 0 }]));
    const byId = Object.fromEntries(buildScene(shaped, [], at, plain).nodes.map((n) => [n.id, n]));
    expect(byId.c.shape.kind).toBe('polygon');
    expect(byId.c.shape.kind === 'polygon' && byId.c.shape.points.length).toBe(12);
    expect(byId.c.minor).toBe('host-1');
    expect(byId.c.stack).toBe(true);
    expect(byId.p.shape.kind === 'polygon' && byId.p.shape.points.length).toBe(8);
    expect(byId.x.shape.kind).toBe('circle');
    expect(byId.d.dotted).toBe(true);
  });
});
