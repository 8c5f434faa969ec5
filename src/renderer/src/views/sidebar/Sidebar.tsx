import { useHostsStore } from '../../stores/hosts';
import { useUiStore } from '../../stores/ui';
import { useViewStore } from '../../stores/view';
import { APP_PAGES } from '../pages';
import { HostRow } from './HostRow';

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** Left column: every host, then "Add host". */
export function Sidebar() {
  const hosts = useHostsStore((s) => s.hosts);
  const statuses = useHostsStore((s) => s.statuses);
  const loaded = useHostsStore((s) => s.loaded);
  const selectedHostId = useHostsStore((s) => s.selectedHostId);
  const select = useHostsStore((s) => s.select);
  const openHostForm = useUiStore((s) => s.openHostForm);
  const page = useViewStore((s) => s.page);
  const showPage = useViewStore((s) => s.showPage);
  const showHost = useViewStore((s) => s.showHost);
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
        <span>Dockhand</span>
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
          <ul className="host-list">
            {hosts.map((h, i) => (
              <HostRow
                key={h.id}
                host={h}
                status={statuses[h.id]}
                index={i}
                count={hosts.length}
                selected={page === null && h.id === selectedHostId}
                shortcutPrefix={IS_MAC ? '⌘' : 'Ctrl+'}
                onSelect={pick}
              />
            ))}
          </ul>
        )}
      </nav>
      <div className="sidebar-footer">
        <button type="button" className="button button-block" onClick={() => openHostForm({ mode: 'add' })}>
          <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
            <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
          Add host
        </button>
      </div>
    </aside>
  );
}
