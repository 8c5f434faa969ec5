import type { ContainerFilter } from '../../stores/containers';
import { SearchBox } from '../../components/ui/SearchBox';
import { Segmented } from '../../components/ui/Segmented';

/** What both containers toolbars filter by: the state switch and the search text. */
export interface ContainerFilterProps {
  filter: ContainerFilter;
  onFilter(f: ContainerFilter): void;
  search: string;
  onSearch(q: string): void;
}

/** The "Show" switch's choices: running, all, or exited containers. */
const STATES: Array<{ value: ContainerFilter; label: string }> = [
  { value: 'running', label: 'Running' },
  { value: 'all', label: 'All' },
  { value: 'exited', label: 'Exited' },
];

/** The state switch and the search box of a containers toolbar (one host's or every host's). */
export function ContainerFilters({ filter, onFilter, search, onSearch }: ContainerFilterProps) {
  return (
    <>
      <Segmented label="Show" options={STATES} value={filter} onChange={onFilter} />
      <SearchBox
        label="Search containers"
        placeholder="Name, image, ID, label"
        value={search}
        onChange={onSearch}
      />
    </>
  );
}
