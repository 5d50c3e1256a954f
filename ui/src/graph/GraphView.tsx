import { useEffect, useRef } from 'react';
import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import type { NodeMap, NodeSummary } from '../api/types';
import { edgesOf } from '../state/nodesDelta';
import { layeredLayout, type Point } from './layout';
import { graphStyle } from './style';
import { nodeClasses, nodeData, type Decoration, type NodeData } from './elements';

/** Fitting a handful of nodes should not blow them up. */
const MAX_FIT_ZOOM = 1.3;

function fit(cy: Core) {
  cy.fit(undefined, 40);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
}

/** Above this many nodes the renderer trades looks for speed (straight edges, bitmap while moving). */
const LARGE_GRAPH = 300;

interface GraphViewProps extends Decoration {
  nodes: NodeMap;
  /** Changes when the user switches topology: the view is fitted again. */
  viewKey: string;
  onSelect(node: NodeSummary): void;
  onPainted?(nodeCount: number): void;
}

function sameClasses(ele: cytoscape.NodeSingular, classes: string[]): boolean {
  const current = ele.classes();
  return current.length === classes.length && classes.every((c) => ele.hasClass(c));
}

function sameData(ele: cytoscape.NodeSingular, data: NodeData): boolean {
  return ele.data('display') === data.display && ele.data('color') === data.color && ele.data('shape') === data.shape;
}

/**
 * Brings cytoscape in line with the nodes, touching only what changed (every touch costs events and style work).
 * Lays out again, keeping neighbours together, only when nodes or edges came or went. Answers whether they did.
 */
function sync(cy: Core, nodes: NodeMap, decoration: Decoration): boolean {
  const edges = edgesOf(nodes);
  const edgeIds = new Set(edges.map((e) => e.id));
  const present = new Map<string, cytoscape.SingularElementReturnValue>();
  cy.elements().forEach((el) => {
    present.set(el.id(), el);
  });
  const gone = cy.elements().filter((el) => (el.isNode() ? !(el.id() in nodes) : !edgeIds.has(el.id())));
  const newNodes = Object.values(nodes).filter((n) => !present.has(n.id));
  const newEdges = edges.filter((e) => !present.has(e.id));
  const changed = gone.nonempty() || newNodes.length > 0 || newEdges.length > 0;

  let positions: Map<string, Point> | null = null;
  if (changed) {
    const previous = new Map<string, Point>();
    cy.nodes().forEach((n) => {
      previous.set(n.id(), { ...n.position() });
    });
    positions = layeredLayout(Object.keys(nodes), edges, previous);
  }
  const edgeClasses = decoration.matches ? ['faded'] : [];
  cy.batch(() => {
    cy.remove(gone);
    for (const node of Object.values(nodes)) {
      const ele = present.get(node.id) as cytoscape.NodeSingular | undefined;
      if (!ele) continue;
      const data = nodeData(node, decoration);
      const classes = nodeClasses(node, decoration);
      if (!sameData(ele, data)) ele.data(data);
      if (!sameClasses(ele, classes)) ele.classes(classes);
      const p = positions?.get(node.id);
      if (p) ele.position(p);
    }
    for (const ele of present.values()) {
      if (ele.isEdge() && !gone.has(ele) && ele.hasClass('faded') !== edgeClasses.length > 0) ele.classes(edgeClasses);
    }
    cy.add([
      ...newNodes.map((node): cytoscape.ElementDefinition => ({
        group: 'nodes', data: nodeData(node, decoration), classes: nodeClasses(node, decoration), position: positions!.get(node.id),
      })),
      ...newEdges.map((edge): cytoscape.ElementDefinition => ({ group: 'edges', data: edge, classes: edgeClasses })),
    ]);
  });
  return changed;
}

function highlightNeighbours(cy: Core, node: NodeSingular | null) {
  cy.batch(() => {
    cy.elements().removeClass('hovered highlighted');
    cy.elements('.hover-faded').removeClass('hover-faded faded');
    if (!node) return;
    const neighbourhood = node.closedNeighborhood();
    cy.elements().not(neighbourhood).not('.faded').addClass('hover-faded faded');
    node.addClass('hovered');
    node.connectedEdges().addClass('highlighted');
  });
}

export function GraphView({ nodes, viewKey, matches, selectedId, metric, contrast, onSelect, onPainted }: GraphViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const fitted = useRef(false);
  const hovered = useRef<string | null>(null);
  const latest = useRef({ nodes, onSelect });
  latest.current = { nodes, onSelect };
  const large = Object.keys(nodes).length > LARGE_GRAPH;

  useEffect(() => {
    const cy = cytoscape({
      container: container.current,
      style: graphStyle(contrast, large),
      minZoom: 0.05,
      maxZoom: 4,
      wheelSensitivity: 0.4,
      textureOnViewport: large,
      hideEdgesOnViewport: false,
      pixelRatio: large ? 1 : 'auto',
      boxSelectionEnabled: false,
      autoungrabify: true,
    });
    cy.on('tap', 'node', (event) => {
      const node = latest.current.nodes[event.target.id()];
      if (node) latest.current.onSelect(node);
    });
    cy.on('mouseover', 'node', (event) => {
      hovered.current = event.target.id();
      highlightNeighbours(cy, event.target);
    });
    cy.on('mouseout', 'node', () => {
      hovered.current = null;
      highlightNeighbours(cy, null);
    });
    cyRef.current = cy;
    fitted.current = false;
    return () => {
      cy.destroy();
      cyRef.current = null;
    };
    // The renderer's speed options can only be set when it is created; recreate when the size class flips.
  }, [large, viewKey]);

  useEffect(() => {
    cyRef.current?.style(graphStyle(contrast, large));
  }, [contrast, large]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const changed = sync(cy, nodes, { matches, selectedId, metric, contrast });
    if (hovered.current) {
      const node = cy.getElementById(hovered.current);
      highlightNeighbours(cy, node.nonempty() ? node : null);
    }
    if (changed && !fitted.current && cy.nodes().nonempty()) {
      fit(cy);
      fitted.current = true;
    }
    if (onPainted) requestAnimationFrame(() => onPainted(cy.nodes().length));
  }, [nodes, matches, selectedId, metric, contrast, large, viewKey, onPainted]);

  const zoom = (factor: number) => {
    const cy = cyRef.current;
    if (cy) cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };

  return (
    <div className="graph">
      <div className="graph-canvas" ref={container} data-testid="graph-canvas" />
      <div className="graph-zoom" role="toolbar" aria-label="Zoom">
        <button type="button" title="Zoom in" onClick={() => zoom(1.25)}>+</button>
        <button type="button" title="Zoom out" onClick={() => zoom(0.8)}>−</button>
        <button type="button" title="Fit to screen" onClick={() => cyRef.current && fit(cyRef.current)}>⤢</button>
      </div>
    </div>
  );
}
