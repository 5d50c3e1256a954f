// Nodes that stay in the graph glide from where they were drawn to where a new layout puts them, so that the eye
// can follow them when others come and go. New nodes appear in place.
import type { SceneNode } from './scene';

export const MOTION_MS = 400;

export interface Motion {
  /** x, y pairs per node index of the new scene: where each starts and ends. */
  from: Float64Array;
  to: Float64Array;
  startedAt: number;
}

/** The motion from the positions drawn now to the new scene's; null when no node that stays has moved. */
export function startMotion(drawn: readonly SceneNode[] | undefined, next: readonly SceneNode[], now: number): Motion | null {
  if (!drawn || drawn.length === 0) return null;
  const before = new Map<string, SceneNode>();
  for (const n of drawn) before.set(n.id, n);
  const from = new Float64Array(next.length * 2);
  const to = new Float64Array(next.length * 2);
  let moved = false;
  next.forEach((n, i) => {
    const old = before.get(n.id);
    from[2 * i] = old ? old.x : n.x;
    from[2 * i + 1] = old ? old.y : n.y;
    to[2 * i] = n.x;
    to[2 * i + 1] = n.y;
    if (old && (Math.abs(old.x - n.x) > 0.5 || Math.abs(old.y - n.y) > 0.5)) moved = true;
  });
  return moved ? { from, to, startedAt: now } : null;
}

const ease = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

/** Moves the nodes to where they are at `now`; answers whether the motion goes on. */
export function applyMotion(nodes: SceneNode[], motion: Motion, now: number): boolean {
  const t = Math.min(1, Math.max(0, (now - motion.startedAt) / MOTION_MS));
  const k = ease(t);
  const { from, to } = motion;
  for (let i = 0; i < nodes.length; i++) {
    nodes[i].x = from[2 * i] + (to[2 * i] - from[2 * i]) * k;
    nodes[i].y = from[2 * i + 1] + (to[2 * i + 1] - from[2 * i + 1]) * k;
  }
  return t < 1;
}
