import { useState } from 'react';
import type { HostView, VolumeSummary } from '@shared/contract';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { formatBytes } from '../../lib/format';
import { useQuery } from '../../hooks/useQuery';
import { useTabState } from '../../hooks/useTabState';
import { DetailsHeader } from '../../components/ui/DetailsHeader';
import { createdAndLabels, FactList } from '../../components/ui/FactList';
import { JsonBlock } from '../../components/ui/JsonBlock';
import { TabbedPanel } from '../../components/ui/TabbedPanel';
import { VolumeBrowser } from './VolumeBrowser';
import { PolicyGate } from '../../components/PolicyGate';

const TABS = [
  { id: 'files', label: 'Files' },
  { id: 'inspect', label: 'Inspect' },
] as const;

export interface VolumeDetailsProps {
  host: HostView;
  volume: VolumeSummary;
  initialTab: 'files' | 'inspect';
  onBack(): void;
}

/** One volume: facts, its files (read-only browser) and the inspect JSON. */
export function VolumeDetails({ host, volume, initialTab, onBack }: VolumeDetailsProps) {
  const tabs = useTabState(TABS, initialTab);
  const tab = tabs.current;
  // Fetched the first time the Inspect tab opens.
  const [inspectOpened, setInspectOpened] = useState(initialTab === 'inspect');
  if (tab === 'inspect' && !inspectOpened) setInspectOpened(true);
  const { result: inspect, error } = useQuery(
    'volumes.inspect',
    inspectOpened ? { hostId: host.id, name: volume.name } : undefined,
  );

  return (
    <section className="resource-details" aria-label={`Volume ${volume.name}`}>
      <DetailsHeader back="Volumes" onBack={onBack} title={volume.name} titleClassName="truncate" />
      <FactList
        facts={[
          { term: 'Driver', value: `${volume.driver} · ${volume.scope}` },
          { term: 'Size', value: volume.size === null ? '—' : formatBytes(volume.size) },
          {
            term: 'Used by',
            value: volume.usedBy.length ? volume.usedBy.map((u) => u.name).join(', ') : 'no container',
          },
          {
            term: 'Mountpoint',
            value: volume.mountpoint || '—',
            className: 'fact-wide',
            valueClassName: 'mono truncate',
            title: volume.mountpoint,
          },
          ...createdAndLabels(volume),
        ]}
      />
      <TabbedPanel label="Volume details" prefix="volume" state={tabs} className="details-panel">
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
      </TabbedPanel>
    </section>
  );
}
