import { describe, expect, it } from 'vitest';
import { layeredLayout, maxRanks, maxRowLength } from './layout';

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

describe('layeredLayout on deep graphs', () => {
  it('squeezes a long chain into a bounded number of ranks, edges still pointing down or level', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `p${String(i).padStart(3, '0')}`);
    const edges = ids.slice(1).map((id, i) => ({ source: ids[i], target: id }));
    const p = layeredLayout(ids, edges);
    const rows = new Set([...p.values()].map((q) => q.y));
    expect(rows.size).toBeLessThanOrEqual(maxRanks(200));
    for (const { source, target } of edges) expect(p.get(source)!.y).toBeLessThanOrEqual(p.get(target)!.y);
  });

  it('leaves a short client → server chain alone', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const edges = ids.slice(1).map((id, i) => ({ source: ids[i], target: id }));
    const p = layeredLayout(ids, edges);
    expect(new Set([...p.values()].map((q) => q.y)).size).toBe(5);
  });
});

describe('layeredLayout on wide graphs', () => {
  it('wraps 200 clients of one server onto rows, all above the server', () => {
    const clients = Array.from({ length: 200 }, (_, i) => `c${String(i).padStart(3, '0')}`);
    const p = layeredLayout(['server', ...clients], clients.map((c) => ({ source: c, target: 'server' })));
    const xs = [...p.values()].map((q) => q.x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThanOrEqual((maxRowLength(201) - 1) * 140);
    for (const c of clients) expect(p.get(c)!.y).toBeLessThan(p.get('server')!.y);
    expect(new Set(clients.map((c) => `${p.get(c)!.x},${p.get(c)!.y}`)).size).toBe(200);
  });

  it('keeps wrapped rows in place when a client goes away', () => {
    const clients = Array.from({ length: 60 }, (_, i) => `c${String(i).padStart(3, '0')}`);
    const edges = clients.map((c) => ({ source: c, target: 'server' }));
    const first = layeredLayout(['server', ...clients], edges);
    const rest = clients.filter((c) => c !== 'c059');
    const second = layeredLayout(['server', ...rest], edges.filter((e) => e.source !== 'c059'), first);
    for (const c of rest) expect(second.get(c)).toEqual(first.get(c));
  });
});
