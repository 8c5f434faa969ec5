import { useId, useState } from 'react';
import type { HostStatus, HostView } from '@shared/contract';
import { HostKeyPrompt } from '../../components/HostKeyPrompt';
import { errorTitle } from '../../lib/errors';
import { formatCountdown } from '../../lib/format';
import { hostKeyFromError } from '../../lib/host-key';
import { reconnectHost } from '../../stores/host-actions';
import { useNow } from '../../hooks/useNow';
import { useUiStore } from '../../stores/ui';

export interface HostErrorPanelProps {
  host: HostView;
  /** The last error status (also while a reconnect attempt is under way). */
  status: HostStatus;
  /** A new attempt is in progress: the error is the previous attempt's. */
  reconnecting: boolean;
}

/**
 * Why the selected host is not connected, what happens next, and what the user can do.
 * Render with a key per host and error code, so a different failure starts with fresh local state.
 */
export function HostErrorPanel({ host, status, reconnecting }: HostErrorPanelProps) {
  const error = status.error ?? { code: 'INTERNAL' as const, message: 'The connection failed.' };
  const headingId = useId();
  const showLog = useUiStore((s) => s.showLog);
  const [retrying, setRetrying] = useState(false);
  const [keyDismissed, setKeyDismissed] = useState(false);
  const now = useNow(1000, status.retryAt !== undefined && !reconnecting);
  const hostKey = hostKeyFromError(error);

  const retry = async () => {
    setRetrying(true);
    await reconnectHost(host);
    setRetrying(false);
  };

  const showKeyPrompt = error.code === 'SSH_HOST_KEY_UNKNOWN' && hostKey !== undefined && !keyDismissed;
  const remaining = status.retryAt !== undefined ? status.retryAt - now : undefined;

  return (
    <section className="error-panel" aria-labelledby={headingId}>
      {/* Only the what-went-wrong part is an alert: the countdown below must not be announced. */}
      <div className="error-panel-head" role="alert">
        <svg viewBox="0 0 20 20" width="22" height="22" aria-hidden="true" className="error-panel-icon">
          <circle cx="10" cy="10" r="9" fill="currentColor" opacity="0.14" />
          <path d="M10 5.5v5.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          <circle cx="10" cy="14.2" r="1.2" fill="currentColor" />
        </svg>
        <div>
          <h2 id={headingId} className="error-panel-title">
            {errorTitle(error)}
          </h2>
          <p className="error-panel-message">{error.message}</p>
        </div>
      </div>
      {error.detail && (
        <details className="banner-detail">
          <summary>Details</summary>
          <pre>{error.detail}</pre>
        </details>
      )}

      {showKeyPrompt && hostKey && (
        <HostKeyPrompt info={hostKey} onTrusted={() => undefined} onCancel={() => setKeyDismissed(true)} />
      )}

      <div className="error-panel-actions">
        <button
          type="button"
          className={showKeyPrompt ? 'button' : 'button button-primary'}
          onClick={() => void retry()}
          disabled={retrying || reconnecting}
        >
          {retrying && <span className="spinner" aria-hidden="true" />}
          Retry now
        </button>
        <button type="button" className="button" onClick={() => showLog(host.id)}>
          View connection log
        </button>
        {reconnecting && (
          <span className="retry-countdown" role="status">
            <span className="spinner" aria-hidden="true" /> Reconnecting…
          </span>
        )}
        {!reconnecting && remaining !== undefined && (
          <span className="retry-countdown">
            {remaining > 0 ? `Retrying automatically in ${formatCountdown(remaining)}` : 'Retrying…'}
          </span>
        )}
        {!reconnecting &&
          status.retryAt === undefined &&
          (error.code === 'SSH_HOST_KEY_UNKNOWN' || error.code === 'SSH_HOST_KEY_CHANGED') && (
            <span className="retry-countdown">No automatic retry: this needs your decision.</span>
          )}
      </div>
    </section>
  );
}
