import type { ApiDetails, ControlResult, NodeDetails, TopologyDesc, TopologyResponse } from './types';
import { apiPrefix, controlPath, httpUrl, nodeDetailsPath, topologyPath, wsUrl } from './paths';
import { documentCookies, withCsrf } from './csrf';

export type Params = Record<string, string | undefined>;

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Talks to the Scope app below the page's API prefix; adds `timestamp` when travelling in time. */
export class ScopeClient {
  readonly prefix: string;

  constructor(private readonly location: Pick<Location, 'protocol' | 'host' | 'pathname'> = window.location,
    private timestamp: string | null = null,
    private readonly cookies: () => string = documentCookies) {
    this.prefix = apiPrefix(location.pathname);
  }

  atTime(timestamp: string | null): ScopeClient {
    return new ScopeClient(this.location, timestamp, this.cookies);
  }

  url(path: string, params: Params = {}): string {
    return httpUrl(this.prefix, path, this.withTime(params));
  }

  socketUrl(path: string, params: Params = {}): string {
    return wsUrl(this.location, this.prefix, path, this.withTime(params));
  }

  apiDetails(): Promise<ApiDetails> {
    return this.getJson(this.url('api'));
  }

  topologies(): Promise<TopologyDesc[]> {
    return this.getJson(this.url('api/topology'));
  }

  topology(url: string, options: Params): Promise<TopologyResponse> {
    return this.getJson(this.url(topologyPath(url), options));
  }

  topologySocketUrl(url: string, options: Params): string {
    return this.socketUrl(`${topologyPath(url)}/ws`, { t: '1s', ...options });
  }

  async nodeDetails(topologyId: string, nodeId: string, options: Params): Promise<NodeDetails> {
    const answer = await this.getJson<{ node: NodeDetails }>(this.url(nodeDetailsPath(topologyId, nodeId), options));
    return answer.node;
  }

  async control(probeId: string, nodeId: string, controlId: string, args?: Record<string, string>): Promise<ControlResult> {
    const response = await fetch(this.url(controlPath(probeId, nodeId, controlId)), {
      method: 'POST',
      headers: withCsrf({ 'Content-Type': 'application/json' }, this.cookies()),
      body: args ? JSON.stringify(args) : undefined,
    });
    const text = await response.text();
    const result = text ? (JSON.parse(text) as ControlResult) : {};
    if (!response.ok) throw new HttpError(response.status, result.error || text || response.statusText);
    return result;
  }

  pipeSocketUrl(pipeId: string): string {
    return wsUrl(this.location, this.prefix, `api/pipe/${encodeURIComponent(pipeId)}`);
  }

  /** False once the app says the pipe is gone (404 from api/pipe/{id}/check). */
  async pipeAlive(pipeId: string): Promise<boolean> {
    const response = await fetch(this.url(`api/pipe/${encodeURIComponent(pipeId)}/check`));
    return response.status !== 404;
  }

  async deletePipe(pipeId: string): Promise<void> {
    await fetch(this.url(`api/pipe/${encodeURIComponent(pipeId)}`), { method: 'DELETE', headers: withCsrf({}, this.cookies()) });
  }

  reportUrl(): string {
    return this.url('api/report');
  }

  private withTime(params: Params): Params {
    return this.timestamp ? { ...params, timestamp: this.timestamp } : params;
  }

  private async getJson<T>(url: string): Promise<T> {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new HttpError(response.status, `${response.status} ${response.statusText} from ${url}`);
    return (await response.json()) as T;
  }
}
