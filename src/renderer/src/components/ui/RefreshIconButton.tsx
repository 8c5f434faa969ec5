import { ActionIcon } from './ActionIcon';

/** A toolbar's Refresh: an icon button that spins (and waits) while a list is loading. */
export function RefreshButton({ loading, onRefresh }: { loading: boolean; onRefresh(): void }) {
  return (
    <button
      type="button"
      className="icon-button toolbar-icon"
      onClick={onRefresh}
      disabled={loading}
      aria-busy={loading || undefined}
      aria-label="Refresh"
      title="Refresh"
    >
      {loading ? <span className="spinner" aria-hidden="true" /> : <ActionIcon action="restart" />}
    </button>
  );
}
