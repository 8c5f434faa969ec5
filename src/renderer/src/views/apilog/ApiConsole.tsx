import { useId, useMemo, useState } from 'react';
import type { ApiTargetInfo } from '@shared/contract';
import { HTTP_METHODS, splitVersion } from '@shared/apilog/engine-request';
import { describedVersion, findEndpoint, validateAgainstIndex } from '@shared/apilog/endpoint-index';
import {
  accessOfRequest,
  checkEnginePath,
  isHijacking,
  isStreamingRequest,
} from '@shared/apilog/request-access';
import { useApiConsole, type ConsoleRequest } from '../../hooks/useApiConsole';
import {
  addToHistory,
  clearHistory,
  loadHistory,
  parseBody,
  queryOf,
  type ConsoleDraft,
  recordOutcome,
  type HistoryItem,
  type HistoryOutcome,
} from '../../lib/api-console';
import { CodeEditor } from '../../components/ui/LazyCodeEditor';
import { InlineSelect } from '../../components/ui/InlineSelect';
import { ConsoleHistory } from './ConsoleHistory';
import { ConsoleResultView } from './ConsoleResultView';
import { EndpointDocs } from './EndpointDocs';
import { PathField } from './PathField';
import { QueryRows } from './QueryRows';

/**
 * Compose a request to this host and send it through the dispatcher and the host's policy: path
 * completion and docs from the bundled OpenAPI index, warnings (still sendable), the response as
 * JSON, streams followed until Stop, and a history kept in this browser.
 */
export function ApiConsole({
  hostId,
  info,
  draft,
  onDraft,
}: {
  hostId: string;
  info: ApiTargetInfo;
  draft: ConsoleDraft;
  onDraft(d: ConsoleDraft): void;
}) {
  const confirmId = useId();
  const [confirm, setConfirm] = useState('');
  const [history, setHistory] = useState<HistoryItem[]>(loadHistory);
  const { result, busy, send, follow, stop } = useApiConsole(hostId);
  const apiVersion = info.target.apiVersion;
  const set = (patch: Partial<ConsoleDraft>) => onDraft({ ...draft, ...patch });

  const pathProblem = checkEnginePath(draft.path);
  const plainPath = splitVersion(draft.path).path;
  const body = parseBody(draft.body);
  const query = queryOf(draft);
  const doc = pathProblem ? undefined : findEndpoint(apiVersion, draft.method, plainPath);
  const warnings = useMemo(
    () =>
      pathProblem || !body.ok
        ? []
        : validateAgainstIndex(apiVersion, draft.method, plainPath, query, body.body),
    // query/body are derived from the draft each render
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [apiVersion, draft, pathProblem],
  );
  const hijack = !pathProblem && isHijacking(draft.method, draft.path);
  const needsConfirm = info.production && accessOfRequest(draft.method, draft.path) !== 'read';
  const streaming = draft.method === 'GET' && isStreamingRequest(draft.method, draft.path, query);
  const canSend = !pathProblem && body.ok && !hijack && (!needsConfirm || confirm === info.hostName) && !busy;

  const run = (d: ConsoleDraft) => {
    const b = parseBody(d.body);
    if (!b.ok || checkEnginePath(d.path)) return;
    const q = queryOf(d);
    const req: ConsoleRequest = { hostId, method: d.method, path: d.path, query: q };
    if (b.body !== undefined) req.body = b.body;
    if (info.production && accessOfRequest(d.method, d.path) !== 'read') {
      req.confirm = confirm;
      // Each change on a production host is confirmed on its own.
      setConfirm('');
    }
    const at = Date.now();
    setHistory((h) => addToHistory(h, { ...d, query: q, hostId, at }));
    const done = (o: HistoryOutcome, final?: boolean) => setHistory((h) => recordOutcome(h, at, o, final));
    if (d.method === 'GET' && isStreamingRequest(d.method, d.path, q)) follow(req, done);
    else void send(req, done);
  };

  return (
    <div className="api-console">
      <div className="api-console-main">
        <form
          className="api-console-form"
          aria-label="Compose a request"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (canSend) run(draft);
          }}
        >
          <div className="api-request-line">
            <InlineSelect
              label="Method"
              className="input api-method-select"
              value={draft.method}
              options={HTTP_METHODS}
              onChange={(method) => set({ method })}
            />
            <PathField
              apiVersion={apiVersion}
              value={draft.path}
              error={draft.path ? pathProblem : undefined}
              onChange={(path) => set({ path })}
              onPick={(e) => set({ method: e.m, path: e.p })}
            />
            {/* Stop is beside the stream (one Stop button; swapping Send for Stop here would submit on click). */}
            <button
              type="submit"
              className="button button-primary"
              disabled={!canSend}
              aria-busy={busy || undefined}
            >
              {busy && <span className="spinner" aria-hidden="true" />}
              Send
            </button>
          </div>
          <p className="field-hint">
            To {info.hostName} · API {apiVersion}
            {describedVersion(apiVersion) !== apiVersion
              ? ` (no description of ${apiVersion} is bundled: completion and docs are API ${describedVersion(apiVersion)}'s)`
              : ''}{' '}
            · policy {info.policy}
            {info.production ? ' · production' : ''}
            {streaming ? ' · streams until Stop' : ''}
          </p>
          <fieldset className="api-fieldset">
            <legend>Query</legend>
            <QueryRows rows={draft.query} onChange={(q) => set({ query: q })} />
          </fieldset>
          {draft.method !== 'GET' && draft.method !== 'HEAD' && (
            <div className="field">
              <span className="field-label">JSON body</span>
              {doc && !doc.body && !draft.body ? (
                <p className="field-hint">
                  {doc.m} {doc.p} takes no body.
                </p>
              ) : (
                <CodeEditor
                  label="JSON body"
                  value={draft.body}
                  invalid={!body.ok}
                  onChange={(text) => set({ body: text })}
                />
              )}
              {!body.ok && <span className="field-error">{body.message}</span>}
            </div>
          )}
          {needsConfirm && (
            <div className="field api-confirm">
              <label htmlFor={confirmId} className="field-label">
                {info.hostName} is a production host: type its name to send this {draft.method}
              </label>
              <input
                id={confirmId}
                className="input"
                autoComplete="off"
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
              />
            </div>
          )}
          {hijack && (
            <p className="callout callout-warning api-hijack" role="note">
              This endpoint takes over the connection: open a terminal on the container instead.
            </p>
          )}
          {warnings.length > 0 && (
            <div className="callout callout-warning api-warnings">
              <p className="api-warnings-title">
                Warnings from the API description (the request can still be sent):
              </p>
              <ul aria-label="Warnings">
                {warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          )}
        </form>
        {result && <ConsoleResultView result={result} onStop={stop} />}
      </div>
      <div className="api-console-side">
        <EndpointDocs doc={doc} version={describedVersion(apiVersion)} />
        <ConsoleHistory
          items={history.filter((h) => h.hostId === hostId)}
          onLoad={(h) => onDraft({ method: h.method, path: h.path, query: h.query, body: h.body })}
          onReplay={(h) => {
            const d = { method: h.method, path: h.path, query: h.query, body: h.body };
            onDraft(d);
            run(d);
          }}
          onClear={() => setHistory(clearHistory())}
        />
      </div>
    </div>
  );
}
