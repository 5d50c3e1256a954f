import type { Css } from 'cytoscape';

type NodeShape = Css.NodeShape;

// Weave Scope's node shapes and the closest cytoscape shape; "dotted" shapes get a dashed border.
const SHAPES: Record<string, NodeShape> = {
  circle: 'ellipse',
  dottedcircle: 'ellipse',
  square: 'round-rectangle',
  dottedsquare: 'round-rectangle',
  triangle: 'round-triangle',
  pentagon: 'round-pentagon',
  hexagon: 'round-hexagon',
  heptagon: 'round-heptagon',
  octagon: 'round-octagon',
  cloud: 'ellipse',
  cylinder: 'barrel',
  dottedcylinder: 'barrel',
  sheet: 'rectangle',
  storagesheet: 'rectangle',
};

export function cytoscapeShape(shape: string | undefined): NodeShape {
  return SHAPES[shape ?? 'circle'] ?? 'ellipse';
}

export function isDotted(shape: string | undefined): boolean {
  return !!shape && (shape.startsWith('dotted') || shape === 'cloud');
}
