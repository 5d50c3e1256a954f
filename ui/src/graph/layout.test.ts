import { describe, expect, it } from 'vitest';
import { layeredLayout } from './layout';

describe('layeredLayout', () => {
  it('puts clients above servers', () => {
    const p = layeredLayout(['web', 'api', 'db'], [{ source: 'web', target: 'api' }, { source: 'api', target: 'db' }]);
    expect(p.get('web')!.y).toBeLessThan(p.get('api')!.y);
    expect(p.get('api')!.y).toBeLessThan(p.get('db')!.y);
  });

  it('survives cycles and places every node once', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const p = layeredLayout(ids, [{ source: 'a', target: 'b' }, { source: 'b', target: 'c' }, { source: 'c', target: 'a' }]);
    expect([...p.keys()].sort()).toEqual(ids);
    const points = new Set([...p.values()].map((q) => `${q.x},${q.y}`));
    expect(points.size).toBe(4);
  });

  it('puts unconnected nodes below the connected ones', () => {
    const p = layeredLayout(['a', 'b', 'lonely'], [{ source: 'a', target: 'b' }]);
    expect(p.get('lonely')!.y).toBeGreaterThan(p.get('b')!.y);
  });

  it('keeps the order of remaining nodes when one goes away', () => {
    const edges = ['x', 'y', 'z'].map((t) => ({ source: 'root', target: t }));
    const first = layeredLayout(['root', 'x', 'y', 'z'], edges);
    const second = layeredLayout(['root', 'x', 'z'], edges.filter((e) => e.target !== 'y'), first);
    expect(second.get('x')!.x).toBeLessThan(second.get('z')!.x);
  });

  it('lays out 1,000 nodes and 3,000 edges quickly', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `n${i}`);
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const edges = Array.from({ length: 3000 }, () => ({ source: ids[Math.floor(random() * 1000)], target: ids[Math.floor(random() * 1000)] }));
    const started = performance.now();
    const p = layeredLayout(ids, edges);
    expect(performance.now() - started).toBeLessThan(500);
    expect(p.size).toBe(1000);
  });
});
