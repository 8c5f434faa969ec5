import { useState, type ReactNode } from 'react';
import { errorTitle } from '../../lib/errors';
import { reconnectHost } from '../../stores/host-actions';
import { useDesktopUiStore } from '../../stores/desktop-ui';
import { useHostsStore } from '../../stores/hosts';
import { useUiStore } from '../../stores/ui';
import { FoundEngines } from '../../components/FoundEngines';
import { usePick } from '../../hooks/usePick';

/**
 * Shown instead of the host page while no engine has been reached since the app started (or
 * there is no host at all): how to connect one, with the two ways to do it. Once any host
 * connects, or the user asks for the host's own error details, it steps aside for good.
 */
export function FirstRunGate({ children }: { children: ReactNode }) {
  const { loaded, hosts, statuses } = usePick(useHostsStore, 'loaded', 'hosts', 'statuses');
  const [everConnected, setEverConnected] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const anyConnected = hosts.some((h) => statuses[h.id]?.state === 'connected');
  if (anyConnected && !everConnected) setEverConnected(true);
  const allFailed = hosts.every((h) => statuses[h.id]?.state === 'error');
  const show = loaded && !everConnected && !anyConnected && !dismissed && (hosts.length === 0 || allFailed);
  return show ? <FirstRun onDetails={hosts.length > 0 ? () => setDismissed(true) : undefined} /> : children;
}

function FirstRun({ onDetails }: { onDetails: (() => void) | undefined }) {
  const { hosts, statuses } = usePick(useHostsStore, 'hosts', 'statuses');
  const { openHostForm } = useUiStore.getState();
  const { openContexts } = useDesktopUiStore.getState();
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h1 id="first-run-title">Connect a Docker engine</h1>
      <p className="first-run-lead">
        {hosts.length === 0
          ? 'Berthmaster has no hosts yet.'
          : 'Berthmaster could not reach any Docker engine yet. Here is how to connect one.'}
      </p>
      {hosts.length > 0 && (
        <ul className="first-run-hosts" aria-label="Connection problems">
          {hosts.map((h) => {
            const e = statuses[h.id]?.error;
            return (
              <li key={h.id}>
                <span>
                  <strong>{h.name}</strong>: {e ? `${errorTitle(e)}. ${e.message}` : 'not connected'}
                </span>
                <button type="button" className="button button-small" onClick={() => void reconnectHost(h)}>
                  Retry
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <FoundEngines />
      <div className="first-run-ways">
        <article>
          <h2>This machine</h2>
          <p>
            Docker listens on <code>/var/run/docker.sock</code>. On Linux your user needs access to it: add
            yourself to the <code>docker</code> group (<code>sudo usermod -aG docker $USER</code>, then log in
            again). Docker Desktop and Colima need to be running.
          </p>
        </article>
        <article>
          <h2>Another machine over TLS</h2>
          <p>
            The engine listens on TCP 2376 with <code>--tlsverify</code>. Add the host with its CA, a client
            certificate and key; Berthmaster always verifies the engine&apos;s certificate.
          </p>
        </article>
        <article>
          <h2>Another machine over SSH</h2>
          <p>
            Needs an SSH login allowed to use Docker there. Berthmaster uses your SSH agent or key files and
            reads host aliases from <code>~/.ssh/config</code>; a new host key is shown to you before it is
            trusted.
          </p>
        </article>
      </div>
      <div className="first-run-actions">
        <button type="button" className="button button-primary" onClick={() => openHostForm({ mode: 'add' })}>
          Add host
        </button>
        <button type="button" className="button" onClick={openContexts}>
          Import Docker contexts
        </button>
        {onDetails && (
          <button type="button" className="button" onClick={onDetails}>
            Show the host&apos;s details
          </button>
        )}
      </div>
    </section>
  );
}
