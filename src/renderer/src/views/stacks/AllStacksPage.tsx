import { useEffect, useMemo } from 'react';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { PlainTable } from '../../components/ui/PlainTable';
import { plural } from '../../lib/plural';
import { useHostsStore } from '../../stores/hosts';
import { useSectionStore } from '../../stores/sections';
import { useStacksStore } from '../../stores/stacks';
import { useViewStore } from '../../stores/view';
import { ORIGIN_TEXT, stackCount } from './stack-text';

/** Stacks of every connected host in one list; a click opens the host's Stacks tab. */
export function AllStacksPage() {
  const hosts = useHostsStore((s) => s.hosts);
  const statuses = useHostsStore((s) => s.statuses);
  const byHost = useStacksStore((s) => s.byHost);
  const fetch = useStacksStore((s) => s.fetch);
  const connected = useMemo(
    () => hosts.filter((h) => statuses[h.id]?.state === 'connected'),
    [hosts, statuses],
  );

  useEffect(() => {
    for (const h of connected) void fetch(h.id);
  }, [connected, fetch]);

  const rows = connected.flatMap((h) => (byHost[h.id]?.items ?? []).map((s) => ({ host: h, stack: s })));
  const loading = connected.some((h) => byHost[h.id]?.fetchedAt === undefined);

  const open = (hostId: string) => {
    useSectionStore.getState().setSection('stacks');
    useHostsStore.getState().select(hostId);
    // Already the selected host: selecting does not leave this page by itself.
    useViewStore.getState().showHost();
  };

  return (
    <section className="resource-view" aria-label="All stacks">
      <div className="toolbar">
        <h2 className="toolbar-title">All stacks</h2>
        <span className="header-spacer" />
        <span className="toolbar-count" aria-live="polite">
          {plural(rows.length, 'stack')} on {plural(connected.length, 'connected host')}
        </span>
      </div>
      <div className="banners">
        {connected.map((h) => {
          const e = byHost[h.id]?.error;
          return e ? (
            <ErrorBanner key={h.id} error={e} title={`Couldn't load the stacks of ${h.name}`} />
          ) : null;
        })}
      </div>
      {rows.length === 0 ? (
        <div className="empty-state" role="status">
          {loading && <span className="spinner spinner-large" aria-hidden="true" />}
          <p>{loading ? 'Loading stacks…' : 'No compose stacks on the connected hosts.'}</p>
        </div>
      ) : (
        <div className="table-scroll">
          <PlainTable
            className="plain-table stack-table"
            label="Stacks of every host"
            columns={['Host', 'Name', 'Origin', 'State', 'Running', 'Ports']}
          >
            {rows.map(({ host, stack }) => (
              <tr key={`${host.id}/${stack.name}`}>
                <td>
                  <span className="host-dot" style={{ background: host.color }} aria-hidden="true" />{' '}
                  {host.name}
                </td>
                <td>
                  <button
                    type="button"
                    className="link-button mono"
                    aria-label={`Open ${stack.name} on ${host.name}`}
                    onClick={() => open(host.id)}
                  >
                    {stack.name}
                  </button>
                </td>
                <td>{ORIGIN_TEXT[stack.origin]}</td>
                <td>
                  <span className={`stack-state state-${stack.state}`}>{stack.state}</span>
                </td>
                <td className="mono">{stackCount(stack)}</td>
                <td className="mono stack-ports">{stack.ports.join(', ')}</td>
              </tr>
            ))}
          </PlainTable>
        </div>
      )}
    </section>
  );
}
