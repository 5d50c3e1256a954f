import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { TerminalPage } from './TerminalPage';
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

const pipe = poppedOutPipe();
createRoot(document.getElementById('root')!).render(
  <StrictMode>{pipe ? <TerminalPage pipe={pipe} /> : <App />}</StrictMode>,
);
