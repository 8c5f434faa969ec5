import { useEffect, useState, type ReactNode } from 'react';
import type { HostView } from '@shared/contract';
import { useHostsStore, selectSelectedHost, selectSelectedStatus } from '../../stores/hosts';
import { useUiStore } from '../../stores/ui';
import { HostErrorPanel } from './HostErrorPanel';
import { HostHeader } from './HostHeader';
import { SectionTabs } from './SectionTabs';
import { LoadingState } from '../../components/ui/EmptyState';

/** The main area: the selected host's header, then its error, connecting state or containers. */
export function HostPage({ renderSection }: { renderSection(id: string, host: HostView): ReactNode }) {
  const loaded = useHostsStore((s) => s.loaded);
  const host = useHostsStore(selectSelectedHost);
  const status = useHostsStore(selectSelectedStatus);
  const hostCount = useHostsStore((s) => s.hosts.length);
  const lastError = useHostsStore((s) => (s.selectedHostId ? s.lastErrors[s.selectedHostId] : undefined));
  const openHostForm = useUiStore((s) => s.openHostForm);
  // Hosts that were up while shown: when one goes down its views stay (under the error), so open
  // logs, stats and terminals can say "disconnected" and resume by themselves.
  const [wasUp, setWasUp] = useState<Record<string, true>>({});
  const upId = status?.state === 'connected' ? host?.id : undefined;
  useEffect(() => {
    if (upId) setWasUp((w) => (w[upId] ? w : { ...w, [upId]: true }));
  }, [upId]);

  if (!loaded) {
    return <LoadingState className="page-empty" text="Connecting to Berthmaster…" />;
  }

  if (!host || hostCount === 0) {
    return (
      <div className="page-empty">
        <h1 className="empty-title">No hosts yet</h1>
        <p className="muted">
          Add a Docker host: this machine's socket, a server over SSH, or an engine with TLS.
        </p>
        <button type="button" className="button button-primary" onClick={() => openHostForm({ mode: 'add' })}>
          Add your first host
        </button>
      </div>
    );
  }

  const state = status?.state ?? 'connecting';
  // While a reconnect attempt runs, keep explaining the previous failure (same panel instance).
  const errorStatus = state === 'error' ? status : state === 'connecting' ? lastError : undefined;
  return (
    <div className={`host-page${host.production ? ' is-production' : ''}`}>
      {host.production && (
        <div className="production-strip" role="note">
          Production host{host.policy !== 'full' ? ` · ${host.policy}` : ''}: destructive actions ask for a
          typed name
        </div>
      )}
      {!host.production && host.policy !== 'full' && (
        <div className="policy-strip" role="note">
          Policy:{' '}
          {host.policy === 'read-only'
            ? 'read-only, nothing can be changed'
            : 'restricted, no shells, deletes or builds'}
        </div>
      )}
      <HostHeader host={host} status={status} />
      <div className="host-content">
        {errorStatus && (
          <HostErrorPanel
            key={`${host.id}-${errorStatus.error?.code}`}
            host={host}
            status={errorStatus}
            reconnecting={state === 'connecting'}
          />
        )}
        {state === 'connecting' && !lastError && !wasUp[host.id] && (
          <LoadingState className="page-empty" text={`Connecting to ${host.name}…`} />
        )}
        {(state === 'connected' || wasUp[host.id]) && (
          <SectionTabs host={host} renderSection={renderSection} />
        )}
      </div>
    </div>
  );
}
