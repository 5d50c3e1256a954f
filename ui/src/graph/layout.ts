// A layered ("Sugiyama") layout that stays fast on big graphs: clients (edge sources) above servers,
// unconnected nodes in a grid below. No dummy nodes are created for long edges, which keeps a
// 1,000-node, 3,000-edge graph in the low milliseconds where dagre (tried first, now removed) ran out of memory.
// Big components get a bounded number of ranks and wrap wide ranks onto rows, so they stay about as wide as tall.

export interface Point {
  x: number;
  y: number;
}

export interface LayoutEdge {
  source: string;
  target: string;
}

export interface LayoutOptions {
  nodeSep: number;
  rankSep: number;
  componentGap: number;
  sweeps: number;
}

const DEFAULTS: LayoutOptions = { nodeSep: 140, rankSep: 140, componentGap: 120, sweeps: 4 };

interface Graph {
  out: Map<string, string[]>;
  in: Map<string, string[]>;
}

function buildGraph(ids: string[], edges: LayoutEdge[]): Graph {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  const inn = new Map<string, string[]>(ids.map((id) => [id, []]));
  const seen = new Set<string>();
  for (const { source, target } of edges) {
    const key = `${source}\u0000${target}`;
    if (source === target || seen.has(key) || !out.has(source) || !out.has(target)) continue;
    seen.add(key);
    out.get(source)!.push(target);
    inn.get(target)!.push(source);
  }
  return { out, in: inn };
}

function components(ids: string[], graph: Graph): string[][] {
  const seen = new Set<string>();
  const result: string[][] = [];
  for (const start of ids) {
    if (seen.has(start)) continue;
    const members: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length) {
      const id = stack.pop()!;
      members.push(id);
      for (const next of [...graph.out.get(id)!, ...graph.in.get(id)!]) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    result.push(members);
  }
  return result;
}

/** Longest-path ranks over the graph with back edges (found by an iterative DFS) ignored. */
function rank(members: string[], graph: Graph): Map<string, number> {
  const state = new Map<string, 1 | 2>(); // 1 on stack, 2 done
  const dagOut = new Map<string, string[]>(members.map((id) => [id, []]));
  const roots = [...members].sort((a, b) => graph.in.get(a)!.length - graph.in.get(b)!.length);
  for (const root of roots) {
    if (state.has(root)) continue;
    const stack: [string, number][] = [[root, 0]];
    state.set(root, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const next = graph.out.get(top[0])![top[1]++];
      if (next === undefined) {
        state.set(top[0], 2);
        stack.pop();
      } else if (!state.has(next)) {
        dagOut.get(top[0])!.push(next);
        state.set(next, 1);
        stack.push([next, 0]);
      } else if (state.get(next) === 2) {
        dagOut.get(top[0])!.push(next); // cross or forward edge; an edge to a node on the stack closes a cycle
      }
    }
  }
  const indegree = new Map<string, number>(members.map((id) => [id, 0]));
  for (const targets of dagOut.values()) for (const t of targets) indegree.set(t, indegree.get(t)! + 1);
  const ranks = new Map<string, number>(members.map((id) => [id, 0]));
  const queue = members.filter((id) => indegree.get(id) === 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    for (const t of dagOut.get(id)!) {
      ranks.set(t, Math.max(ranks.get(t)!, ranks.get(id)! + 1));
      indegree.set(t, indegree.get(t)! - 1);
      if (indegree.get(t) === 0) queue.push(t);
    }
  }
  return ranks;
}

/** Orders each rank by the barycenter of neighbours in the rank above (down sweeps) or below (up sweeps). */
function order(members: string[], ranks: Map<string, number>, graph: Graph, previous: Map<string, Point>, sweeps: number): string[][] {
  const layers: string[][] = [];
  for (const id of members) (layers[ranks.get(id)!] ??= []).push(id);
  for (let r = 0; r < layers.length; r++) layers[r] ??= [];
  const position = new Map<string, number>();
  for (const layer of layers) {
    // Row by row (a wide rank wraps onto several rows), left to right; new nodes last.
    const seed = (id: string) => previous.get(id) ?? { x: Infinity, y: Infinity };
    layer.sort((a, b) => seed(a).y - seed(b).y || seed(a).x - seed(b).x || (a < b ? -1 : a > b ? 1 : 0));
    layer.forEach((id, i) => position.set(id, i));
  }
  // Neighbours in lower and higher ranks, computed once for all sweeps.
  const above = new Map<string, string[]>();
  const below = new Map<string, string[]>();
  for (const id of members) {
    const r = ranks.get(id)!;
    const all = [...graph.in.get(id)!, ...graph.out.get(id)!];
    above.set(id, all.filter((n) => ranks.get(n)! < r));
    below.set(id, all.filter((n) => ranks.get(n)! > r));
  }
  const key = new Map<string, number>();
  for (let sweep = 0; sweep < sweeps; sweep++) {
    const down = sweep % 2 === 0;
    const sequence = down ? layers.slice(1) : layers.slice(0, -1).reverse();
    for (const layer of sequence) {
      for (const id of layer) {
        const ns = (down ? above : below).get(id)!;
        let sum = 0;
        for (const n of ns) sum += position.get(n)!;
        key.set(id, ns.length ? sum / ns.length : position.get(id)!);
      }
      layer.sort((a, b) => key.get(a)! - key.get(b)! || position.get(a)! - position.get(b)!);
      layer.forEach((id, i) => position.set(id, i));
    }
  }
  return layers;
}

