import type { HostStatus, HostView } from '@shared/contract';

export interface HostGroup {
  /** The hosts' shared first label; undefined for hosts without labels (or when nothing is grouped). */
  label: string | undefined;
  hosts: HostView[];
}

/**
 * Hosts grouped by their first label (dev, staging, production...), groups in the order their
 * first host appears, hosts keeping their own order; unlabelled hosts come last. When no host
 * has a label there is one unnamed group: the sidebar then shows a flat list.
 */
export function groupHosts(hosts: HostView[]): HostGroup[] {
  if (!hosts.some((h) => h.labels.length > 0)) return hosts.length ? [{ label: undefined, hosts }] : [];
  const groups = new Map<string, HostView[]>();
  const loose: HostView[] = [];
  for (const h of hosts) {
    const label = h.labels[0];
    if (label === undefined) {
      loose.push(h);
      continue;
    }
    const list = groups.get(label);
    if (list) list.push(h);
    else groups.set(label, [h]);
  }
  const out: HostGroup[] = [...groups].map(([label, list]) => ({ label, hosts: list }));
  if (loose.length) out.push({ label: undefined, hosts: loose });
  return out;
}

/** The hosts in the order the sidebar shows them: Ctrl+1..9 follow this order. */
export function displayOrder(hosts: HostView[]): HostView[] {
  return groupHosts(hosts).flatMap((g) => g.hosts);
}

/** A collapsed group's one-glance health: the worst state of its hosts. */
export function groupState(statuses: Array<HostStatus | undefined>): HostStatus['state'] {
  if (statuses.some((s) => s?.state === 'error')) return 'error';
  if (statuses.some((s) => s?.state !== 'connected')) return 'connecting';
  return 'connected';
}

export interface Since {
  /** Whether the host was connected at `at`. */
  up: boolean;
  at: number;
}

/**
 * Since when each host has been up or down. Every failed reconnect attempt restamps the status,
 * so "down since" keeps the first failure until the host is connected again.
 */
export function nextSince(
  prev: Record<string, Since>,
  statuses: Record<string, HostStatus>,
): Record<string, Since> {
  const next: Record<string, Since> = {};
  for (const [id, status] of Object.entries(statuses)) {
    const up = status.state === 'connected';
    const before = prev[id];
    next[id] = before && before.up === up ? before : { up, at: status.since };
  }
  return next;
}
