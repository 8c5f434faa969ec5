import { outcomeText, type HistoryItem } from '../../lib/api-console';
import { queryString } from '@shared/apilog/engine-request';
import { clockMs } from '../../lib/api-log-format';

/** Requests sent from this browser, newest first: Load puts one in the form, Replay sends it again. */
export function ConsoleHistory({
  items,
  onLoad,
  onReplay,
  onClear,
}: {
  items: HistoryItem[];
  onLoad(item: HistoryItem): void;
  onReplay(item: HistoryItem): void;
  onClear(): void;
}) {
  return (
    <section className="api-history" aria-label="History">
      <header className="api-history-head">
        <h4>History</h4>
        <span className="header-spacer" />
        {items.length > 0 && (
          <button type="button" className="button button-small" onClick={onClear}>
            Clear history
          </button>
        )}
      </header>
      {items.length === 0 ? (
        <p className="muted">Requests you send appear here.</p>
      ) : (
        <ul className="api-history-list">
          {items.map((h) => {
            const label = `${h.method} ${h.path}${queryString(h.query)}`;
            return (
              <li key={`${h.at}-${label}`} className="api-history-item">
                <button type="button" className="api-history-load" title={label} onClick={() => onLoad(h)}>
                  <span className={`api-method api-method-${h.method}`}>{h.method}</span>
                  <span className="mono truncate">{h.path}</span>
                  <span
                    className={`api-history-outcome${h.error !== undefined || (h.status ?? 0) >= 400 ? ' api-history-bad' : ''}${h.pending ? ' muted' : ''}`}
                    title={
                      h.error ?? (h.pending && h.status === undefined ? 'waiting for the answer' : undefined)
                    }
                  >
                    {outcomeText(h)}
                  </span>
                  <span className="muted api-history-time">{clockMs(h.at).slice(0, 8)}</span>
                </button>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Replay ${label}`}
                  onClick={() => onReplay(h)}
                >
                  Replay
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
