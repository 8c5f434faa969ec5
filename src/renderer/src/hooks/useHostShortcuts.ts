import { useEffect } from 'react';
import { isAnyDialogOpen } from '../lib/dialog-stack';
import { useHostsStore } from '../stores/hosts';
import { displayOrder } from '../lib/host-groups';

/** Ctrl+1..9 (Cmd on macOS) selects the n-th host as the sidebar shows them (grouped by label). */
export function useHostShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const m = /^Digit([1-9])$/.exec(e.code) ?? /^([1-9])$/.exec(e.key);
      if (!m || isAnyDialogOpen()) return;
      const n = Number(m[1]);
      const { hosts, select } = useHostsStore.getState();
      const host = displayOrder(hosts)[n - 1];
      if (!host) return;
      e.preventDefault();
      select(host.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
