import type { Parent } from '../api/types';

export function ParentLinks({ parents, onOpen }: { parents: Parent[]; onOpen(topologyId: string, id: string, label: string): void }) {
  if (parents.length === 0) return null;
  return (
    <section className="details-section">
      <h3>Parents</h3>
      <ul className="parents">
        {parents.map((p) => (
          <li key={`${p.topologyId}/${p.id}`}>
            <span className="parent-topology">{p.topologyId}</span>{' '}
            <button type="button" className="link" onClick={() => onOpen(p.topologyId, p.id, p.label)}>{p.label}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
