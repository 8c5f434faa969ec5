import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { EngineEvent, HostView } from '@shared/contract';
import { notificationsEnabled, setNotificationsEnabled } from '../../lib/notifications';
import { useRowHeight } from '../../hooks/useRowHeight';
import { useActivityStore } from '../../stores/activity';
import { useHostsStore } from '../../stores/hosts';
import { InlineSelect } from '../../components/ui/InlineSelect';
import { EmptyState } from '../../components/ui/EmptyState';
import { SearchBox } from '../../components/ui/SearchBox';
import { visibleRows } from '../../components/ui/visible-rows';
import { hostNameOf } from '../../lib/host-name';

const TYPES = ['all', 'container', 'image', 'network', 'volume'] as const;
type TypeFilter = (typeof TYPES)[number];
const TYPE_OPTIONS = TYPES.map(
  (t) => [t, t === 'all' ? 'All types' : `${t[0]?.toUpperCase()}${t.slice(1)}s`] as const,
);

function matches(e: EngineEvent, type: TypeFilter, q: string): boolean {
  if (type !== 'all' && e.type !== type) return false;
  if (!q) return true;
  const hay = `${e.action} ${e.name ?? ''} ${e.id} ${e.type}`.toLowerCase();
  return hay.includes(q);
}

function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, { hour12: false });
}

/** The activity feed: what the engines reported, newest first, with filters and search. */
export function ActivityView({ host }: { host: HostView }) {
  const events = useActivityStore((s) => s.events);
  const hosts = useHostsStore((s) => s.hosts);
  const [allHosts, setAllHosts] = useState(false);
  const [type, setType] = useState<TypeFilter>('all');
  const [search, setSearch] = useState('');
  const [notify, setNotify] = useState(() => notificationsEnabled(host.id));
  const scrollRef = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    const out: EngineEvent[] = [];
    for (let i = events.length - 1; i >= 0; i--) {
      const e = events[i] as EngineEvent;
      if ((allHosts || e.hostId === host.id) && matches(e, type, q)) out.push(e);
    }
    return out;
  }, [events, allHosts, host.id, type, search]);

  const rowHeight = useRowHeight(34);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  // A density change resizes every row.
  useEffect(() => virtual.measure(), [virtual, rowHeight]);

  return (
    <section className="view-panel" aria-label="Activity">
      <div className="toolbar activity-toolbar">
        <label className="checkbox-inline">
          <input type="checkbox" checked={allHosts} onChange={(e) => setAllHosts(e.target.checked)} />
          All hosts
        </label>
        <InlineSelect<TypeFilter> label="Event type" value={type} options={TYPE_OPTIONS} onChange={setType} />
        <SearchBox
          label="Search activity"
          placeholder="Action, name or ID"
          value={search}
          onChange={setSearch}
          className="activity-search"
        />
        <span className="muted activity-count">{rows.length} events</span>
        <label className="checkbox-inline">
          <input
            type="checkbox"
            checked={notify}
            onChange={(e) => {
              setNotificationsEnabled(host.id, e.target.checked);
              setNotify(e.target.checked);
            }}
          />
          Notify me about {host.name}
        </label>
      </div>
      {rows.length === 0 ? (
        <EmptyState
          className="page-empty"
          title="No activity yet"
          hint="Events appear here as the engine reports them: starts, stops, pulls, new networks…"
        />
      ) : (
        <div
          ref={scrollRef}
          className="activity-table"
          role="table"
          aria-label="Events"
          aria-rowcount={rows.length + 1}
        >
          <div role="row" className="activity-row activity-head">
            <span role="columnheader">Time</span>
            <span role="columnheader">Host</span>
            <span role="columnheader">Type</span>
            <span role="columnheader">Action</span>
            <span role="columnheader">Object</span>
          </div>
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {visibleRows(virtual, rows).map(({ row: e, item: v }) => (
              <div
                key={v.key}
                role="row"
                className={`activity-row action-${e.action.split(/[:\s]/)[0]}`}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  transform: `translateY(${v.start}px)`,
                  height: rowHeight,
                }}
              >
                <span role="cell" className="mono" title={new Date(e.time).toISOString()}>
                  {clock(e.time)}
                </span>
                <span role="cell">{hostNameOf(hosts, e.hostId)}</span>
                <span role="cell">{e.type}</span>
                <span role="cell" className="activity-action">
                  {e.action}
                </span>
                <span role="cell" className="truncate" title={e.id}>
                  {e.name ?? e.id.slice(0, 12)}
                </span>
              </div>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
