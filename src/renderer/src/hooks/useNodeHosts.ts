import { useEffect, useState } from 'react';
import { api } from '../rpc/api';
import { useDetailsStore } from '../stores/details';
import { useHostsStore } from '../stores/hosts';
import { useSectionStore } from '../stores/sections';

/**
 * Which Berthmaster host is which swarm node: every connected host is asked for its node id once
 * (and again when the set of connected hosts changes), so a task's container can open in the
 * container view of the host that runs it.
 */
export function useNodeHosts(): Map<string, { hostId: string; name: string }> {
  const connected = useHostsStore((s) =>
    s.hosts
      .filter((h) => s.statuses[h.id]?.state === 'connected')
      .map((h) => `${h.id}\u0000${h.name}`)
      .join('\u0001'),
  );
  const [map, setMap] = useState(new Map<string, { hostId: string; name: string }>());
  useEffect(() => {
    let live = true;
    const hosts = connected
      ? connected.split('\u0001').map((s) => s.split('\u0000') as [string, string])
      : [];
    void Promise.all(
      hosts.map(async ([hostId, name]) => {
        const info = await api.swarm.info({ hostId }).catch(() => undefined);
        return info?.nodeId ? ([info.nodeId, { hostId, name }] as const) : undefined;
      }),
    ).then((pairs) => {
      if (live) setMap(new Map(pairs.filter((p) => p !== undefined)));
    });
    return () => {
      live = false;
    };
  }, [connected]);
  return map;
}

/** Shows a container in its host's container view, details open. */
export function openContainer(hostId: string, containerId: string, name: string): void {
  useHostsStore.getState().select(hostId);
  useSectionStore.getState().setSection('containers');
  useDetailsStore.getState().open({ hostId, containerId, name }, 'overview');
}
