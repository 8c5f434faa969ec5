import { useHostsStore } from '../stores/hosts';

const STANDARD_MESSAGE = "The connection to Berthmaster's backend was lost.";

/** Shown when the hosts stream ends with an error: the backend (or the WebSocket) is gone. */
export function ConnectionLostBanner() {
  const error = useHostsStore((s) => s.streamError);
  if (!error) return null;
  return (
    <div className="connection-lost" role="alert">
      <strong>Connection to Berthmaster's backend lost.</strong>
      <span>
        {error.message !== STANDARD_MESSAGE && `${error.message} `}
        Nothing shown here updates until you reload.
      </span>
      <button type="button" className="button button-small" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}
