import { IconButton } from '../../components/ui/IconButton';
import { CloseIcon } from '../../components/ui/Icons';
import type { ApiLogEntry, ApiTargetInfo } from '@shared/contract';
import { queryString, type EngineRequest } from '@shared/apilog/engine-request';
import { requestOfLogEntry } from '@shared/apilog/log-request';
import { CopyAsList } from '../../components/api/CopyAsList';
import { TabbedPanel } from '../../components/ui/TabbedPanel';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { useApiLogDetails } from '../../hooks/useApiLogDetails';
import { useTabState } from '../../hooks/useTabState';
import { durationText, statusText } from '../../lib/api-log-format';
import { fullDate } from '../../lib/format';
import { BodyView } from './BodyView';
import { HeaderList } from './HeaderList';

const TABS = [
  { id: 'request', label: 'Request' },
  { id: 'response', label: 'Response' },
  { id: 'copy', label: 'Copy as' },
] as const;

/** One logged request: headers and bodies (redacted in main), copy-as forms, open in console. */
export function RequestDetails({
  hostId,
  entry,
  target,
  onOpenInConsole,
  onClose,
}: {
  hostId: string;
  entry: ApiLogEntry;
  target: ApiTargetInfo | undefined;
  onOpenInConsole(req: EngineRequest): void;
  onClose(): void;
}) {
  const tabs = useTabState(TABS, 'request');
  const tab = tabs.current;
  // An open entry that ends has a response to show: reload then.
  const { details, error, loading } = useApiLogDetails(
    hostId,
    entry.id,
    `${entry.state}:${entry.status ?? ''}`,
  );
  const request = details ? requestOfLogEntry(details) : undefined;

  return (
    <aside className="api-details" aria-label="Request details">
      <header className="api-details-head">
        <h3 className="mono truncate" title={`${entry.method} ${entry.path}${queryString(entry.query)}`}>
          <span className={`api-method api-method-${entry.method}`}>{entry.method}</span> {entry.path}
        </h3>
        <button
          type="button"
          className="button button-small"
          disabled={!request}
          onClick={() => request && onOpenInConsole(request)}
        >
          Open in console
        </button>
        <IconButton label="Close details" onClick={onClose}>
          <CloseIcon size={14} />
        </IconButton>
      </header>
      <p className="api-details-meta muted">
        {statusText(entry)} · {durationText(entry)} · {fullDate(entry.at)}
        {entry.origin ? ` · from ${entry.origin.method} (${entry.origin.callId})` : ' · background'}
        {entry.error ? ` · ${entry.error}` : ''}
      </p>
      <TabbedPanel label="Request details" prefix="api-details" state={tabs} className="api-details-panel">
        {error && <ErrorBanner error={error} title="Couldn't read this request" />}
        {!details ? (
          loading && (
            <p className="muted" role="status">
              <span className="spinner" aria-hidden="true" /> Loading…
            </p>
          )
        ) : tab === 'request' ? (
          <>
            {details.query.length > 0 && (
              <>
                <h4>Query</h4>
                <HeaderList headers={Object.fromEntries(details.query)} label="Query parameters" />
              </>
            )}
            <h4>Request headers</h4>
            <HeaderList headers={details.requestHeaders} label="Request headers" />
            <h4>Request body</h4>
            <BodyView body={details.requestBody} label="Request body" />
          </>
        ) : tab === 'response' ? (
          <>
            <h4>Response headers</h4>
            <HeaderList headers={details.responseHeaders} label="Response headers" />
            <h4>Response body</h4>
            <BodyView body={details.responseBody} label="Response body" />
          </>
        ) : request && target ? (
          <CopyAsList request={request} target={target.target} />
        ) : (
          <p className="muted">Reading how this host is addressed…</p>
        )}
      </TabbedPanel>
    </aside>
  );
}
