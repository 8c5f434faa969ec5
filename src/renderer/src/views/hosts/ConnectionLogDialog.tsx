import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape, ConnectionLogEntry, HostView } from '@shared/contract';
import { Dialog } from '../../components/ui/Dialog';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { copyText } from '../../lib/clipboard';
import { formatConnectionLog } from '../../lib/connection-log';
import { toErrorShape } from '../../lib/errors';
import { useHostsStore } from '../../stores/hosts';
import { useUiStore } from '../../stores/ui';

/** The connection attempts of one host, newest last, with Copy. */
export function ConnectionLogDialog({ host, onClose }: { host: HostView; onClose(): void }) {
  const connectionLog = useHostsStore((s) => s.connectionLog);
  const statusSince = useHostsStore((s) => s.statuses[host.id]?.since);
  const toast = useUiStore((s) => s.toast);
  const [entries, setEntries] = useState<ConnectionLogEntry[]>();
  const [error, setError] = useState<AppErrorShape>();

  const load = useCallback(async () => {
    try {
      setEntries(await connectionLog(host.id));
      setError(undefined);
    } catch (e) {
      setError(toErrorShape(e));
    }
  }, [connectionLog, host.id]);

  // Reload whenever the host's status changes while the log is open.
  useEffect(() => {
    void load();
  }, [load, statusSince]);

  const copy = async () => {
    const ok = await copyText(formatConnectionLog(host, entries ?? [])).then(
      () => true,
      () => false,
    );
    toast(
      ok ? `Connection log of ${host.name} copied to the clipboard.` : "Couldn't copy to the clipboard.",
      ok ? 'info' : 'error',
    );
  };

  return (
    <Dialog
      title={`Connection log — ${host.name}`}
      onClose={onClose}
      size="large"
      dismissOnBackdrop
      footer={
        <>
          <button type="button" className="button" onClick={() => void copy()} disabled={!entries}>
            Copy connection log
          </button>
        </>
      }
    >
      {error && <ErrorBanner error={error} />}
      {!entries && !error && <p className="muted">Loading…</p>}
      {entries && entries.length === 0 && <p className="muted">No connection attempts yet.</p>}
      {entries && entries.length > 0 && (
        <ol className="log-list">
          {entries.map((e, i) => (
            <li key={`${e.at}-${i}`} className={`log-entry log-${e.level}`}>
              <time className="mono log-time" dateTime={new Date(e.at).toISOString()}>
                {new Date(e.at).toLocaleTimeString()}
              </time>
              <span className="log-message">{e.message}</span>
              {e.durationMs !== undefined && (
                <span className="mono muted log-duration">{e.durationMs} ms</span>
              )}
            </li>
          ))}
        </ol>
      )}
    </Dialog>
  );
}
