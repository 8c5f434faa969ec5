import type { LogModel } from './log-model';

/** One formatter for every render (toLocaleString builds a new one each call). */
const nf = new Intl.NumberFormat();
import type { StreamState } from './useLogStream';
import { plural } from '../../lib/plural';

export interface LogStatusBarProps {
  model: LogModel;
  state: StreamState;
  follow: boolean;
  tty: boolean;
  stick: boolean;
  notice: string | undefined;
  onJump(): void;
  onResume(): void;
}

function stateText(state: StreamState, follow: boolean): string {
  switch (state.kind) {
    case 'loading':
      return 'Loading…';
    case 'live':
      return follow ? 'Following' : 'Loaded';
    case 'loaded':
      return follow ? 'Loaded' : 'Not following';
    case 'ended':
      return 'The log stream ended';
    case 'stopped':
      return 'The container stopped · following again when it starts';
    case 'disconnected':
      return 'Disconnected · resuming when the host is back';
    case 'error':
      return 'Stopped by an error';
  }
}

/** Where the stream is, how many lines there are, what was dropped, and a way back to the end. */
export function LogStatusBar({
  model,
  state,
  follow,
  tty,
  stick,
  notice,
  onJump,
  onResume,
}: LogStatusBarProps) {
  const ring = model.ring;
  const shown = model.rowCount;
  return (
    <div className="log-status">
      <span className={`log-state log-state-${state.kind}`} role="status">
        <span className="log-state-dot" aria-hidden="true" />
        {stateText(state, follow)}
      </span>
      <span className="log-count">
        {shown === ring.size
          ? plural(ring.size, 'line')
          : `${nf.format(shown)} of ${plural(ring.size, 'line')}`}
      </span>
      {ring.dropped > 0 && (
        <span className="log-dropped">
          <span>{nf.format(ring.dropped)} older lines dropped</span>
          <span> · the viewer keeps the newest {nf.format(ring.capacity)}</span>
        </span>
      )}
      {tty && <span className="muted">TTY: stdout and stderr arrive as one stream</span>}
      {notice && (
        <span className="log-notice" role="status">
          {notice}
        </span>
      )}
      <span className="header-spacer" />
      {state.kind === 'ended' && (
        <button type="button" className="button button-small" onClick={onResume}>
          Reconnect
        </button>
      )}
      {!stick && shown > 0 && (
        <button type="button" className="button button-small button-primary" onClick={onJump}>
          {follow ? 'Auto-scroll paused · Jump to latest' : 'Jump to end'}
        </button>
      )}
    </div>
  );
}
