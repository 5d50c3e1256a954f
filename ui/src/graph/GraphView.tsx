import { useEffect, useRef } from 'react';
import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import type { NodeMap, NodeSummary } from '../api/types';
import { edgesOf } from '../state/nodesDelta';
import { layeredLayout, type Point } from './layout';
import { graphStyle } from './style';
import { nodeClasses, nodeData, type Decoration } from './elements';

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

function positionsOf(cy: Core): Map<string, Point> {
  const positions = new Map<string, Point>();
  cy.nodes().forEach((n) => {
    positions.set(n.id(), { ...n.position() });
  });
  return positions;
}

/** Puts the nodes and edges into cytoscape; lays out again (keeping neighbours together) only when something came or went. */
function sync(cy: Core, nodes: NodeMap, decoration: Decoration): boolean {
  const edges = edgesOf(nodes);
  const edgeIds = new Set(edges.map((e) => e.id));
  let changed = false;
  cy.batch(() => {
    const gone = cy.elements().filter((el) => (el.isNode() ? !(el.id() in nodes) : !edgeIds.has(el.id())));
    if (gone.nonempty()) {
      changed = true;
      cy.remove(gone);
    }
    const added: cytoscape.ElementDefinition[] = [];
    for (const node of Object.values(nodes)) {
      const existing = cy.getElementById(node.id);
      const data = nodeData(node, decoration);
      const classes = nodeClasses(node, decoration);
      if (existing.nonempty()) {
        existing.data(data);
        existing.classes(classes);
      } else {
        added.push({ group: 'nodes', data, classes });
      }
    }
    for (const edge of edges) {
      if (cy.getElementById(edge.id).empty()) added.push({ group: 'edges', data: edge });
    }
    if (added.length) {
      changed = true;
      const fresh = cy.add(added);
      if (decoration.matches) fresh.edges().addClass('faded');
    }
    if (decoration.matches) cy.edges().addClass('faded');
    else cy.edges().removeClass('faded');
    if (changed) {
      const positions = layeredLayout(Object.keys(nodes), edges, positionsOf(cy));
      cy.nodes().forEach((n) => {
        n.position(positions.get(n.id())!);
      });
    }
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
