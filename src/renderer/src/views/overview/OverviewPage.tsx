import { useHostsStore } from '../../stores/hosts';
import { useViewStore } from '../../stores/view';
import { HostCard } from './HostCard';
import { useOverviewData } from '../../hooks/useOverviewData';
import { HostCharts } from './HostCharts';
import { FleetSummary } from '../../components/fleet/FleetSummary';

/** Every host as a card; counts and disk totals refresh when engines report changes. */
export function OverviewPage() {
  const hosts = useHostsStore((s) => s.hosts);
  const statuses = useHostsStore((s) => s.statuses);
  const select = useHostsStore((s) => s.select);
  const showHost = useViewStore((s) => s.showHost);
  const connectedIds = hosts
    .filter((h) => statuses[h.id]?.state === 'connected')
    .map((h) => h.id)
    .join(',');
  const data = useOverviewData(connectedIds);

  const connected = hosts.filter((h) => statuses[h.id]?.state === 'connected').length;
  return (
    <section className="overview" aria-label="Overview">
      <header className="overview-header">
        <h1>All hosts</h1>
        <span className="muted">
          {connected} of {hosts.length} connected
        </span>
      </header>
      <FleetSummary />
      <div className="host-cards">
        {hosts.map((h) => (
          <HostCard
            key={h.id}
            host={h}
            status={statuses[h.id]}
            info={data[h.id]?.info ?? statuses[h.id]?.engine}
            disk={data[h.id]?.disk}
            refreshError={data[h.id]?.error && `Could not refresh: ${data[h.id]?.error?.message}`}
            onOpen={() => {
              select(h.id);
              showHost();
            }}
          />
        ))}
      </div>
      <h2 className="overview-subtitle">Last hour</h2>
      <HostCharts
        hosts={hosts.filter((h) => statuses[h.id]?.state === 'connected')}
        onOpen={(id) => {
          select(id);
          showHost();
        }}
      />
    </section>
  );
}
