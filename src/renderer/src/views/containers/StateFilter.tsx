import { useId } from 'react';
import type { ContainerFilter } from '../../stores/containers';

const FILTERS: Array<{ value: ContainerFilter; label: string }> = [
  { value: 'running', label: 'Running' },
  { value: 'all', label: 'All' },
  { value: 'exited', label: 'Exited' },
];

/** The "Show" switch of a containers toolbar: running, all, or exited containers. */
export function StateFilter({
  filter,
  onFilter,
}: {
  filter: ContainerFilter;
  onFilter(f: ContainerFilter): void;
}) {
  const name = useId();
  return (
    <div className="segmented" role="radiogroup" aria-label="Show">
      {FILTERS.map(({ value, label }) => (
        <label key={value} className={`segment${filter === value ? ' is-checked' : ''}`}>
          <input
            type="radio"
            name={name}
            value={value}
            checked={filter === value}
            onChange={() => onFilter(value)}
          />
          <span>{label}</span>
        </label>
      ))}
    </div>
  );
}
