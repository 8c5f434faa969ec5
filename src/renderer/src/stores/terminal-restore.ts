import { serializeTabs, tabsToSave, TERMINAL_TABS_KEY } from '../lib/terminal-restore';
import { writeStored } from '../lib/storage';
import { useHostsStore } from './hosts';
import { isRestored, useTerminalsStore } from './terminals';

let started = false;

/**
 * After the first exec.list: keeps the saved tabs in step with the strip (a closed tab is
 * forgotten), and reopens each tab lost in a restart as soon as its host is connected. When the
 * host fails to connect, or the container is not running, the tab stays ended with Reopen.
 */
export function startTerminalRestore(): void {
  const terminals = useTerminalsStore.getState();
  // The backend did not answer: what is saved stays saved for the next start.
  if (started || !terminals.loaded) return;
  started = true;

  const save = () => {
    const { tabs, specs } = useTerminalsStore.getState();
    writeStored(TERMINAL_TABS_KEY, serializeTabs(tabsToSave(tabs, specs)));
  };
  save();
  useTerminalsStore.subscribe((s, prev) => {
    if (s.tabs !== prev.tabs || s.specs !== prev.specs) save();
  });

  for (const tab of terminals.tabs) {
    if (isRestored(tab)) reopenWhenHostIsUp(tab.id, tab.hostId);
  }
}

function reopenWhenHostIsUp(id: string, hostId: string): void {
  // True once the question is settled either way.
  const check = (): boolean => {
    const hosts = useHostsStore.getState();
    const stillRestored = useTerminalsStore.getState().tabs.some((t) => t.id === id && isRestored(t));
    if (!stillRestored) return true;
    if (hosts.loaded && !hosts.hosts.some((h) => h.id === hostId)) return true;
    const state = hosts.statuses[hostId]?.state;
    if (state === 'connected') {
      void useTerminalsStore.getState().restart(id, { quiet: true });
      return true;
    }
    // A host that failed to connect: the tab says so and offers Reopen once it is back.
    return state === 'error';
  };
  if (check()) return;
  const stop = useHostsStore.subscribe(() => {
    if (check()) stop();
  });
}
