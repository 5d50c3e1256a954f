// Where the API lives relative to the page. In service mode the UI is served under /api/app/{org}/
// and every request must stay below that prefix; otherwise the API is at the server root.

const SERVICE_PREFIX = /^(.*?\/api\/app\/[^/]+\/)/;

/** The path prefix below which `api/...` is found, always ending with '/'. */
export function apiPrefix(pathname: string): string {
  const match = SERVICE_PREFIX.exec(pathname.endsWith('/') ? pathname : `${pathname}/`);
  return match ? match[1] : '/';
}

/** Topology urls from the API are absolute ("/api/topology/containers"); make them relative to the prefix. */
export function topologyPath(url: string): string {
  return url.replace(/^\/+/, '');
}

/** The topology id is the last segment of its url: "/api/topology/containers-by-image" -> "containers-by-image". */
export function topologyIdOf(url: string): string {
  const parts = url.split('/').filter(Boolean);
  return parts[parts.length - 1] ?? '';
}

export function queryString(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.append(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function httpUrl(prefix: string, path: string, params: Record<string, string | undefined> = {}): string {
  return `${prefix}${path}${queryString(params)}`;
}

export function wsUrl(location: Pick<Location, 'protocol' | 'host'>, prefix: string, path: string,
  params: Record<string, string | undefined> = {}): string {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${location.host}${httpUrl(prefix, path, params)}`;
}

export function nodeDetailsPath(topologyId: string, nodeId: string): string {
  return `api/topology/${encodeURIComponent(topologyId)}/${encodeURIComponent(nodeId)}`;
}

export function controlPath(probeId: string, nodeId: string, controlId: string): string {
  return `api/control/${encodeURIComponent(probeId)}/${encodeURIComponent(nodeId)}/${encodeURIComponent(controlId)}`;
}
