interface Props {
  metrics: string[];
  pinned: string | null;
  onPin(metric: string | null): void;
}

/** Colours nodes by a metric; click pins it (kept in the URL), click again to unpin. */
export function MetricSelector({ metrics, pinned, onPin }: Props) {
  if (metrics.length === 0) return null;
  return (
    <div className="metric-selector" role="group" aria-label="Colour nodes by metric">
      {metrics.map((metric) => (
        <button key={metric} type="button" className={pinned === metric ? 'selected' : ''} aria-pressed={pinned === metric}
          onClick={() => onPin(pinned === metric ? null : metric)}>
          {metric}
        </button>
      ))}
    </div>
  );
}
