import type { ForwardView } from '@shared/contract';
import { EmptyState, LoadingState } from '../../components/ui/EmptyState';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { VirtualTable, type Column } from '../../components/ui/VirtualTable';
import { formatBytes } from '../../lib/format';
import { plural } from '../../lib/plural';
import { useForwards } from '../../hooks/useForwards';
import { useMutation } from '../../hooks/useMutation';
import { useHostsStore } from '../../stores/hosts';
import { forwardUrl } from './forward-url';
import { AppPageHeader } from '../../components/ui/AppPageHeader';
import { hostNameOf } from '../../lib/host-name';

function columns(hostName: (id: string) => string, stop: (f: ForwardView) => void, stopping: boolean) {
  const cols: Column<ForwardView>[] = [
    { id: 'host', label: 'Host', render: (f) => <span className="truncate">{hostName(f.hostId)}</span> },
    {
      id: 'container',
      label: 'Container',
      render: (f) => (
        <span className="truncate" title={f.containerId}>
          {f.containerName}
        </span>
      ),
    },
    {
      id: 'tunnel',
      label: 'Tunnel',
      render: (f) => (
        <span className="truncate mono">
          {f.port} → 127.0.0.1:{f.localPort}
        </span>
      ),
    },
    { id: 'via', label: 'Via', render: (f) => <span className="flag flag-grey">{f.via}</span> },
    {
      id: 'connections',
      label: 'Connections',
      className: 'cell-num',
      render: (f) => (
        <span title={`${f.open} open now`}>
          {f.connections}
          {f.open ? ` (${f.open} open)` : ''}
        </span>
      ),
    },
    {
      id: 'bytes',
      label: 'In / out',
      className: 'cell-num',
      render: (f) => (
        <span className="mono-soft" title="From the container / to the container">
          {formatBytes(f.bytesIn)} / {formatBytes(f.bytesOut)}
        </span>
      ),
    },
    {
      id: 'error',
      label: 'Last error',
      render: (f) =>
        f.lastError ? (
          <span className="truncate forward-error" title={f.lastError}>
            {f.lastError}
          </span>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      id: 'actions',
      label: 'Actions',
      hideLabel: true,
      className: 'cell-actions',
      render: (f) => (
        <>
          <a
            className="button button-small"
            href={forwardUrl(f)}
            target="_blank"
            rel="noreferrer"
            aria-label={`Open ${f.containerName}:${f.port}`}
          >
            Open
          </a>
          <button
            type="button"
            className="button button-small"
            aria-label={`Stop forward ${f.containerName}:${f.port}`}
            disabled={stopping}
            onClick={() => stop(f)}
          >
            Stop
          </button>
        </>
      ),
    },
  ];
  return cols;
}

/** Every port forward (any host), live: what it reaches, how, its traffic; Open and Stop. */
export function ForwardsPage() {
  const { forwards, loaded, streamError } = useForwards();
  const hosts = useHostsStore((s) => s.hosts);
  const close = useMutation('mobility.forwardClose', { toast: () => 'Forward stopped' });

  return (
    <section className="audit-page" aria-label="Forwards">
      <AppPageHeader title="Forwards" summary={plural(forwards.length, 'tunnel', 'tunnels')} live />
      {streamError && <ErrorBanner error={streamError} title="The forwards list stopped updating" />}
      {close.error && <ErrorBanner error={close.error} title="Couldn't stop the forward" />}
      {!loaded ? (
        <LoadingState className="page-empty" text="Loading forwards…" />
      ) : forwards.length === 0 ? (
        <EmptyState
          className="page-empty"
          title="No forwards"
          hint="“Forward port…” in a container’s menu reaches any of its ports from 127.0.0.1, published or not."
        />
      ) : (
        <VirtualTable
          label="Forwards"
          rows={forwards}
          columns={columns(
            (id) => hostNameOf(hosts, id),
            (f) => void close.run({ id: f.id }),
            close.busy,
          )}
          template="minmax(90px, 0.8fr) minmax(160px, 1.6fr) 200px 64px 110px 150px minmax(120px, 1.2fr) 130px"
          rowKey={(f) => f.id}
          rowLabel={(f) => `${f.containerName}:${f.port}`}
          minWidth={1040}
        />
      )}
    </section>
  );
}
