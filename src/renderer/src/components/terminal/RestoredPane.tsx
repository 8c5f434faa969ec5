import type { RestoredTab } from '../../lib/terminal-restore';
import { useTerminalsStore } from '../../stores/terminals';
import { describeShell } from '../../lib/shell-prefs';
import { SessionEndBar } from './SessionEndBar';

/** A tab whose session ended with the last run of Berthmaster: no terminal yet, only Reopen. */
export function RestoredPane({ tab }: { tab: RestoredTab }) {
  const opening = useTerminalsStore((s) => !!s.opening[`${tab.hostId}/${tab.containerId}`]);
  const prefs = useTerminalsStore((s) => s.specs[tab.id]?.prefs);
  const store = useTerminalsStore.getState;
  // What Reopen will start, so the empty pane is not a mystery.
  const what =
    tab.kind === 'attach'
      ? `attaches to the main process of ${tab.containerName}`
      : `starts a new shell in ${tab.containerName}: ${describeShell(prefs?.shell ?? 'auto')}` +
        (prefs?.user ? ` as ${prefs.user}` : '') +
        (prefs?.workingDir ? `, in ${prefs.workingDir}` : '');
  return (
    <div className="terminal-pane terminal-pane-restored" data-session-id={tab.id}>
      <p className="terminal-restored-hint">Reopen {what}.</p>
      <SessionEndBar
        session={tab}
        busy={opening}
        onRestart={() => void store().restart(tab.id)}
        onClose={() => void store().closeTab(tab.id)}
      />
    </div>
  );
}
