import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { ExecSessionInfo } from '@shared/contract';
import { useTerminalsStore } from '../../stores/terminals';
import { useUiStore } from '../../stores/ui';
import { terminalFor } from './registry';
import { TerminalController } from './terminal-controller';
import { SessionEndBar } from './SessionEndBar';
import { TerminalContextMenu, type MenuItem } from './TerminalContextMenu';
import { TerminalSearchBar } from './TerminalSearchBar';

const mod = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform) ? '⌘' : 'Ctrl+';

/**
 * One session's terminal with its search bar, context menu and end-of-session bar. Loaded on
 * demand with xterm (TerminalPane.tsx): the first screen has no terminal.
 */
export function TerminalView({ tab, visible }: { tab: ExecSessionInfo; visible: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const fontSize = useTerminalsStore((s) => s.fontSize);
  const scrollback = useTerminalsStore((s) => s.scrollback);
  const restarting = useTerminalsStore((s) => !!s.opening[`${tab.hostId}/${tab.containerId}`]);
  const [menu, setMenu] = useState<{ x: number; y: number } | undefined>();
  const [searching, setSearching] = useState(false);

  const terminal = useMemo(
    () =>
      terminalFor(tab.id, () => {
        const store = useTerminalsStore.getState();
        return new TerminalController(
          tab.id,
          {
            onInfo: (info) => useTerminalsStore.getState().update(info),
            onLost: (error) => {
              const current = useTerminalsStore.getState().tabs.find((t) => t.id === tab.id);
              if (!current) return;
              useTerminalsStore.getState().update({
                ...current,
                state: 'disconnected',
                error: {
                  code: error?.code ?? 'INTERNAL',
                  message: error?.message ?? 'The session ended unexpectedly.',
                },
              });
            },
            onSize: (size) => useTerminalsStore.getState().setLastSize(size),
          },
          { fontSize: store.fontSize, scrollback: store.scrollback },
        );
      }),
    [tab.id],
  );

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    terminal.attach(el);
    return () => terminal.detach();
  }, [terminal]);

  useEffect(() => {
    terminal.setVisible(visible);
    if (visible) requestAnimationFrame(() => terminal.focus());
  }, [terminal, visible]);
  useEffect(() => terminal.setFontSize(fontSize), [terminal, fontSize]);
  useEffect(() => terminal.setScrollback(scrollback), [terminal, scrollback]);

  useEffect(() => {
    terminal.onShortcut((s) => {
      const store = useTerminalsStore.getState();
      if (s === 'find') setSearching(true);
      else store.zoom(s === 'zoomIn' ? 1 : s === 'zoomOut' ? -1 : 0);
    });
    return () => terminal.onShortcut(() => undefined);
  }, [terminal]);

  const closeMenu = useCallback(() => setMenu(undefined), []);
  const onContextMenu = (e: MouseEvent) => {
    e.preventDefault();
    setMenu({ x: e.clientX, y: e.clientY });
  };

  const running = tab.state === 'running';
  const items: MenuItem[] = [
    {
      label: 'Copy',
      shortcut: `${mod}Shift+C`,
      disabled: !terminal.hasSelection(),
      run: () => void terminal.copy(),
    },
    {
      label: 'Paste',
      shortcut: `${mod}Shift+V`,
      disabled: !running,
      run: () => {
        navigator.clipboard.readText().then(
          (text) => terminal.paste(text),
          () =>
            useUiStore
              .getState()
              .toast(`The browser refused clipboard access: paste with ${mod}Shift+V.`, 'error'),
        );
        terminal.focus();
      },
    },
    { label: 'Select all', run: () => terminal.selectAll() },
    { label: 'Clear', run: () => terminal.clear() },
    { label: 'Find…', shortcut: `${mod}Shift+F`, run: () => setSearching(true) },
  ];

  const store = useTerminalsStore.getState;
  return (
    <div className="terminal-pane" data-session-id={tab.id} data-testid={`terminal-${tab.id}`}>
      {searching && <TerminalSearchBar terminal={terminal} onClose={() => setSearching(false)} />}
      <div ref={host} className="terminal-host" onContextMenu={onContextMenu} />
      {!running && tab.state !== 'starting' && (
        <SessionEndBar
          session={tab}
          busy={restarting}
          onRestart={() => void store().restart(tab.id)}
          onClose={() => void store().closeTab(tab.id)}
        />
      )}
      {menu && <TerminalContextMenu x={menu.x} y={menu.y} items={items} onClose={closeMenu} />}
    </div>
  );
}
