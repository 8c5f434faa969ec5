import { Fragment, useMemo, useState } from 'react';
import { readStored, writeStored } from '../../lib/storage';
import { useNow } from '../../hooks/useNow';
import { useDesktopUiStore } from '../../stores/desktop-ui';
import { useHostsStore } from '../../stores/hosts';
import { useUiStore } from '../../stores/ui';
import { useViewStore } from '../../stores/view';
import { APP_PAGE_ITEMS as APP_PAGES } from '../../lib/navigation';
import { HostGroupHeader } from './HostGroupHeader';
import { groupHosts } from '../../lib/host-groups';
import { HostRow } from './HostRow';
import { useSinceStore } from '../../stores/since';
import { AlertsCount } from '../../components/fleet/AlertsCount';
import { LineIcon } from '../../components/ui/LineIcon';
import { usePick } from '../../hooks/usePick';

const COLLAPSED_KEY = 'berthmaster.sidebar.collapsedGroups';

function storedCollapsed(): Record<string, true> {
  try {
    const v: unknown = JSON.parse(readStored(COLLAPSED_KEY) ?? '[]');
    return Array.isArray(v) ? Object.fromEntries(v.map((l) => [String(l), true as const])) : {};
  } catch {
    return {};
  }
}

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** Left column: the pages, every host (grouped by first label when hosts have labels), "Add host". */
export function Sidebar() {
  const { hosts, statuses, lastErrors } = usePick(useHostsStore, 'hosts', 'statuses', 'lastErrors');
  const since = useSinceStore((s) => s.byHost);
  const now = useNow(15_000);
  const groups = useMemo(() => groupHosts(hosts), [hosts]);
  const [collapsed, setCollapsed] = useState(storedCollapsed);
  const toggle = (label: string) =>
    setCollapsed((c) => {
      const next = { ...c };
      if (next[label]) delete next[label];
      else next[label] = true;
      writeStored(COLLAPSED_KEY, JSON.stringify(Object.keys(next)));
      return next;
    });
  const { loaded, selectedHostId } = usePick(useHostsStore, 'loaded', 'selectedHostId');
  const page = useViewStore((s) => s.page);
  const { select } = useHostsStore.getState();
  const { openHostForm } = useUiStore.getState();
  const { showPage, showHost } = useViewStore.getState();
  const pick = (id: string) => {
    select(id);
    showHost();
  };

  return (
    <aside className="sidebar">
      <div className="sidebar-brand">
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" className="brand-mark">
          <rect x="2" y="11" width="20" height="9" rx="2.5" fill="currentColor" opacity="0.9" />
          <rect x="4.5" y="6" width="4.5" height="4" rx="1" fill="currentColor" opacity="0.55" />
          <rect x="10" y="6" width="4.5" height="4" rx="1" fill="currentColor" opacity="0.55" />
          <rect x="10" y="1.5" width="4.5" height="3.5" rx="1" fill="currentColor" opacity="0.35" />
        </svg>
        <span>Berthmaster</span>
      </div>
      <nav aria-label="Pages" className="page-nav">
        {APP_PAGES.map((p) => (
          <button
            key={p.id}
            type="button"
            className="button button-block overview-button"
            aria-current={page === p.id ? 'page' : undefined}
            onClick={() => showPage(p.id)}
          >
            {p.label}
            {p.id === 'alerts' && <AlertsCount />}
          </button>
        ))}
      </nav>
      <div className="sidebar-section-label" aria-hidden="true">
        Hosts
      </div>
      <nav aria-label="Hosts" className="host-nav">
        {!loaded ? (
          <p className="sidebar-empty">Loading hosts…</p>
        ) : hosts.length === 0 ? (
          <p className="sidebar-empty">No hosts yet.</p>
        ) : (
          groups.map((g, gi) => {
            // Numbering runs on across groups, as Ctrl+1..9 do (collapsed groups included).
            const first = groups.slice(0, gi).reduce((n, prev) => n + prev.hosts.length, 0);
            const label = g.label ?? (groups.length > 1 ? 'other' : undefined);
            // Unlabelled hosts' key cannot clash with a real label (labels have no spaces).
            const key = g.label ?? 'no label';
            const isCollapsed = label !== undefined && collapsed[key] === true;
            return (
              <Fragment key={key}>
                {label !== undefined && (
                  <HostGroupHeader
                    label={label}
                    statuses={g.hosts.map((h) => statuses[h.id])}
                    collapsed={isCollapsed}
                    onToggle={() => toggle(key)}
                  />
                )}
                {!isCollapsed && (
                  <ul className="host-list" aria-label={label ? `${label} hosts` : undefined}>
                    {g.hosts.map((h, i) => (
                      <HostRow
                        key={h.id}
                        host={h}
                        status={statuses[h.id]}
                        failing={statuses[h.id]?.state === 'error' || lastErrors[h.id] !== undefined}
                        since={since[h.id]}
                        now={now}
                        index={first + i}
                        count={hosts.length}
                        selected={page === null && h.id === selectedHostId}
                        shortcutPrefix={IS_MAC ? '⌘' : 'Ctrl+'}
                        onSelect={pick}
                      />
                    ))}
                  </ul>
                )}
              </Fragment>
            );
          })
        )}
      </nav>
      <div className="sidebar-footer">
        <button type="button" className="button button-block" onClick={() => openHostForm({ mode: 'add' })}>
          <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
            <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
          Add host
        </button>
        <button
          type="button"
          className="button icon-button-boxed"
          aria-label="Import Docker contexts"
          title="Import Docker contexts"
          onClick={() => useDesktopUiStore.getState().openContexts()}
        >
          <LineIcon strokeWidth={1.5}>
            <path d="M8 2v7.5M4.8 6.6 8 9.8l3.2-3.2M2.5 11v1.8c0 .4.3.7.7.7h9.6c.4 0 .7-.3.7-.7V11" />
          </LineIcon>
        </button>
      </div>
    </aside>
  );
}
