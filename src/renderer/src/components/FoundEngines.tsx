import { useEffect, useId, useState } from 'react';
import type { DiscoveredEngine, HostView } from '@shared/contract';
import { errorTitle, toErrorShape } from '../lib/errors';
import { api } from '../rpc/api';
import { useHostsStore } from '../stores/hosts';
import '../styles/found-engines.css';
import { emptyForm } from '../lib/forms/host-form';

type State = { kind: 'looking' } | { kind: 'found'; engines: DiscoveredEngine[] } | { kind: 'failed' };

/**
 * "Found on this machine": the local engines that answer (Docker Desktop, Colima, Podman...), each
 * with an Add button; those already added say so. Shows nothing when none answers.
 */
export function FoundEngines({ onAdded }: { onAdded?: (host: HostView) => void }) {
  const [state, setState] = useState<State>({ kind: 'looking' });
  const [pending, setPending] = useState<string>();
  const [error, setError] = useState<string>();
  const addHost = useHostsStore((s) => s.add);
  const headingId = useId();

  useEffect(() => {
    let live = true;
    api.hosts
      .discover({})
      .then((engines) => live && setState({ kind: 'found', engines }))
      .catch(() => live && setState({ kind: 'failed' }));
    return () => {
      live = false;
    };
  }, []);

  if (state.kind === 'failed' || (state.kind === 'found' && state.engines.length === 0)) return null;

  async function add(engine: DiscoveredEngine) {
    setPending(engine.socketPath);
    setError(undefined);
    try {
      const colors = useHostsStore.getState().hosts.map((h) => h.color);
      const host = await addHost({
        name: engine.suggestedName,
        color: emptyForm(colors).color,
        endpoint: { kind: 'socket', socketPath: engine.socketPath },
        policy: 'full',
        production: false,
        labels: [],
      });
      setState((s) =>
        s.kind === 'found'
          ? {
              kind: 'found',
              engines: s.engines.map((e) =>
                e.socketPath === engine.socketPath ? { ...e, addedAs: host.name } : e,
              ),
            }
          : s,
      );
      onAdded?.(host);
    } catch (e) {
      const err = toErrorShape(e);
      setError(`Couldn't add ${engine.source}: ${errorTitle(err)}. ${err.message}`);
    } finally {
      setPending(undefined);
    }
  }

  return (
    <section className="found-engines" aria-labelledby={headingId}>
      <h2 id={headingId}>Found on this machine</h2>
      {state.kind === 'looking' ? (
        <p className="found-engines-note" role="status">
          Looking for local engines…
        </p>
      ) : (
        <ul className="item-stack">
          {state.engines.map((e) => (
            <li key={e.socketPath}>
              <span className="found-engines-what">
                <strong>{e.source}</strong>{' '}
                <span className="found-engines-version">Engine {e.engineVersion}</span>
                <code>{e.socketPath}</code>
              </span>
              {e.addedAs !== undefined ? (
                <span className="found-engines-added">Added as {e.addedAs}</span>
              ) : (
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Add ${e.source} (${e.socketPath})`}
                  disabled={pending !== undefined}
                  aria-busy={pending === e.socketPath || undefined}
                  onClick={() => void add(e)}
                >
                  Add
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="found-engines-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
