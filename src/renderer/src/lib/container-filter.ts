import {
  COMPOSE_PROJECT_LABEL,
  type ContainerHealth,
  type ContainerState,
  type ContainerSummary,
} from '@shared/contract';
/** The containers toolbar's state filter. */
export type ContainerFilter = 'running' | 'all' | 'exited';

export type SortKey = 'name' | 'image' | 'state' | 'health' | 'created' | 'project';
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

/** States in which the container has a live process (Stop applies). */
export const LIVE_STATES: readonly ContainerState[] = ['running', 'paused', 'restarting'];

export function isLive(c: Pick<ContainerSummary, 'state'>): boolean {
  return LIVE_STATES.includes(c.state);
}

/** "Exited" as a filter: everything that has stopped (exited, dead, created but never started). */
export function isStopped(c: Pick<ContainerSummary, 'state'>): boolean {
  return c.state === 'exited' || c.state === 'dead' || c.state === 'created';
}

export function projectOf(c: Pick<ContainerSummary, 'labels'>): string | undefined {
  return c.labels[COMPOSE_PROJECT_LABEL] || undefined;
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

const HEALTH_ORDER: Record<ContainerHealth | 'none', number> = {
  unhealthy: 0,
  starting: 1,
  healthy: 2,
  none: 3,
};

/** Free text matches name, image, id (prefix) and labels ("key", "value" or "key=value"). */
export function matchesQuery(c: ContainerSummary, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  if (c.name.toLowerCase().includes(q) || c.image.toLowerCase().includes(q)) return true;
  if (c.id.toLowerCase().startsWith(q)) return true;
  return Object.entries(c.labels).some(([k, v]) => `${k}=${v}`.toLowerCase().includes(q));
}

export function filterContainers(
  items: ContainerSummary[],
  filter: ContainerFilter,
  query: string,
): ContainerSummary[] {
  return items.filter((c) => {
    if (filter === 'running' && !isLive(c)) return false;
    if (filter === 'exited' && !isStopped(c)) return false;
    return matchesQuery(c, query);
  });
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * The last order computed for a list (lists are immutable: a store's refetch that changed nothing
 * keeps the array). All containers re-merges every host's list each time one host's arrives; the
 * collator's compare was its largest cost in the page profile (issue 23: 130-220 ms per round,
 * 20 hosts x 500), so each host's list is sorted once per change.
 */
const sortCache = new WeakMap<
  readonly ContainerSummary[],
  { key: string; dir: string; result: ContainerSummary[] }
>();

/** A sorted copy of `items`; the same array again for the same list and order (do not mutate it). */
export function sortContainers(items: ContainerSummary[], sort: Sort): ContainerSummary[] {
  const hit = sortCache.get(items);
  if (hit && hit.key === sort.key && hit.dir === sort.dir) return hit.result;
  const result = sortUncached(items, sort);
  sortCache.set(items, { key: sort.key, dir: sort.dir, result });
  return result;
}

function sortUncached(items: ContainerSummary[], sort: Sort): ContainerSummary[] {
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
      case 'health':
        return HEALTH_ORDER[a.health ?? 'none'] - HEALTH_ORDER[b.health ?? 'none'] || byName(a, b);
      case 'created':
        return a.created - b.created || byName(a, b);
      case 'project':
        return collator.compare(projectOf(a) ?? '\uffff', projectOf(b) ?? '\uffff') || byName(a, b);
    }
  };
  return [...items].sort((a, b) => sign * cmp(a, b));
}

export interface GroupItem {
  kind: 'group';
  project: string;
  /** Every container of the project that passes the filter, collapsed or not. */
  members: ContainerSummary[];
  running: number;
  collapsed: boolean;
}

export interface RowItem {
  kind: 'row';
  container: ContainerSummary;
  /** Set for members of a compose project (indented under its header). */
  project?: string;
}

export type TableItem = GroupItem | RowItem;

/**
 * The table's rows, in order. Grouped: one header per compose project (projects by name), its
 * members under it unless collapsed, then the containers that belong to no project. The members
 * keep the sort order of `sorted`.
 */
export function buildTableItems(
  sorted: ContainerSummary[],
  grouped: boolean,
  isCollapsed: (project: string) => boolean,
): TableItem[] {
  if (!grouped) return sorted.map((container) => ({ kind: 'row', container }));
  const groups = new Map<string, ContainerSummary[]>();
  const loose: ContainerSummary[] = [];
  for (const c of sorted) {
    const p = projectOf(c);
    if (p === undefined) loose.push(c);
    else {
      const list = groups.get(p);
      if (list) list.push(c);
      else groups.set(p, [c]);
    }
  }
  const out: TableItem[] = [];
  for (const project of [...groups.keys()].sort((a, b) => collator.compare(a, b))) {
    const members = groups.get(project) ?? [];
    const collapsed = isCollapsed(project);
    out.push({ kind: 'group', project, members, running: members.filter(isLive).length, collapsed });
    if (!collapsed) for (const container of members) out.push({ kind: 'row', container, project });
  }
  for (const container of loose) out.push({ kind: 'row', container });
  return out;
}
