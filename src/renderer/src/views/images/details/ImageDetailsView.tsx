import { useState } from 'react';
import type { HostView } from '@shared/contract';
import { DetailTabs } from '../../../components/ui/DetailTabs';
import { ErrorBanner } from '../../../components/ui/ErrorBanner';
import { formatBytes, shortId } from '../../../lib/format';
import { useImagesStore } from '../../../stores/images';
import { HistoryTab } from './HistoryTab';
import { OverviewTab } from './OverviewTab';
import { useImageDetails } from '../../../hooks/useImageDetails';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'history', label: 'History' },
  { id: 'inspect', label: 'Inspect' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** One image: tags and users, its layers, and the raw inspect JSON. */
export function ImageDetailsView({ host, imageId }: { host: HostView; imageId: string }) {
  const close = useImagesStore((s) => s.openDetails);
  const summary = useImagesStore((s) => s.byHost[host.id]?.items.find((i) => i.id === imageId));
  const { details, error, loading, reload } = useImageDetails(host.id, imageId);
  const [tab, setTab] = useState<TabId>('overview');
  const name = details?.repoTags[0] ?? summary?.repoTags[0] ?? shortId(imageId);

  return (
    <section className="container-details image-details" aria-label={`Image ${name}`}>
      <header className="details-header">
        <button type="button" className="button button-small" onClick={() => close(undefined)}>
          ← Images
        </button>
        <h2 className="details-title mono">{name}</h2>
        {summary && <span className="muted">{formatBytes(summary.size)}</span>}
        {loading && <span className="spinner" aria-label="Loading" />}
      </header>
      <DetailTabs
        label="Image details"
        prefix="image"
        tabs={[...TABS]}
        current={tab}
        onSelect={(id) => setTab(TABS.find((t) => t.id === id)?.id ?? 'overview')}
      />
      <div
        className="details-panel image-details-panel"
        role="tabpanel"
        id={`image-panel-${tab}`}
        aria-labelledby={`image-tab-${tab}`}
      >
        {error && (
          <ErrorBanner
            error={error}
            title="Couldn't read the image"
            actions={
              <button type="button" className="button button-small" onClick={() => void reload()}>
                Try again
              </button>
            }
          />
        )}
        {details && tab === 'overview' && (
          <OverviewTab
            host={host}
            details={details}
            onChanged={(deleted) => (deleted ? close(undefined) : void reload())}
          />
        )}
        {details && tab === 'history' && <HistoryTab details={details} />}
        {details && tab === 'inspect' && (
          <pre className="inspect-json" aria-label="Inspect JSON" tabIndex={0}>
            {JSON.stringify(details.inspect, null, 2)}
          </pre>
        )}
      </div>
    </section>
  );
}
