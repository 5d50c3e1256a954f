import { useEffect, useRef, useState } from 'react';
import { Terminal as XTerm } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import type { ScopeClient } from '../api/client';
import { resizeArgs, type PipeInfo } from './pipe';

type Status = 'connecting' | 'connected' | 'reconnecting' | 'closed' | 'moved to its own window';

const RECONNECT_MS = 2000;
const RESIZE_DEBOUNCE_MS = 150;
/** How long a popped-out terminal's old socket waits for the new window to take the pipe over. */
const HAND_OVER_MS = 15000;

interface Props {
  pipe: PipeInfo;
  client: ScopeClient;
  /** Shown inside the main page (with a pop-out button) or filling its own window. */
  embedded: boolean;
  onClose(): void;
}

/** The popped-out window opens the same page with the pipe in its fragment. */
export function popOutUrl(pipe: PipeInfo): string {
  return `${window.location.pathname}#terminal=${encodeURIComponent(JSON.stringify(pipe))}`;
}

/**
 * xterm.js over api/pipe/{id}: binary frames both ways. A tty (raw_tty) takes input and reports its size
 * through the resize control; anything else (logs) is a read-only stream.
 */
export function Terminal({ pipe, client, embedded, onClose }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<Status>('connecting');
  const [size, setSize] = useState({ cols: 80, rows: 24 });
  // The app closes a pipe when its browser end goes, but lets a newer connection replace an older one: a terminal
  // that pops out keeps its socket until the new window's connection replaces it, then goes away.
  const handingOver = useRef(false);
  const latestOnClose = useRef(onClose);
  latestOnClose.current = onClose;

  useEffect(() => {
    const term = new XTerm({ convertEol: !pipe.rawTty, disableStdin: !pipe.rawTty, cursorBlink: pipe.rawTty, fontSize: 13,
      theme: { background: '#1e2230' } });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host.current!);
    const encoder = new TextEncoder();
    let socket: WebSocket | null = null;
    let retry: ReturnType<typeof setTimeout>;
    let resizeTimer: ReturnType<typeof setTimeout>;
    let stopped = false;

    const connect = () => {
      socket = new WebSocket(client.pipeSocketUrl(pipe.id));
      socket.binaryType = 'arraybuffer';
      socket.onopen = () => setStatus('connected');
      socket.onmessage = (event) => term.write(typeof event.data === 'string' ? event.data : new Uint8Array(event.data as ArrayBuffer));
      socket.onclose = async () => {
        if (stopped) return;
        if (handingOver.current) {
          latestOnClose.current();
          return;
        }
        const alive = await client.pipeAlive(pipe.id).catch(() => true);
        if (stopped) return;
        if (!alive) {
          setStatus('closed');
          return;
        }
        setStatus('reconnecting');
        retry = setTimeout(connect, RECONNECT_MS);
      };
    };
    const input = term.onData((data) => {
      if (pipe.rawTty && socket?.readyState === WebSocket.OPEN) socket.send(encoder.encode(data));
    });
    const resized = term.onResize(({ cols, rows }) => {
      setSize({ cols, rows });
      const control = pipe.resizeControl;
      if (!control) return;
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => {
        void client.control(control.probeId, control.nodeId, control.id, resizeArgs(pipe.id, cols, rows)).catch(() => undefined);
      }, RESIZE_DEBOUNCE_MS);
    });
    const observer = new ResizeObserver(() => fit.fit());
    observer.observe(host.current!);
    fit.fit();
    connect();
    term.focus();
    return () => {
      stopped = true;
      clearTimeout(retry);
      clearTimeout(resizeTimer);
      observer.disconnect();
      input.dispose();
      resized.dispose();
      socket?.close();
      term.dispose();
    };
  }, [pipe, client]);

  useEffect(() => {
    if (!embedded) document.title = `${pipe.title} — ${size.cols}×${size.rows}`;
  }, [embedded, pipe.title, size]);

  const close = () => {
    void client.deletePipe(pipe.id).catch(() => undefined);
    onClose();
  };
  const popOut = () => {
    const opened = window.open(popOutUrl(pipe), `pipe-${pipe.id}`, 'width=820,height=520');
    if (!opened) return; // a blocked pop-up: the terminal stays here
    handingOver.current = true;
    setStatus('moved to its own window');
    // Should the new window never connect, closing here still releases the pipe.
    setTimeout(() => latestOnClose.current(), HAND_OVER_MS);
  };

  return (
    <section className={`terminal${embedded ? ' embedded' : ' standalone'}`} aria-label={`Terminal ${pipe.title}`}>
      <header>
        <span className="terminal-title">
          {pipe.rawTty ? 'Terminal' : 'Logs'}: {pipe.title} <small>{size.cols}×{size.rows} · {status}</small>
        </span>
        {embedded && !handingOver.current && <button type="button" title="Pop out into its own window" onClick={popOut}>⇱</button>}
        <button type="button" title="Close" aria-label="Close terminal" onClick={close}>×</button>
      </header>
      <div className="terminal-host" ref={host} />
      {status === 'closed' && <p className="terminal-status">The connection was closed by the app.</p>}
    </section>
  );
}
