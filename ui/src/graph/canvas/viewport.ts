// Pan and zoom arithmetic for the canvas renderer: screen = graph * zoom + pan.

export interface Viewport {
  zoom: number;
  panX: number;
  panY: number;
}

export interface Bounds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 4;

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** The viewport that shows all of `bounds` centred in a width × height screen, never zoomed in beyond maxZoom. */
export function fitViewport(bounds: Bounds, width: number, height: number, padding: number, maxZoom: number): Viewport {
  const w = Math.max(1, width - 2 * padding);
  const h = Math.max(1, height - 2 * padding);
  const zoom = clampZoom(Math.min(maxZoom, w / Math.max(1, bounds.x2 - bounds.x1), h / Math.max(1, bounds.y2 - bounds.y1)));
  return {
    zoom,
    panX: width / 2 - (zoom * (bounds.x1 + bounds.x2)) / 2,
    panY: height / 2 - (zoom * (bounds.y1 + bounds.y2)) / 2,
  };
}

/** Zooms by `factor` keeping the graph point under the screen point (sx, sy) where it is. */
export function zoomAround(view: Viewport, factor: number, sx: number, sy: number): Viewport {
  const zoom = clampZoom(view.zoom * factor);
  const gx = (sx - view.panX) / view.zoom;
  const gy = (sy - view.panY) / view.zoom;
  return { zoom, panX: sx - gx * zoom, panY: sy - gy * zoom };
}

export function toGraph(view: Viewport, sx: number, sy: number): { x: number; y: number } {
  return { x: (sx - view.panX) / view.zoom, y: (sy - view.panY) / view.zoom };
}

/** The part of the graph a width × height screen shows, grown by `margin` graph units on every side. */
export function visibleBounds(view: Viewport, width: number, height: number, margin: number): Bounds {
  const a = toGraph(view, 0, 0);
  const b = toGraph(view, width, height);
  return { x1: a.x - margin, y1: a.y - margin, x2: b.x + margin, y2: b.y + margin };
}

/** Whether the segment's bounding box meets the bounds: cheap, and never drops a segment that is visible. */
export function segmentMayCross(bounds: Bounds, ax: number, ay: number, bx: number, by: number): boolean {
  return Math.max(ax, bx) >= bounds.x1 && Math.min(ax, bx) <= bounds.x2 && Math.max(ay, by) >= bounds.y1 && Math.min(ay, by) <= bounds.y2;
}
