import type { ViewMode } from '../state/viewState';

const MODES: { mode: ViewMode; label: string; key: string }[] = [
  { mode: 'graph', label: 'Graph', key: 'g' },
  { mode: 'table', label: 'Table', key: 't' },
  { mode: 'resources', label: 'Resources', key: 'r' },
];

export function ViewModes({ mode, onMode }: { mode: ViewMode; onMode(mode: ViewMode): void }) {
  return (
    <div className="view-modes" role="group" aria-label="View">
      {MODES.map((m) => (
        <button key={m.mode} type="button" className={mode === m.mode ? 'selected' : ''} aria-pressed={mode === m.mode}
          title={`${m.label} view (${m.key})`} onClick={() => onMode(m.mode)}>
          {m.label}
        </button>
      ))}
    </div>
  );
}
