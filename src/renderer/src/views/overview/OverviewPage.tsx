import { useEffect, useState } from 'react';
import type { EngineInfo } from '@shared/contract';
import { onInvalidate } from '../../lib/invalidation';
import { api } from '../../rpc/api';
import { useHostsStore } from '../../stores/hosts';
import { useViewStore } from '../../stores/view';
import { HostCard } from './HostCard';

/** Every host as a card; counts refresh when engines report container changes. */
export function OverviewPage() {
  const hosts = useHostsStore((s) => s.hosts);
  const statuses = useHostsStore((s) => s.statuses);
  const select = useHostsStore((s) => s.select);
  const showHost = useViewStore((s) => s.showHost);
  const [infos, setInfos] = useState<Record<string, EngineInfo>>({});

  const connectedIds = hosts
    .filter((h) => statuses[h.id]?.state === 'connected')
    .map((h) => h.id)
    .join(',');

  useEffect(() => {
    let alive = true;
    const load = (hostId: string) =>
      api.hosts.engineInfo({ hostId }).then(
        (info) => alive && setInfos((m) => ({ ...m, [hostId]: info })),
        () => undefined,
      );
    for (const id of connectedIds.split(',').filter(Boolean)) void load(id);
    const off = onInvalidate('container', (hostId) => void load(hostId));
    return () => {
      alive = false;
      off();
    };
  }, [connectedIds]);

  const connected = hosts.filter((h) => statuses[h.id]?.state === 'connected').length;
  return (
    <section className="overview" aria-label="Overview">
      <header className="overview-header">
        <h1>All hosts</h1>
        <span className="muted">
          {connected} of {hosts.length} connected
        </span>
      </header>
      <div className="host-cards">
        {hosts.map((h) => (
          <HostCard
            key={h.id}
            host={h}
            status={statuses[h.id]}
            info={infos[h.id] ?? statuses[h.id]?.engine}
            onOpen={() => {
              select(h.id);
              showHost();
            }}
          />
        ))}
      </div>
    </section>
  );
}
