// A plain 2D-canvas renderer for big graphs. Cytoscape spends ~1.3 s of CPU computing styles and caching a
// texture per element before it paints 1,000 nodes and 3,000 edges; here a frame is one stroked path for the
// edges and one filled path per colour, culled to the screen, so the first paint and every pan/zoom frame take
// a few milliseconds. Labels appear once nodes are big enough to read them.
import { NODE_RADIUS, nodeAt, type Scene, type SceneNode } from './scene';
import { traceArrow, traceShape } from './shapes';
import { clipLabel } from '../elements';
import { applyMotion, startMotion, type Motion } from './motion';
import { fitViewport, segmentMayCross, toGraph, visibleBounds, zoomAround, type Viewport } from './viewport';

export interface CanvasColors {
  edge: string;
  highlight: string;
  text: string;
  minor: string;
  matched: string;
  border: string;
  fadedOpacity: number;
}

export interface CanvasGraphEvents {
  onTap(nodeId: string): void;
  /** The node under the pointer changed (null: none). */
  onHover?(nodeId: string | null): void;
}

const FIT_PADDING = 40;
const MAX_FIT_ZOOM = 1.3;
/** Screen pixels a pointer may move between down and up and still count as a click. */
const CLICK_SLOP = 4;
/** Labels are drawn once a node is at least this many pixels wide. */
const LABEL_MIN_DIAMETER = 30;
/** The second label line appears once the label font is at least this big. */
const MINOR_LABEL_MIN_FONT = 9;
/** Arrowheads (edge direction: client → server) appear once a node is at least this many pixels wide. */
const ARROW_MIN_DIAMETER = 14;
/** Arrowhead length in graph units (a node is 46 wide). */
const ARROW_SIZE = 10;
const WHEEL_SENSITIVITY = 0.0015;
const MIN_TARGET_PIXELS = 5;

export class CanvasGraph {
  private readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  private readonly resizeObserver: ResizeObserver;
  private scene: Scene | null = null;
  private view: Viewport = { zoom: 1, panX: 0, panY: 0 };
  private width = 0;
  private height = 0;
  private ratio = 1;
  private frame = 0;
  private hovered = -1;
  /** Nodes gliding to a new layout; their scene positions are where they are drawn now. */
  private motion: Motion | null = null;
  private drag: { x: number; y: number; panX: number; panY: number; moved: boolean } | null = null;

  constructor(private readonly container: HTMLElement, private colors: CanvasColors, private readonly events: CanvasGraphEvents) {
    this.canvas = document.createElement('canvas');
    this.canvas.style.display = 'block';
    this.canvas.style.touchAction = 'none';
    container.appendChild(this.canvas);
    const context = this.canvas.getContext('2d');
    if (!context) throw new Error('this browser gives no 2D canvas');
    this.context = context;
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(container);
    this.resize();
    this.canvas.addEventListener('pointerdown', this.pointerDown);
    this.canvas.addEventListener('pointermove', this.pointerMove);
    this.canvas.addEventListener('pointerup', this.pointerUp);
    this.canvas.addEventListener('pointerleave', this.pointerLeave);
    this.canvas.addEventListener('wheel', this.wheel, { passive: false });
  }

  setScene(scene: Scene) {
    const hoveredId = this.hovered >= 0 ? this.scene?.nodes[this.hovered]?.id : undefined;
    this.motion = startMotion(this.scene?.nodes, scene.nodes, performance.now());
    if (this.motion) applyMotion(scene.nodes, this.motion, performance.now());
    this.scene = scene;
    this.hovered = hoveredId === undefined ? -1 : scene.nodes.findIndex((n) => n.id === hoveredId);
    this.redraw();
  }

  setColors(colors: CanvasColors) {
    this.colors = colors;
    this.redraw();
  }

  fit() {
    if (!this.scene || this.scene.nodes.length === 0) return;
    const b = this.scene.bounds;
    const margin = NODE_RADIUS * 2;
    this.view = fitViewport({ x1: b.x1 - margin, y1: b.y1 - margin, x2: b.x2 + margin, y2: b.y2 + margin * 1.5 },
      this.width, this.height, FIT_PADDING, MAX_FIT_ZOOM);
    this.redraw();
  }

  zoomBy(factor: number) {
    this.view = zoomAround(this.view, factor, this.width / 2, this.height / 2);
    this.redraw();
  }

  /** Where each node is on screen (CSS pixels from the container's corner): for tests and automation. */
  renderedNodes(): { id: string; label: string; x: number; y: number }[] {
    return (this.scene?.nodes ?? []).map((n) => ({ id: n.id, label: n.label, x: n.x * this.view.zoom + this.view.panX, y: n.y * this.view.zoom + this.view.panY }));
  }

  destroy() {
    cancelAnimationFrame(this.frame);
    this.resizeObserver.disconnect();
    this.canvas.remove();
  }

