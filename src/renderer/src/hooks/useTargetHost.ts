import { useState } from 'react';
import type { HostView } from '@shared/contract';
import { useHostsStore } from '../stores/hosts';

/** The other hosts, connected first: where a copy, move or clone may go. */
export function useTargetHosts(sourceHostId: string): HostView[] {
  const hosts = useHostsStore((s) => s.hosts);
  const statuses = useHostsStore((s) => s.statuses);
  const others = hosts.filter((h) => h.id !== sourceHostId);
  const up = (h: HostView) => (statuses[h.id]?.state === 'connected' ? 0 : 1);
  return [...others].sort((a, b) => up(a) - up(b));
}

/**
 * The host a dialog sends something to (an image copy, a volume copy, a move or clone): the
 * choices, the chosen id (first the first connected one) and that host.
 */
export function useTargetHost(sourceHostId: string) {
  const hosts = useTargetHosts(sourceHostId);
  const [target, setTarget] = useState(hosts[0]?.id ?? '');
  const targetHost = useHostsStore((s) => s.hosts.find((h) => h.id === target));
  return { hosts, target, setTarget, targetHost };
}
