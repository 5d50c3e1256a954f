import { useEffect, useRef } from 'react';
import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import type { NodeMap, NodeSummary } from '../api/types';
import { edgesOf } from '../state/nodesDelta';
import { layeredLayout, type Point } from './layout';
import { graphStyle } from './style';
import { nodeClasses, nodeData, type Decoration, type NodeData } from './elements';
import { CanvasGraph, type CanvasColors } from './canvas/CanvasGraph';
import { buildScene } from './canvas/scene';

/** How long a node takes to glide to its place after a re-layout. */
const MOVE_MS = 400;

/** Fitting a handful of nodes should not blow them up. */
const MAX_FIT_ZOOM = 1.3;

function fit(cy: Core) {
  cy.fit(undefined, 40);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
}

/**
 * Above this many nodes the graph is drawn by the plain canvas renderer (circles, straight edges, labels only when
 * zoomed in): cytoscape's per-element styles cost over a second of CPU at 1,000 nodes and 3,000 edges.
 */
export const LARGE_GRAPH = 300;

/** Where each drawn node is on screen: tests and automation read it through window.scopeGraph. */
export interface RenderedNode {
  id: string;
  label: string;
  x: number;
  y: number;
}

declare global {
  interface Window {
    scopeGraph?: { renderer: 'cytoscape' | 'canvas'; renderedNodes(): RenderedNode[] };
  }
}

interface GraphViewProps extends Decoration {
  nodes: NodeMap;
  /** Changes when the user switches topology: the view is fitted again. */
  viewKey: string;
  onSelect(node: NodeSummary): void;
  onPainted?(nodeCount: number): void;
}

