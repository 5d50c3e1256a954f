import { useCallback, useEffect, useState } from 'react';
import { decodeViewState, encodeViewState, type ViewState } from '../state/viewState';

export type UpdateView = (change: Partial<ViewState> | ((state: ViewState) => Partial<ViewState>), options?: { push?: boolean }) => void;

/**
 * The view state lives in the URL fragment: restored on reload, shareable as a link. Changes that a user
 * would want "back" to undo (topology, view, details) add a history entry; the rest replace it.
 */
export function useViewState(): [ViewState, UpdateView] {
  const [state, setState] = useState<ViewState>(() => decodeViewState(window.location.hash));

  useEffect(() => {
    const restore = () => setState(decodeViewState(window.location.hash));
    window.addEventListener('popstate', restore);
    return () => window.removeEventListener('popstate', restore);
  }, []);

  const update = useCallback<UpdateView>((change, options = {}) => {
    setState((previous) => {
      const next = { ...previous, ...(typeof change === 'function' ? change(previous) : change) };
      const url = `${window.location.pathname}${window.location.search}#${encodeViewState(next)}`;
      if (options.push) window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
      return next;
    });
  }, []);

  return [state, update];
}
