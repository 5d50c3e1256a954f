// What the canvas renderer draws: flat arrays built once per data change, so a frame only walks numbers.
import type { NodeMap } from '../../api/types';
import type { Edge } from '../../state/nodesDelta';
import { nodeClasses, nodeData, type Decoration } from '../elements';
import type { Point } from '../layout';
import type { Bounds } from './viewport';
import { canvasShape, type CanvasShape } from './shapes';

/** Radius of a node in graph units (cytoscape draws them 46 wide). */
export const NODE_RADIUS = 23;

export interface SceneNode {
  id: string;
  label: string;
  /** The second line under the label (host, or the overlay metric's value). */
  minor: string;
  shape: CanvasShape;
  /** Dotted shapes (and clouds) get a dashed outline, as in Weave Scope. */
  dotted: boolean;
  /** Stands for several nodes (a group): drawn with a second outline. */
  stack: boolean;
  x: number;
  y: number;
  color: string;
  pseudo: boolean;
  matched: boolean;
  /** Faded by a search that does not match it. */
  faded: boolean;
  selected: boolean;
}

export interface Scene {
  nodes: SceneNode[];
  /** Pairs of node indexes: source, target, source, target... */
  edges: Int32Array;
  /** Node indexes by fill colour, so a frame fills each colour with one path. */
  byColor: Map<string, number[]>;
  /** Neighbour indexes per node, for the hover highlight. */
  neighbours: number[][];
  /** Whether every edge is faded (a search is active). */
  edgesFaded: boolean;
  bounds: Bounds;
}

export function buildScene(nodes: NodeMap, edges: Edge[], positions: Map<string, Point>, decoration: Decoration): Scene {
  const list: SceneNode[] = [];
  const index = new Map<string, number>();
  const byColor = new Map<string, number[]>();
  const bounds: Bounds = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const node of Object.values(nodes)) {
    const p = positions.get(node.id) ?? { x: 0, y: 0 };
    const data = nodeData(node, decoration);
    const classes = nodeClasses(node, decoration);
    const i = list.length;
    index.set(node.id, i);
    list.push({
      id: node.id, label: node.label, minor: data.minor, shape: canvasShape(node.shape), dotted: classes.includes('dotted'),
      stack: classes.includes('stack'), x: p.x, y: p.y, color: data.color, pseudo: classes.includes('pseudo'),
      matched: classes.includes('matched'), faded: classes.includes('faded'), selected: classes.includes('selected'),
    });
    if (!list[i].pseudo) {
      const group = byColor.get(data.color);
      if (group) group.push(i);
      else byColor.set(data.color, [i]);
    }
    bounds.x1 = Math.min(bounds.x1, p.x);
    bounds.y1 = Math.min(bounds.y1, p.y);
    bounds.x2 = Math.max(bounds.x2, p.x);
    bounds.y2 = Math.max(bounds.y2, p.y);
  }
  const pairs = new Int32Array(edges.length * 2);
  const neighbours: number[][] = list.map(() => []);
  let n = 0;
  for (const edge of edges) {
    const s = index.get(edge.source);
    const t = index.get(edge.target);
    if (s === undefined || t === undefined) continue;
    pairs[n++] = s;
    pairs[n++] = t;
    neighbours[s].push(t);
    neighbours[t].push(s);
  }
  return { nodes: list, edges: pairs.subarray(0, n), byColor, neighbours, edgesFaded: decoration.matches !== null, bounds };
}

/** The node drawn at graph point (x, y), the closest one when they overlap; -1 for none. */
export function nodeAt(scene: Scene, x: number, y: number, radius = NODE_RADIUS): number {
  let best = -1;
  let bestDistance = radius * radius;
  for (let i = 0; i < scene.nodes.length; i++) {
    const dx = scene.nodes[i].x - x;
    const dy = scene.nodes[i].y - y;
    const d = dx * dx + dy * dy;
    if (d <= bestDistance) {
      best = i;
      bestDistance = d;
    }
  }
  return best;
}
