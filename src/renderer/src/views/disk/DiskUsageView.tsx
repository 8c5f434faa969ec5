import { useEffect, useState } from 'react';
import type { DiskKind, DiskUsageEntry, HostView } from '@shared/contract';
import { RetryBanner } from '../../components/ui/RetryBanner';
import { formatBytes, relativeTime } from '../../lib/format';
import { useNow } from '../../hooks/useNow';
import { guard } from '../../lib/policy';
import { useSelectedPolicy } from '../../hooks/usePolicy';
import { EMPTY_HOST_DISK, useDiskStore } from '../../stores/disk';
import { RefreshButton } from '../../components/ui/RefreshButton';
import { countOf, KIND_TEXT } from '../../lib/disk-kinds';
import { PruneDialog } from '../../components/prune/PruneKindDialog';
import { LoadingState } from '../../components/ui/EmptyState';

function UsageCard({
  entry,
  lastReclaimed,
  onPrune,
}: {
  entry: DiskUsageEntry;
  lastReclaimed: number | undefined;
  onPrune(): void;
}) {
  const text = KIND_TEXT[entry.kind];
  const can = useSelectedPolicy();
  const pct = entry.size > 0 ? Math.round((entry.reclaimable / entry.size) * 100) : 0;
  return (
    <article className="disk-card" aria-label={text.title}>
      <header className="disk-card-head">
        <h3 className="disk-card-title">{text.title}</h3>
        <span className="muted">
          {countOf(entry.kind, entry.count)} · {entry.active} {text.activeWord}
        </span>
      </header>
      <dl className="disk-numbers">
        <div>
          <dt>Total size</dt>
          <dd className="disk-size">{formatBytes(entry.size)}</dd>
        </div>
        <div>
          <dt>Reclaimable</dt>
          <dd className="disk-size">
            {formatBytes(entry.reclaimable)} <span className="muted disk-pct">({pct}%)</span>
          </dd>
        </div>
      </dl>
      <div
        className="disk-bar"
        role="meter"
        aria-label={`${text.title} reclaimable`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <span style={{ width: `${pct}%` }} />
      </div>
      <footer className="disk-card-foot">
        {lastReclaimed !== undefined && (
          <span className="muted disk-last">Last prune reclaimed {formatBytes(lastReclaimed)}</span>
        )}
        <span className="header-spacer" />
        <button
          type="button"
          className="button button-small"
          onClick={onPrune}
          {...guard(can.allowed('system.prune'))}
        >
          {text.prune}…
        </button>
      </footer>
    </article>
  );
}

/** `docker system df` for one host, with one place to prune each kind. */
export function DiskUsageView({ host }: { host: HostView }) {
  const hostId = host.id;
  const data = useDiskStore((s) => s.byHost[hostId]) ?? EMPTY_HOST_DISK;
  const fetch = useDiskStore((s) => s.fetch);
  const [pruning, setPruning] = useState<DiskKind>();
  const now = useNow(30_000);

  useEffect(() => {
    void fetch(hostId);
  }, [hostId, fetch]);

  const total = data.usage?.entries.reduce((s, e) => s + e.size, 0) ?? 0;
  const reclaimable = data.usage?.entries.reduce((s, e) => s + e.reclaimable, 0) ?? 0;

  return (
    <section className="resource-view" aria-label={`Disk usage of ${host.name}`}>
      <div className="toolbar">
        <h2 className="toolbar-title">Disk usage</h2>
        {data.usage && (
          <span className="toolbar-count">
            {formatBytes(total)} used · {formatBytes(reclaimable)} reclaimable
          </span>
        )}
        <span className="header-spacer" />
        {data.fetchedAt && (
          <span className="toolbar-count">Measured {relativeTime(data.fetchedAt, now)}</span>
        )}
        <RefreshButton loading={data.loading} onRefresh={() => void fetch(hostId)} />
      </div>
      {data.error && (
        <div className="banners">
          <RetryBanner
            error={data.error}
            title="Couldn't measure disk usage"
            onRetry={() => void fetch(hostId)}
          />
        </div>
      )}
      {!data.usage && !data.error && (
        <LoadingState text="Measuring images, containers, volumes and build cache…" />
      )}
      {data.usage && (
        <div className="disk-grid">
          {data.usage.entries.map((e) => (
            <UsageCard
              key={e.kind}
              entry={e}
              lastReclaimed={data.lastPrune[e.kind]?.spaceReclaimed}
              onPrune={() => setPruning(e.kind)}
            />
          ))}
        </div>
      )}
      {pruning && (
        <PruneDialog
          hostId={hostId}
          hostName={host.name}
          kind={pruning}
          onClose={() => setPruning(undefined)}
          onPruned={() => void fetch(hostId)}
        />
      )}
    </section>
  );
}
