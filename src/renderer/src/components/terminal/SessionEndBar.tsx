import type { ExecSessionInfo } from '@shared/contract';

/** What happened to an ended session, and the way to carry on. */
export function SessionEndBar({
  session,
  busy,
  onRestart,
  onClose,
}: {
  session: ExecSessionInfo;
  busy: boolean;
  onRestart(): void;
  onClose(): void;
}) {
  let text: string;
  let action: string;
  let tone: 'info' | 'error';
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
      text = `Disconnected: ${session.error?.message ?? 'the engine went away.'}`;
      action = 'Reopen';
      tone = 'error';
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
        disabled={busy}
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
