#!/usr/bin/env node
// Dev-only stand-in for the Scope app: serves the built UI (dist/) and answers the Weave Scope 1.13 API
// from the captured fixtures, with a live topology websocket, controls and an echoing pipe.
//
//   node dev/fixture-server.mjs [--port 4041] [--fixtures DIR] [--synthetic 1000:3000] [--history]
//                               [--prefix /api/app/acme/] [--hold-ms 0]
//
// --synthetic adds a topology "synthetic" with that many nodes and edges (used by bench/graph-perf.mjs).
// --prefix also mounts UI and API below a service-mode prefix.
// --hold-ms delays each topology websocket's first frame (the benchmark measures from an idle page).
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : 'true']);
  return pairs;
}, []));
const port = Number(args.port ?? 4041);
const fixtures = args.fixtures ?? join(here, '../../../shared/fixtures/weave-scope-1.13');
const answers = join(fixtures, 'app-answers');
const dist = join(here, '../dist');
const prefix = args.prefix ?? null;

const readJson = (name) => JSON.parse(readFileSync(join(answers, name), 'utf8'));
const hasFixtures = existsSync(answers);
if (!hasFixtures && !args.synthetic) console.warn(`no fixtures at ${answers}; only --synthetic data will be served`);

function syntheticTopology(spec) {
  const [n, e] = spec.split(':').map(Number);
  const shapes = ['hexagon', 'heptagon', 'circle', 'square', 'octagon', 'triangle', 'cloud'];
  let seed = 42;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const nodes = {};
  for (let i = 0; i < n; i++) {
    const id = `synthetic-${i};<container>`;
    nodes[id] = {
      id, label: `service-${i}`, labelMinor: `host-${i % 20}`, rank: `image-${i % 30}`, shape: shapes[i % shapes.length],
      metrics: [
        { id: 'cpu', label: 'CPU', format: 'percent', value: random() * 100, min: 0, max: 100, priority: 1 },
        { id: 'memory', label: 'Memory', format: 'filesize', value: random() * 2 ** 30, min: 0, max: 2 ** 31, priority: 2 },
      ],
      adjacency: [],
    };
  }
  const ids = Object.keys(nodes);
  for (let made = 0; made < e;) {
    const a = ids[Math.floor(random() * n)];
    const b = ids[Math.floor(random() * n)];
    if (a !== b && !nodes[a].adjacency.includes(b)) {
      nodes[a].adjacency.push(b);
      made++;
    }
  }
  return { nodes };
}

const synthetic = args.synthetic ? syntheticTopology(args.synthetic) : null;

function topologyList() {
  const list = hasFixtures ? readJson('topology-list.json') : [];
  if (synthetic) {
    list.push({ name: 'Synthetic', url: '/api/topology/synthetic', rank: 0, hide_if_empty: false, options: [],
      stats: { node_count: Object.keys(synthetic.nodes).length, nonpseudo_node_count: Object.keys(synthetic.nodes).length,
        edge_count: Object.values(synthetic.nodes).reduce((s, x) => s + x.adjacency.length, 0), filtered_nodes: 0 } });
  }
  return list;
}

function topology(id, query) {
  if (id === 'synthetic' && synthetic) return synthetic;
  const wantsAll = [...query.values()].some((v) => ['all', 'both', 'show'].includes(v));
  for (const name of [wantsAll ? `topology-${id}-all.json` : null, `topology-${id}.json`]) {
    if (name && existsSync(join(answers, name))) return readJson(name);
  }
  return null;
}

function nodeDetails(topologyId, nodeId) {
  const file = `node-${topologyId}.json`;
  if (existsSync(join(answers, file))) {
    const answer = readJson(file);
    if (answer.node.id === nodeId) return answer;
  }
  const summary = topology(topologyId, new URLSearchParams('all=all'))?.nodes?.[nodeId];
  return summary ? { node: { ...summary, controls: [], children: [], connections: [] } } : null;
}

const CONTROLS = {
  host_exec: { pipe: true, raw_tty: true, resize_tty_control: 'host_resize_exec_tty' },
  docker_exec_container: { pipe: true, raw_tty: true, resize_tty_control: 'docker_resize_exec_tty' },
  docker_attach_container: { pipe: true, raw_tty: true, resize_tty_control: 'docker_resize_exec_tty' },
  kubernetes_get_logs: { pipe: true, raw_tty: false },
};
let pipeCounter = 0;

function send(res, status, body, type = 'application/json') {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
}

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** Strips the service prefix; null when the path is outside it (and a prefix is required). */
function localPath(pathname) {
  if (prefix && pathname.startsWith(prefix)) return `/${pathname.slice(prefix.length)}`;
  return pathname;
}

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };

