// A plain 2D-canvas renderer for big graphs. Cytoscape spends ~1.3 s of CPU computing styles and caching a
// texture per element before it paints 1,000 nodes and 3,000 edges; here a frame is one stroked path for the
// edges and one filled path per colour, culled to the screen, so the first paint and every pan/zoom frame take
// a few milliseconds. Labels appear once nodes are big enough to read them.
import { NODE_RADIUS, nodeAt, type Scene } from './scene';
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
}

const FIT_PADDING = 40;
const MAX_FIT_ZOOM = 1.3;
/** Screen pixels a pointer may move between down and up and still count as a click. */
const CLICK_SLOP = 4;
/** Labels are drawn once a node is at least this many pixels wide. */
const LABEL_MIN_DIAMETER = 30;
const LABEL_MAX_CHARS = 24;
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
    ctx.beginPath();
    for (let i = 0; i < edges.length; i += 2) {
      const a = nodes[edges[i]];
      const b = nodes[edges[i + 1]];
      if (!segmentMayCross(visible, a.x, a.y, b.x, b.y)) continue;
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
    }
    // Thousands of overlapping edges at full opacity read as a grey block: keep them light.
    ctx.globalAlpha = scene.edgesFaded || hoverSet ? this.colors.fadedOpacity : 0.5;
    ctx.strokeStyle = this.colors.edge;
    ctx.lineWidth = 1 / this.view.zoom;
    ctx.stroke();
    if (hoverSet) {
      ctx.beginPath();
      for (let i = 0; i < edges.length; i += 2) {
        if (edges[i] !== this.hovered && edges[i + 1] !== this.hovered) continue;
        const a = nodes[edges[i]];
        const b = nodes[edges[i + 1]];
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(b.x, b.y);
      }
      ctx.globalAlpha = 1;
      ctx.strokeStyle = this.colors.highlight;
      ctx.lineWidth = 2.5 / this.view.zoom;
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
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
          else {
            ctx.moveTo(n.x + r, n.y);
            ctx.arc(n.x, n.y, r, 0, 2 * Math.PI);
          }
        }
        ctx.fillStyle = color;
        ctx.fill();
      }
    }
    ctx.globalAlpha = 1;
    // Outlines: pseudo nodes (no fill), then search matches, the selection and the hovered node on top.
    const outline = (test: (i: number) => boolean, color: string, width: number, alpha = 1) => {
      ctx.beginPath();
      for (let i = 0; i < nodes.length; i++) {
        const n = nodes[i];
        if (!test(i) || !inView(n)) continue;
        ctx.moveTo(n.x + r, n.y);
        ctx.arc(n.x, n.y, r, 0, 2 * Math.PI);
      }
      ctx.globalAlpha = alpha;
      ctx.strokeStyle = color;
      ctx.lineWidth = width / this.view.zoom;
      ctx.stroke();
    };
    outline((i) => nodes[i].pseudo, this.colors.minor, 1.5, 0.9);
    outline((i) => nodes[i].matched, this.colors.matched, 4);
    outline((i) => nodes[i].selected || i === this.hovered, this.colors.highlight, 4);
    ctx.globalAlpha = 1;
  }

  private drawLabels(scene: Scene, visible: ReturnType<typeof visibleBounds>, hoverSet: Set<number> | null) {
    const ctx = this.context;
    const { zoom, panX, panY } = this.view;
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    ctx.font = `${Math.round(Math.min(14, 12 * zoom))}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.fillStyle = this.colors.text;
    for (let i = 0; i < scene.nodes.length; i++) {
      const n = scene.nodes[i];
      if (n.x < visible.x1 || n.x > visible.x2 || n.y < visible.y1 || n.y > visible.y2) continue;
      ctx.globalAlpha = n.faded || (hoverSet !== null && !hoverSet.has(i)) ? this.colors.fadedOpacity : 1;
      const text = n.label.length > LABEL_MAX_CHARS ? `${n.label.slice(0, LABEL_MAX_CHARS - 1)}…` : n.label;
      ctx.fillText(text, n.x * zoom + panX, (n.y + NODE_RADIUS) * zoom + panY + 4);
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
