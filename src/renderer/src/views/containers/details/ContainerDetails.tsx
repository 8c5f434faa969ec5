import { useEffect } from 'react';
import type { HostView } from '@shared/contract';
import { DetailTabs } from '../../../components/ui/DetailTabs';
import { DetailsHeader } from '../../../components/ui/DetailsHeader';
import { ErrorBanner } from '../../../components/ui/ErrorBanner';
import { useContainersStore } from '../../../stores/containers';
import { useDetailsStore, type DetailsTarget } from '../../../stores/details';
import { usePick } from '../../../hooks/usePick';
import { compactStatus } from '../../../lib/compact-time';
import { StatePill } from '../StatePill';
import { DetailActions } from './DetailActions';
import { DETAIL_TABS } from './DetailTabList';

const REFRESH_MS = 5_000;

/** One container: a header with a way back and its actions, then tabs (overview, logs, files...). */
export function ContainerDetails({ host, target }: { host: HostView; target: DetailsTarget }) {
  const { tab: tabId, view, error } = usePick(useDetailsStore, 'tab', 'view', 'error');
  const { setTab, close, load } = useDetailsStore.getState();
  const summary = useContainersStore((s) =>
    s.byHost[host.id]?.items.find((c) => c.id === target.containerId || c.name === target.name),
  );
  const current = DETAIL_TABS.find((t) => t.id === tabId) ?? DETAIL_TABS[0];

  // Inspect on open, whenever the list sees the container change, and every few seconds.
  useEffect(() => {
    void load();
  }, [load, target.containerId, summary?.state, summary?.status]);
  useEffect(() => {
    const t = window.setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, REFRESH_MS);
    return () => window.clearInterval(t);
  }, [load]);

  if (!current) return null;
  const state = view?.state.status ?? summary?.state;

  return (
    <section className="container-details" aria-label={`Container ${target.name}`}>
      <DetailsHeader back="Containers" onBack={close} title={target.name}>
        {state && <StatePill state={state} />}
        {summary && (
          <span className="muted details-status" title={summary.status}>
            {compactStatus(summary.status)}
          </span>
        )}
        {state && (
          <DetailActions
            host={host}
            target={{ id: target.containerId, name: target.name, state }}
            onRenamed={(name) => useDetailsStore.getState().retarget({ ...target, name })}
            onRemoved={close}
          />
        )}
      </DetailsHeader>
      {error && (
        <div className="banners">
          <ErrorBanner
            error={error}
            title={`Couldn't read ${target.name}`}
            actions={
              <button type="button" className="button button-small" onClick={close}>
                Back to the list
              </button>
            }
          />
        </div>
      )}
      <DetailTabs
        label="Container details"
        prefix="detail"
        tabs={DETAIL_TABS}
        current={current.id}
        onSelect={(id) => setTab(id as typeof current.id)}
      />
      <div
        className="details-panel"
        role="tabpanel"
        id={`detail-panel-${current.id}`}
        aria-labelledby={`detail-tab-${current.id}`}
      >
        {current.render({ host, target })}
      </div>
    </section>
  );
}
