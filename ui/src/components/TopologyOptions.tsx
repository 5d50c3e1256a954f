import type { TopologyOption } from '../api/types';

interface Props {
  options: TopologyOption[];
  /** Effective values (chosen or default) by option id. */
  values: Record<string, string>;
  onChange(optionId: string, value: string): void;
}

function toggleUnion(current: string, value: string): string {
  const chosen = new Set(current.split(',').filter(Boolean));
  if (chosen.has(value)) chosen.delete(value);
  else chosen.add(value);
  return [...chosen].join(',');
}

/** The filters the API advertises for this topology (system, stopped, pseudo, namespace...), as button groups. */
export function TopologyOptions({ options, values, onChange }: Props) {
  if (options.length === 0) return null;
  return (
    <div className="topology-options">
      {options.map((option) => {
        const current = values[option.id] ?? option.defaultValue;
        const union = option.selectType === 'union';
        const selected = (value: string) => (union ? current.split(',').includes(value) : current === value);
        return (
          <div key={option.id} className="option-group" role="group" aria-label={option.id} data-option={option.id}>
            {union && option.noneLabel && (
              <button type="button" className={current === '' ? 'selected' : ''} onClick={() => onChange(option.id, '')}>
                {option.noneLabel}
              </button>
            )}
            {option.options.map((choice) => (
              <button key={choice.value} type="button" className={selected(choice.value) ? 'selected' : ''}
                aria-pressed={selected(choice.value)}
                onClick={() => onChange(option.id, union ? toggleUnion(current, choice.value) : choice.value)}>
                {choice.label}
              </button>
            ))}
          </div>
        );
      })}
    </div>
  );
}
