import { useEffect, useState } from 'react';

export interface Polled<T> {
  data: T | null;
  error: Error | null;
}

/**
 * Calls `load` now and then every `intervalMs`, again whenever `key` changes. Answers of a superseded key are
 * dropped; the last good data is kept while errors come in, so a blip does not blank the screen.
 */
export function usePolling<T>(load: () => Promise<T>, intervalMs: number, key: string): Polled<T> {
  const [state, setState] = useState<Polled<T>>({ data: null, error: null });
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout>;
    setState({ data: null, error: null });
    const tick = async () => {
      try {
        const data = await load();
        if (!cancelled) setState({ data, error: null });
      } catch (error) {
        if (!cancelled) setState((previous) => ({ data: previous.data, error: error as Error }));
      }
      if (!cancelled) timer = setTimeout(tick, intervalMs);
    };
    void tick();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // `load` is a fresh closure on every render; `key` says when it means something new.
  }, [key, intervalMs]);
  return state;
}
