import { useMemo, useState } from 'react';
import type { ApiLogFilter, ApiTargetInfo } from '@shared/contract';
import type { EngineRequest } from '@shared/apilog/engine-request';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { useApiLog } from '../../hooks/useApiLog';
import { useMutation } from '../../hooks/useMutation';
import { plural } from '../../lib/plural';
import { saveText } from '../../lib/save-text';
import { ApiLogFilters, NO_LOG_FILTER, type LogFilterState } from './ApiLogFilters';
import { ApiLogTable } from './ApiLogTable';
import { RequestDetails } from './RequestDetails';
import { EmptyState, LoadingState } from '../../components/ui/EmptyState';

/** The host's API log: a network-tab-like table, filters, Clear, Export, and the selected request. */
export function ApiLogPanel({
  hostId,
  target,
  onOpenInConsole,
}: {
  hostId: string;
  target: ApiTargetInfo | undefined;
  onOpenInConsole(req: EngineRequest): void;
}) {
  const [filter, setFilter] = useState<LogFilterState>(NO_LOG_FILTER);
  const [selected, setSelected] = useState<number>();
  const [retry, setRetry] = useState(0);
  const query = useMemo((): ApiLogFilter => {
    const f: ApiLogFilter = { hostId };
    if (filter.method) f.methods = [filter.method];
    if (filter.status) f.status = [filter.status];
    if (filter.text.trim()) f.text = filter.text.trim();
    return f;
  }, [hostId, filter]);
  const { entries, loaded, error } = useApiLog(query, retry);
  const exporter = useMutation('apilog.export');
  const clearer = useMutation('apilog.clear', { toast: () => 'API log cleared.' });
  const filtered = filter.method !== '' || filter.status !== '' || filter.text.trim() !== '';
  const entry = entries.find((e) => e.id === selected);

  const exportAs = async (format: 'json' | 'har') => {
    const out = await exporter.run({
      hostId,
      format,
      ...(filtered ? { ids: entries.map((e) => e.id) } : {}),
    });
    if (out.ok) saveText(out.value.fileName, out.value.content, out.value.mimeType);
  };

  return (
    <div className="api-log-panel">
      <div className="toolbar api-toolbar" role="search" aria-label="Filter the API log">
        <ApiLogFilters value={filter} onChange={(p) => setFilter((f) => ({ ...f, ...p }))} />
        <span className="muted api-count" aria-live="polite">
          {plural(entries.length, 'request', 'requests')}
          {filtered ? (entries.length === 1 ? ' matches' : ' match') : ''}
        </span>
        <span className="header-spacer" />
        {(['json', 'har'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="button button-small"
            disabled={entries.length === 0 || exporter.busy}
            onClick={() => void exportAs(format)}
          >
            Export {format.toUpperCase()}
          </button>
        ))}
        <button
          type="button"
          className="button button-small"
          disabled={clearer.busy}
          onClick={() =>
            void clearer.run({ hostId }).then((o) => {
              if (!o.ok) return;
              setSelected(undefined);
              setRetry((n) => n + 1);
            })
          }
        >
          Clear
        </button>
      </div>
      {error && (
        <ErrorBanner
          error={error}
          title="The API log stopped updating"
          actions={
            <button type="button" className="button button-small" onClick={() => setRetry((n) => n + 1)}>
              Retry
            </button>
          }
        />
      )}
      {exporter.error && <ErrorBanner error={exporter.error} title="Couldn't export the API log" />}
      {clearer.error && <ErrorBanner error={clearer.error} title="Couldn't clear the API log" />}
      <div className={`api-log-split${entry ? ' has-details' : ''}`}>
        {!loaded ? (
          <LoadingState className="page-empty" text="Loading the API log…" />
        ) : entries.length === 0 ? (
          <EmptyState
            className="page-empty"
            title={filtered ? 'No requests match' : 'No requests yet'}
            hint={
              filtered
                ? 'Change or clear the filters.'
                : 'Every engine request the app makes for this host appears here, newest first.'
            }
          />
        ) : (
          <ApiLogTable
            entries={entries}
            selected={selected}
            onSelect={setSelected}
            compact={entry !== undefined}
          />
        )}
        {entry && (
          <RequestDetails
            key={entry.id}
            hostId={hostId}
            entry={entry}
            target={target}
            onOpenInConsole={onOpenInConsole}
            onClose={() => setSelected(undefined)}
          />
        )}
      </div>
    </div>
  );
}