  /** Draws at the next animation frame; many calls within a frame draw once. */
  private redraw() {
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.draw();
      });
    }
  }

  /** Draws now: the first paint should not wait a frame. */
  drawNow() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.draw();
  }

  private resize() {
    this.ratio = Math.min(2, window.devicePixelRatio || 1);
    this.width = this.container.clientWidth;
    this.height = this.container.clientHeight;
    this.canvas.width = Math.max(1, Math.round(this.width * this.ratio));
    this.canvas.height = Math.max(1, Math.round(this.height * this.ratio));
    this.canvas.style.width = `${this.width}px`;
    this.canvas.style.height = `${this.height}px`;
    this.redraw();
  }

  private draw() {
    const ctx = this.context;
    const { zoom, panX, panY } = this.view;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const scene = this.scene;
    if (!scene) return;
    if (this.motion) {
      if (!applyMotion(scene.nodes, this.motion, performance.now())) this.motion = null;
      else this.redraw();
    }
    ctx.setTransform(zoom * this.ratio, 0, 0, zoom * this.ratio, panX * this.ratio, panY * this.ratio);
    const visible = visibleBounds(this.view, this.width, this.height, NODE_RADIUS * 2);
    const hoverSet = this.hovered >= 0 ? new Set([this.hovered, ...scene.neighbours[this.hovered]]) : null;
    this.drawEdges(scene, visible, hoverSet);
    this.drawNodes(scene, visible, hoverSet);
    if (NODE_RADIUS * 2 * zoom >= LABEL_MIN_DIAMETER) this.drawLabels(scene, visible, hoverSet);
  }

  private drawEdges(scene: Scene, visible: ReturnType<typeof visibleBounds>, hoverSet: Set<number> | null) {
    const ctx = this.context;
    const { nodes, edges } = scene;
    const arrows = NODE_RADIUS * 2 * this.view.zoom >= ARROW_MIN_DIAMETER;
    // Thousands of overlapping edges at full opacity read as a grey block: keep them light.
    const alpha = scene.edgesFaded || hoverSet ? this.colors.fadedOpacity : 0.5;
    this.strokeEdges(scene, (i) => segmentMayCross(visible, nodes[edges[i]].x, nodes[edges[i]].y, nodes[edges[i + 1]].x, nodes[edges[i + 1]].y),
      arrows, this.colors.edge, 1, alpha);
    if (hoverSet) {
      this.strokeEdges(scene, (i) => edges[i] === this.hovered || edges[i + 1] === this.hovered, arrows, this.colors.highlight, 2.5, 1);
    }
    ctx.globalAlpha = 1;
  }

  /** Strokes the edges that pass the test as one path, and fills their arrowheads as another. */
  private strokeEdges(scene: Scene, test: (i: number) => boolean, arrows: boolean, color: string, width: number, alpha: number) {
    const ctx = this.context;
    const { nodes, edges } = scene;
    const lines = new Path2D();
    const heads = arrows ? new Path2D() : null;
    for (let i = 0; i < edges.length; i += 2) {
      if (!test(i)) continue;
      const a = nodes[edges[i]];
      const b = nodes[edges[i + 1]];
      const end = heads ? traceArrow(heads, a.x, a.y, b.x, b.y, NODE_RADIUS + 3, ARROW_SIZE) : null;
      lines.moveTo(a.x, a.y);
      lines.lineTo(end ? end.x : b.x, end ? end.y : b.y);
    }
    ctx.globalAlpha = alpha;
    ctx.strokeStyle = color;
    ctx.lineWidth = width / this.view.zoom;
    ctx.stroke(lines);
    if (heads) {
      ctx.fillStyle = color;
      ctx.fill(heads);
    }
  }

  private drawNodes(scene: Scene, visible: ReturnType<typeof visibleBounds>, hoverSet: Set<number> | null) {
    const ctx = this.context;
    const { nodes } = scene;
    const r = NODE_RADIUS;
    // Below ~2 px a square looks the same as a circle and fills much faster.
    const tiny = r * this.view.zoom < 2;
    const inView = (n: (typeof nodes)[number]) => n.x >= visible.x1 && n.x <= visible.x2 && n.y >= visible.y1 && n.y <= visible.y2;
    const dimmed = (i: number) => nodes[i].faded || (hoverSet !== null && !hoverSet.has(i));
    for (const pass of [true, false]) {
      ctx.globalAlpha = pass ? this.colors.fadedOpacity : 1;
      for (const [color, members] of scene.byColor) {
        ctx.beginPath();
        for (const i of members) {
          const n = nodes[i];
          if (dimmed(i) !== pass || !inView(n)) continue;
          if (tiny) ctx.rect(n.x - r, n.y - r, 2 * r, 2 * r);
          else traceShape(ctx, n.shape, n.x, n.y, r);
        }
        ctx.fillStyle = color;
        ctx.fill();
      }
    }
    ctx.globalAlpha = 1;
    // Outlines: pseudo and dotted nodes dashed, stacks doubled, then search matches, the selection and the hovered
    // node on top.
    const outline = (test: (n: SceneNode, i: number) => boolean, color: string, width: number, alpha = 1, dashed = false, grow = 0) => {
      ctx.beginPath();
      for (let i = 0; i < nodes.length; i++) {
        const n = nodes[i];
        if (!test(n, i) || !inView(n)) continue;
        traceShape(ctx, n.shape, n.x, n.y, r + grow);
      }
      ctx.globalAlpha = alpha;
      ctx.strokeStyle = color;
      ctx.lineWidth = width / this.view.zoom;
      ctx.setLineDash(dashed ? [4 / this.view.zoom, 3 / this.view.zoom] : []);
      ctx.stroke();
      ctx.setLineDash([]);
    };
    if (!tiny) {
      outline((n) => n.pseudo || n.dotted, this.colors.minor, 1.5, 0.9, true);
      outline((n) => n.stack, this.colors.minor, 1.5, 0.9, false, 5);
    }
    outline((n) => n.matched, this.colors.matched, 4);
    outline((n, i) => n.selected || i === this.hovered, this.colors.highlight, 4);
    ctx.globalAlpha = 1;
  }

  private drawLabels(scene: Scene, visible: ReturnType<typeof visibleBounds>, hoverSet: Set<number> | null) {
    const ctx = this.context;
    const { zoom, panX, panY } = this.view;
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    const size = Math.round(Math.min(14, 12 * zoom));
    const minorSize = Math.round(size * 0.85);
    const withMinor = minorSize >= MINOR_LABEL_MIN_FONT;
    const font = `${size}px system-ui, sans-serif`;
    const minorFont = `${minorSize}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (let i = 0; i < scene.nodes.length; i++) {
      const n = scene.nodes[i];
      if (n.x < visible.x1 || n.x > visible.x2 || n.y < visible.y1 || n.y > visible.y2) continue;
      ctx.globalAlpha = n.faded || (hoverSet !== null && !hoverSet.has(i)) ? this.colors.fadedOpacity : 1;
      const x = n.x * zoom + panX;
      const y = (n.y + NODE_RADIUS) * zoom + panY + 4;
      ctx.font = font;
      ctx.fillStyle = this.colors.text;
      ctx.fillText(clipLabel(n.label), x, y);
      if (withMinor && n.minor) {
        ctx.font = minorFont;
        ctx.fillStyle = this.colors.minor;
        ctx.fillText(clipLabel(n.minor), x, y + size + 2);
      }
    }
    ctx.globalAlpha = 1;
  }

  private localPoint(event: MouseEvent) {
    const rect = this.canvas.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  }

  private readonly pointerDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    const p = this.localPoint(event);
    this.drag = { x: p.x, y: p.y, panX: this.view.panX, panY: this.view.panY, moved: false };
    this.canvas.setPointerCapture(event.pointerId);
  };

  private readonly pointerMove = (event: PointerEvent) => {
    const p = this.localPoint(event);
    if (this.drag) {
      const dx = p.x - this.drag.x;
      const dy = p.y - this.drag.y;
      if (Math.abs(dx) + Math.abs(dy) > CLICK_SLOP) this.drag.moved = true;
      if (this.drag.moved) {
        this.view = { ...this.view, panX: this.drag.panX + dx, panY: this.drag.panY + dy };
        this.redraw();
      }
      return;
    }
    this.hover(p.x, p.y);
  };

  private readonly pointerUp = (event: PointerEvent) => {
    const drag = this.drag;
    this.drag = null;
    if (this.canvas.hasPointerCapture(event.pointerId)) this.canvas.releasePointerCapture(event.pointerId);
    if (!drag || drag.moved || !this.scene) return;
    const p = this.localPoint(event);
    const hit = this.nodeUnder(p.x, p.y);
    if (hit >= 0) this.events.onTap(this.scene.nodes[hit].id);
  };

  private readonly pointerLeave = () => {
    if (!this.drag && this.hovered >= 0) {
      this.hovered = -1;
      this.canvas.style.cursor = '';
      this.events.onHover?.(null);
      this.redraw();
    }
  };

  /** Tiny nodes of a zoomed-out graph stay clickable: the target is at least a few pixels wide. */
  private nodeUnder(sx: number, sy: number): number {
    if (!this.scene) return -1;
    const g = toGraph(this.view, sx, sy);
    return nodeAt(this.scene, g.x, g.y, Math.max(NODE_RADIUS, MIN_TARGET_PIXELS / this.view.zoom));
  }

  private hover(sx: number, sy: number) {
    if (!this.scene) return;
    const hit = this.nodeUnder(sx, sy);
    if (hit !== this.hovered) {
      this.hovered = hit;
      this.canvas.style.cursor = hit >= 0 ? 'pointer' : '';
      this.events.onHover?.(hit >= 0 ? this.scene.nodes[hit].id : null);
      this.redraw();
    }
  }

  private readonly wheel = (event: WheelEvent) => {
    event.preventDefault();
    const p = this.localPoint(event);
    const pixels = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
    this.view = zoomAround(this.view, Math.exp(-pixels * WHEEL_SENSITIVITY), p.x, p.y);
    this.redraw();
  };
}
