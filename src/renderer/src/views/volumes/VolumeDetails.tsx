import { useState } from 'react';
import type { HostView, VolumeSummary } from '@shared/contract';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { formatBytes, fullDate } from '../../lib/format';
import { useQuery } from '../../hooks/useQuery';
import { DetailTabs } from '../../components/ui/DetailTabs';
import { JsonBlock } from '../../components/ui/JsonBlock';
import { LabelChips } from '../../components/ui/LabelChips';
import { VolumeBrowser } from './VolumeBrowser';
import { PolicyGate } from '../../components/PolicyGate';

const TABS = [
  { id: 'files', label: 'Files' },
  { id: 'inspect', label: 'Inspect' },
];

export interface VolumeDetailsProps {
  host: HostView;
  volume: VolumeSummary;
  initialTab: 'files' | 'inspect';
  onBack(): void;
}

/** One volume: facts, its files (read-only browser) and the inspect JSON. */
export function VolumeDetails({ host, volume, initialTab, onBack }: VolumeDetailsProps) {
  const [tab, setTab] = useState<string>(initialTab);
  // Fetched the first time the Inspect tab opens.
  const [inspectOpened, setInspectOpened] = useState(initialTab === 'inspect');
  if (tab === 'inspect' && !inspectOpened) setInspectOpened(true);
  const { result: inspect, error } = useQuery(
    'volumes.inspect',
    inspectOpened ? { hostId: host.id, name: volume.name } : undefined,
  );

  return (
    <section className="resource-details" aria-label={`Volume ${volume.name}`}>
      <header className="details-header">
        <button type="button" className="button button-small" onClick={onBack}>
          ← Volumes
        </button>
        <h2 className="details-title truncate">{volume.name}</h2>
      </header>
      <dl className="facts">
        <div>
          <dt>Driver</dt>
          <dd>
            {volume.driver} · {volume.scope}
          </dd>
        </div>
        <div>
          <dt>Size</dt>
          <dd>{volume.size === null ? '—' : formatBytes(volume.size)}</dd>
        </div>
        <div>
          <dt>Used by</dt>
          <dd>{volume.usedBy.length ? volume.usedBy.map((u) => u.name).join(', ') : 'no container'}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{volume.created ? fullDate(Date.parse(volume.created)) : '—'}</dd>
        </div>
        <div className="fact-wide">
          <dt>Mountpoint</dt>
          <dd className="mono truncate" title={volume.mountpoint}>
            {volume.mountpoint || '—'}
          </dd>
        </div>
        <div>
          <dt>Labels</dt>
          <dd>
            <LabelChips labels={volume.labels} max={3} />
          </dd>
        </div>
      </dl>
      <DetailTabs label="Volume details" prefix="volume" tabs={TABS} current={tab} onSelect={setTab} />
      <div
        className="details-panel"
        role="tabpanel"
        id={`volume-panel-${tab}`}
        aria-labelledby={`volume-tab-${tab}`}
      >
        {tab === 'files' ? (
          <PolicyGate hostId={host.id} method="volumes.browse" what="Browsing files">
            <VolumeBrowser hostId={host.id} volume={volume.name} />
          </PolicyGate>
        ) : error ? (
          <ErrorBanner error={error} title="Couldn't inspect the volume" />
        ) : inspect ? (
          <JsonBlock value={inspect} label={`Inspect JSON of ${volume.name}`} />
        ) : (
          <p className="muted" role="status">
            <span className="spinner" aria-hidden="true" /> Loading…
          </p>
        )}
      </div>
    </section>
  );
}
