import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { PipeInfo } from './terminal/pipe';
import './styles.css';

/** A popped-out terminal window carries its pipe in the fragment: #terminal=<json>. */
function poppedOutPipe(): PipeInfo | null {
  const match = /^#terminal=(.+)$/.exec(window.location.hash);
  if (!match) return null;
  try {
    return JSON.parse(decodeURIComponent(match[1])) as PipeInfo;
  } catch {
    return null;
  }
}

// A popped-out terminal window loads xterm.js; the main page loads it only when a terminal opens.
const TerminalPage = lazy(() => import('./TerminalPage').then((m) => ({ default: m.TerminalPage })));

const pipe = poppedOutPipe();
createRoot(document.getElementById('root')!).render(
  <StrictMode>{pipe ? <Suspense fallback={null}><TerminalPage pipe={pipe} /></Suspense> : <App />}</StrictMode>,
);
