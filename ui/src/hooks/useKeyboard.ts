import { useEffect, useRef } from 'react';

export type KeyHandlers = Partial<Record<string, () => void>>;

function typing(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA' || element.isContentEditable
    || !!element.closest?.('.xterm'));
}

/** Global shortcuts by `event.key`; ignored while typing into a field, except Escape. */
export function useKeyboard(handlers: KeyHandlers): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key !== 'Escape' && typing(event.target)) return;
      const handler = current.current[event.key];
      if (handler) {
        event.preventDefault();
        handler();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
