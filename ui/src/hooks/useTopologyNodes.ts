import { useEffect, useState } from 'react';
import type { NodeMap, NodesDelta } from '../api/types';
import { applyNodesDelta } from '../state/nodesDelta';

export type SocketStatus = 'connecting' | 'open' | 'closed';

export interface TopologyNodes {
  nodes: NodeMap;
  /** True once the first (reset) frame arrived for the current url. */
  loaded: boolean;
  status: SocketStatus;
  /** When the last frame arrived (performance.now()), to measure the time to paint. */
  receivedAt: number;
}

const RECONNECT_MS = 2000;
const INITIAL: TopologyNodes = { nodes: {}, loaded: false, status: 'connecting', receivedAt: 0 };

/** Follows api/topology/{t}/ws: a reset frame first, then {add, update, remove} each tick. */
export function useTopologyNodes(url: string | null): TopologyNodes {
  const [state, setState] = useState<TopologyNodes>(INITIAL);

  useEffect(() => {
    setState(INITIAL);
    if (!url) return undefined;
    let socket: WebSocket | null = null;
    let retry: ReturnType<typeof setTimeout>;
    let stopped = false;
    const connect = () => {
      socket = new WebSocket(url);
      socket.onopen = () => setState((s) => ({ ...s, status: 'open' }));
      socket.onmessage = (event) => {
        const delta = JSON.parse(event.data as string) as NodesDelta;
        const receivedAt = performance.now();
        setState((s) => {
          const nodes = applyNodesDelta(s.nodes, delta);
          return nodes === s.nodes && s.loaded ? s : { ...s, nodes, loaded: true, receivedAt };
        });
      };
      socket.onclose = () => {
        if (stopped) return;
        setState((s) => ({ ...s, status: 'closed' }));
        retry = setTimeout(connect, RECONNECT_MS);
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      socket?.close();
    };
  }, [url]);

  return state;
}
