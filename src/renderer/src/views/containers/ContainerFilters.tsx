import type { ContainerFilter } from '../../stores/containers';
import { SearchBox } from '../../components/ui/SearchBox';
import { StateFilter } from './StateFilter';

/** What both containers toolbars filter by: the state switch and the search text. */
export interface ContainerFilterProps {
  filter: ContainerFilter;
  onFilter(f: ContainerFilter): void;
  search: string;
  onSearch(q: string): void;
}

/** The state switch and the search box of a containers toolbar (one host's or every host's). */
export function ContainerFilters({ filter, onFilter, search, onSearch }: ContainerFilterProps) {
  return (
    <>
      <StateFilter filter={filter} onFilter={onFilter} />
      <SearchBox
        label="Search containers"
        placeholder="Name, image, ID, label"
        value={search}
        onChange={onSearch}
      />
    </>
  );
}
