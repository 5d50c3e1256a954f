import { useMemo } from 'react';
import { ScopeClient } from './api/client';
import { Terminal } from './terminal/Terminal';
import type { PipeInfo } from './terminal/pipe';

/** A terminal popped out of the main page into its own window. */
export function TerminalPage({ pipe }: { pipe: PipeInfo }) {
  const client = useMemo(() => new ScopeClient(), []);
  return <Terminal pipe={pipe} client={client} embedded={false} onClose={() => window.close()} />;
}
