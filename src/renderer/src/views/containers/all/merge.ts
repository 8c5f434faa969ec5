import type { AppErrorShape, ContainerSummary, HostStatus, HostView } from '@shared/contract';
import type { ContainerFilter, HostContainers } from '../../../stores/containers';
import {
  filterContainers,
  isLive,
  sortContainers,
  type Sort,
  type SortKey,
} from '../../../lib/container-filter';

export type AllSortKey = SortKey | 'host';
export interface AllSort {
  key: AllSortKey;
  dir: 'asc' | 'desc';
}

/** One host as the all-containers page sees it. */
export interface HostSlice {
  host: HostView;
  status: HostStatus | undefined;
  data: HostContainers | undefined;
}

/** Why a host has no rows: it is down, still connecting, or its list failed. */
export interface NoticeItem {
  kind: 'notice';
  hostId: string;
  hostName: string;
  color: string;
  tone: 'error' | 'pending';
  text: string;
}

export interface HostRowItem {
  kind: 'row';
  hostId: string;
  container: ContainerSummary;
}

export type AllItem = NoticeItem | HostRowItem;

export interface MergedContainers {
  /** Notices first (host order), then the containers, sorted across hosts. */
  items: AllItem[];
  /** Each shown container's host: rows call back with the container object only. */
  hostOf: Map<ContainerSummary, string>;
  /** Containers on the hosts that are listed (before filter and search). */
  total: number;
  running: number;
}

/** The notice a host gets instead of rows, or undefined when its rows can be shown. */
export function hostNotice(
  slice: HostSlice,
): Omit<NoticeItem, 'kind' | 'hostId' | 'hostName' | 'color'> | undefined {
  const { host, status, data } = slice;
  if (status?.state === 'error') {
    return { tone: 'error', text: `${host.name} unreachable: ${reason(status.error)}` };
  }
  if (status?.state !== 'connected') return { tone: 'pending', text: `Connecting to ${host.name}…` };
  if (data?.error)
    return { tone: 'error', text: `Couldn't list containers on ${host.name}: ${reason(data.error)}` };
  if (data?.fetchedAt === undefined) return { tone: 'pending', text: `Loading containers of ${host.name}…` };
  return undefined;
}

function reason(e: AppErrorShape | undefined): string {
  return e?.message ?? 'no reason given';
}

// Filtering is per host and cached on the host's list object: an event on one host re-filters
// only that host (the store replaces a host's `items` array only when it refetches it).
interface FilterCacheEntry {
  key: string;
  result: ContainerSummary[];
}
const filterCache = new WeakMap<ContainerSummary[], FilterCacheEntry>();

function filteredOf(items: ContainerSummary[], filter: ContainerFilter, query: string): ContainerSummary[] {
  const key = `${filter}\u0000${query}`;
  const hit = filterCache.get(items);
  if (hit && hit.key === key) return hit.result;
  const result = filterContainers(items, filter, query);
  filterCache.set(items, { key, result });
  return result;
}

const NAME_ASC: Sort = { key: 'name', dir: 'asc' };

/**
 * Every listed host's containers in one list: hosts that cannot be listed become a notice each,
 * the others' containers are filtered, searched and sorted together ("host" sorts by the
 * sidebar's host order, then name).
 */
export function mergeContainers(
  slices: HostSlice[],
  filter: ContainerFilter,
  query: string,
  sort: AllSort,
): MergedContainers {
  const notices: NoticeItem[] = [];
  const hostOf = new Map<ContainerSummary, string>();
  const perHost: Array<{ hostId: string; list: ContainerSummary[] }> = [];
  let total = 0;
  let running = 0;
  for (const slice of slices) {
    const n = hostNotice(slice);
    const { host } = slice;
    if (n) {
      notices.push({ kind: 'notice', hostId: host.id, hostName: host.name, color: host.color, ...n });
      continue;
    }
    const items = slice.data?.items ?? [];
    total += items.length;
    for (const c of items) if (isLive(c)) running++;
    const list = filteredOf(items, filter, query);
    for (const c of list) hostOf.set(c, host.id);
    perHost.push({ hostId: host.id, list });
  }

  let sorted: ContainerSummary[];
  if (sort.key === 'host') {
    const order = sort.dir === 'asc' ? perHost : [...perHost].reverse();
    sorted = order.flatMap((h) => sortContainers(h.list, NAME_ASC));
  } else {
    sorted = sortContainers(
      perHost.flatMap((h) => h.list),
      { key: sort.key, dir: sort.dir },
    );
  }
  const rows: HostRowItem[] = sorted.map((container) => ({
    kind: 'row',
    hostId: hostOf.get(container) ?? '',
    container,
  }));
  return { items: [...notices, ...rows], hostOf, total, running };
}
