import { usePick } from '../../hooks/usePick';
import { useRef, type KeyboardEvent } from 'react';
import type { ExecSessionInfo, HostView } from '@shared/contract';
import { useTerminalsStore, type TerminalTab } from '../../stores/terminals';
import { CloseIcon } from '../../components/ui/Icons';

const STATE_TEXT: Record<ExecSessionInfo['state'], string> = {
  starting: 'starting',
  running: 'running',
  exited: 'exited',
  detached: 'detached',
  disconnected: 'disconnected',
};

export function tabLabel(tab: TerminalTab, host: HostView | undefined): string {
  const what = tab.kind === 'attach' ? `${tab.containerName} (attached)` : tab.containerName;
  return `${what} on ${host?.name ?? 'a removed host'}`;
}

/** The session tabs: one per terminal, any host; arrows move between them. */
export function TerminalTabStrip({ hosts }: { hosts: HostView[] }) {
  const { tabs, activeId } = usePick(useTerminalsStore, 'tabs', 'activeId');
  const { activate, closeTab } = useTerminalsStore.getState();
  const refs = useRef(new Map<string, HTMLButtonElement>());

  const onKey = (e: KeyboardEvent, i: number) => {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const next = tabs[(i + delta + tabs.length) % tabs.length];
    if (!next) return;
    activate(next.id);
    refs.current.get(next.id)?.focus();
  };

  return (
    <div className="terminal-tabs" role="tablist" aria-label="Terminal sessions">
      {tabs.map((t, i) => {
        const host = hosts.find((h) => h.id === t.hostId);
        const label = tabLabel(t, host);
        const selected = t.id === activeId;
        const ended = t.state !== 'running' && t.state !== 'starting';
        return (
          <div
            key={t.id}
            className={`terminal-tab${selected ? ' is-active' : ''}${ended ? ' is-ended' : ''}`}
          >
            <button
              ref={(el) => {
                if (el) refs.current.set(t.id, el);
                else refs.current.delete(t.id);
              }}
              type="button"
              role="tab"
              id={`terminal-tab-${t.id}`}
              aria-selected={selected}
              aria-controls={`terminal-panel-${t.id}`}
              tabIndex={selected ? 0 : -1}
              className="terminal-tab-button"
              title={`${label} (${STATE_TEXT[t.state]})`}
              onClick={() => activate(t.id)}
              onKeyDown={(e) => onKey(e, i)}
            >
              <span
                className="host-swatch"
                style={{ background: host?.color ?? 'var(--text-3)' }}
                aria-hidden="true"
              />
              <span className="terminal-tab-name">{t.containerName}</span>
              <span className="terminal-tab-host">{host?.name ?? '—'}</span>
              {ended && (
                <span className={`terminal-tab-state state-${t.state}`}>
                  {'restored' in t
                    ? 'ended'
                    : t.state === 'exited' && t.exitCode !== null && t.exitCode !== undefined
                      ? `exit ${t.exitCode}`
                      : STATE_TEXT[t.state]}
                </span>
              )}
            </button>
            <button
              type="button"
              className="terminal-tab-close"
              aria-label={`Close terminal ${label}`}
              title="Close terminal"
              onClick={() => void closeTab(t.id)}
            >
              <CloseIcon size={11} />
            </button>
          </div>
        );
      })}
    </div>
  );
}
