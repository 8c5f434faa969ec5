import type { HostView } from '@shared/contract';
import { DetailsHeader } from '../../../components/ui/DetailsHeader';
import { RetryBanner } from '../../../components/ui/RetryBanner';
import { TabbedPanel } from '../../../components/ui/TabbedPanel';
import { formatBytes, shortId } from '../../../lib/format';
import { useImagesStore } from '../../../stores/images';
import { HistoryTab } from './HistoryTab';
import { OverviewTab } from './OverviewTab';
import { useImageDetails } from '../../../hooks/useImageDetails';
import { useTabState } from '../../../hooks/useTabState';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'history', label: 'History' },
  { id: 'inspect', label: 'Inspect' },
] as const;

/** One image: tags and users, its layers, and the raw inspect JSON. */
export function ImageDetailsView({ host, imageId }: { host: HostView; imageId: string }) {
  const close = useImagesStore((s) => s.openDetails);
  const summary = useImagesStore((s) => s.byHost[host.id]?.items.find((i) => i.id === imageId));
  const { details, error, loading, reload } = useImageDetails(host.id, imageId);
  const tabs = useTabState(TABS, 'overview');
  const tab = tabs.current;
  const name = details?.repoTags[0] ?? summary?.repoTags[0] ?? shortId(imageId);

  return (
    <section className="container-details image-details" aria-label={`Image ${name}`}>
      <DetailsHeader back="Images" onBack={() => close(undefined)} title={name} titleClassName="mono">
        {summary && <span className="muted">{formatBytes(summary.size)}</span>}
        {loading && <span className="spinner" aria-label="Loading" />}
      </DetailsHeader>
      <TabbedPanel
        label="Image details"
        prefix="image"
        state={tabs}
        className="details-panel image-details-panel"
      >
        {error && <RetryBanner error={error} title="Couldn't read the image" onRetry={() => void reload()} />}
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
      </TabbedPanel>
    </section>
  );
}
