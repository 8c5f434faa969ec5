import { useRef, useState, type KeyboardEvent } from 'react';
import type { HostView } from '@shared/contract';
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
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const name = details?.repoTags[0] ?? summary?.repoTags[0] ?? shortId(imageId);

  const onKey = (e: KeyboardEvent, i: number) => {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const next = (i + delta + TABS.length) % TABS.length;
    setTab(TABS[next]?.id ?? 'overview');
    refs.current[next]?.focus();
  };

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
      <div className="details-tabs" role="tablist" aria-label="Image details">
        {TABS.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`image-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`image-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className={`section-tab${tab === t.id ? ' is-active' : ''}`}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
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
