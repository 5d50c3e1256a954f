interface Props {
  metrics: string[];
  pinned: string | null;
  onPin(metric: string | null): void;
  /** The metric under the pointer (null when it leaves): shown until then, as Weave Scope does. */
  onPreview(metric: string | null): void;
}

/** Colours nodes by a metric: hovering a button previews it, a click pins it (kept in the URL), a second click unpins. */
export function MetricSelector({ metrics, pinned, onPin, onPreview }: Props) {
  if (metrics.length === 0) return null;
  return (
    <div className="metric-selector" role="group" aria-label="Colour nodes by metric">
      {metrics.map((metric) => (
        <button key={metric} type="button" className={pinned === metric ? 'selected' : ''} aria-pressed={pinned === metric}
          onMouseEnter={() => onPreview(metric)} onMouseLeave={() => onPreview(null)}
          onClick={() => {
            onPreview(null);
            onPin(pinned === metric ? null : metric);
          }}>
          {metric}
        </button>
      ))}
    </div>
  );
}
