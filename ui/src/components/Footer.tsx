import type { ApiDetails } from '../api/types';
import type { SocketStatus } from '../hooks/useTopologyNodes';

interface Props {
  api: ApiDetails | null;
  reachable: boolean;
  socket: SocketStatus;
  timestamp: string | null;
  children?: React.ReactNode;
}

function connection(reachable: boolean, socket: SocketStatus, timestamp: string | null): { text: string; className: string } {
  if (!reachable) return { text: 'Cannot reach the app', className: 'down' };
  if (timestamp) return { text: `Viewing ${new Date(timestamp).toLocaleString()}`, className: 'paused' };
  if (socket === 'open') return { text: 'Live', className: 'up' };
  if (socket === 'connecting') return { text: 'Connecting…', className: 'pending' };
  return { text: 'Reconnecting…', className: 'down' };
}

/** Connection state, the app's version and host, and the tool buttons passed as children. */
export function Footer({ api, reachable, socket, timestamp, children }: Props) {
  const status = connection(reachable, socket, timestamp);
  return (
    <footer className="footer">
      <span className={`status ${status.className}`} role="status" data-status={status.className}>
        <span className="dot" aria-hidden="true" /> {status.text}
      </span>
      {api && (
        <span className="version">
          Scope {api.version} on {api.hostname}
          {api.newVersion && <> · <a href={api.newVersion.downloadUrl}>version {api.newVersion.version} is out</a></>}
          {(api.plugins ?? []).length > 0 && <> · plugins: {(api.plugins ?? []).map((p) => p.label || p.id).join(', ')}</>}
        </span>
      )}
      <span className="footer-tools">{children}</span>
    </footer>
  );
}
