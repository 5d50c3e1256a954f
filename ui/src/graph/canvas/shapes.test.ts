import { describe, expect, it } from 'vitest';
import { canvasShape, traceArrow, traceShape } from './shapes';

/** Records path calls instead of drawing them. */
function recorder() {
  const calls: [string, ...number[]][] = [];
  const path = {
    moveTo: (x: number, y: number) => calls.push(['moveTo', x, y]),
    lineTo: (x: number, y: number) => calls.push(['lineTo', x, y]),
    arc: (x: number, y: number, r: number) => calls.push(['arc', x, y, r]),
    closePath: () => calls.push(['closePath']),
  } as unknown as CanvasPath;
  return { path, calls };
}

describe('traceShape', () => {
  it('traces a hexagon as six corners around the centre, closed', () => {
    const { path, calls } = recorder();
    traceShape(path, canvasShape('hexagon'), 100, 50, 10);
    expect(calls.map((c) => c[0])).toEqual(['moveTo', 'lineTo', 'lineTo', 'lineTo', 'lineTo', 'lineTo', 'closePath']);
    for (const [, x, y] of calls.slice(0, 6)) expect(Math.hypot(x - 100, y - 50)).toBeCloseTo(10.8);
  });

  it('traces circles as arcs', () => {
    const { path, calls } = recorder();
    traceShape(path, canvasShape('circle'), 0, 0, 5);
    expect(calls).toContainEqual(['arc', 0, 0, 5]);
  });
});

describe('traceArrow', () => {
  it('puts the tip short of the target centre and answers where the line should stop', () => {
    const { path, calls } = recorder();
    const end = traceArrow(path, 0, 0, 0, 100, 26, 10);
    expect(calls[0]).toEqual(['moveTo', 0, 74]);
    expect(end).toEqual({ x: 0, y: 64 });
  });

  it('draws nothing between overlapping nodes', () => {
    const { path, calls } = recorder();
    expect(traceArrow(path, 0, 0, 0, 20, 26, 10)).toBeNull();
    expect(calls).toHaveLength(0);
  });
});
