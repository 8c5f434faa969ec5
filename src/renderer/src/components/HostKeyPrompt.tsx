import { useId } from 'react';
import type { HostKeyInfo } from '../lib/host-key';
import { useAction } from '../hooks/useMutation';
import { useHostsStore } from '../stores/hosts';
import { ErrorBanner } from './ui/ErrorBanner';

export interface HostKeyPromptProps {
  info: HostKeyInfo;
  /** Called after the key was trusted (e.g. to retry the test). */
  onTrusted(): void;
  onCancel?(): void;
}

/** "New SSH host key for host:port — type fingerprint — Trust this key?" */
export function HostKeyPrompt({ info, onTrusted, onCancel }: HostKeyPromptProps) {
  const trustHostKey = useAction(useHostsStore((s) => s.trustHostKey));
  const { busy, error } = trustHostKey;
  const headingId = useId();

  const trust = async () => {
    const { host, port, keyType, key } = info;
    if ((await trustHostKey.run({ host, port, keyType, key })).ok) onTrusted();
  };

  return (
    <section className="hostkey-panel" role="group" aria-labelledby={headingId}>
      <h3 id={headingId} className="hostkey-title">
        New SSH host key for {info.host}:{info.port}
      </h3>
      <p className="hostkey-key">
        <span className="mono">{info.keyType}</span>{' '}
        <span className="mono hostkey-fp">{info.fingerprint}</span>
      </p>
      <p className="hostkey-question">
        Berthmaster has not seen this server before. Compare the fingerprint with the one the server's
        administrator gave you. Trust this key?
      </p>
      {error && <ErrorBanner error={error} title="Couldn't save the key" />}
      <div className="hostkey-actions">
        <button type="button" className="button button-primary" onClick={() => void trust()} disabled={busy}>
          {busy && <span className="spinner" aria-hidden="true" />}
          Trust key
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Don't trust
          </button>
        )}
      </div>
    </section>
  );
}
