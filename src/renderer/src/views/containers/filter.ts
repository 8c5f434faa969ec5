import type { ContainerState, ContainerSummary } from '@shared/contract';
import type { ContainerFilter } from '../../stores/ui';

export type SortKey = 'name' | 'image' | 'state' | 'created';
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

/** States in which the container has a live process (Stop applies). */
export const LIVE_STATES: readonly ContainerState[] = ['running', 'paused', 'restarting'];

export function isLive(c: ContainerSummary): boolean {
  return LIVE_STATES.includes(c.state);
}

const STATE_ORDER: Record<ContainerState, number> = {
  running: 0,
  restarting: 1,
  paused: 2,
  removing: 3,
  created: 4,
  exited: 5,
  dead: 6,
};

export function filterContainers(
  items: ContainerSummary[],
  filter: ContainerFilter,
  query: string,
): ContainerSummary[] {
  const q = query.trim().toLowerCase();
  return items.filter((c) => {
    if (filter === 'running' && !isLive(c)) return false;
    if (!q) return true;
    return (
      c.name.toLowerCase().includes(q) ||
      c.image.toLowerCase().includes(q) ||
      c.id.toLowerCase().startsWith(q)
    );
  });
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function sortContainers(items: ContainerSummary[], sort: Sort): ContainerSummary[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const byName = (a: ContainerSummary, b: ContainerSummary) => collator.compare(a.name, b.name);
  const cmp = (a: ContainerSummary, b: ContainerSummary): number => {
    switch (sort.key) {
      case 'name':
        return byName(a, b);
      case 'image':
        return collator.compare(a.image, b.image) || byName(a, b);
      case 'state':
        return STATE_ORDER[a.state] - STATE_ORDER[b.state] || byName(a, b);
      case 'created':
        return a.created - b.created || byName(a, b);
    }
  };
  return [...items].sort((a, b) => sign * cmp(a, b));
}
