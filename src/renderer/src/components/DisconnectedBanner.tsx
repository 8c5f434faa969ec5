import type { AppErrorShape } from '@shared/contract';
import { useHostName } from '../hooks/useHostName';

/**
 * Shown over a live view (logs, stats) whose host was lost: says why, and that nothing needs
 * doing: the stream resumes by itself when the host is back.
 */
export function DisconnectedBanner({ hostId, error }: { hostId: string; error: AppErrorShape }) {
  const name = useHostName(hostId, 'the host');
  return (
    <div className="banner banner-warning" role="status" aria-label="Disconnected">
      <span className="spinner" aria-hidden="true" />
      <div className="banner-content">
        <div className="banner-title">Disconnected — resuming when {name} is back</div>
        <div className="banner-message">{error.message}</div>
      </div>
    </div>
  );
}
