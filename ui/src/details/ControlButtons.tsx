import { useState } from 'react';
import type { Control, ControlResult } from '../api/types';
import type { ScopeClient } from '../api/client';

interface Props {
  controls: Control[];
  client: ScopeClient;
  onResult(control: Control, result: ControlResult): void;
}

/** The node's controls (restart, exec, pause...); those with a `confirmation` ask first. Errors show below. */
export function ControlButtons({ controls, client, onResult }: Props) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (controls.length === 0) return null;

  const run = async (control: Control) => {
    if (control.confirmation && !window.confirm(control.confirmation)) return;
    setPending(control.id);
    setError(null);
    try {
      const result = await client.control(control.probeId, control.nodeId, control.id);
      if (result.error) setError(result.error);
      onResult(control, result);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(null);
    }
  };

  const sorted = [...controls].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  return (
    <div className="controls">
      {sorted.map((control) => (
        <button key={control.id} type="button" className="control" title={control.human} data-control={control.id}
          disabled={pending !== null} aria-busy={pending === control.id} onClick={() => void run(control)}>
          {control.human}
        </button>
      ))}
      {error && <p className="control-error" role="alert">{error}</p>}
    </div>
  );
}
