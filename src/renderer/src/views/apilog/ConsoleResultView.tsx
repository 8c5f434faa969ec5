import type { ConsoleResult } from '../../hooks/useApiConsole';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { JsonBlock } from '../../components/ui/JsonBlock';

function tone(status: number | undefined): string {
  if (status === undefined) return 'open';
  return status >= 500 ? 'bad' : status >= 400 ? 'warn' : 'ok';
}

/** The console's answer: status and duration, then a JSON tree, text, a live stream, or the refusal. */
export function ConsoleResultView({ result, onStop }: { result: ConsoleResult; onStop(): void }) {
  if (result.kind === 'error') return <ErrorBanner error={result.error} />;
  if (result.kind === 'stream') {
    const s = result.stream;
    return (
      <section className="api-response" aria-label="Response">
        <header className="api-response-head">
          <span className={`api-status api-status-${tone(s.status)}`}>{s.status ?? 'waiting'}</span>
          <span className="muted" role="status">
            {s.open ? 'Streaming…' : 'Stream ended'}
          </span>
          <span className="header-spacer" />
          {s.open && (
            <button type="button" className="button button-small" onClick={onStop}>
              Stop
            </button>
          )}
        </header>
        {s.error && <ErrorBanner error={s.error} title="The stream ended with an error" />}
        <pre className="json-pre api-stream" aria-label="Response stream" tabIndex={0}>
          {s.text || (s.open ? 'Waiting for the engine…' : '')}
        </pre>
      </section>
    );
  }
  const r = result.response;
  return (
    <section className="api-response" aria-label="Response">
      <header className="api-response-head">
        <span className={`api-status api-status-${tone(r.status)}`} aria-label={`Status ${r.status}`}>
          {r.status}
        </span>
        <span className="muted">
          {Math.round(r.durationMs)} ms{r.headers['content-type'] ? ` · ${r.headers['content-type']}` : ''}
        </span>
      </header>
      {r.warnings.length > 0 && (
        <ul className="callout callout-warning api-warnings" aria-label="Warnings">
          {r.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {r.bodyKind === 'json' ? (
        <JsonBlock value={r.body} label="Response JSON" />
      ) : r.bodyKind === 'none' ? (
        <p className="muted">No body.</p>
      ) : (
        <pre className="json-pre" aria-label="Response body" tabIndex={0}>
          {typeof r.body === 'string' ? r.body : JSON.stringify(r.body)}
        </pre>
      )}
    </section>
  );
}
