import { describe, expect, it } from 'vitest';
import { MAX_ZOOM, MIN_ZOOM, fitViewport, segmentMayCross, toGraph, visibleBounds, zoomAround } from './viewport';

describe('viewport', () => {
  it('fits the bounds centred inside the padding', () => {
    const view = fitViewport({ x1: 0, y1: 0, x2: 1000, y2: 500 }, 600, 400, 50, 2);
    expect(view.zoom).toBeCloseTo(0.5);
    expect(toGraph(view, 300, 200)).toEqual({ x: 500, y: 250 });
  });

  it('never fits a small graph beyond the maximum zoom', () => {
    expect(fitViewport({ x1: 0, y1: 0, x2: 10, y2: 10 }, 800, 600, 40, 1.3).zoom).toBe(1.3);
  });

  it('keeps the point under the cursor still while zooming', () => {
    const before = { zoom: 0.7, panX: 12, panY: -40 };
    const after = zoomAround(before, 1.6, 321, 123);
    expect(toGraph(after, 321, 123).x).toBeCloseTo(toGraph(before, 321, 123).x);
    expect(toGraph(after, 321, 123).y).toBeCloseTo(toGraph(before, 321, 123).y);
  });

  it('clamps the zoom', () => {
    expect(zoomAround({ zoom: 1, panX: 0, panY: 0 }, 1000, 0, 0).zoom).toBe(MAX_ZOOM);
    expect(zoomAround({ zoom: 1, panX: 0, panY: 0 }, 0.00001, 0, 0).zoom).toBe(MIN_ZOOM);
  });

  it('culls segments that cannot cross the screen and keeps those that may', () => {
    const screen = visibleBounds({ zoom: 1, panX: 0, panY: 0 }, 100, 100, 0);
    expect(segmentMayCross(screen, 200, 200, 300, 300)).toBe(false);
    expect(segmentMayCross(screen, -50, 50, 150, 50)).toBe(true);
  });
});
