import { useEffect, useRef, type PointerEvent as ReactPointerEvent, type KeyboardEvent } from 'react';
import { RestoredPane } from '../../components/terminal/RestoredPane';
import { TerminalPane } from '../../components/terminal/TerminalPane';
import { retainTerminals } from '../../components/terminal/registry';
import { useHostsStore } from '../../stores/hosts';
import { startTerminalRestore } from '../../stores/terminal-restore';
import { isRestored, useTerminalsStore } from '../../stores/terminals';
import { DockActions } from './DockActions';
import { TerminalTabStrip } from './TerminalTabStrip';
import { usePick } from '../../hooks/usePick';

/**
 * The terminals of every host, docked under the main view and mounted once: switching hosts or
 * views leaves them (and their sessions) alone. Sessions live in main, so a reload rebuilds the
 * tabs from exec.list and each terminal replays its recent output; after a restart the saved tabs
 * come back (stores/terminal-restore.ts).
 */
export function TerminalDock() {
  const { tabs, activeId } = usePick(useTerminalsStore, 'tabs', 'activeId');
  const { open, maximized, height } = usePick(useTerminalsStore, 'open', 'maximized', 'height');
  const hosts = useHostsStore((s) => s.hosts);
  const dock = useRef<HTMLElement>(null);

  useEffect(() => {
    void useTerminalsStore.getState().load().then(startTerminalRestore);
  }, []);

  // Terminals of closed tabs are disposed (their xterm, renderer and output stream).
  useEffect(() => {
    retainTerminals(new Set(tabs.map((t) => t.id)));
  }, [tabs]);

  if (tabs.length === 0) return null;

  const startResize = (e: ReactPointerEvent<HTMLDivElement>) => {
    const parent = dock.current?.parentElement;
    if (!parent || maximized) return;
    e.preventDefault();
    const bottom = parent.getBoundingClientRect().bottom;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => {
      const max = parent.clientHeight - 80;
      useTerminalsStore.getState().setHeight(Math.min(max, bottom - ev.clientY));
    };
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };

  const onSeparatorKey = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowUp' ? 40 : e.key === 'ArrowDown' ? -40 : 0;
    if (!step) return;
    e.preventDefault();
    useTerminalsStore.getState().setHeight(height + step);
  };

  const style = maximized || !open ? undefined : { height };
  return (
    <section
      ref={dock}
      className={`terminal-dock${open ? ' is-open' : ' is-collapsed'}${maximized && open ? ' is-maximized' : ''}`}
      style={style}
      aria-label="Terminals"
    >
      {open && !maximized && (
        <div
          className="terminal-resizer"
          role="separator"
          aria-orientation="horizontal"
          aria-label="Resize terminals"
          aria-valuenow={height}
          tabIndex={0}
          onPointerDown={startResize}
          onKeyDown={onSeparatorKey}
        />
      )}
      <div className="terminal-bar">
        <TerminalTabStrip hosts={hosts} />
        <DockActions />
      </div>
      <div className="terminal-body" hidden={!open}>
        {tabs.map((t) => {
          const active = t.id === activeId;
          return (
            <div
              key={t.id}
              className={`terminal-panel${active ? ' is-active' : ''}`}
              role="tabpanel"
              id={`terminal-panel-${t.id}`}
              aria-labelledby={`terminal-tab-${t.id}`}
            >
              {isRestored(t) ? <RestoredPane tab={t} /> : <TerminalPane tab={t} visible={open && active} />}
            </div>
          );
        })}
      </div>
    </section>
  );
}
