import type { BulkOutcome } from '../../stores/containers';
import { containerAction } from '../../actions/container-actions';
import { errorTitle } from '../../lib/errors';

/**
 * The outcome of a bulk action, one line per container: "web-1: stopped", "db: Conflict: …".
 * Failures come first so they are not missed in a long list.
 */
export function BulkResults({ outcome, onDismiss }: { outcome: BulkOutcome; onDismiss(): void }) {
  const verb = containerAction(outcome.action);
  const failed = outcome.rows.filter((r) => !r.ok);
  const ok = outcome.rows.length - failed.length;
  const rows = [...failed, ...outcome.rows.filter((r) => r.ok)];
  return (
    <section
      className={`bulk-results${failed.length ? ' has-failures' : ''}`}
      aria-label={`Results of ${verb.label.toLowerCase()}`}
    >
      <header className="bulk-results-head">
        <strong>
          {verb.label} {outcome.scope}:
        </strong>{' '}
        <span>
          {ok} {verb.done}
          {failed.length > 0 && <span className="bulk-failed-count">, {failed.length} failed</span>}
        </span>
        <span className="header-spacer" />
        <button type="button" className="button button-small ct-ghost" onClick={onDismiss}>
          Dismiss results
        </button>
      </header>
      <ul className="bulk-results-list">
        {rows.map((r) => (
          <li key={r.id} className={r.ok ? 'is-ok' : 'is-failed'}>
            <span className="bulk-result-mark" aria-hidden="true">
              {r.ok ? '✓' : '✕'}
            </span>
            <span>
              <span className="mono">{r.name}</span>:{' '}
              {r.ok
                ? verb.done
                : `${errorTitle(r.error ?? { code: 'INTERNAL', message: '' })}: ${r.error?.message ?? ''}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
