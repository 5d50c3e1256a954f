import type { MetricSample } from '../api/types';

const WIDTH = 80;
const HEIGHT = 24;

/** The samples of a metric as a small line, scaled between their own min and max (flat in the middle when constant). */
export function Sparkline({ samples }: { samples: MetricSample[] }) {
  if (samples.length < 2) return <svg className="sparkline" width={WIDTH} height={HEIGHT} aria-hidden="true" />;
  const values = samples.map((s) => s.value);
  const min = Math.min(...values);
  const range = Math.max(...values) - min;
  const points = values.map((v, i) => `${((i / (values.length - 1)) * WIDTH).toFixed(1)},${(range ? HEIGHT - 2 - ((v - min) / range) * (HEIGHT - 4) : HEIGHT / 2).toFixed(1)}`);
  return (
    <svg className="sparkline" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img"
      aria-label={`${samples.length} samples`}>
      <polyline points={points.join(' ')} fill="none" stroke="currentColor" strokeWidth="1.5" />
      <circle cx={points[points.length - 1].split(',')[0]} cy={points[points.length - 1].split(',')[1]} r="2" fill="currentColor" />
    </svg>
  );
}
