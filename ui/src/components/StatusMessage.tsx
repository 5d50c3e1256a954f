import type { ReactNode } from 'react';

/** A centred explanation in place of a view: unreachable app, empty topology, graph too large... */
export function StatusMessage({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="status-message" role="status">
      <h2>{title}</h2>
      {children}
    </div>
  );
}