/** The whole label and minor label, for the tooltip of a node whose drawn label is clipped. */
function fullLabel(node: NodeSummary): string {
  return node.labelMinor ? `${node.label}\n${node.labelMinor}` : node.label;
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
  const moves: [cytoscape.NodeSingular, Point][] = [];
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
      if (p) {
        const at = ele.position();
        if (Math.abs(at.x - p.x) > 0.5 || Math.abs(at.y - p.y) > 0.5) moves.push([ele, p]);
      }
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
  // Nodes that stay glide to their new places rather than jump, so the eye can follow them.
  for (const [ele, p] of moves) {
    ele.stop(true, true);
    ele.animate({ position: p }, { duration: MOVE_MS, easing: 'ease-in-out-quad' });
  }
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

export function GraphView(props: GraphViewProps) {
  return Object.keys(props.nodes).length > LARGE_GRAPH ? <CanvasGraphView {...props} /> : <CytoscapeGraphView {...props} />;
}

function ZoomButtons({ zoom, fit }: { zoom(factor: number): void; fit(): void }) {
  return (
    <div className="graph-zoom" role="toolbar" aria-label="Zoom">
      <button type="button" title="Zoom in" onClick={() => zoom(1.25)}>+</button>
      <button type="button" title="Zoom out" onClick={() => zoom(0.8)}>−</button>
      <button type="button" title="Fit to screen" onClick={fit}>⤢</button>
    </div>
  );
}

function canvasColors(contrast: boolean): CanvasColors {
  return {
    edge: contrast ? '#333' : '#aab2c0',
    highlight: contrast ? '#0040ff' : '#5b7cfa',
    text: contrast ? '#000' : '#3b4252',
    minor: contrast ? '#222' : '#6b7280',
    matched: '#f59e0b',
    border: contrast ? '#000' : '#ffffff',
    fadedOpacity: contrast ? 0.35 : 0.2,
  };
}

/** Big graphs: layout as for small ones, drawn by {@link CanvasGraph}. */
function CanvasGraphView({ nodes, viewKey, matches, selectedId, metric, contrast, onSelect, onPainted }: GraphViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const graphRef = useRef<CanvasGraph | null>(null);
  const layout = useRef<{ key: string; positions: Map<string, Point> }>({ key: '', positions: new Map() });
  const fitted = useRef(false);
  const latest = useRef({ nodes, onSelect });
  latest.current = { nodes, onSelect };

  useEffect(() => {
    const graph = new CanvasGraph(container.current!, canvasColors(contrast), {
      onTap: (id) => {
        const node = latest.current.nodes[id];
        if (node) latest.current.onSelect(node);
      },
      onHover: (id) => {
        const node = id === null ? undefined : latest.current.nodes[id];
        if (container.current) container.current.title = node ? fullLabel(node) : '';
      },
    });
    graphRef.current = graph;
    fitted.current = false;
    layout.current = { key: '', positions: new Map() };
    window.scopeGraph = { renderer: 'canvas', renderedNodes: () => graph.renderedNodes() };
    return () => {
      graph.destroy();
      graphRef.current = null;
      delete window.scopeGraph;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- colours follow in the effect below
  }, [viewKey]);

  useEffect(() => {
    graphRef.current?.setColors(canvasColors(contrast));
  }, [contrast]);

  useEffect(() => {
    const graph = graphRef.current;
    if (!graph) return;
    const edges = edgesOf(nodes);
    // Lay out again only when nodes or edges came or went; metric and label updates keep the positions.
    const key = `${Object.keys(nodes).sort().join('\u0001')}\u0002${edges.map((e) => e.id).sort().join('\u0001')}`;
    if (key !== layout.current.key) {
      layout.current = { key, positions: layeredLayout(Object.keys(nodes), edges, layout.current.positions) };
    }
    graph.setScene(buildScene(nodes, edges, layout.current.positions, { matches, selectedId, metric, contrast }));
    if (!fitted.current && Object.keys(nodes).length > 0) {
      graph.fit();
      fitted.current = true;
    }
    graph.drawNow();
    if (onPainted) requestAnimationFrame(() => onPainted(Object.keys(nodes).length));
  }, [nodes, matches, selectedId, metric, contrast, viewKey, onPainted]);

  return (
    <div className="graph">
      <div className="graph-canvas" ref={container} data-testid="graph-canvas" data-renderer="canvas" />
      <ZoomButtons zoom={(factor) => graphRef.current?.zoomBy(factor)} fit={() => graphRef.current?.fit()} />
    </div>
  );
}

/** Small graphs: cytoscape, with Weave Scope's shapes, labels and arrows. */
function CytoscapeGraphView({ nodes, viewKey, matches, selectedId, metric, contrast, onSelect, onPainted }: GraphViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const fitted = useRef(false);
  const hovered = useRef<string | null>(null);
  const latest = useRef({ nodes, onSelect });
  latest.current = { nodes, onSelect };
  useEffect(() => {
    const cy = cytoscape({
      container: container.current,
      style: graphStyle(contrast),
      minZoom: 0.05,
      maxZoom: 4,
      wheelSensitivity: 0.4,
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
      // Labels are clipped under the node: the pointer shows them whole.
      const node = latest.current.nodes[event.target.id()];
      if (node && container.current) container.current.title = fullLabel(node);
    });
    cy.on('mouseout', 'node', () => {
      hovered.current = null;
      highlightNeighbours(cy, null);
      if (container.current) container.current.title = '';
    });
    cyRef.current = cy;
    fitted.current = false;
    window.scopeGraph = {
      renderer: 'cytoscape',
      renderedNodes: () => cy.nodes().map((n) => ({ id: n.id(), label: latest.current.nodes[n.id()]?.label ?? '', ...n.renderedPosition() })),
    };
    return () => {
      cy.destroy();
      cyRef.current = null;
      delete window.scopeGraph;
    };
  }, [viewKey]);

  useEffect(() => {
    cyRef.current?.style(graphStyle(contrast));
  }, [contrast]);

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
  }, [nodes, matches, selectedId, metric, contrast, viewKey, onPainted]);

  const zoom = (factor: number) => {
    const cy = cyRef.current;
    if (cy) cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };

  return (
    <div className="graph">
      <div className="graph-canvas" ref={container} data-testid="graph-canvas" data-renderer="cytoscape" />
      <ZoomButtons zoom={zoom} fit={() => cyRef.current && fit(cyRef.current)} />
    </div>
  );
}
