import type { MetadataRow } from '../api/types';
import { formatMetadata } from '../util/format';

export function MetadataList({ rows }: { rows: MetadataRow[] }) {
  if (rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => (a.priority ?? 99) - (b.priority ?? 99));
  return (
    <section className="details-section">
      <h3>Info</h3>
      <dl className="metadata">
        {sorted.map((row) => (
          <div key={row.id} className="metadata-row">
            <dt>{row.label}</dt>
            <dd title={row.value}>{formatMetadata(row)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
