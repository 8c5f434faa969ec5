import { useState } from 'react';
import type { HostView } from '@shared/contract';
import type { EngineRequest } from '@shared/apilog/engine-request';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { TabbedPanel } from '../../components/ui/TabbedPanel';
import { useApiTarget } from '../../hooks/useApiTarget';
import { useTabState } from '../../hooks/useTabState';
import { EMPTY_DRAFT, draftOf, type ConsoleDraft } from '../../lib/api-console';
import { ApiConsole } from './ApiConsole';
import { ApiLogPanel } from './ApiLogPanel';

const TABS = [
  { id: 'log', label: 'Request log' },
  { id: 'console', label: 'Console' },
] as const;

/** The host's "API" section: every engine request the app made (the log) and a console to send one. */
export function ApiView({ host }: { host: HostView }) {
  const tabs = useTabState(TABS, 'log');
  const [draft, setDraft] = useState<ConsoleDraft>(EMPTY_DRAFT);
  const { info, error } = useApiTarget(host.id);
  const openInConsole = (req: EngineRequest) => {
    setDraft(draftOf(req));
    tabs.onSelect('console');
  };
  return (
    <section className="api-view" aria-label="Engine API">
      <TabbedPanel label="Engine API" prefix="api" state={tabs} className="view-panel api-view-panel">
        {error && <ErrorBanner error={error} title={`Couldn't address ${host.name}`} />}
        {tabs.current === 'log' ? (
          <ApiLogPanel hostId={host.id} target={info} onOpenInConsole={openInConsole} />
        ) : info ? (
          <ApiConsole hostId={host.id} info={info} draft={draft} onDraft={setDraft} />
        ) : (
          !error && (
            <p className="muted" role="status">
              <span className="spinner" aria-hidden="true" /> Reading {host.name}&apos;s API version…
            </p>
          )
        )}
      </TabbedPanel>
    </section>
  );
}
