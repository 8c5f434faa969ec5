import type { ExecSessionInfo } from '@shared/contract';
import type { RestoredTab } from '../../lib/terminal-restore';
import { useHostsStore } from '../../stores/hosts';
import { useHostName } from '../../hooks/useHostName';

/** A tab saved before Berthmaster restarted: its session ended with the old process. */
function restoredText(session: RestoredTab, hostName: string, hostUp: boolean): string {
  const what = session.kind === 'attach' ? 'This attached session' : 'This shell';
  const ended = `${what} ended when Berthmaster restarted.`;
  if (session.error) return `${ended} Reopening it failed: ${session.error.message}`;
  return hostUp ? ended : `${ended} You can reopen it when ${hostName} is connected.`;
}

/** What happened to an ended session, and the way to carry on. */
export function SessionEndBar({
  session,
  busy,
  onRestart,
  onClose,
}: {
  session: ExecSessionInfo | RestoredTab;
  busy: boolean;
  onRestart(): void;
  onClose(): void;
}) {
  // A shell can't outlive its engine connection: once the host is back, offer to reopen it.
  const hostName = useHostName(session.hostId, 'the host');
  const hostUp = useHostsStore((s) => s.statuses[session.hostId]?.state === 'connected');
  let text: string;
  let action: string;
  let tone: 'info' | 'error';
  let waiting = false;
  switch (session.state) {
    case 'exited':
      text =
        session.exitCode === null || session.exitCode === undefined
          ? 'The process exited.'
          : `The process exited with code ${session.exitCode}.`;
      action = session.kind === 'attach' ? 'Attach again' : 'Start again';
      tone = session.exitCode ? 'error' : 'info';
      break;
    case 'detached':
      text = 'Detached from the main process; the container keeps running.';
      action = 'Attach again';
      tone = 'info';
      break;
    case 'disconnected':
      if ('restored' in session) {
        text = restoredText(session, hostName, hostUp);
        action = hostUp ? 'Reopen' : `Waiting for ${hostName}…`;
        tone = session.error ? 'error' : 'info';
        waiting = !hostUp;
      } else if (hostUp) {
        text = `${hostName} is back. This shell ended when the connection was lost: ${session.error?.message ?? 'the engine went away.'}`;
        action = 'Reopen';
        tone = 'info';
      } else {
        text = `Disconnected — ${session.error?.message ?? 'the engine went away.'} You can reopen the shell when ${hostName} is back.`;
        action = `Waiting for ${hostName}…`;
        tone = 'error';
        waiting = true;
      }
      break;
    default:
      return null;
  }
  return (
    <div className={`session-end session-end-${tone}`} role="status">
      <span className="session-end-text">{text}</span>
      <button
        type="button"
        className="button button-small button-primary"
        disabled={busy || waiting}
        onClick={onRestart}
      >
        {busy ? 'Opening…' : action}
      </button>
      <button type="button" className="button button-small" onClick={onClose}>
        Close tab
      </button>
    </div>
  );
}
