// Weave Scope's node shapes for the canvas renderer, as unit outlines traced into a path: a frame adds every node
// of one colour to one path, so a shape costs a few lineTo calls and no state change.

/** How a node is outlined. Polygons carry their unit vertices (radius 1, centred on 0,0). */
export type CanvasShape = { kind: 'circle' } | { kind: 'polygon'; points: Float64Array };

function polygon(sides: number, rotation: number, scale = 1): CanvasShape {
  const points = new Float64Array(sides * 2);
  for (let i = 0; i < sides; i++) {
    const angle = rotation + (2 * Math.PI * i) / sides;
    points[2 * i] = Math.cos(angle) * scale;
    points[2 * i + 1] = Math.sin(angle) * scale;
  }
  return { kind: 'polygon', points };
}

const UP = -Math.PI / 2;
const CIRCLE: CanvasShape = { kind: 'circle' };
// Polygons are drawn a little larger than the circle so that their area looks about the same.
const SQUARE = polygon(4, Math.PI / 4, 1.15);
const SHAPES: Record<string, CanvasShape> = {
  circle: CIRCLE,
  dottedcircle: CIRCLE,
  cloud: CIRCLE,
  square: SQUARE,
  dottedsquare: SQUARE,
  sheet: SQUARE,
  storagesheet: SQUARE,
  cylinder: SQUARE,
  dottedcylinder: SQUARE,
  triangle: polygon(3, UP, 1.3),
  pentagon: polygon(5, UP, 1.1),
  hexagon: polygon(6, 0, 1.08),
  heptagon: polygon(7, UP, 1.06),
  octagon: polygon(8, Math.PI / 8, 1.05),
};

export function canvasShape(shape: string | undefined): CanvasShape {
  return SHAPES[shape ?? 'circle'] ?? CIRCLE;
}

/** Adds the shape at (x, y) with radius r to the current path as a closed sub-path. */
export function traceShape(ctx: CanvasPath, shape: CanvasShape, x: number, y: number, r: number) {
  if (shape.kind === 'circle') {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    return;
  }
  const p = shape.points;
  ctx.moveTo(x + p[0] * r, y + p[1] * r);
  for (let i = 2; i < p.length; i += 2) ctx.lineTo(x + p[i] * r, y + p[i + 1] * r);
  ctx.closePath();
}

/**
 * An arrowhead for the edge (ax, ay) → (bx, by), its tip `gap` short of the target's centre, added to the current
 * path. Answers where the edge's line should stop (the arrowhead's base), or null when the nodes overlap.
 */
export function traceArrow(ctx: CanvasPath, ax: number, ay: number, bx: number, by: number, gap: number, size: number)
  : { x: number; y: number } | null {
  const dx = bx - ax;
  const dy = by - ay;
  const length = Math.hypot(dx, dy);
  if (length <= gap + size) return null;
  const ux = dx / length;
  const uy = dy / length;
  const tipX = bx - ux * gap;
  const tipY = by - uy * gap;
  const baseX = tipX - ux * size;
  const baseY = tipY - uy * size;
  const half = size * 0.5;
  ctx.moveTo(tipX, tipY);
  ctx.lineTo(baseX - uy * half, baseY + ux * half);
  ctx.lineTo(baseX + uy * half, baseY - ux * half);
  ctx.closePath();
  return { x: baseX, y: baseY };
}
