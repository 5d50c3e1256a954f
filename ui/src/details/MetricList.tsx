import type { MetricRow } from '../api/types';
import { formatMetric } from '../util/format';
import { Sparkline } from './Sparkline';

export function MetricList({ metrics }: { metrics: MetricRow[] }) {
  if (metrics.length === 0) return null;
  const sorted = [...metrics].sort((a, b) => (a.priority ?? 99) - (b.priority ?? 99));
  return (
    <section className="details-section">
      <h3>Metrics</h3>
      <div className="metric-list">
        {sorted.map((m) => (
          <div key={m.id} className="metric" data-metric={m.id}>
            <Sparkline samples={m.samples ?? []} />
            <span className="metric-value">{formatMetric(m.value, m.format)}</span>
            <span className="metric-label">{m.label}</span>
          </div>
        ))}
      </div>
    </section>
  );
}