async function handle(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const path = localPath(url.pathname);
  const log = path.startsWith('/api') ? console.log : () => {};
  log(req.method, url.pathname + url.search);
  if (path === '/api') {
    const api = hasFixtures ? readJson('api.json') : { id: 'dev', version: 'dev', hostname: 'dev', plugins: [] };
    if (args.history) api.capabilities = { ...api.capabilities, historic_reports: true };
    return send(res, 200, api);
  }
  if (path === '/api/topology') return send(res, 200, topologyList());
  if (path === '/api/report') {
    const file = join(fixtures, 'probe-report.json.gz');
    return existsSync(file) ? send(res, 200, gunzipSync(readFileSync(file))) : send(res, 200, {});
  }
  let m = /^\/api\/topology\/([^/]+)$/.exec(path);
  if (m) {
    const body = topology(m[1], url.searchParams);
    return body ? send(res, 200, body) : send(res, 404, { error: 'no such topology' });
  }
  m = /^\/api\/topology\/([^/]+)\/([^/]+)$/.exec(path);
  if (m) {
    const body = nodeDetails(m[1], decodeURIComponent(m[2]));
    return body ? send(res, 200, body) : send(res, 404, 'not found', 'text/plain');
  }
  m = /^\/api\/control\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(path);
  if (m && req.method === 'POST') {
    const body = await readBody(req);
    console.log('  control', decodeURIComponent(m[2]), m[3], body);
    const spec = CONTROLS[m[3]];
    if (m[3].endsWith('resize_exec_tty')) return send(res, 200, {});
    if (!spec) return send(res, 200, m[3].includes('remove') ? { removedNode: decodeURIComponent(m[2]) } : {});
    return send(res, 200, { pipe: `pipe-${++pipeCounter}`, raw_tty: spec.raw_tty, resize_tty_control: spec.resize_tty_control });
  }
  if (/^\/api\/pipe\/[^/]+\/check$/.test(path)) return send(res, 204, '');
  if (/^\/api\/pipe\/[^/]+$/.test(path) && req.method === 'DELETE') return send(res, 204, '');
  if (path.startsWith('/api/')) return send(res, 404, 'not found', 'text/plain');

  const file = normalize(join(dist, path === '/' ? 'index.html' : path));
  if (!file.startsWith(dist) || !existsSync(file)) return send(res, 404, 'not found (did you run npm run build?)', 'text/plain');
  return send(res, 200, readFileSync(file), MIME[extname(file)] ?? 'application/octet-stream');
}

const server = createServer((req, res) => {
  handle(req, res).catch((err) => send(res, 500, String(err), 'text/plain'));
});

const sockets = new WebSocketServer({ noServer: true });
server.on('upgrade', (req, socket, head) => {
  const url = new URL(req.url, 'http://localhost');
  const path = localPath(url.pathname);
  const topo = /^\/api\/topology\/([^/]+)\/ws$/.exec(path);
  const pipe = /^\/api\/pipe\/([^/]+)$/.exec(path);
  if (!topo && !pipe) return socket.destroy();
  console.log('WS', url.pathname + url.search);
  sockets.handleUpgrade(req, socket, head, (ws) => (topo ? streamTopology(ws, topo[1], url.searchParams) : echoPipe(ws)));
});

/** reset:true with every node first, then every second a frame that nudges a few metrics and adds or removes a node. */
function streamTopology(ws, id, query) {
  const nodes = structuredClone(topology(id, query)?.nodes ?? {});
  let tick = 0;
  let timer;
  const first = setTimeout(() => {
    ws.send(JSON.stringify({ reset: true, add: Object.values(nodes), update: null, remove: null }));
    timer = setInterval(nextFrame, 1000);
  }, Number(args['hold-ms'] ?? 0));
  const nextFrame = () => {
    tick++;
    const ids = Object.keys(nodes).filter((k) => !k.startsWith('dev-extra'));
    const update = ids.slice(0, Math.min(5, ids.length)).map((k) => {
      const node = nodes[k];
      for (const metric of node.metrics ?? []) metric.value = Math.max(0, metric.value * (0.8 + Math.random() * 0.4));
      return node;
    });
    const frame = { add: null, update, remove: null };
    if (id !== 'synthetic' && ids.length && tick % 10 === 5) {
      const extra = { id: 'dev-extra;<container>', label: 'newcomer', labelMinor: 'dev', shape: 'hexagon', adjacency: [ids[0]] };
      nodes[extra.id] = extra;
      frame.add = [extra];
    } else if (nodes['dev-extra;<container>'] && tick % 10 === 0) {
      delete nodes['dev-extra;<container>'];
      frame.remove = ['dev-extra;<container>'];
    }
    ws.send(JSON.stringify(frame));
  };
  ws.on('close', () => {
    clearTimeout(first);
    clearInterval(timer);
  });
}

/** A pretend shell: greets, then echoes what is typed (as binary frames, like the real pipe). */
function echoPipe(ws) {
  ws.send(Buffer.from('dev pipe: everything you type is echoed\r\n$ '));
  ws.on('message', (data) => {
    const text = data.toString('utf8').replace(/\r/g, '\r\n$ ');
    ws.send(Buffer.from(text));
  });
}

server.listen(port, '127.0.0.1', () => {
  console.log(`fixture server on http://127.0.0.1:${port}/${prefix ? ` and http://127.0.0.1:${port}${prefix}` : ''}`);
});