interface Block {
  positions: Map<string, Point>;
  width: number;
  height: number;
}

/**
 * Most ranks a component of this many nodes gets: enough for any real client → server chain, few enough that a
 * big, densely connected component (whose longest path runs to hundreds of nodes) is drawn as a block about as
 * wide as it is tall rather than as a column one node wide.
 */
export function maxRanks(size: number): number {
  return Math.max(12, Math.ceil(Math.sqrt(size / 2)));
}

/**
 * Squeezes ranks 0..deepest into 0..limit-1 keeping their order, so an edge that went down still goes down or
 * becomes level; it never points up.
 */
function compressRanks(ranks: Map<string, number>, limit: number): Map<string, number> {
  let deepest = 0;
  for (const r of ranks.values()) deepest = Math.max(deepest, r);
  if (deepest < limit) return ranks;
  const scale = limit / (deepest + 1);
  return new Map([...ranks].map(([id, r]) => [id, Math.floor(r * scale)]));
}

function layoutComponent(members: string[], graph: Graph, previous: Map<string, Point>, options: LayoutOptions): Block {
  const ranks = compressRanks(rank(members, graph), maxRanks(members.length));
  const layers = order(members, ranks, graph, previous, options.sweeps);
  // A rank wider than this wraps onto several rows within its band (200 clients of one server would otherwise
  // make a row 24,000 units wide, drawn as dots when fitted to the screen).
  const wrap = maxRowLength(members.length);
  const rowSep = options.rankSep * 0.6;
  const rows: string[][][] = layers.filter((l) => l.length > 0).map((layer) => {
    const chunks: string[][] = [];
    for (let i = 0; i < layer.length; i += wrap) chunks.push(layer.slice(i, i + wrap));
    return chunks;
  });
  const widest = Math.max(...rows.flat().map((row) => row.length));
  const width = (widest - 1) * options.nodeSep;
  const positions = new Map<string, Point>();
  let y = 0;
  for (const band of rows) {
    band.forEach((row, k) => {
      // Wrapped rows start at the left, so that a node leaving the last row moves no other node.
      const offset = band.length > 1 ? 0 : (width - (row.length - 1) * options.nodeSep) / 2;
      row.forEach((id, i) => positions.set(id, { x: offset + i * options.nodeSep, y: y + k * rowSep }));
    });
    y += (band.length - 1) * rowSep + options.rankSep;
  }
  return { positions, width, height: y - options.rankSep };
}

/** Most nodes side by side in one row of a component of this many nodes. */
export function maxRowLength(size: number): number {
  return Math.max(16, Math.ceil(Math.sqrt(size * 2)));
}

function gridBlock(ids: string[], previous: Map<string, Point>, options: LayoutOptions): Block {
  const sorted = [...ids].sort((a, b) => {
    const pa = previous.get(a);
    const pb = previous.get(b);
    if (pa && pb) return pa.y - pb.y || pa.x - pb.x;
    return pa ? -1 : pb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
  const columns = Math.max(1, Math.ceil(Math.sqrt(sorted.length * 2)));
  const positions = new Map<string, Point>();
  sorted.forEach((id, i) => positions.set(id, { x: (i % columns) * options.nodeSep, y: Math.floor(i / columns) * options.rankSep * 0.8 }));
  const rows = Math.ceil(sorted.length / columns);
  return { positions, width: (Math.min(columns, sorted.length) - 1) * options.nodeSep, height: (rows - 1) * options.rankSep * 0.8 };
}

/**
 * Positions for every id. `previous` positions (from the last layout) seed the order within ranks so that
 * nodes keep their neighbours when others come and go.
 */
export function layeredLayout(ids: string[], edges: LayoutEdge[], previous: Map<string, Point> = new Map(),
  overrides: Partial<LayoutOptions> = {}): Map<string, Point> {
  const options = { ...DEFAULTS, ...overrides };
  const sortedIds = [...ids].sort();
  const graph = buildGraph(sortedIds, edges);
  const connected = sortedIds.filter((id) => graph.out.get(id)!.length + graph.in.get(id)!.length > 0);
  const single = sortedIds.filter((id) => graph.out.get(id)!.length + graph.in.get(id)!.length === 0);
  const blocks = components(connected, graph)
    .sort((a, b) => b.length - a.length)
    .map((members) => layoutComponent(members, graph, previous, options));

  // Components side by side in rows about as wide as the biggest one (or a square's side), then the grid.
  const totalArea = blocks.reduce((sum, b) => sum + (b.width + options.componentGap) * (b.height + options.componentGap), 0);
  const rowWidth = Math.max(Math.sqrt(totalArea) * 1.5, ...blocks.map((b) => b.width));
  const result = new Map<string, Point>();
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  const place = (block: Block) => {
    if (x > 0 && x + block.width > rowWidth) {
      x = 0;
      y += rowHeight + options.componentGap;
      rowHeight = 0;
    }
    for (const [id, p] of block.positions) result.set(id, { x: p.x + x, y: p.y + y });
    x += block.width + options.componentGap;
    rowHeight = Math.max(rowHeight, block.height);
  };
  blocks.forEach(place);
  if (single.length) {
    if (blocks.length) {
      x = 0;
      y += rowHeight + options.rankSep;
      rowHeight = 0;
    }
    place(gridBlock(single, previous, options));
  }
  return result;
}
