import { applyRememberedTheme } from '../lib/app-settings';
import { readStored, writeStored } from '../lib/storage';
import { useHostsStore } from './hosts';
import { startMenuCommands } from './menu-commands';
import { startSettings } from './settings';
import { useViewStore } from './view';

const PAGE_KEY = 'berthmaster.page';

/**
 * Puts the app back as it was left: theme at once, then settings, then the last app-wide page
 * (the last host and host section restore themselves). The page is restored after the first
 * hosts snapshot, because selecting the remembered host switches the view to it.
 */
let started = false;

export function startDesktop(knownPages: string[]): void {
  if (started) return;
  started = true;
  applyRememberedTheme();
  startSettings();
  startMenuCommands();
  const page = readStored(PAGE_KEY);
  const restorePage = () => {
    if (page && knownPages.includes(page)) useViewStore.getState().showPage(page);
    useViewStore.subscribe((s, prev) => {
      if (s.page !== prev.page) writeStored(PAGE_KEY, s.page);
    });
  };
  if (useHostsStore.getState().loaded) {
    restorePage();
    return;
  }
  const stop = useHostsStore.subscribe((s) => {
    if (!s.loaded) return;
    stop();
    // After the snapshot's own selection change has been applied.
    queueMicrotask(restorePage);
  });
}
