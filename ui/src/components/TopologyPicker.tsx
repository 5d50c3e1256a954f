import type { TopologyEntry } from '../state/topologies';

interface Props {
  entries: TopologyEntry[];
  currentId: string | null;
  onPick(id: string): void;
}

function visible(entry: TopologyEntry): boolean {
  return !(entry.desc.hide_if_empty && (entry.desc.stats?.node_count ?? 0) === 0);
}

function Item({ entry, current, onPick }: { entry: TopologyEntry; current: boolean; onPick(id: string): void }) {
  const count = entry.desc.stats?.node_count;
  return (
    <button type="button" className={`topology-item${current ? ' current' : ''}`} aria-pressed={current}
      onClick={() => onPick(entry.id)} data-topology={entry.id}>
      <span className="topology-name">{entry.desc.name}</span>
      {count !== undefined && <span className="topology-count">{count}</span>}
    </button>
  );
}

/** The topologies the app offers, sub-topologies under their parent, each with its node count. */
export function TopologyPicker({ entries, currentId, onPick }: Props) {
  const parents = entries.filter((e) => e.parentId === null && visible(e));
  return (
    <nav className="topologies" aria-label="Topologies">
      {parents.map((parent) => {
        const subs = entries.filter((e) => e.parentId === parent.id && visible(e));
        const inGroup = currentId === parent.id || subs.some((s) => s.id === currentId);
        return (
          <div key={parent.id} className={`topology-group${inGroup ? ' active' : ''}`}>
            <Item entry={parent} current={currentId === parent.id} onPick={onPick} />
            {subs.length > 0 && (
              <div className="sub-topologies">
                {subs.map((sub) => <Item key={sub.id} entry={sub} current={currentId === sub.id} onPick={onPick} />)}
              </div>
            )}
          </div>
        );
      })}
    </nav>
  );
}
