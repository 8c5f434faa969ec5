import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ContainerSummary, HostView } from '@shared/contract';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useNow } from '../../lib/useNow';
import {
  ACTION_VERBS,
  EMPTY_HOST_CONTAINERS,
  useContainersStore,
  type ContainerAction,
} from '../../stores/containers';
import { useUiStore } from '../../stores/ui';
import { ContainerTable } from './ContainerTable';
import { ContainerToolbar } from './ContainerToolbar';
import { filterContainers, isLive, sortContainers, type Sort, type SortKey } from './filter';
import { RemoveContainerDialog } from './RemoveContainerDialog';
import { useDetailsStore } from '../../stores/details';
import { ContainerDetails } from './details/ContainerDetails';

const POLL_MS = 10_000;

export interface ContainersViewProps {
  host: HostView;
  connected: boolean;
}

/** The containers of one host: toolbar, action errors, the table (or its empty/loading state). */
export function ContainersView({ host, connected }: ContainersViewProps) {
  const details = useDetailsStore((s) => (s.target?.hostId === host.id ? s.target : undefined));
  const openDetails = useDetailsStore((s) => s.open);
  const hostId = host.id;
  const data = useContainersStore((s) => s.byHost[hostId]) ?? EMPTY_HOST_CONTAINERS;
  const busy = useContainersStore((s) => s.busy);
  const allActionErrors = useContainersStore((s) => s.actionErrors);
  const fetch = useContainersStore((s) => s.fetch);
  const dismissActionError = useContainersStore((s) => s.dismissActionError);
  const filter = useUiStore((s) => s.containerFilter);
  const setFilter = useUiStore((s) => s.setContainerFilter);
  // Per host: the view is keyed by host id, so switching hosts starts with an empty search.
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'name', dir: 'asc' });
  const [removing, setRemoving] = useState<ContainerSummary>();
  const now = useNow(30_000);

  // Load on selection and on (re)connection; then keep it fresh while visible.
  useEffect(() => {
    if (!connected) return;
    void fetch(hostId);
    const t = window.setInterval(() => {
      if (document.visibilityState === 'visible') void fetch(hostId);
    }, POLL_MS);
    return () => window.clearInterval(t);
  }, [hostId, connected, fetch]);

  const rows = useMemo(
    () => sortContainers(filterContainers(data.items, filter, search), sort),
    [data.items, filter, search, sort],
  );
  const running = useMemo(() => data.items.filter(isLive).length, [data.items]);
  const actionErrors = allActionErrors.filter((e) => e.hostId === hostId);

  const onSort = useCallback(
    (key: SortKey) =>
      setSort((s) =>
        s.key === key
          ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' }
          : { key, dir: key === 'created' ? 'desc' : 'asc' },
      ),
    [],
  );

  const onAction = useCallback(
    (action: ContainerAction, c: ContainerSummary) => {
      const store = useContainersStore.getState();
      if (action === 'remove') setRemoving(c);
      else if (action === 'start') void store.start(hostId, c);
      else if (action === 'stop') void store.stop(hostId, c);
      else void store.restart(hostId, c);
    },
    [hostId],
  );

  const neverLoaded = data.fetchedAt === undefined;

  let body: React.ReactNode;
  if (neverLoaded && data.error) {
    body = null; // The list error banner says it all.
  } else if (neverLoaded) {
    body = (
      <div className="empty-state" role="status">
        <span className="spinner spinner-large" aria-hidden="true" />
        <p>Loading containers…</p>
      </div>
    );
  } else if (data.items.length === 0) {
    body = (
      <div className="empty-state">
        <p className="empty-title">No containers on {host.name}</p>
        <p className="muted">Containers created on this engine appear here.</p>
      </div>
    );
  } else if (rows.length === 0) {
    body = (
      <div className="empty-state">
        {search.trim() ? (
          <p className="empty-title">No containers match “{search.trim()}”</p>
        ) : (
          <p className="empty-title">No running containers on {host.name}</p>
        )}
        <div className="empty-actions">
          {search.trim() && (
            <button type="button" className="button" onClick={() => setSearch('')}>
              Clear search
            </button>
          )}
          {filter === 'running' && (
            <button type="button" className="button" onClick={() => setFilter('all')}>
              Show all containers
            </button>
          )}
        </div>
      </div>
    );
  } else {
    body = (
      <ContainerTable
        hostId={hostId}
        rows={rows}
        busy={busy}
        now={now}
        sort={sort}
        onSort={onSort}
        onAction={onAction}
        onOpen={(c) => openDetails({ hostId, containerId: c.id, name: c.name })}
      />
    );
  }

  if (details) return <ContainerDetails host={host} target={details} />;

  return (
    <section className="containers-view" aria-label={`Containers on ${host.name}`}>
      <ContainerToolbar
        filter={filter}
        onFilter={setFilter}
        search={search}
        onSearch={setSearch}
        total={data.items.length}
        running={running}
        loading={data.loading}
        onRefresh={() => void fetch(hostId)}
      />
      {(data.error || actionErrors.length > 0) && (
        <div className="banners">
          {data.error && (
            <ErrorBanner
              error={data.error}
              title="Couldn't load containers"
              actions={
                <button type="button" className="button button-small" onClick={() => void fetch(hostId)}>
                  Try again
                </button>
              }
            />
          )}
          {actionErrors.map((e) => (
            <ErrorBanner
              key={e.id}
              error={e.error}
              title={`Couldn't ${ACTION_VERBS[e.action].failed} ${e.containerName}`}
              onDismiss={() => dismissActionError(e.id)}
            />
          ))}
        </div>
      )}
      {body}
      {removing && (
        <RemoveContainerDialog
          container={removing}
          hostName={host.name}
          onCancel={() => setRemoving(undefined)}
          onConfirm={(force) => {
            const c = removing;
            setRemoving(undefined);
            void useContainersStore.getState().remove(hostId, c, force);
          }}
        />
      )}
    </section>
  );
}
