import { describe, expect, it } from 'vitest';
import type { SceneNode } from './scene';
import { applyMotion, MOTION_MS, startMotion } from './motion';

const node = (id: string, x: number, y: number) => ({ id, x, y }) as SceneNode;

describe('motion', () => {
  it('glides nodes that stay from where they were drawn, and places new ones at once', () => {
    const next = [node('a', 100, 0), node('new', 50, 50)];
    const motion = startMotion([node('a', 0, 0), node('gone', 9, 9)], next, 1000)!;
    expect(motion).not.toBeNull();
    expect(applyMotion(next, motion, 1000)).toBe(true);
    expect(next[0]).toMatchObject({ x: 0, y: 0 });
    expect(next[1]).toMatchObject({ x: 50, y: 50 });
    applyMotion(next, motion, 1000 + MOTION_MS / 2);
    expect(next[0].x).toBeCloseTo(50);
    expect(applyMotion(next, motion, 1000 + MOTION_MS)).toBe(false);
    expect(next[0]).toMatchObject({ x: 100, y: 0 });
  });

  it('does not move anything when nothing moved or nothing was drawn', () => {
    expect(startMotion([node('a', 1, 1)], [node('a', 1, 1), node('b', 5, 5)], 0)).toBeNull();
    expect(startMotion(undefined, [node('a', 1, 1)], 0)).toBeNull();
  });
});
