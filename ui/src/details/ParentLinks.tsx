import type { Parent } from '../api/types';

interface Props {
  parents: Parent[];
  topologyTitle(id: string): string;
  onOpen(topologyId: string, id: string, label: string): void;
}

/** The host, image, pod... a node belongs to, each a link that stacks its details on top. */
export function ParentLinks({ parents, topologyTitle, onOpen }: Props) {
  if (parents.length === 0) return null;
  return (
    <section className="details-section">
      <h3>Parents</h3>
      <ul className="parents">
        {parents.map((p) => (
          <li key={`${p.topologyId}/${p.id}`}>
            <span className="parent-topology">{topologyTitle(p.topologyId)}</span>{' '}
            <button type="button" className="link" onClick={() => onOpen(p.topologyId, p.id, p.label)}>{p.label}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
