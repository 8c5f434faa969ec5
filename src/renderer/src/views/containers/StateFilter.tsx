import { Segmented } from '../../components/ui/Segmented';
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
  return <Segmented label="Show" options={FILTERS} value={filter} onChange={onFilter} />;
}
